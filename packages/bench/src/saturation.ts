// Saturation (closed model, as fast as the server answers): wrk for HTTP/1.1, h2load for
// HTTP/2 (h2c). Both send loadtests/bodies/agent-task.json, the request the k6 gate checks.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '@mcp-runtimes/registry';
import { runGenerator } from './generator.js';
import type { Errors, Figures, Latency } from './results.js';
import { quantileSorted } from './stats.js';

export const BODY_FILE = join(REPO_ROOT, 'loadtests', 'bodies', 'agent-task.json');
/** The headers sent with BODY_FILE (wrk's are in loadtests/saturation/post.lua, which cannot import them). */
export const SATURATION_HEADERS = {
  'content-type': 'application/json',
  accept: 'application/json, text/event-stream',
  'mcp-protocol-version': '2025-06-18',
} as const;

/** The same call in the 2026-07-28 era: the claims in its _meta (the body) and the headers that repeat the body. */
export const BODY_FILE_2026 = join(REPO_ROOT, 'loadtests', 'bodies', 'agent-task-2026.json');
export const SATURATION_HEADERS_2026 = {
  'content-type': 'application/json',
  accept: 'application/json, text/event-stream',
  'mcp-protocol-version': '2026-07-28',
  'mcp-method': 'tools/call',
  'mcp-name': 'agent_task',
} as const;

/** The era a load generator speaks (2025-11-25 unless a 2026-07-28 variant is measured). */
export type Era = '2025-11-25' | '2026-07-28';

/** The body file and headers of the saturation request in an era. */
export function saturationRequest(era: Era = '2025-11-25'): { bodyFile: string; headers: Record<string, string> } {
  return era === '2026-07-28'
    ? { bodyFile: BODY_FILE_2026, headers: SATURATION_HEADERS_2026 }
    : { bodyFile: BODY_FILE, headers: SATURATION_HEADERS };
}
const WRK_SCRIPT = join(REPO_ROOT, 'loadtests', 'saturation', 'post.lua');

export interface SaturationResult extends Figures {
  errors: Errors;
  durationSeconds: number;
  generatorCpuSeconds: number;
  concurrency: number;
}

export interface SaturationOptions {
  url: string;
  seconds: number;
  /** Requests in flight: wrk connections, or h2load connections × streams. */
  concurrency: number;
  prefix?: readonly string[];
  era?: Era;
}

/** Streams per h2load connection: in-flight requests are spread as connections × streams. */
export const H2_STREAMS = 10;

/** Connections that carry `inFlight` requests at `streams` each (h2load's and oha's h2c split). */
export function connectionsFor(inFlight: number, streams: number): number {
  return Math.max(1, Math.round(inFlight / streams));
}

/** The tool that speaks a listener's protocol: wrk for HTTP/1.1, h2load for h2c. */
export function saturationTool(protocol: 'http1' | 'h2c'): 'wrk' | 'h2load' {
  return protocol === 'h2c' ? 'h2load' : 'wrk';
}

/** Saturates a listener with the tool that speaks it (saturationTool). */
export function saturateListener(
  tools: { wrk: string; h2load: string },
  protocol: 'http1' | 'h2c',
  o: SaturationOptions,
): Promise<SaturationResult> {
  return saturationTool(protocol) === 'h2load' ? runH2load(tools.h2load, { ...o, streams: H2_STREAMS }) : runWrk(tools.wrk, o);
}

export async function runWrk(wrk: string, o: SaturationOptions): Promise<SaturationResult> {
  // wrk's default 2 s timeout would turn a slow answer into an error; 10 s keeps it a latency.
  const run = await runGenerator([wrk, '-t1', `-c${o.concurrency}`, `-d${o.seconds}s`, '--timeout', '10s', '-s', WRK_SCRIPT, o.url], {
    prefix: o.prefix,
    env: { BODY_FILE: saturationRequest(o.era).bodyFile, PROTOCOL: o.era ?? '2025-11-25' },
    timeoutMs: (o.seconds + 30) * 1000,
  });
  if (run.code !== 0) throw new Error(`wrk exited ${run.code}: ${run.stderr || run.stdout}`);
  return { ...parseWrk(run.stdout), generatorCpuSeconds: run.cpuSeconds, concurrency: o.concurrency };
}

