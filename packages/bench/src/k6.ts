// Runs one k6 scenario against one server and turns its handleSummary JSON into figures.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '@mcp-runtimes/registry';
import { exitMessage } from './exit-message.js';
import { runGenerator } from './generator.js';
import type { Errors, Figures, GateResult, Latency } from './results.js';

export const LOADTESTS = join(REPO_ROOT, 'loadtests');

export interface K6Options {
  k6: string;
  file: string;
  url: string;
  env: Record<string, string>;
  prefix?: readonly string[];
  timeoutMs: number;
}

export interface K6Run {
  code: number | null;
  summary: K6Summary | null;
  output: string;
  generatorCpuSeconds: number;
}

export interface K6Summary {
  metrics: Record<string, { type: string; values: Record<string, number> }>;
  root_group: K6Group;
  state: { testRunDurationMs: number };
}

interface K6Group {
  name: string;
  checks: { name: string; passes: number; fails: number }[];
  groups: K6Group[];
}

export async function runK6(o: K6Options): Promise<K6Run> {
  const dir = mkdtempSync(join(tmpdir(), 'mcp-bench-k6-'));
  const summaryPath = join(dir, 'summary.json');
  const env = { BASE_URL: o.url, SUMMARY_PATH: summaryPath, ...o.env };
  const args = ['run', '--quiet', '--no-color', ...Object.entries(env).flatMap(([k, v]) => ['-e', `${k}=${v}`]), o.file];
  try {
    const run = await runGenerator([o.k6, ...args], {
      prefix: o.prefix,
      cwd: LOADTESTS,
      env: { K6_NO_USAGE_REPORT: 'true' },
      timeoutMs: o.timeoutMs,
    });
    let summary: K6Summary | null = null;
    try {
      summary = JSON.parse(readFileSync(summaryPath, 'utf8')) as K6Summary;
    } catch {
      summary = null;
    }
    return { code: run.code, summary, output: `${run.stdout}${run.stderr}`, generatorCpuSeconds: run.cpuSeconds };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Why a k6 run failed: its exit code and the last lines it printed. */
export function k6Exit(code: number | null, output: string): string {
  return exitMessage('k6', code, output);
}

/** The correctness gate's verdict from one gate.js run: its failed checks, or why k6 failed. */
export function gateVerdict(code: number | null, summary: K6Summary | null, output: string): { passed: boolean; failures: string[] } {
  const failures = summary ? failedChecks(summary) : [];
  if (code !== 0 && failures.length === 0) failures.push(k6Exit(code, output));
  return { passed: code === 0 && failures.length === 0, failures };
}

/** Checks with failures, named as the scenario named them. */
export function failedChecks(summary: K6Summary): string[] {
  const walk = (g: K6Group, path: string[]): string[] => [
    ...g.checks.filter((c) => c.fails > 0).map((c) => `${[...path, c.name].join(' › ')} (${c.fails} of ${c.passes + c.fails} failed)`),
    ...g.groups.flatMap((child) => walk(child, [...path, child.name])),
  ];
  return walk(summary.root_group, []);
}

export function metric(summary: K6Summary, name: string, key: string): number {
  return summary.metrics[name]?.values[key] ?? 0;
}

function trend(summary: K6Summary, name: string): Latency {
  const v = (key: string) => summary.metrics[name]?.values[key] ?? NaN;
  return { avg: v('avg'), min: v('min'), p50: v('p(50)'), p90: v('p(90)'), p95: v('p(95)'), p99: v('p(99)'), max: v('max') };
}

/** Figures of the whole run, or of one `op` tag (submetrics kept by the scenario's thresholds). */
export function figures(summary: K6Summary, op?: string): Figures {
  const tag = op ? `{op:${op}}` : '';
  const seconds = summary.state.testRunDurationMs / 1000;
  const requests = metric(summary, `mcp_duration${tag}`, 'count');
  return {
    requests,
    rps: requests / seconds,
    latencyMs: trend(summary, `mcp_duration${tag}`),
    bytesPerSecond: metric(summary, `mcp_bytes_received${tag}`, 'count') / seconds,
  };
}

export function errors(summary: K6Summary): Errors {
  return {
    http: metric(summary, 'mcp_errors_http', 'count'),
    jsonrpc: metric(summary, 'mcp_errors_jsonrpc', 'count'),
    tool: metric(summary, 'mcp_errors_tool', 'count'),
    check: metric(summary, 'mcp_errors_check', 'count'),
  };
}

export function iterations(summary: K6Summary): { count: number; rate: number; durationMs: Latency } {
  return {
    count: metric(summary, 'iterations', 'count'),
    rate: metric(summary, 'iterations', 'rate'),
    durationMs: trend(summary, 'iteration_duration'),
  };
}

/** The correctness gate (loadtests/gate.js) against one started server. */
export async function gateServer(k6: string, server: string, round: number, url: string, prefix: string[], era = '2025-11-25'): Promise<GateResult> {
  const run = await runK6({ k6, file: 'gate.js', url, env: { MODE: 'gate', PROTOCOL: era }, prefix, timeoutMs: 90_000 });
  return { server, round, ...gateVerdict(run.code, run.summary, run.output) };
}
