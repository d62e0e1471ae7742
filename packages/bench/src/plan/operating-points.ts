// The loads at which a run measured each server answering the headline tool call: the latency
// curve's points, the fixed-rate headline scenario, and saturation. A planner may only ever
// pick one of these; it never extrapolates between them.
import { KNEE_DROPPED } from '../report/curve.js';
import { num, percent } from '../report/format.js';
import type { BenchResults, Measurement } from '../results.js';
import { HEADLINE_SCENARIO } from '../scenarios.js';
import { cases, GENERATOR_BOUND, measurementsOf, type Case } from '../summarise.js';

export interface OperatingPoint {
  server: string;
  wiring: string;
  /** Where it was measured, for a reader: "latency curve, 50% of its saturation". */
  where: string;
  rounds: number;
  /** Calls answered per second, mean over the rounds. */
  callsPerSecond: number;
  /** p99 latency (ms), mean over the rounds. */
  p99Ms: number;
  /** Mean latency (ms), mean over the rounds: with the rate, the calls in flight (Little's law). */
  meanMs: number;
  /** Server CPU per call (µs): all rounds' CPU seconds over all their calls. */
  cpuPerCallUs: number;
  /** The server's highest resident memory in any round (bytes). */
  peakRssBytes: number;
  /** Offered at a set rate (latency counted from each call's due time), not closed loop at saturation. */
  openLoop: boolean;
  /** Calls the load generator kept in flight at most (connections, or connections × streams). */
  inFlight: number | null;
  /** Why the point cannot be trusted at all (errors, drops, a busy generator); empty when it can. */
  flaws: string[];
  /** Why the server's own CPU and memory were not measured (a `--target` without /health); absent when they were. */
  serverUsageUnmeasured?: string;
}

/** The scenarios that measure the headline `tools/call` (the same tool, the same arguments). */
const HEADLINE_CALLS = new Set(['latency', HEADLINE_SCENARIO, 'saturation-mcp']);

function where(c: Case): string {
  if (c.scenario === 'latency') {
    return c.of === 'slowest' ? `latency curve, the common load (${percent(c.fraction ?? NaN, 0)} of the slowest's saturation)` : `latency curve, ${percent(c.fraction ?? NaN, 0)} of its saturation`;
  }
  if (c.scenario === 'saturation-mcp') return 'saturation (closed loop)';
  return `${c.scenario} at ${num(c.rate ?? NaN)}/s`;
}

function flawsOf(runs: Measurement[]): string[] {
  const flaws: string[] = [];
  const requests = runs.reduce((s, m) => s + m.requests, 0);
  const failed = runs.reduce((s, m) => s + m.errors.http + m.errors.jsonrpc + m.errors.tool + m.errors.check, 0);
  if (failed > 0) flaws.push(`${num(failed)} of ${num(requests)} calls failed`);
  const offered = runs.reduce((s, m) => s + (m.rate ?? 0) * m.durationSeconds, 0);
  const dropped = runs.reduce((s, m) => s + m.droppedIterations, 0);
  if (offered > 0 && dropped / offered >= KNEE_DROPPED) flaws.push(`${percent(dropped / offered)} of the offered calls dropped`);
  const generator = Math.max(...runs.map((m) => m.generatorUsage.utilisation));
  if (generator >= GENERATOR_BOUND) flaws.push(`the load generator used ${percent(generator, 0)} of its core`);
  return flaws;
}

/** Every measured operating point of every server and wiring in a run, peers included. */
export function operatingPoints(results: BenchResults): OperatingPoint[] {
  const servers = [...results.settings.servers, ...(results.settings.peers ?? [])];
  const headline = cases(results).filter((c) => HEADLINE_CALLS.has(c.scenario) && c.op === undefined && c.wiring !== undefined);
  return servers.flatMap((server) => {
    const unmeasured = results.environment.remote?.unmeasured?.[server];
    return headline.flatMap((c): OperatingPoint[] => {
      const runs = measurementsOf(results, c, server);
      if (runs.length === 0) return [];
      const calls = runs.reduce((s, m) => s + m.requests, 0);
      const cpuSeconds = runs.reduce((s, m) => s + m.serverUsage.cpuSeconds, 0);
      const held = runs.map((m) => m.concurrency).filter((v): v is number => v !== undefined);
      return [
        {
          server,
          wiring: c.wiring as string,
          where: where(c),
          rounds: runs.length,
          callsPerSecond: runs.reduce((s, m) => s + m.rps, 0) / runs.length,
          p99Ms: runs.reduce((s, m) => s + m.latencyMs.p99, 0) / runs.length,
          meanMs: runs.reduce((s, m) => s + m.latencyMs.avg, 0) / runs.length,
          cpuPerCallUs: calls > 0 && cpuSeconds > 0 ? (cpuSeconds / calls) * 1e6 : Number.NaN,
          peakRssBytes: Math.max(...runs.map((m) => m.serverUsage.peakRssBytes)),
          openLoop: c.scenario !== 'saturation-mcp',
          inFlight: held.length > 0 ? Math.max(...held) : c.scenario === 'latency' ? results.settings.connections : null,
          flaws: flawsOf(runs),
          ...(unmeasured !== undefined ? { serverUsageUnmeasured: `${server} ${unmeasured}` } : {}),
        },
      ];
    });
  });
}
