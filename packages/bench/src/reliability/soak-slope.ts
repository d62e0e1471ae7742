import type { SoakResult } from './model.js';

/** Least-squares slope of RSS over time after the warm-up share, in MiB per minute. */
export function soakSlope(soak: Pick<SoakResult, 'rss'>, warmupFraction: number): number {
  const end = soak.rss.at(-1)?.[0] ?? 0;
  const points = soak.rss.filter(([t, bytes]) => t >= end * warmupFraction && bytes > 0);
  if (points.length < 3) return Number.NaN;
  const n = points.length;
  const meanT = points.reduce((sum, [t]) => sum + t, 0) / n;
  const meanB = points.reduce((sum, [, b]) => sum + b, 0) / n;
  let covariance = 0;
  let variance = 0;
  for (const [t, b] of points) {
    covariance += (t - meanT) * (b - meanB);
    variance += (t - meanT) ** 2;
  }
  const bytesPerSecond = variance > 0 ? covariance / variance : 0;
  return (bytesPerSecond * 60) / 2 ** 20;
}

/** A soak passes with no error, a clean exit and an RSS slope after warm-up within the bound. */
export function soakPassed(k: SoakResult, boundMiBPerMin: number, warmupFraction: number): boolean {
  const slope = soakSlope(k, warmupFraction);
  return k.errors === 0 && k.exitCode === 0 && Number.isFinite(slope) && slope <= boundMiBPerMin;
}
