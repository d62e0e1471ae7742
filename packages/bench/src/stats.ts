// Summary statistics of repeated measurements: what a reader needs to tell a difference from noise.

export interface Summary {
  n: number;
  mean: number;
  median: number;
  min: number;
  max: number;
  p95: number;
  /** Sample standard deviation (n - 1); 0 for one sample. */
  stddev: number;
  /** 95% confidence interval of the mean (Student's t); null below two samples. */
  ci95: [number, number] | null;
  /** Samples further than 3 standard deviations from the mean. */
  outliers: number[];
}

/** Two-sided 97.5% quantiles of Student's t for 1..30 degrees of freedom. */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/** t(0.975, df); beyond the table, the normal quantile with a small-sample correction. */
export function tQuantile975(df: number): number {
  if (!Number.isInteger(df) || df < 1) throw new RangeError(`degrees of freedom must be a positive integer, got ${df}`);
  if (df <= T975.length) return T975[df - 1] as number;
  // Cornish-Fisher expansion around z = 1.959964; exact to 3 decimals for df > 30.
  const z = 1.959964;
  return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df ** 2);
}

/** Linear-interpolated quantile (the same definition as numpy's default) of sorted values. */
export function quantileSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const a = sorted[lower] as number;
  const b = sorted[upper] as number;
  return a + (b - a) * (position - lower);
}

export function summarise(samples: readonly number[]): Summary {
  const values = samples.filter((v) => Number.isFinite(v));
  const n = values.length;
  if (n === 0) {
    return { n, mean: NaN, median: NaN, min: NaN, max: NaN, p95: NaN, stddev: NaN, ci95: null, outliers: [] };
  }
  const sorted = [...values].sort((a, b) => a - b);
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const stddev = n > 1 ? Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1)) : 0;
  const half = n > 1 ? (tQuantile975(n - 1) * stddev) / Math.sqrt(n) : null;
  return {
    n,
    mean,
    median: quantileSorted(sorted, 0.5),
    min: sorted[0] as number,
    max: sorted[n - 1] as number,
    p95: quantileSorted(sorted, 0.95),
    stddev,
    ci95: half === null ? null : [mean - half, mean + half],
    outliers: stddev > 0 ? values.filter((v) => Math.abs(v - mean) > 3 * stddev) : [],
  };
}

/** The summary again without the 3σ outliers (reported beside, never instead). */
export function withoutOutliers(samples: readonly number[]): Summary {
  const { outliers } = summarise(samples);
  return summarise(samples.filter((v) => !outliers.includes(v)));
}

/** Whether two intervals overlap: then the data cannot tell the two apart. */
export function overlaps(a: [number, number] | null, b: [number, number] | null): boolean {
  if (!a || !b) return false;
  return a[0] <= b[1] && b[0] <= a[1];
}
