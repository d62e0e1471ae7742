// The MCP floor beside the saturation table: what no HTTP stack can beat on a wiring, and what
// that leaves of each stack's raw speed at best.
import { ceiling } from '../floor/mcp-floor.js';
import { isFloorStage } from '../floor/stages.js';
import type { Cell } from '../summarise.js';
import type { Ctx } from './context.js';
import { num, percent } from './format.js';
import type { Block } from './model.js';

export function floorBlocks(ctx: Ctx, mcp: Map<string, (Cell | null)[]>, raw: (Cell | null)[]): Block[] {
  return (ctx.results.floor ?? []).filter((floor) => !isFloorStage(floor.wiring)).flatMap((floor): Block[] => {
    const measured = mcp.get(floor.wiring) ?? [];
    const rows = ctx.servers.flatMap((server, i) => {
      const r = raw[i];
      if (!r) return [];
      const best = ceiling(r.rps.mean, floor.callsPerSecond);
      const m = measured[i];
      return [[server, num(r.rps.mean), num(best.rps), percent(best.shareOfRaw), m ? num(m.rps.mean) : 'not measured', m ? percent(m.rps.mean / best.rps) : 'n/a']];
    });
    return [
      {
        kind: 'text',
        text:
          `**The MCP floor (${floor.wiring}).** The wiring's handler called in process with no HTTP stack, on the server's core, ` +
          `${floor.inFlight} calls in flight for ${num(floor.seconds, 1)} s: **${num(floor.callsPerSecond)} calls/s** (${num(floor.usPerCall, 1)} µs a call: ` +
          'JSON parsing, the SDK\'s validation and dispatch, the tool, the answer). No server on this wiring can beat it. ' +
          'Added to each stack\'s raw echo it gives the most a server could reach if an MCP request cost its HTTP stack no more than an echo: ' +
          '1 / (1/raw + 1/floor), the ceiling below.',
      },
      {
        kind: 'table',
        head: ['Server', 'Raw echo req/s', 'Ceiling req/s', 'Ceiling / raw', `${floor.wiring} req/s`, `${floor.wiring} / ceiling`],
        rows,
      },
    ];
  });
}
