import { describe, expect, it } from 'vitest';
import type { K6Summary } from '../k6.js';
import { mergeSummaries, summariesIn } from './merge.js';

/** A percentile as k6's trend sink computes it: linear interpolation between neighbouring samples. */
function k6Percentile(sorted: readonly number[], p: number): number {
  const i = (sorted.length - 1) * p;
  const lo = sorted[Math.floor(i)] as number;
  const hi = sorted[Math.ceil(i)] as number;
  return lo + (hi - lo) * (i - Math.floor(i));
}

function trend(samples: readonly number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const avg = s.reduce((a, b) => a + b, 0) / s.length;
  return {
    type: 'trend',
    values: { count: s.length, avg, min: s[0] as number, max: s.at(-1) as number, med: k6Percentile(s, 0.5), 'p(50)': k6Percentile(s, 0.5), 'p(90)': k6Percentile(s, 0.9), 'p(95)': k6Percentile(s, 0.95), 'p(99)': k6Percentile(s, 0.99) },
  };
}

/** A runner's summary as loadtests/lib/summary.js writes it, from its latency samples. */
function runner(samples: number[], seconds: number, extra: { fails?: number; cpu?: [number, number]; rss?: number } = {}): K6Summary {
  return {
    metrics: {
      mcp_duration: trend(samples),
      mcp_errors_http: { type: 'counter', values: { count: extra.fails ?? 0, rate: (extra.fails ?? 0) / seconds } },
      iterations: { type: 'counter', values: { count: samples.length, rate: samples.length / seconds } },
      checks: { type: 'rate', values: { rate: 1, passes: samples.length - (extra.fails ?? 0), fails: extra.fails ?? 0 } },
      vus: { type: 'gauge', values: { value: 5, min: 1, max: 5 } },
      server_cpu_seconds_before: { type: 'gauge', values: { value: extra.cpu?.[0] ?? 1, min: extra.cpu?.[0] ?? 1, max: extra.cpu?.[0] ?? 1 } },
      server_cpu_seconds_after: { type: 'gauge', values: { value: extra.cpu?.[1] ?? 2, min: extra.cpu?.[1] ?? 2, max: extra.cpu?.[1] ?? 2 } },
      server_peak_rss_bytes: { type: 'gauge', values: { value: extra.rss ?? 1e8, min: extra.rss ?? 1e8, max: extra.rss ?? 1e8 } },
    },
    root_group: {
      name: '',
      checks: [{ name: 'status 200', passes: samples.length - (extra.fails ?? 0), fails: extra.fails ?? 0 }],
      groups: [{ name: 'tools/call', checks: [{ name: 'body', passes: samples.length, fails: 0 }], groups: [] }],
    },
    state: { testRunDurationMs: seconds * 1000 },
  };
}

/** Deterministic skewed latencies (a seeded LCG): a slower and a faster runner, as two nodes may be. */
function latencies(n: number, seed: number, scale: number): number[] {
  let x = seed;
  return Array.from({ length: n }, () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return scale * Math.exp((x / 2 ** 31) * 2.5);
  });
}

describe('merging the runners of one TestRun', () => {
  const a = latencies(3000, 7, 1);
  const b = latencies(2000, 11, 1.6);
  const merged = mergeSummaries([runner(a, 10, { fails: 3, cpu: [10, 14], rss: 9e7 }), runner(b, 10.2, { fails: 1, cpu: [10.5, 14.2], rss: 1.1e8 })]);

  it('adds counts, checks and VUs exactly, over the longest runner', () => {
    expect(merged.runners).toBe(2);
    expect(merged.state.testRunDurationMs).toBe(10200);
    expect(merged.metrics.mcp_duration?.values.count).toBe(5000);
    expect(merged.metrics.iterations?.values).toEqual({ count: 5000, rate: 5000 / 10.2 });
    expect(merged.metrics.mcp_errors_http?.values.count).toBe(4);
    expect(merged.metrics.checks?.values).toEqual({ passes: 4996, fails: 4, rate: 4996 / 5000 });
    expect(merged.metrics.vus?.values.value).toBe(10);
    expect(merged.root_group.checks).toEqual([{ name: 'status 200', passes: 4996, fails: 4 }]);
    expect(merged.root_group.groups).toEqual([{ name: 'tools/call', checks: [{ name: 'body', passes: 5000, fails: 0 }], groups: [] }]);
  });

  it('gives the exact mean, min and max of all samples', () => {
    const all = [...a, ...b];
    const values = merged.metrics.mcp_duration?.values ?? {};
    expect(values.avg).toBeCloseTo(all.reduce((x, y) => x + y, 0) / all.length, 9);
    expect(values.min).toBe(Math.min(...all));
    expect(values.max).toBe(Math.max(...all));
  });

  it('bounds each percentile by the runners\' own, which hold the percentile of all samples', () => {
    const all = [...a, ...b].sort((x, y) => x - y);
    for (const key of ['p(50)', 'p(90)', 'p(95)', 'p(99)', 'med']) {
      const [lo, hi] = merged.bounds.mcp_duration?.[key] ?? [NaN, NaN];
      const p = key === 'med' ? 0.5 : Number(/\d+/.exec(key)?.[0]) / 100;
      const truth = k6Percentile(all, p);
      expect(lo, key).toBeLessThan(hi);
      expect(truth, key).toBeGreaterThanOrEqual(lo);
      expect(truth, key).toBeLessThanOrEqual(hi);
      // The merged summary reports the bound that does not flatter: the highest.
      expect(merged.metrics.mcp_duration?.values[key], key).toBe(hi);
    }
  });

  it('takes the server\'s CPU from the earliest reading before to the latest after, and the highest peak RSS', () => {
    expect(merged.metrics.server_cpu_seconds_before?.values.value).toBe(10);
    expect(merged.metrics.server_cpu_seconds_after?.values.value).toBe(14.2);
    expect(merged.metrics.server_peak_rss_bytes?.values.value).toBe(1.1e8);
  });

  it('ignores a runner that saw no sample of a trend when bounding its percentiles', () => {
    const idle = runner([5], 10);
    (idle.metrics.mcp_duration as { values: Record<string, number> }).values = { count: 0, avg: 0, min: 0, max: 0, 'p(99)': 0 };
    const m = mergeSummaries([runner([1, 2, 3], 10), idle]);
    expect(m.bounds.mcp_duration?.['p(99)']).toEqual([k6Percentile([1, 2, 3], 0.99), k6Percentile([1, 2, 3], 0.99)]);
  });

  it('refuses what it cannot merge', () => {
    expect(() => mergeSummaries([])).toThrow(/no k6 summary/);
    const noCount = runner([1, 2], 1);
    delete (noCount.metrics.mcp_duration as { values: Record<string, number> }).values.count;
    expect(() => mergeSummaries([noCount, runner([1], 1)])).toThrow(/summaryTrendStats must list count/);
    const retyped = runner([1], 1);
    (retyped.metrics.vus as { type: string }).type = 'counter';
    expect(() => mergeSummaries([retyped, runner([1], 1)])).toThrow(/different types/);
  });

  it('finds the one JSON summary in a runner pod\'s log among k6\'s other lines', () => {
    const summary = runner([1, 2], 1);
    const log = `requests     2, dropped iterations 0\nlatency ms   avg 1.50\n${JSON.stringify(summary)}\n{"level":"info"}\n`;
    expect(summariesIn(log)).toEqual([summary]);
    expect(summariesIn('no summary here\n{"root_group": broken')).toEqual([]);
  });
});
