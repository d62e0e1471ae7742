// The first screen's verdict, in a few sentences chosen by the paired comparisons of the run
// summary: a server is named the fastest only where every other one's paired interval lies
// below 1; otherwise the sentences say which figures, if any, set the contenders apart.
import type { Summary } from '../stats.js';
import { GENERATOR_BOUND } from '../summarise.js';
import { bytes, ms, num, percent } from './format.js';
import { saturationUnits } from './labels.js';
import { isClear, separate, type Separation } from './paired.js';
import { rowOf, type Comparison, type RunSummary } from './summary.js';

/** A server as the first screen names it: peers are marked, ours are not. */
export function entrantLabel(c: Comparison, server: string): string {
  return rowOf(c, server)?.entrant.peer ? `${server} (peer)` : server;
}

/** "0.82× (0.56–1.08)": a paired ratio's mean and its 95% interval. */
export function ratioRange(r: Summary | undefined): string {
  if (!r || r.n === 0) return 'n/a';
  return r.ci95 ? `${num(r.mean, 2)}× (${num(r.ci95[0], 2)}–${num(r.ci95[1], 2)})` : `${num(r.mean, 2)}× (one round: no interval)`;
}

/** "a, b and c". */
function listed(items: readonly string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

interface Phrase {
  text: string;
  clear: boolean;
}

/** Who leads on CPU per call, p99 at the common load and memory within a comparison, and whether the paired intervals say so clearly. */
function figures(c: Comparison, s: RunSummary): Phrase[] {
  const name = (server: string) => entrantLabel(c, server);
  const lead = (sep: Separation | null, what: (best: string) => string): Phrase[] => {
    if (!sep || sep.behind.length + sep.close.length === 0) return [];
    const clear = isClear(sep);
    return [{ clear, text: `${name(sep.best)} ${what(sep.best)}${clear ? '' : `, not separable from ${listed(sep.close.map(name))}`}` }];
  };
  const cheaper = lead(separate(c.cheaper), (best) => {
    const x = rowOf(c, best)?.atRate;
    return `costs ${isClear(separate(c.cheaper)) ? 'clearly ' : ''}the least server CPU per call at ${num(s.rate ?? NaN)} calls/s (${num(1e6 / (x?.requestsPerCpuSecond.mean ?? NaN))} µs)`;
  });
  const tail = c.tailBound
    ? []
    : lead(separate(c.tail), (best) => {
        const x = rowOf(c, best)?.atCommon;
        return `has ${isClear(separate(c.tail)) ? 'clearly ' : ''}the lowest p99 at the common load (${ms(x?.p99.mean ?? NaN)} at ${num(x?.offered?.mean ?? NaN)} calls/s)`;
      });
  const memory = lead(separate(c.memory), (best) => `uses ${isClear(separate(c.memory)) ? 'clearly ' : ''}the least memory (${bytes(rowOf(c, best)?.saturation?.peakRssBytes ?? NaN)} peak at saturation)`);
  return [...cheaper, ...tail, ...memory];
}

export function verdictText(s: RunSummary): string {
  const m = s.main;
  const t = s.verdict.throughput;
  const name = (server: string) => entrantLabel(m, server);
  if (m.saturationBound) {
    return `**No verdict on throughput**: the load generator used ≥ ${percent(GENERATOR_BOUND, 0)} of its core at saturation, so those figures may measure it, not the servers.`;
  }
  if (!t) return '';
  const calls = num(rowOf(m, t.best)?.saturation?.rps.mean ?? NaN);
  if (t.behind.length + t.close.length === 0) return `Only ${name(t.best)} was measured at saturation (${calls} calls/s): there is nothing to compare it with.`;
  const units = saturationUnits(s.rounds);
  if (isClear(t)) {
    const closest = [...t.behind].sort((a, b) => (m.throughput.ratios.get(b)?.mean ?? 0) - (m.throughput.ratios.get(a)?.mean ?? 0))[0] as string;
    const rest = figures(m, s);
    return [
      `**${name(t.best)} serves the most calls at saturation** (${calls} calls/s in the ${s.wiring} wiring): paired by round over ${units}, every other server's ratio to it stays below 1; the closest, ${name(closest)}, is at ${ratioRange(m.throughput.ratios.get(closest))}.`,
      rest.length > 0 ? ` Beyond throughput: ${rest.map((p) => p.text).join('; ')}.` : '',
    ].join('');
  }
  const close = listed(t.close.map((x) => `${name(x)} at ${ratioRange(m.throughput.ratios.get(x))}`));
  const first = `**No server is clearly fastest at saturation.** ${name(t.best)} has the highest mean (${calls} calls/s in the ${s.wiring} wiring), but paired by round over ${units}, ${close} ${t.close.length === 1 ? 'is' : 'are'} not separable from it (the interval reaches 1)${t.behind.length > 0 ? `; ${t.behind.length} other${t.behind.length === 1 ? ' is' : 's are'} clearly behind` : ''}.`;
  const among = s.verdict.among ? figures(s.verdict.among, s) : [];
  const apart = among.filter((p) => p.clear);
  if (apart.length > 0) return `${first} What separates them: ${apart.map((p) => p.text).join('; ')}.`;
  return `${first} Nothing else measured here separates them either${among.length > 0 ? ` (${among.map((p) => p.text).join('; ')})` : ''}: choose by what else you need.`;
}
