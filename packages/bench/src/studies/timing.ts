// Repeated measurement: warm-up runs first (discarded: JIT, connections, caches), then the runs.

/** Runs `once` `warmup` times, discarding the results, then `runs` times, keeping them. */
export async function repeat<T>(warmup: number, runs: number, once: (run: number) => Promise<T>): Promise<T[]> {
  for (let i = 0; i < warmup; i++) await once(-1 - i);
  const kept: T[] = [];
  for (let i = 0; i < runs; i++) kept.push(await once(i));
  return kept;
}

/** Milliseconds `work` took. */
export async function wallMs(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** What one performance.now() costs here, ns (the median of many back-to-back pairs). */
export function timerCostNs(): number {
  const pairs: number[] = [];
  for (let i = 0; i < 10_001; i++) {
    const a = performance.now();
    const b = performance.now();
    pairs.push((b - a) * 1e6);
  }
  return pairs.sort((x, y) => x - y)[5000] as number;
}
