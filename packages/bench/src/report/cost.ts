// The Cost section: what a call costs each server, not only how fast it goes. Server CPU per call
// at the fixed rate (where every server that keeps up does the same work) and at saturation, each
// with its interval; and cores per 1,000 calls/s with the memory of each core at the run's p99
// bound, by the capacity planner's rule (the busiest measured load that held the bound).
import { plans } from '../plan/capacity.js';
import { operatingPoints } from '../plan/operating-points.js';
import { PEER_WIRING } from '../results.js';
import { HEADLINE_SCENARIO } from '../scenarios.js';
import { caseOf } from '../summarise.js';
import { p99Bound } from './curve.js';
import type { Ctx } from './context.js';
import { bytes, microseconds, ms, num } from './format.js';
import type { Block, Section } from './model.js';
import { isClear, separate } from './paired.js';
import { rowOf, type RunSummary } from './summary.js';
import { ratioRange } from './verdict.js';

function label(server: string, wiring: string): string {
  return wiring === PEER_WIRING ? server : `${server} (${wiring})`;
}

export function costSection(ctx: Ctx, summary: RunSummary): Section {
  const results = ctx.results;
  const rate = summary.rate;
  const bound = p99Bound(ctx);
  const points = operatingPoints(results);
  if (points.length === 0 || results.environment.remote) return { id: 'cost', title: 'Cost per call', blocks: [] };
  // Per server and wiring, the fewest cores per 1,000 calls/s first (the planner's order).
  const rows = plans(points, { callsPerSecond: 1000, toolMs: 0, p99TargetMs: bound, pricePerCoreHour: null }).map((plan) => {
    const { server, wiring } = plan;
    const atRate = rate === undefined ? null : summary.cell(caseOf({ scenario: HEADLINE_SCENARIO, wiring, rate }), server);
    const atSaturation = summary.cell(caseOf({ scenario: 'saturation-mcp', wiring }), server);
    return { server, wiring, plan, atRate, atSaturation };
  });
  const blocks: Block[] = [
    {
      kind: 'text',
      text:
        `Server CPU per call is the server's CPU time over the calls it answered (µs, ±half the 95% interval over the rounds)${rate === undefined ? '' : `: at ${num(rate)} calls/s every server that keeps up does the same work, so there it is what a call costs`}. ` +
        `Cores per 1,000 calls/s is 1,000 over the busiest load this run measured with p99 under ${ms(bound)}, no error, under 1% dropped and the generator under 70% of its core (each server on one core); memory per core is the server's peak resident memory at that load. ` +
        '`pnpm plan` gives the same for your own rate, tool time, p99 target and price.',
    },
  ];
  // The cheapest is named among the servers as the run measures them everywhere (the main
  // wiring) and the peers as they come, paired by round; the compared wirings are in the table.
  const main = summary.main;
  const cheapest = separate(main.cheaper);
  const name = (server: string) => label(server, rowOf(main, server)?.entrant.wiring ?? ctx.primary);
  const behind = main.rows.filter((r) => r.atRate !== null && !r.keptUp).map((r) => label(r.entrant.server, r.entrant.wiring));
  if (rate !== undefined && cheapest && cheapest.behind.length + cheapest.close.length > 0) {
    const others = (names: string[]) => names.map((n) => `${name(n)} ${ratioRange(main.cheaper.ratios.get(n))}`).join(', ');
    blocks.push({
      kind: 'text',
      text: `**Cheapest per call at ${num(rate)} calls/s**: ${
        isClear(cheapest)
          ? `**${name(cheapest.best)}**: every other one's calls per CPU-second over its, paired by round, lies below 1 (${others(cheapest.behind)})`
          : `no clear winner; ${name(cheapest.best)} the least, not separable, paired by round, from ${others(cheapest.close)}`
      }${behind.length > 0 ? `; not compared (did not keep up there): ${behind.join(', ')}` : ''}.`,
    });
  }
  blocks.push({
    kind: 'table',
    head: [
      'Server (wiring)',
      ...(rate === undefined ? [] : [`CPU µs per call @ ${num(rate)}/s`]),
      'CPU µs per call at saturation',
      `Cores per 1,000 calls/s (p99 < ${ms(bound)})`,
      'Memory per core',
      'From',
    ],
    rows: rows.map((r) => [
      label(r.server, r.wiring),
      ...(rate === undefined ? [] : [microseconds(r.atRate)]),
      microseconds(r.atSaturation),
      r.plan.coresPer1000 === null ? 'none held' : num(r.plan.coresPer1000, 2),
      r.plan.basis ? bytes(r.plan.basis.peakRssBytes) : '—',
      r.plan.basis ? `${r.plan.basis.where}, ${num(r.plan.basis.callsPerSecond)} calls/s, p99 ${ms(r.plan.basis.p99Ms)}` : r.plan.notes.join('; '),
    ]),
  });
  return { id: 'cost', title: 'Cost per call', blocks };
}