/** The WRK_JSON line that loadtests/saturation/post.lua prints when wrk is done. */
export function parseWrk(stdout: string): Omit<SaturationResult, 'generatorCpuSeconds' | 'concurrency'> {
  const line = /^WRK_JSON (.+)$/m.exec(stdout)?.[1];
  if (!line) throw new Error(`wrk printed no WRK_JSON line:\n${stdout}`);
  const r = JSON.parse(line) as {
    requests: number;
    duration_us: number;
    bytes: number;
    min: number;
    mean: number;
    p50: number;
    p90: number;
    p95: number;
    p99: number;
    max: number;
    errors: { connect: number; read: number; write: number; status: number; timeout: number };
  };
  const seconds = r.duration_us / 1e6;
  const ms = (us: number) => us / 1000;
  const e = r.errors;
  return {
    requests: r.requests,
    rps: r.requests / seconds,
    durationSeconds: seconds,
    bytesPerSecond: r.bytes / seconds,
    latencyMs: { avg: ms(r.mean), min: ms(r.min), p50: ms(r.p50), p90: ms(r.p90), p95: ms(r.p95), p99: ms(r.p99), max: ms(r.max) },
    // wrk counts a status >= 400 in `status`; socket failures are transport (HTTP class) errors too.
    errors: { http: e.connect + e.read + e.write + e.status + e.timeout, jsonrpc: 0, tool: 0, check: 0 },
  };
}

export async function runH2load(h2load: string, o: SaturationOptions & { streams: number }): Promise<SaturationResult> {
  const dir = mkdtempSync(join(tmpdir(), 'mcp-bench-h2load-'));
  const log = join(dir, 'requests.tsv');
  const connections = connectionsFor(o.concurrency, o.streams);
  try {
    const run = await runGenerator(
      [
        h2load,
        '-D',
        String(o.seconds),
        '-c',
        String(connections),
        '-m',
        String(o.streams),
        '-t',
        '1',
        '-d',
        saturationRequest(o.era).bodyFile,
        ...Object.entries(saturationRequest(o.era).headers).flatMap(([name, value]) => ['-H', `${name}: ${value}`]),
        `--log-file=${log}`,
        o.url,
      ],
      { prefix: o.prefix, timeoutMs: (o.seconds + 30) * 1000 },
    );
    if (run.code !== 0) throw new Error(`h2load exited ${run.code}: ${run.stderr || run.stdout}`);
    return {
      ...parseH2load(run.stdout, readFileSync(log, 'utf8')),
      generatorCpuSeconds: run.cpuSeconds,
      concurrency: connections * o.streams,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** h2load's summary for counts and bytes; its per-request log for exact percentiles. */
export function parseH2load(stdout: string, log: string): Omit<SaturationResult, 'generatorCpuSeconds' | 'concurrency'> {
  const finished = /finished in ([\d.]+)(m?s), ([\d.]+) req\/s/.exec(stdout);
  const requests = /requests: (\d+) total, (\d+) started, (\d+) done, (\d+) succeeded, (\d+) failed, (\d+) errored, (\d+) timeout/.exec(stdout);
  const codes = /status codes: (\d+) 2xx, (\d+) 3xx, (\d+) 4xx, (\d+) 5xx/.exec(stdout);
  // Response body ("data") bytes, as k6 reports; wrk can only count everything it read.
  const traffic = /traffic: .*?(\d+)\) data/.exec(stdout);
  if (!finished || !requests || !codes || !traffic) throw new Error(`unexpected h2load output:\n${stdout}`);
  const seconds = Number(finished[1]) / (finished[2] === 'ms' ? 1000 : 1);
  const done = Number(requests[3]);
  // h2load's `failed` includes non-2xx/3xx answers, `errored` and `timeout` (its subsets).
  const failed = Number(requests[5]);
  // Columns: start time (µs since epoch), status, µs until the response ended.
  const durations = log
    .split('\n')
    .map((line) => line.split('\t'))
    .filter((cols) => cols.length >= 3)
    .map((cols) => Number(cols[2]) / 1000)
    .sort((a, b) => a - b);
  const latencyMs: Latency = {
    avg: durations.reduce((s, v) => s + v, 0) / Math.max(1, durations.length),
    min: durations[0] ?? NaN,
    p50: quantileSorted(durations, 0.5),
    p90: quantileSorted(durations, 0.9),
    p95: quantileSorted(durations, 0.95),
    p99: quantileSorted(durations, 0.99),
    max: durations[durations.length - 1] ?? NaN,
  };
  return {
    requests: done,
    rps: done / seconds,
    durationSeconds: seconds,
    bytesPerSecond: Number(traffic[1]) / seconds,
    latencyMs,
    errors: { http: failed, jsonrpc: 0, tool: 0, check: 0 },
  };
}
