// The Cost section: what a call costs each server, not only how fast it goes. Server CPU per call
// at the fixed rate (where every server that keeps up does the same work) and at saturation, each
// with its interval; and cores per 1,000 calls/s with the memory of each core at the run's p99
// bound, by the capacity planner's rule (the busiest measured load that held the bound).
import { plans } from '../plan/capacity.js';
import { operatingPoints } from '../plan/operating-points.js';
import { PEER_WIRING } from '../results.js';
import { HEADLINE_SCENARIO } from '../scenarios.js';
import { caseOf, cell, GENERATOR_BOUND, winner, type Cell } from '../summarise.js';
import { KNEE_DROPPED, p99Bound } from './curve.js';
import type { Ctx } from './context.js';
import { bytes, microseconds, ms, num, winnerText } from './format.js';
import type { Block, Section } from './model.js';

/** A fixed-rate cell in which the server kept up: every call answered in time, the generator with room. */
function keptUp(x: Cell): boolean {
  return x.errorRate === 0 && (x.droppedShare ?? 0) < KNEE_DROPPED && x.generatorUtilisation < GENERATOR_BOUND;
}

function label(server: string, wiring: string): string {
  return wiring === PEER_WIRING ? server : `${server} (${wiring})`;
}

export function costSection(ctx: Ctx): Section {
  const results = ctx.results;
  const rate = results.settings.rates[0];
  const bound = p99Bound(ctx);
  const points = operatingPoints(results);
  if (points.length === 0 || results.environment.remote) return { id: 'cost', title: 'Cost per call', blocks: [] };
  // Per server and wiring, the fewest cores per 1,000 calls/s first (the planner's order).
  const rows = plans(points, { callsPerSecond: 1000, toolMs: 0, p99TargetMs: bound, pricePerCoreHour: null }).map((plan) => {
    const { server, wiring } = plan;
    const atRate = rate === undefined ? null : cell(results, caseOf({ scenario: HEADLINE_SCENARIO, wiring, rate }), server);
    const atSaturation = cell(results, caseOf({ scenario: 'saturation-mcp', wiring }), server);
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
  // The cheapest is named among the servers as the run measures them everywhere (the primary
  // wiring) and the peers as they come; the compared wirings are in the table.
  const contenders = rows.filter((r) => r.atRate !== null && (r.wiring === ctx.primary || r.wiring === PEER_WIRING));
  const compared = contenders.filter((r) => keptUp(r.atRate as Cell));
  if (rate !== undefined && compared.length > 1) {
    const cheapest = winner(compared.map((r) => ({ server: label(r.server, r.wiring), value: (r.atRate as Cell).requestsPerCpuSecond })), 'higher');
    const behind = contenders.filter((r) => !keptUp(r.atRate as Cell)).map((r) => label(r.server, r.wiring));
    blocks.push({
      kind: 'text',
      text: `**Cheapest per call at ${num(rate)} calls/s**: ${winnerText(cheapest)}${behind.length > 0 ? `; not compared (did not keep up there): ${behind.join(', ')}` : ''}.`,
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
