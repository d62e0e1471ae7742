// The open-loop generator of the latency curve: oha (Rust, pinned by install-load-tools.sh) at a
// constant arrival rate with --latency-correction, so each latency counts from the time its
// request was due, not from when a free connection sent it (coordinated omission, as wrk2 corrects).
// It sends the saturation request (loadtests/bodies/agent-task.json), which the gate checked.
import { runGenerator } from './generator.js';
import type { Errors, Latency } from './results.js';
import { connectionsFor, H2_STREAMS, saturationRequest, type Era } from './saturation.js';

export interface OpenLoopOptions {
  url: string;
  protocol: 'http1' | 'h2c';
  /** Requests per second offered, whatever the server does. */
  rate: number;
  seconds: number;
  /** Requests that may be in flight at once: HTTP/1.1 connections, or h2c connections × streams. */
  inFlight: number;
  prefix?: readonly string[];
  /** The era of the request sent (2025-11-25 unless given). */
  era?: Era;
}

export interface OpenLoopResult {
  /** Requests due in the run: rate × seconds. */
  offered: number;
  /** Requests answered (any status). */
  completed: number;
  /** Due but not answered by the end: never sent (every slot busy) or still in flight. */
  dropped: number;
  rps: number;
  durationSeconds: number;
  bytesPerSecond: number;
  /** From each request's due time (corrected for coordinated omission). */
  latencyMs: Latency;
  errors: Errors;
  generatorCpuSeconds: number;
}

/** oha's own words for a request it cut off at the deadline: unfinished, not a server error. */
const DEADLINE = 'aborted due to deadline';

export function ohaArgs(o: OpenLoopOptions): string[] {
  const streams = o.protocol === 'h2c' ? H2_STREAMS : 1;
  const connections = connectionsFor(o.inFlight, streams);
  return [
    '--no-tui',
    '--output-format',
    'json',
    '-z',
    `${o.seconds}s`,
    '-q',
    String(o.rate),
    '--latency-correction',
    // HTTP/1.1: wait for what is in flight at the deadline (oha always does on HTTP/2).
    '-w',
    // One runtime thread: the generator has one core, and a second thread would only fight for it.
    '--worker-threads',
    '1',
    '-c',
    String(connections),
    ...(o.protocol === 'h2c' ? ['--http2', '-p', String(streams)] : []),
    '-t',
    '10s',
    '-m',
    'POST',
    '-D',
    saturationRequest(o.era).bodyFile,
    ...Object.entries(saturationRequest(o.era).headers).flatMap(([name, value]) => ['-H', `${name}: ${value}`]),
    o.url,
  ];
}

export async function runOha(oha: string, o: OpenLoopOptions): Promise<OpenLoopResult> {
  const run = await runGenerator([oha, ...ohaArgs(o)], { prefix: o.prefix, timeoutMs: (o.seconds + 30) * 1000 });
  if (run.code !== 0) throw new Error(`oha exited ${run.code}: ${(run.stderr || run.stdout).slice(-2000)}`);
  return { ...parseOha(run.stdout, Math.round(o.rate * o.seconds), o.seconds), generatorCpuSeconds: run.cpuSeconds };
}

interface OhaJson {
  summary: { total: number; totalData: number };
  latencyPercentiles: Record<string, number>;
  metrics: { latency_ms: { min: number; mean: number; max: number } };
  statusCodeDistribution: Record<string, number>;
  errorDistribution: Record<string, number>;
}

/** oha's JSON summary (seconds) into the report's figures (ms); `offered` = rate × seconds. */
export function parseOha(stdout: string, offered: number, seconds: number): Omit<OpenLoopResult, 'generatorCpuSeconds'> {
  let r: OhaJson;
  try {
    r = JSON.parse(stdout) as OhaJson;
  } catch {
    throw new Error(`oha printed no JSON summary:\n${stdout.slice(0, 2000)}`);
  }
  if (!r.summary || !r.latencyPercentiles || !r.statusCodeDistribution) throw new Error(`unexpected oha JSON: ${stdout.slice(0, 500)}`);
  const statuses = Object.entries(r.statusCodeDistribution);
  const answered = statuses.reduce((sum, [, n]) => sum + n, 0);
  const notOk = statuses.filter(([code]) => code !== '200').reduce((sum, [, n]) => sum + n, 0);
  // Socket errors and timeouts are transport (HTTP class) errors; a deadline cut is unfinished.
  const failed = Object.entries(r.errorDistribution ?? {})
    .filter(([what]) => what !== DEADLINE)
    .reduce((sum, [, n]) => sum + n, 0);
  const completed = answered + failed;
  const p = (key: string) => (r.latencyPercentiles[key] ?? NaN) * 1000;
  const l = r.metrics.latency_ms;
  return {
    offered,
    completed,
    dropped: Math.max(0, offered - completed),
    rps: answered / seconds,
    durationSeconds: r.summary.total,
    bytesPerSecond: r.summary.totalData / r.summary.total,
    latencyMs: { avg: l.mean, min: l.min, p50: p('p50'), p90: p('p90'), p95: p('p95'), p99: p('p99'), max: l.max },
    errors: { http: notOk + failed, jsonrpc: 0, tool: 0, check: 0 },
  };
}
