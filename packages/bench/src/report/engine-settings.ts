// Engine settings as steps of their own: each `<wiring>+<setting>` measured beside the same
// wiring on the engine's defaults, in the same saturation slices, so the setting's gain and its
// memory cost are ratios paired by slice with 95% intervals.
import { isOurServer, runtimeEntry, runtimeOf } from '@mcp-runtimes/registry';
import { ENGINE_SETTINGS } from '../engine-settings.js';
import { caseOf } from '../summarise.js';
import { settingOf, wiringOf } from '../variants.js';
import type { Ctx } from './context.js';
import { pairedRatio } from './paired.js';
import { bytes, num, withCi } from './format.js';
import type { Block, Section } from './model.js';
import { ratioText } from './runtimes.js';
import type { RunSummary } from './summary.js';

/** Whether a server's engine takes V8 flags (Bun's JavaScriptCore takes none; a --target label is not ours). */
function takesFlags(server: string): boolean {
  return isOurServer(server) && runtimeEntry(runtimeOf(server)).v8Flags !== null;
}

export function engineSettingsSection(ctx: Ctx, summary: RunSummary): Section {
  const section: Section = { id: 'engine-settings', title: 'Engine settings', blocks: [] };
  for (const variant of ctx.wirings) {
    const setting = settingOf(variant);
    if (setting === undefined) continue;
    const base = wiringOf(variant);
    const withSetting = caseOf({ scenario: 'saturation-mcp', wiring: variant });
    const without = caseOf({ scenario: 'saturation-mcp', wiring: base });
    const rows = ctx.servers.filter(takesFlags).flatMap((server) => {
      const a = summary.cell(without, server);
      const b = summary.cell(withSetting, server);
      if (!a || !b) return [];
      const runsA = summary.runs(without, server);
      const runsB = summary.runs(withSetting, server);
      return [
        [
          server,
          withCi(a.rps, (v) => num(v)),
          withCi(b.rps, (v) => num(v)),
          ratioText(pairedRatio(runsB, runsA, (m) => m.rps)),
          `${bytes(a.peakRssBytes)} / ${bytes(b.peakRssBytes)}`,
          ratioText(pairedRatio(runsB, runsA, (m) => m.serverUsage.peakRssBytes)),
        ],
      ];
    });
    if (rows.length === 0) continue;
    const flags = ctx.results.environment.engineSettings?.[variant] ?? ENGINE_SETTINGS[setting].flags.join(' ');
    const blocks: Block[] = [
      {
        kind: 'text',
        text: `**${setting}** (\`${flags}\`): ${ENGINE_SETTINGS[setting].about}. The ${base} wiring with it (${variant}) over the same wiring on the engine's defaults, in the same saturation slices, paired by slice; the servers whose engine takes V8 flags.`,
      },
      {
        kind: 'table',
        head: ['Server', `${base}: MCP calls/s`, `${variant}: MCP calls/s`, 'with × without (paired)', 'Peak RSS: without / with', 'memory with × without (paired)'],
        rows,
      },
    ];
    section.blocks.push(...blocks);
  }
  return section;
}
