// Ratios paired by round: every server runs in each round (or slice) in turn, so a ratio taken
// within one round cancels the machine's drift between rounds. The pairing unit is the
// measurement's `round` field, whatever its count.
import type { Measurement } from '../results.js';
import { summarise, type Summary } from '../stats.js';

/** Mine over theirs, paired by round: the mean of the per-round ratios with its 95% interval. */
export function pairedRatio(mine: readonly Measurement[], theirs: readonly Measurement[], value: (m: Measurement) => number): Summary {
  const byRound = new Map(theirs.map((m) => [m.round, m]));
  const ratios = mine.flatMap((m) => {
    const other = byRound.get(m.round);
    return other && value(other) > 0 ? [value(m) / value(other)] : [];
  });
  return summarise(ratios);
}

/** Every entrant over the best on one figure, paired by round. */
export interface PairedMetric {
  /** The highest mean (or the lowest, where lower is better); null when none was measured. */
  best: string | null;
  better: 'higher' | 'lower';
  ratios: Map<string, Summary>;
}

/** Each entrant's runs over the best's, paired by round; the best has the highest mean of `value` (lowest where lower is better). */
export function pairedToBest(entrants: readonly string[], runsOf: (entrant: string) => readonly Measurement[], value: (m: Measurement) => number, better: 'higher' | 'lower'): PairedMetric {
  const mean = (e: string) => {
    const runs = runsOf(e);
    return runs.length === 0 ? Number.NaN : runs.reduce((sum, m) => sum + value(m), 0) / runs.length;
  };
  const sign = better === 'higher' ? -1 : 1;
  const best = entrants.filter((e) => Number.isFinite(mean(e))).sort((a, b) => sign * (mean(a) - mean(b)))[0] ?? null;
  if (best === null) return { best, better, ratios: new Map() };
  const theirs = runsOf(best);
  return { best, better, ratios: new Map(entrants.flatMap((e) => (runsOf(e).length > 0 ? [[e, pairedRatio(runsOf(e), theirs, value)] as const] : []))) };
}

/** Who the paired intervals separate from the best: `behind` wholly on the worse side of 1, `close` reaching it (or one round, no interval). */
export interface Separation {
  best: string;
  behind: string[];
  close: string[];
}

export function separate(metric: PairedMetric): Separation | null {
  if (metric.best === null) return null;
  const others = [...metric.ratios.entries()].filter(([e, r]) => e !== metric.best && r.n > 0);
  const apart = (r: Summary) => r.ci95 !== null && (metric.better === 'higher' ? r.ci95[1] < 1 : r.ci95[0] > 1);
  return {
    best: metric.best,
    behind: others.filter(([, r]) => apart(r)).map(([e]) => e),
    close: others.filter(([, r]) => !apart(r)).map(([e]) => e),
  };
}

/** A separation with a clear leader: every other one's interval lies on the worse side of 1. */
export function isClear(s: Separation | null): boolean {
  return s !== null && s.close.length === 0 && s.behind.length > 0;
}
