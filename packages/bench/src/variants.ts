import { sdkOf, WIRING_NAMES, type WiringName } from '@mcp-runtimes/server-kit';
import { ENGINE_SETTING_NAMES, ENGINE_SETTINGS, type EngineSettingName } from './engine-settings.js';
import type { Era } from './saturation.js';

/**
 * What the benchmark measures: a server wiring, spoken to in one MCP era, on its engine's
 * defaults or with one engine setting. A wiring's name alone is the 2025-11-25 era on the
 * defaults; `<wiring>@2026` is the same server spoken to in 2026-07-28, which only SDK v2's
 * wirings serve (both eras on one endpoint); `<wiring>+<setting>` is the server started with
 * one of ENGINE_SETTINGS (2025 era).
 */
export type Variant = WiringName | `${WiringName}@2026` | `${WiringName}+${EngineSettingName}`;

const MODERN_SUFFIX = '@2026';
const SETTING_SEPARATOR = '+';

/** The MCP revisions the load generators and the gate speak, the older first. */
export const ERAS: readonly Era[] = ['2025-11-25', '2026-07-28'];

export const VARIANT_NAMES: readonly Variant[] = [
  ...WIRING_NAMES,
  ...WIRING_NAMES.filter((w) => sdkOf(w) === 'v2').map((w) => `${w}${MODERN_SUFFIX}` as const),
  ...WIRING_NAMES.flatMap((w) => ENGINE_SETTING_NAMES.map((s) => `${w}${SETTING_SEPARATOR}${s}` as const)),
];

/** The server's MCP_WIRING for a variant. */
export function wiringOf(variant: string): WiringName {
  const inEra = variant.endsWith(MODERN_SUFFIX) ? variant.slice(0, -MODERN_SUFFIX.length) : variant;
  const at = inEra.indexOf(SETTING_SEPARATOR);
  return (at === -1 ? inEra : inEra.slice(0, at)) as WiringName;
}

/** The engine setting a variant is started with, if any. */
export function settingOf(variant: string): EngineSettingName | undefined {
  const at = variant.indexOf(SETTING_SEPARATOR);
  const name = at === -1 ? undefined : variant.slice(at + 1);
  return name !== undefined && (ENGINE_SETTING_NAMES as readonly string[]).includes(name) ? (name as EngineSettingName) : undefined;
}

/** The V8 flags a variant's server is started with: its setting's, or none. */
export function engineFlagsOf(variant: string): readonly string[] {
  const setting = settingOf(variant);
  return setting === undefined ? [] : ENGINE_SETTINGS[setting].flags;
}

/** The flags of every variant started with an engine setting, as a run's environment records them. */
export function engineSettingsOf(variants: readonly string[]): { engineSettings?: Record<string, string> } {
  const set = variants.filter((v) => settingOf(v) !== undefined);
  return set.length === 0 ? {} : { engineSettings: Object.fromEntries(set.map((v) => [v, engineFlagsOf(v).join(' ')])) };
}

/** The name a wiring (or anything labelled by era: a target, a gate) carries in `era`: itself, or `<name>@2026`. */
export function inEra(name: string, era: Era): string {
  return era === '2026-07-28' ? `${name}${MODERN_SUFFIX}` : name;
}

/** The era a variant's load generators and gate speak. */
export function eraOf(variant: string): Era {
  return variant.endsWith(MODERN_SUFFIX) ? '2026-07-28' : '2025-11-25';
}

/** SDK v1 or v2 (the peers' `own` wiring is neither: undefined). */
export function sdkOfVariant(variant: string): 'v1' | 'v2' | undefined {
  const wiring = wiringOf(variant);
  return (WIRING_NAMES as readonly string[]).includes(wiring) ? sdkOf(wiring) : undefined;
}
