import { describe, expect, it } from 'vitest';
import { overlaps, quantileSorted, summarise, tQuantile975, withoutOutliers } from './stats.js';

describe('summarise', () => {
  it('gives mean, median, sample stddev and the t-based 95% CI of a known sample', () => {
    // Mean 5, sample variance 32/7, n 8: half width = 2.365 * sqrt(32/7) / sqrt(8) = 1.787772
    const s = summarise([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(s.n).toBe(8);
    expect(s.mean).toBe(5);
    expect(s.median).toBe(4.5);
    expect(s.stddev).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(s.ci95?.[0]).toBeCloseTo(5 - 1.787772, 4);
    expect(s.ci95?.[1]).toBeCloseTo(5 + 1.787772, 4);
    expect(s.min).toBe(2);
    expect(s.max).toBe(9);
  });

  it('has no CI and zero spread for one sample, and nothing for none', () => {
    expect(summarise([3])).toMatchObject({ n: 1, mean: 3, median: 3, stddev: 0, ci95: null, outliers: [] });
    expect(summarise([]).n).toBe(0);
    expect(summarise([NaN, Infinity]).n).toBe(0);
  });

  it('reports samples beyond 3σ as outliers, and summarises without them on request', () => {
    const samples = [...Array.from({ length: 20 }, (_, i) => 100 + (i % 5)), 1000];
    const s = summarise(samples);
    expect(s.outliers).toEqual([1000]);
    const clean = withoutOutliers(samples);
    expect(clean.n).toBe(20);
    expect(clean.mean).toBe(102);
  });

  it('p95 interpolates like numpy', () => {
    expect(quantileSorted([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95)).toBeCloseTo(9.55, 12);
    expect(summarise([10, 1, 5]).p95).toBeCloseTo(9.5, 12);
  });
});

describe('tQuantile975', () => {
  it('matches the table and converges to the normal quantile', () => {
    expect(tQuantile975(1)).toBe(12.706);
    expect(tQuantile975(2)).toBe(4.303);
    expect(tQuantile975(29)).toBe(2.045);
    expect(tQuantile975(60)).toBeCloseTo(2.0003, 3);
    expect(tQuantile975(120)).toBeCloseTo(1.9799, 3);
    expect(() => tQuantile975(0)).toThrow(RangeError);
  });
});

describe('overlaps', () => {
  it('tells overlapping intervals from separate ones, and never overlaps a missing one', () => {
    expect(overlaps([1, 3], [2, 4])).toBe(true);
    expect(overlaps([1, 2], [3, 4])).toBe(false);
    expect(overlaps(null, [3, 4])).toBe(false);
  });
});
