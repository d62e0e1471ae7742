// From measured operating points to a deployment: how many one-core replicas a workload needs on
// each server and wiring, what memory they hold and what a million calls cost. Every figure comes
// from one measured point, named beside it; nothing is extrapolated past what was measured.
import type { OperatingPoint } from './operating-points.js';
import { serverBudgetMs, type Workload } from './workload.js';

export interface Plan {
  server: string;
  wiring: string;
  /** The point the plan stands on: the busiest measured load that met the target. */
  basis: OperatingPoint | null;
  /** The least busy measured load above the basis that missed the target: capacity lies between. */
  ceiling: OperatingPoint | null;
  /** Calls/s one replica (one process on one core) is planned to serve. */
  perReplica: number | null;
  /** Replicas, each one process on one core: the server's JavaScript runs on one thread. */
  replicas: number | null;
  coresPer1000: number | null;
  /** The replicas' resident memory together, from the basis's peak. */
  memoryBytes: number | null;
  /** Calls in flight in each replica (Little's law: rate × the call's mean time, tool included). */
  inFlightPerReplica: number | null;
  costPerHour: number | null;
  costPerMillionCalls: number | null;
  /** What a reader must know about this row: a bound, concurrency past what was measured, no point that held. */
  notes: string[];
}

/** Whether a point met the workload's target: trusted, and its p99 within what the tool's wait leaves. */
export function meets(point: OperatingPoint, workload: Workload): boolean {
  return point.flaws.length === 0 && point.p99Ms <= serverBudgetMs(workload);
}

/** The plan for one server and wiring, from its measured points. */
export function planFor(points: readonly OperatingPoint[], workload: Workload): Plan {
  const first = points[0];
  if (!first) throw new Error('planFor needs at least one operating point');
  // A closed loop at saturation times each call from its send, so a stalled server hides its own
  // queue (coordinated omission): where a server was also offered set rates, only those count.
  const usable = points.some((p) => p.openLoop) ? points.filter((p) => p.openLoop) : points;
  const byLoad = [...usable].sort((a, b) => a.callsPerSecond - b.callsPerSecond);
  const basis = byLoad.filter((p) => meets(p, workload)).at(-1) ?? null;
  const ceiling = basis ? (byLoad.find((p) => p.callsPerSecond > basis.callsPerSecond && !meets(p, workload)) ?? null) : null;
  const empty: Plan = {
    server: first.server,
    wiring: first.wiring,
    basis,
    ceiling,
    perReplica: null,
    replicas: null,
    coresPer1000: null,
    memoryBytes: null,
    inFlightPerReplica: null,
    costPerHour: null,
    costPerMillionCalls: null,
    notes: [],
  };
  // A target's measured rate says nothing of the cores it took unless its own CPU was measured.
  const unmeasured = points.find((p) => p.serverUsageUnmeasured !== undefined)?.serverUsageUnmeasured;
  if (unmeasured !== undefined) {
    return { ...empty, basis: null, ceiling: null, notes: [`cannot plan cores: server CPU and memory not measured (${unmeasured})`] };
  }
  if (!basis) {
    const best = byLoad.filter((p) => p.flaws.length === 0).sort((a, b) => a.p99Ms - b.p99Ms)[0];
    return {
      ...empty,
      notes: [
        best
          ? `no measured load kept p99 within ${serverBudgetMs(workload)} ms (the lowest: ${best.p99Ms.toFixed(1)} ms, ${best.where})`
          : 'no measured load without errors, drops or a busy generator',
      ],
    };
  }
  const replicas = Math.ceil(workload.callsPerSecond / basis.callsPerSecond);
  const perReplica = workload.callsPerSecond / replicas;
  const inFlight = (perReplica * (workload.toolMs + basis.meanMs)) / 1000;
  const notes: string[] = [];
  if (!basis.openLoop) notes.push(`closed loop at saturation (${basis.inFlight ?? '?'} in flight): its p99 is timed from each send, not corrected for coordinated omission`);
  if (!ceiling && basis === byLoad.at(-1)) notes.push('the busiest load measured met the target: one replica may serve more');
  if (basis.inFlight !== null && inFlight > basis.inFlight) {
    notes.push(`~${Math.ceil(inFlight)} calls in flight per replica, past the ${basis.inFlight} measured: memory per waiting call not measured`);
  }
  const costPerHour = workload.pricePerCoreHour === null ? null : replicas * workload.pricePerCoreHour;
  return {
    ...empty,
    perReplica,
    replicas,
    coresPer1000: 1000 / basis.callsPerSecond,
    memoryBytes: replicas * basis.peakRssBytes,
    inFlightPerReplica: inFlight,
    costPerHour,
    costPerMillionCalls: costPerHour === null ? null : (costPerHour / (workload.callsPerSecond * 3600)) * 1e6,
    notes,
  };
}

/** A plan per server and wiring measured, the fewest cores first; those with no plan last. */
export function plans(points: readonly OperatingPoint[], workload: Workload): Plan[] {
  const groups = new Map<string, OperatingPoint[]>();
  for (const p of points) {
    const key = `${p.server}\u0000${p.wiring}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  const all = [...groups.values()].map((group) => planFor(group, workload));
  const order = (p: Plan) => p.coresPer1000 ?? Number.POSITIVE_INFINITY;
  return all.sort((a, b) => order(a) - order(b) || (a.basis?.cpuPerCallUs ?? 0) - (b.basis?.cpuPerCallUs ?? 0));
}
