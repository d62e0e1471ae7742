// `pnpm bench:all --target name=URL,…`: the gate and the k6 scenarios against servers this
// runner did not start (a deployment, a cluster, the compose demo). It runs the docker-compose
// demo's plan (each target gated and warmed up once, then every scenario, targets interleaved in
// rounds) with k6 here, and builds the same report from it. A target's CPU time and peak memory
// come from its own /health before and after each run (loadtests/lib/lifecycle.js), as in the demo;
// a target without /health is measured without them. With --tool, every scenario that can calls
// the targets' own tool (target-call.ts).
import { cpus } from 'node:os';
import { createFetch } from '@mcp-runtimes/client';
import { collectEnvironment } from '../environment.js';
import { gateVerdict, runK6 } from '../k6.js';
import type { BenchResults, BenchSettings } from '../results.js';
import { findTool } from '../toolchain.js';
import { collectRuns, type RunOutput } from '../demo/collect.js';
import { demoPlan, demoSettings, type DemoRun } from '../demo/plan.js';
import type { Era } from '../saturation.js';
import { eraOf, inEra } from '../variants.js';
import { customCallRecord, describeTargetCall, isTargetCallFlag, targetCallEnv, type TargetCall } from './target-call.js';

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
    if (args[i] === '--target' || args[i] === '--protocol' || isTargetCallFlag(args[i] as string)) i++;
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
  /** `--tool`: the targets' own tool, called instead of agent_task (settings.scenarios already fit it). */
  call?: TargetCall | null;
  /** The k6 scenarios left out for the call, each with why. */
  notRun?: Record<string, string>;
}

/** What the runner learnt of a target from one request to its /health, before any k6 run. */
interface TargetHealth {
  /** For the report: the URL and what its /health says it runs. */
  description: string;
  /** Why its own CPU time and memory cannot be measured; null when /health reports them. */
  unmeasured: string | null;
  /** It has no /health at all: k6 must not ask for one (HEALTH_URL=none). */
  noHealth: boolean;
}

/**
 * What a target's /health says it is, for the report: the runner cannot see its process. A 4xx
 * means there is no /health (another server's surface): measured without its CPU and memory. A
 * 5xx or no answer keeps /health, and k6's setup() refuses the unhealthy target.
 */
async function probeTarget(name: string, url: string, insecure: boolean): Promise<TargetHealth> {
  const health = new URL('/health', url).toString();
  // As k6 does (loadtests/lib/options.js): a loopback target's certificate is the project's self-made one.
  const loopback = /^(127\.|\[::1\]|localhost)/.test(new URL(url).host);
  const { fetch, close } = createFetch(health, { insecure: insecure || loopback });
  const unhealthy = (description: string): TargetHealth => ({ description, unmeasured: null, noHealth: false });
  const withoutUsage = (description: string, why: string): TargetHealth => ({ description: `${description}; server CPU and memory not measured: ${name} ${why}`, unmeasured: why, noHealth: false });
  try {
    const response = await fetch(health, { signal: AbortSignal.timeout(10_000) });
    const text = await response.text();
    if (response.status >= 400 && response.status < 500) return { ...withoutUsage(url, 'has no /health'), noHealth: true };
    if (response.status !== 200) return unhealthy(`${url}: /health answered ${response.status}`);
    let body: { runtime?: unknown; wiring?: unknown; sdk?: unknown; process?: { cpu_seconds?: unknown } };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      return withoutUsage(`${url}: /health is not JSON`, "has no /health that reports them (process.cpu_seconds)");
    }
    const said = [['runtime', body.runtime], ['wiring', body.wiring], ['SDK', body.sdk]].filter(([, v]) => typeof v === 'string').map(([k, v]) => `${k} ${v as string}`);
    const described = `${url}${said.length ? ` (${said.join(', ')}, from its /health)` : ''}`;
    if (typeof body.process?.cpu_seconds !== 'number') return withoutUsage(described, 'has no /health that reports them (process.cpu_seconds)');
    return { description: described, unmeasured: null, noHealth: false };
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause?.message;
    return unhealthy(`${url}: /health unreachable (${cause ?? (error as Error).message})`);
  } finally {
    await close();
  }
}

export async function runRemote({ settings, targets, k6, insecure, log, call = null, notRun = {} }: RemoteRun): Promise<BenchResults> {
  // Nothing of the servers runs here: k6 takes one core, as beside a local server, so a
  // generator-bound row means the same thing in both reports.
  const pin = cpus().length >= 2 && findTool('taskset') !== null ? ['taskset', '-c', '1'] : [];
  const environment = collectEnvironment(null);
  // The packages installed here are not what the targets run (their /health says what it can): k6 only.
  environment.versions = { k6: environment.versions.k6 ?? 'not found' };
  const described: Record<string, string> = {};
  const unmeasured: Record<string, string> = {};
  const targetEnv: Record<string, Record<string, string>> = {};
  for (const [name, url] of Object.entries(targets)) {
    const health = await probeTarget(name, url, insecure);
    described[name] = health.description;
    if (health.unmeasured !== null) unmeasured[name] = health.unmeasured;
    targetEnv[name] = { ...(call ? targetCallEnv(call) : {}), ...(health.noHealth ? { HEALTH_URL: 'none' } : {}) };
    log(`target ${name}: ${described[name]}`);
  }
  if (call) log(describeTargetCall(call, notRun));
  environment.remote = {
    targets: described,
    generator: pin.length ? 'k6 on this machine, core 1 (taskset -c 1)' : 'k6 on this machine, not pinned',
    ...(Object.keys(unmeasured).length > 0 ? { unmeasured } : {}),
    ...(call ? { call: customCallRecord(call, notRun) } : {}),
  };

  const plan = demoPlan(settings, targets);
  const outputs = new Map<string, RunOutput>();
  const failedGate = new Set<string>();
  const started = Date.now();
  for (const [i, run] of plan.runs.entries()) {
    const gated = `${run.server} ${run.wiring}`;
    if (failedGate.has(gated)) continue;
    const out = await runOne(k6, { ...run, env: { ...run.env, ...targetEnv[run.server] } }, insecure, pin, settings);
    outputs.set(run.id, out);
    const seconds = Math.round((Date.now() - started) / 1000);
    log(`[${seconds}s] ${i + 1}/${plan.runs.length} ${run.id}: k6 exited ${out.code}`);
    if (run.kind === 'gate' && out.code !== 0) {
      failedGate.add(gated);
      log(`   ${run.server} (${eraOf(run.wiring)}) failed its gate: it will not be measured in that revision`);
      for (const failure of gateVerdict(out.code, out.summary, out.log).failures) log(`     ${failure}`);
    }
  }
  const results = collectRuns(plan, (run) => outputs.get(run.id) ?? null, environment, (server) => protocolOf(targets[server] as string));
  if (call) dropUnsentOps(results);
  return results;
}

/** A custom call's scenarios send none of the rows (`op`s) kept for this project's own reads: no empty rows. */
function dropUnsentOps(results: BenchResults): void {
  for (const m of results.measurements) {
    if (!m.ops) continue;
    const sent = Object.entries(m.ops).filter(([, figures]) => figures.requests > 0);
    if (sent.length > 0) m.ops = Object.fromEntries(sent);
    else delete m.ops;
  }
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
