// Turns the k6 runs of a plan into the BenchResults `pnpm bench:all` writes, with the same
// measurement code, so the same report is built from them: the demo's k6 container leaves its
// output in files (k6/<id>.json, .code, .times, .started), the runner's remote targets in memory.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serverEntry } from '@mcp-runtimes/registry';
import { parseTimes } from '../generator.js';
import { gateVerdict, k6Exit, type K6Summary } from '../k6.js';
import { k6Measurement } from '../measurement.js';
import type { BenchResults, Environment, ProcessUsage } from '../results.js';
import { scenario } from '../scenarios.js';
import type { DemoPlan, DemoRun } from './plan.js';

/** What one k6 run of the plan left: null when it never ran (its server failed the gate). */
export interface RunOutput {
  code: number | null;
  summary: K6Summary | null;
  cpuSeconds: number;
  startedAt: string;
  log: string;
}

function readRun(dir: string, run: DemoRun): RunOutput | null {
  const file = (ext: string) => join(dir, 'k6', `${run.id}${ext}`);
  if (!existsSync(file('.code'))) return null; // skipped (its server failed the gate) or never reached
  const text = (ext: string) => (existsSync(file(ext)) ? readFileSync(file(ext), 'utf8') : '');
  let summary: K6Summary | null = null;
  try {
    summary = JSON.parse(text('.json')) as K6Summary;
  } catch {
    summary = null;
  }
  const code = Number.parseInt(text('.code').trim(), 10);
  return {
    code: Number.isNaN(code) ? null : code,
    summary,
    cpuSeconds: parseTimes(text('.times')),
    startedAt: text('.started').trim(),
    log: text('.log'),
  };
}

/** The server's own CPU time and peak RSS, from /health before and after the run (loadtests/lib/lifecycle.js). */
export function serverUsageOf(summary: K6Summary): ProcessUsage {
  const value = (name: string) => summary.metrics[name]?.values.value;
  const before = value('server_cpu_seconds_before');
  const after = value('server_cpu_seconds_after');
  return {
    cpuSeconds: before !== undefined && after !== undefined ? Math.round((after - before) * 1000) / 1000 : 0,
    peakRssBytes: summary.metrics.server_peak_rss_bytes?.values.max ?? 0,
  };
}

export function collectDemo(plan: DemoPlan, dir: string, environment: Environment): BenchResults {
  const results = collectRuns(plan, (run) => readRun(dir, run), environment, (server) => serverEntry(server).loadListener);
  // The k6 container wrote when it finished; without that file it did not, and now will do.
  const done = join(dir, 'k6', 'done');
  if (existsSync(done)) results.finishedAt = readFileSync(done, 'utf8').trim();
  return results;
}

/** The plan's measurements, gates and failures from each run's output; `protocolOf` labels a server's load listener. */
export function collectRuns(
  plan: DemoPlan,
  outputOf: (run: DemoRun) => RunOutput | null,
  environment: Environment,
  protocolOf: (server: string) => string,
): BenchResults {
  const results: BenchResults = {
    schema: 1,
    environment,
    settings: plan.settings,
    gates: [],
    failures: [],
    measurements: [],
    startedAt: '',
    finishedAt: '',
  };
  for (const run of plan.runs) {
    const out = outputOf(run);
    if (!out) continue;
    results.startedAt ||= out.startedAt;
    if (run.kind === 'gate') {
      results.gates.push({ server: run.server, wiring: run.wiring, round: run.round, ...gateVerdict(out.code, out.summary, out.log) });
      continue;
    }
    if (run.kind !== 'measure') continue;
    const label = `${run.scenario}${run.rate !== undefined ? ` @${run.rate}/s` : ''}`;
    if (!out.summary || out.code !== 0) {
      results.failures.push({ server: run.server, wiring: run.wiring, round: run.round, stage: 'measure', message: `${label}: ${k6Exit(out.code, out.log)}` });
      continue;
    }
    const sc = scenario(run.scenario as string);
    const m = k6Measurement(out.summary, sc, run.rate, serverUsageOf(out.summary), out.cpuSeconds, out.startedAt);
    // Background CPU is not measurable from a container or another machine; NaN keeps it out of the report rather than claiming 0.
    results.measurements.push({ ...m, server: run.server, wiring: run.wiring, round: run.round, protocol: protocolOf(run.server), backgroundCpu: Number.NaN });
  }
  results.finishedAt = new Date().toISOString();
  return results;
}
