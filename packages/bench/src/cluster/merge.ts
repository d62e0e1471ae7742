// One k6-operator TestRun with `parallelism: N` is N k6 runners, each running its execution
// segment of the load and printing its own end-of-test summary; k6-operator does not merge them.
// Counts, rates and checks add up exactly, and so does the mean (k6's summary keeps each trend's
// count). Percentiles do not: a runner's summary keeps no samples. What can be said is a bound:
// the merged run's q-quantile lies between the lowest and the highest of the runners' q-quantiles
// (each runner's share at or below the highest is at least q, so the merged share is too;
// likewise from below), up to the interpolation k6 does between neighbouring samples. The merged
// summary carries the highest, a bound that does not flatter, and `bounds` carries both.
import type { K6Summary } from '../k6.js';

type Values = Record<string, number>;
type Metric = K6Summary['metrics'][string];
type Group = K6Summary['root_group'];

export interface MergedSummary extends K6Summary {
  /** For each trend, each percentile (and `med`) as [lowest, highest] over the runners. */
  bounds: Record<string, Record<string, [number, number]>>;
  runners: number;
}

const QUANTILE = /^(med|p\(\d+(\.\d+)?\))$/;

/** The summaries a runner printed (SUMMARY_PATH=/dev/stdout): each a line of JSON in its log. */
export function summariesIn(log: string): K6Summary[] {
  return log
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('{') && line.includes('"root_group"'))
    .flatMap((line) => {
      try {
        const parsed = JSON.parse(line) as K6Summary;
        return parsed.metrics && parsed.root_group && parsed.state ? [parsed] : [];
      } catch {
        return [];
      }
    });
}

export function mergeSummaries(summaries: readonly K6Summary[]): MergedSummary {
  if (summaries.length === 0) throw new Error('no k6 summary to merge');
  const durationMs = Math.max(...summaries.map((s) => s.state.testRunDurationMs));
  const bounds: MergedSummary['bounds'] = {};
  const metrics: Record<string, Metric> = {};
  const names = [...new Set(summaries.flatMap((s) => Object.keys(s.metrics)))].sort();
  for (const name of names) {
    const parts = summaries.flatMap((s) => (s.metrics[name] ? [s.metrics[name] as Metric] : []));
    const type = (parts[0] as Metric).type;
    if (parts.some((p) => p.type !== type)) throw new Error(`metric ${name} has different types across runners`);
    const all = (key: string) => parts.flatMap((p) => (typeof p.values[key] === 'number' ? [p.values[key] as number] : []));
    const sum = (key: string) => all(key).reduce((a, b) => a + b, 0);
    const values: Values = {};
    if (type === 'counter') {
      values.count = sum('count');
      values.rate = values.count / (durationMs / 1000);
    } else if (type === 'rate') {
      values.passes = sum('passes');
      values.fails = sum('fails');
      values.rate = values.passes + values.fails > 0 ? values.passes / (values.passes + values.fails) : 0;
    } else if (type === 'gauge') {
      // VUs add up across runners; the server's CPU before a run is the earliest reading, the rest the latest or highest.
      values.min = Math.min(...all('min'));
      values.max = Math.max(...all('max'));
      values.value = name === 'vus' || name === 'vus_max' ? sum('value') : name.endsWith('_before') ? Math.min(...all('value')) : Math.max(...all('value'));
    } else if (type === 'trend') {
      const counts = all('count');
      if (counts.length !== parts.length) throw new Error(`trend ${name} has no count: the scenario's summaryTrendStats must list count`);
      values.count = sum('count');
      values.avg = values.count > 0 ? parts.reduce((acc, p) => acc + (p.values.avg ?? 0) * (p.values.count ?? 0), 0) / values.count : 0;
      values.min = Math.min(...all('min'));
      values.max = Math.max(...all('max'));
      for (const key of Object.keys(parts[0]?.values ?? {}).filter((k) => QUANTILE.test(k))) {
        // A runner that saw no sample of this trend says nothing about its quantiles.
        const seen = parts.filter((p) => (p.values.count ?? 0) > 0).map((p) => p.values[key] as number);
        const range: [number, number] = seen.length > 0 ? [Math.min(...seen), Math.max(...seen)] : [0, 0];
        (bounds[name] ??= {})[key] = range;
        values[key] = range[1];
      }
    } else {
      throw new Error(`metric ${name}: unknown type ${type}`);
    }
    metrics[name] = { type, values };
  }
  return {
    metrics,
    root_group: mergeGroups(summaries.map((s) => s.root_group)),
    state: { testRunDurationMs: durationMs },
    bounds,
    runners: summaries.length,
  };
}

function mergeGroups(groups: readonly Group[]): Group {
  const checks = new Map<string, { name: string; passes: number; fails: number }>();
  for (const c of groups.flatMap((g) => g.checks)) {
    const merged = checks.get(c.name) ?? { name: c.name, passes: 0, fails: 0 };
    merged.passes += c.passes;
    merged.fails += c.fails;
    checks.set(c.name, merged);
  }
  const childNames = [...new Set(groups.flatMap((g) => g.groups.map((child) => child.name)))];
  return {
    name: groups[0]?.name ?? '',
    checks: [...checks.values()],
    groups: childNames.map((name) => mergeGroups(groups.flatMap((g) => g.groups.filter((child) => child.name === name)))),
  };
}
