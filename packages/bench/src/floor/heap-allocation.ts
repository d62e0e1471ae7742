// Bytes a piece of code allocates on V8's heap, from V8's own heap statistics: the growth of the
// used heap over the interval plus what every collection within it freed (V8's GC profiler
// reports the used heap before and after each one). Buffers outside the heap are not counted.
import { GCProfiler, getHeapStatistics } from 'node:v8';

export interface HeapAllocation {
  /** Bytes allocated on V8's heap over the interval. */
  bytes: number;
  /** Collections within it (scavenges and mark-compacts alike). */
  collections: number;
  /** The main thread's time in them, ms, as V8 reports it. */
  pauseMs: number;
}

export async function measureAllocation<T>(run: () => Promise<T>): Promise<{ value: T; allocation: HeapAllocation }> {
  const profiler = new GCProfiler();
  const usedBefore = getHeapStatistics().used_heap_size;
  profiler.start();
  const value = await run();
  const { statistics } = profiler.stop();
  const usedAfter = getHeapStatistics().used_heap_size;
  const freed = statistics.reduce((sum, gc) => sum + gc.beforeGC.heapStatistics.usedHeapSize - gc.afterGC.heapStatistics.usedHeapSize, 0);
  const pauseUs = statistics.reduce((sum, gc) => sum + gc.cost, 0);
  return { value, allocation: { bytes: usedAfter - usedBefore + freed, collections: statistics.length, pauseMs: Math.round(pauseUs) / 1000 } };
}
