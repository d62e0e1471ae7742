// One k6 run of a scenario, asked for and turned into a Measurement the same way wherever k6 ran:
// beside the server (the runner) or in its own container (the docker-compose demo).
import { errors, figures, iterations, type K6Summary } from './k6.js';
import { round3 } from './process-usage.js';
import type { Errors, Measurement, ProcessUsage } from './results.js';
import type { Scenario } from './scenarios.js';

/** The warm-up after a server starts, discarded: closed-model simple tool calls. */
export const WARMUP = { file: 'simple-tool.js', vus: 10 } as const;

/** The k6 `-e` settings of one measurement: the scenario's own, its load model, its length. */
export function k6RunEnv(sc: Scenario, durationSeconds: number, rate: number | undefined): Record<string, string> {
  const env: Record<string, string> = { ...sc.env, DURATION: `${durationSeconds}s` };
  if (rate !== undefined) Object.assign(env, { MODE: 'open', RATE: String(rate) });
  else if (sc.vus !== undefined) Object.assign(env, { MODE: 'closed', VUS: String(sc.vus) });
  return env;
}

export function warmupEnv(seconds: number): Record<string, string> {
  return { MODE: 'closed', VUS: String(WARMUP.vus), DURATION: `${seconds}s` };
}

export type K6Measurement = Omit<Measurement, 'server' | 'round' | 'protocol' | 'backgroundCpu'>;

export function k6Measurement(
  s: K6Summary,
  sc: Scenario,
  rate: number | undefined,
  usage: ProcessUsage,
  generatorCpuSeconds: number,
  startedAt: string,
): K6Measurement {
  const whole = figures(s);
  const errs = errors(s);
  const seconds = s.state.testRunDurationMs / 1000;
  const ops = sc.ops ? Object.fromEntries(sc.ops.map((op) => [op, figures(s, op)])) : undefined;
  return {
    ...whole,
    scenario: sc.id,
    ...(rate !== undefined ? { rate } : { concurrency: sc.vus }),
    tool: 'k6',
    startedAt,
    durationSeconds: round3(seconds),
    errors: errs,
    errorRate: errorRate(errs, whole.requests),
    droppedIterations: s.metrics.dropped_iterations?.values.count ?? 0,
    iterations: iterations(s),
    ...(ops ? { ops } : {}),
    serverUsage: usage,
    requestsPerCpuSecond: perCpu(whole.requests, usage),
    generatorUsage: { cpuSeconds: round3(generatorCpuSeconds), utilisation: round3(generatorCpuSeconds / seconds) },
  };
}

export function errorRate(e: Errors, requests: number): number {
  const total = e.http + e.jsonrpc + e.tool + e.check;
  return requests > 0 ? total / requests : total > 0 ? 1 : 0;
}

export function perCpu(requests: number, usage: ProcessUsage): number {
  return usage.cpuSeconds > 0 ? Math.round(requests / usage.cpuSeconds) : 0;
}
