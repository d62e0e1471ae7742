import { sdkOf, WIRING_NAMES, type WiringName } from '@mcp-runtimes/server-kit';
import type { Era } from './saturation.js';

/**
 * What the benchmark measures: a server wiring, spoken to in one MCP era. A wiring's name
 * alone is the 2025-11-25 era; `<wiring>@2026` is the same server spoken to in 2026-07-28,
 * which only SDK v2's wirings serve (both eras on one endpoint).
 */
export type Variant = WiringName | `${WiringName}@2026`;

const MODERN_SUFFIX = '@2026';

/** The MCP revisions the load generators and the gate speak, the older first. */
export const ERAS: readonly Era[] = ['2025-11-25', '2026-07-28'];

export const VARIANT_NAMES: readonly Variant[] = [
  ...WIRING_NAMES,
  ...WIRING_NAMES.filter((w) => sdkOf(w) === 'v2').map((w) => `${w}${MODERN_SUFFIX}` as const),
];

/** The server's MCP_WIRING for a variant. */
export function wiringOf(variant: string): WiringName {
  return (variant.endsWith(MODERN_SUFFIX) ? variant.slice(0, -MODERN_SUFFIX.length) : variant) as WiringName;
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
