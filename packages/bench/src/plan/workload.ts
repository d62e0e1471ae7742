// What a person plans for: the load, what their tool costs in wall time, the latency they promise.

export interface Workload {
  /** Calls per second to serve, all replicas together. */
  callsPerSecond: number;
  /** Wall time of the person's own tool per call (I/O it waits on), added to every call's latency. */
  toolMs: number;
  /** The p99 latency each call must stay under, tool time included. */
  p99TargetMs: number;
  /** Price of one core for one hour, in any currency; no cost figures without it. */
  pricePerCoreHour: number | null;
}

export class WorkloadError extends Error {}

/** Checks a workload: every figure finite, the load positive, and room for the server within the target. */
export function checkWorkload(w: Workload): Workload {
  if (!Number.isFinite(w.callsPerSecond) || w.callsPerSecond <= 0) throw new WorkloadError(`--rate must be a positive number of calls/s, got ${w.callsPerSecond}`);
  if (!Number.isFinite(w.toolMs) || w.toolMs < 0) throw new WorkloadError(`--tool-ms must be 0 or more, got ${w.toolMs}`);
  if (!Number.isFinite(w.p99TargetMs) || w.p99TargetMs <= 0) throw new WorkloadError(`--p99-ms must be a positive number of ms, got ${w.p99TargetMs}`);
  if (w.p99TargetMs <= w.toolMs) {
    throw new WorkloadError(`--p99-ms (${w.p99TargetMs}) leaves the server no time once the tool's ${w.toolMs} ms are spent: raise it above --tool-ms`);
  }
  if (w.pricePerCoreHour !== null && (!Number.isFinite(w.pricePerCoreHour) || w.pricePerCoreHour < 0)) {
    throw new WorkloadError(`--price must be 0 or more per core-hour, got ${w.pricePerCoreHour}`);
  }
  return w;
}

/** The share of the p99 target the server itself may take: what the tool's wait leaves. */
export function serverBudgetMs(w: Workload): number {
  return w.p99TargetMs - w.toolMs;
}
