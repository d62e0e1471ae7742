// Whether a run's answer holds up: the same commit run twice in a row, its servers ranked at
// saturation by their paired ratio to the fastest in each run, and how wide those ratios' 95%
// intervals were. Generated from the two committed runs, never written by hand.
import type { BenchResults } from '../results.js';
import { reportContext } from '../report/context.js';
import { num } from '../report/format.js';
import { pairedRatio } from '../report/paired.js';
import { summariseRun, type RunSummary } from '../report/summary.js';
import { caseOf } from '../summarise.js';
import { runDuration } from './runtimes-table.js';
import type { Summary } from '../stats.js';

/** The servers of the main comparison, fastest first, with each one's ratio to the fastest. */
export interface Ranking {
  order: string[];
  ratios: Map<string, Summary>;
}

/** A run summarised once, for its ranking and its pair orders. */
export function summaryOf(results: BenchResults): RunSummary {
  return summariseRun(reportContext(results));
}

export function rankingAtSaturation({ main }: RunSummary): Ranking {
  const ratios = new Map([...main.throughput.ratios.entries()].filter(([, r]) => r.n > 0));
  const order = [...ratios.entries()].sort((a, b) => b[1].mean - a[1].mean).map(([server]) => server);
  return { order, ratios };
}

/** Half the 95% interval as a share of the ratio (±3% = 0.03); 0 for the fastest itself. */
export function relativeHalfWidth(r: Summary): number {
  return r.ci95 === null ? Number.POSITIVE_INFINITY : (r.ci95[1] - r.ci95[0]) / 2 / r.mean;
}

/** The widest relative half-width among the ratios (the fastest's own is 0). */
export function widest(ranking: Ranking): { server: string; halfWidth: number } | null {
  const widths = [...ranking.ratios.entries()].map(([server, r]) => ({ server, halfWidth: relativeHalfWidth(r) }));
  return widths.sort((a, b) => b.halfWidth - a.halfWidth)[0] ?? null;
}

/** Where two rankings differ: each server whose place changed, with both places (1-based). */
export function moves(first: Ranking, second: Ranking): { server: string; from: number; to: number }[] {
  return first.order.flatMap((server, i) => {
    const j = second.order.indexOf(server);
    return j >= 0 && j !== i ? [{ server, from: i + 1, to: j + 1 }] : [];
  });
}

/** Two servers as one run's paired interval (their ratio, slice by slice, at saturation) orders them; `ahead` null when it reaches 1. */
export interface PairOrder {
  pair: [string, string];
  ahead: string | null;
}

/** Every pair of the main comparison's servers at saturation, each ordered by its own paired ratio. */
export function pairOrders(summary: RunSummary): PairOrder[] {
  const measured = summary.main.rows
    .filter((r) => r.saturation !== null)
    .map(({ entrant: { server, wiring } }) => ({ server, runs: summary.runs(caseOf({ scenario: 'saturation-mcp', wiring }), server) }));
  return measured.flatMap((a, i) =>
    measured.slice(i + 1).map((b) => {
      const ratio = pairedRatio(a.runs, b.runs, (m) => m.rps);
      const ahead = ratio.ci95 === null ? null : ratio.ci95[0] > 1 ? a.server : ratio.ci95[1] < 1 ? b.server : null;
      return { pair: [a.server, b.server] as [string, string], ahead };
    }),
  );
}

/** Whether two runs' orders agree: pairs both separate the same way, pairs they separate opposite ways, and pairs at least one leaves level. */
export function agreement(first: readonly PairOrder[], second: readonly PairOrder[]): { same: number; opposite: PairOrder[]; level: number } {
  const key = (p: PairOrder) => [...p.pair].sort().join(' ');
  const other = new Map(second.map((p) => [key(p), p]));
  let same = 0;
  let level = 0;
  const opposite: PairOrder[] = [];
  for (const p of first) {
    const q = other.get(key(p));
    if (!q) continue;
    if (p.ahead === null || q.ahead === null) level++;
    else if (p.ahead === q.ahead) same++;
    else opposite.push(p);
  }
  return { same, opposite, level };
}

const pct = (share: number) => (Number.isFinite(share) ? `±${num(share * 100, 1)}%` : 'no interval');

function runName(results: BenchResults, folder: string): string {
  return `[${folder}](${folder}/RESULTS.md) (started ${results.startedAt.slice(11, 16)} UTC, ${runDuration(results)})`;
}

/** The README's paragraph on the two runs of one commit. */
export function reproducedText(first: BenchResults, firstFolder: string, second: BenchResults, secondFolder: string): string {
  const shaA = first.environment.gitSha.slice(0, 7);
  const shaB = second.environment.gitSha.slice(0, 7);
  const summaries = [summaryOf(first), summaryOf(second)] as const;
  const a = rankingAtSaturation(summaries[0]);
  const b = rankingAtSaturation(summaries[1]);
  const same = shaA === shaB ? `commit \`${shaA}\`` : `commits \`${shaA}\` and \`${shaB}\``;
  const wide = [widest(a), widest(b)];
  const changed = moves(a, b);
  const widths = `The widest 95% interval of a ratio to the fastest: ${wide.map((w, i) => (w ? `${pct(w.halfWidth)} (${w.server}, run ${i + 1})` : 'none')).join(' and ')}.`;
  const order = (r: Ranking) => r.order.map((s) => `${s} ${num(r.ratios.get(s)?.mean ?? Number.NaN, 2)}`).join(', ');
  const agreed = agreement(pairOrders(summaries[0]), pairOrders(summaries[1]));
  const pairs = agreed.same + agreed.opposite.length + agreed.level;
  const separated =
    `Of the ${pairs} pairs of servers, ${agreed.same} were separated by their paired interval in both runs in the same order, ` +
    `${agreed.opposite.length} in opposite orders${agreed.opposite.length > 0 ? ` (${agreed.opposite.map((p) => p.pair.join(' and ')).join(', ')})` : ''}, ` +
    `and ${agreed.level} were level (the interval reaching 1) in at least one run.`;
  const ranking =
    changed.length === 0
      ? `Both ranked the ${a.order.length} servers at saturation in the same order (ratio to the fastest, paired by slice): ${order(a)} in the first; ${order(b)} in the second.`
      : `They ranked the servers at saturation differently: ${changed.map((m) => `${m.server} ${ordinal(m.from)} then ${ordinal(m.to)}`).join(', ')} (first: ${order(a)}; second: ${order(b)}).`;
  return `**Run twice.** Two consecutive default runs of ${same}: ${runName(first, firstFolder)} and ${runName(second, secondFolder)}. ${ranking} ${separated} ${widths}`;
}

function ordinal(n: number): string {
  const suffix = n % 10 === 1 && n % 100 !== 11 ? 'st' : n % 10 === 2 && n % 100 !== 12 ? 'nd' : n % 10 === 3 && n % 100 !== 13 ? 'rd' : 'th';
  return `${n}${suffix}`;
}
