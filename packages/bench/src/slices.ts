// Saturation in short interleaved slices: every server of a round is up at once (idle ones cost
// nothing on the server core), and each slice measures each of them for a second or two in
// turn. A ratio between two servers is then taken within one slice, seconds apart, so the
// machine's drift over minutes (these machines lose a third of their speed within a run) cancels,
// and a run yields slices × rounds pairs instead of three.
import { cpuSeconds } from './process-usage.js';

/**
 * The order of one slice: slices go in pairs, one order then its reverse (A B C D, D C B A), so
 * within each pair every target sits on average mid-slice; each pair starts one target further on,
 * so none is always first or last or always follows the same one (which may still be finishing
 * its answers).
 */
export function sliceOrder<T>(targets: readonly T[], slice: number): T[] {
  const n = targets.length;
  if (n === 0) return [];
  const shift = Math.floor((slice - 1) / 2) % n;
  const rotated = targets.map((_, i) => targets[(i + shift) % n] as T);
  return slice % 2 === 0 ? rotated.reverse() : rotated;
}

/** The pairing number of slice `slice` (1-based) of round `round`: slices are numbered across the run. */
export function sliceNumber(round: number, slice: number, slicesPerRound: number): number {
  return (round - 1) * slicesPerRound + slice;
}

/**
 * Waits until a process has stopped working (no CPU tick in `windowMs`), at most `maxMs`: a
 * server still answering the last requests of its slice would take the core from the next one.
 */
export async function waitUntilIdle(pid: number, windowMs = 50, maxMs = 2000): Promise<void> {
  const deadline = Date.now() + maxMs;
  let before = readCpu(pid);
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    const now = readCpu(pid);
    if (now === null || before === null || now - before < 0.011) return;
    before = now;
  }
}

function readCpu(pid: number): number | null {
  try {
    return cpuSeconds(pid);
  } catch {
    return null; // the process has exited: nothing to wait for
  }
}
