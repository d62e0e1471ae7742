// `pnpm bench:all --target name=URL,…`: the gate and the k6 scenarios against servers this
// runner did not start (a deployment, a cluster, the compose demo). It runs the docker-compose
// demo's plan (each target gated and warmed up once, then every scenario, targets interleaved in
// rounds) with k6 here, and builds the same report from it. A target's CPU time and peak memory
// come from its own /health before and after each run (loadtests/lib/lifecycle.js), as in the demo.
import { cpus } from 'node:os';
import { createFetch } from '@mcp-runtimes/client';
import { collectEnvironment } from '../environment.js';
import { runK6 } from '../k6.js';
import type { BenchResults, BenchSettings } from '../results.js';
import { findTool } from '../toolchain.js';
import { collectRuns, type RunOutput } from '../demo/collect.js';
import { demoPlan, demoSettings, type DemoRun } from '../demo/plan.js';
import type { Era } from '../saturation.js';
import { eraOf, inEra } from '../variants.js';

/** A target's measurements carry this wiring: whatever the deployment runs (its /health says which). */
export const REMOTE_WIRING = 'deployed';

/** The variant a target's measurements in one revision carry: `deployed`, `deployed@2026`. */
export function remoteVariant(era: Era): string {
  return inEra(REMOTE_WIRING, era);
}

/** Flags that choose what the runner starts: a remote run starts nothing. */
const LOCAL_ONLY = ['--servers', '--peers', '--wirings', '--compare', '--no-pin'];

/**
 * The settings of a remote run: bench:all's flags, k6 scenarios only (saturation, the latency
 * curve, the studies and the reliability checks start servers of their own), the targets as servers.
 */
export function remoteSettings(args: readonly string[], targets: Record<string, string>, eras: readonly Era[] = ['2025-11-25']): BenchSettings {
  const own = withoutTargetFlags(args);
  const local = own.filter((a) => LOCAL_ONLY.includes(a));
  if (local.length > 0) throw new Error(`--target measures running servers: ${local.join(', ')} only apply to servers the runner starts`);
  // The demo's settings take every bench:all flag and refuse what k6 alone cannot run.
  const settings = demoSettings(own, 'tuned');
  settings.servers = Object.keys(targets);
  settings.wirings = eras.map(remoteVariant);
  settings.command = ['pnpm bench:all', ...args.filter((a) => a !== '--')].join(' ');
  return settings;
}

function withoutTargetFlags(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--target' || args[i] === '--protocol') i++;
    else if (args[i] !== '--insecure' && args[i] !== '--') out.push(args[i] as string);
  }
  return out;
}

export interface RemoteRun {
  settings: BenchSettings;
  targets: Record<string, string>;
  k6: string;
  /** Accept any TLS certificate (the chart's node:http2 serves a self-made one). */
  insecure: boolean;
  log: (line: string) => void;
}

/** What a target's /health says it is, for the report: the runner cannot see its process. */
async function describeTarget(url: string, insecure: boolean): Promise<string> {
  const health = new URL('/health', url).toString();
  // As k6 does (loadtests/lib/options.js): a loopback target's certificate is the project's self-made one.
  const loopback = /^(127\.|\[::1\]|localhost)/.test(new URL(url).host);
  const { fetch, close } = createFetch(health, { insecure: insecure || loopback });
  try {
    const response = await fetch(health, { signal: AbortSignal.timeout(10_000) });
    const text = await response.text();
    if (response.status !== 200) return `${url}: /health answered ${response.status}`;
    let body: { runtime?: unknown; wiring?: unknown; sdk?: unknown };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      return `${url}: /health is not JSON`;
    }
    const said = [['runtime', body.runtime], ['wiring', body.wiring], ['SDK', body.sdk]].filter(([, v]) => typeof v === 'string').map(([k, v]) => `${k} ${v as string}`);
    return `${url}${said.length ? ` (${said.join(', ')}, from its /health)` : ''}`;
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause?.message;
    return `${url}: /health unreachable (${cause ?? (error as Error).message})`;
  } finally {
    await close();
  }
}

export async function runRemote({ settings, targets, k6, insecure, log }: RemoteRun): Promise<BenchResults> {
  // Nothing of the servers runs here: k6 takes one core, as beside a local server, so a
  // generator-bound row means the same thing in both reports.
  const pin = cpus().length >= 2 && findTool('taskset') !== null ? ['taskset', '-c', '1'] : [];
  const environment = collectEnvironment(null);
  // The packages installed here are not what the targets run (their /health says what it can): k6 only.
  environment.versions = { k6: environment.versions.k6 ?? 'not found' };
  const described: Record<string, string> = {};
  for (const [name, url] of Object.entries(targets)) {
    described[name] = await describeTarget(url, insecure);
    log(`target ${name}: ${described[name]}`);
  }
  environment.remote = { targets: described, generator: pin.length ? 'k6 on this machine, core 1 (taskset -c 1)' : 'k6 on this machine, not pinned' };

  const plan = demoPlan(settings, targets);
  const outputs = new Map<string, RunOutput>();
  const failedGate = new Set<string>();
  const started = Date.now();
  for (const [i, run] of plan.runs.entries()) {
    const gated = `${run.server} ${run.wiring}`;
    if (failedGate.has(gated)) continue;
    const out = await runOne(k6, run, insecure, pin, settings);
    outputs.set(run.id, out);
    const seconds = Math.round((Date.now() - started) / 1000);
    log(`[${seconds}s] ${i + 1}/${plan.runs.length} ${run.id}: k6 exited ${out.code}`);
    if (run.kind === 'gate' && out.code !== 0) {
      failedGate.add(gated);
      log(`   ${run.server} (${eraOf(run.wiring)}) failed its gate: it will not be measured in that revision`);
    }
  }
  return collectRuns(plan, (run) => outputs.get(run.id) ?? null, environment, (server) => protocolOf(targets[server] as string));
}

async function runOne(k6: string, run: DemoRun, insecure: boolean, prefix: string[], settings: BenchSettings): Promise<RunOutput> {
  const startedAt = new Date().toISOString();
  const seconds = run.kind === 'gate' ? 30 : run.kind === 'warmup' ? settings.warmupSeconds : settings.durationSeconds;
  const env = { ...run.env, ...(insecure ? { INSECURE: '1' } : {}) };
  const k6Run = await runK6({ k6, file: run.file, url: run.url, env, prefix, timeoutMs: (seconds + 60) * 1000 });
  return { code: k6Run.code, summary: k6Run.summary, cpuSeconds: k6Run.generatorCpuSeconds, startedAt, log: k6Run.output };
}

/** What the report calls a target's protocol: k6 speaks h2 over TLS where the server offers it. */
export function protocolOf(url: string): string {
  return new URL(url).protocol === 'https:' ? 'tls (h2 if offered)' : 'http1';
}
