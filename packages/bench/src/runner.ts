// The benchmark: for each round, for each server in turn (A B C D, A B C D …): start it pinned
// to one core, gate it on correctness, warm it up, measure every scenario with the generator on
// the other core, stop it; then the same stack's raw echo for the saturation limit. After the
// rounds, the MCP floor of each wiring measured (no HTTP), which bounds what any stack can reach, and
// the latency curve, whose rates are fractions of the saturation the rounds measured.
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { entryOf, launchServer, onDefaultRuntime, peerEntry, runtimeOf, serverEntry, type RunningServer } from '@mcp-runtimes/registry';
import { checkEcho } from './echo-check.js';
import { measureCurves } from './latency-curve.js';
import { collectEnvironment } from './environment.js';
import type { FloorOptions, FloorResult } from './floor/mcp-floor.js';
import { gateServer, k6Exit, runK6 } from './k6.js';
import { errorRate, k6Measurement, k6RunEnv, perCpu, WARMUP, warmupEnv, type K6Measurement } from './measurement.js';
import { runProbe } from './probe-process.js';
import { busyCores, round3, waitForQuiet, watchProcess } from './process-usage.js';
import { PEER_WIRING, type BenchResults, type BenchSettings, type Figures, type Measurement, type ProcessUsage, type ServerFailure } from './results.js';
import { saturateListener, saturationTool, type Era, type SaturationResult } from './saturation.js';
import { HEADLINE_SCENARIO, ratesOf, SCENARIOS, type Scenario } from './scenarios.js';
import { eraOf, wiringOf } from './variants.js';
import { estimateSeconds } from './settings.js';
import { extrasNotRun } from './estimate-extras.js';
import { runReliability } from './reliability/run.js';
import { runStudies } from './studies/run.js';
import { findTool, type Toolchain } from './toolchain.js';

const FLOOR_PROBE = fileURLToPath(new URL('./floor/probe.js', import.meta.url));

export interface RunOptions {
  settings: BenchSettings;
  tools: Toolchain;
  pin: boolean;
  log: (line: string) => void;
}

export async function runBenchmark({ settings, tools, pin, log }: RunOptions): Promise<BenchResults> {
  const canPin = pin && cpus().length >= 2 && findTool('taskset') !== null;
  const serverPin = canPin ? ['taskset', '-c', '0'] : [];
  const generatorPin = canPin ? ['taskset', '-c', '1'] : [];
  if (pin && !canPin) log('not pinning: needs 2+ cores and taskset');
  const results: BenchResults = {
    schema: 1,
    environment: collectEnvironment(
      canPin ? { server: 'core 0 (taskset -c 0)', generator: 'core 1 (taskset -c 1)' } : null,
      [...new Set(settings.servers.map(runtimeOf))],
    ),
    settings,
    gates: [],
    failures: [],
    unsupported: [],
    measurements: [],
    startedAt: new Date().toISOString(),
    finishedAt: '',
  };
  const scenarios = measuredFirst(SCENARIOS.filter((s) => settings.scenarios.includes(s.id)));
  const excluded = new Set<string>();
  /** Servers that have started at least once: a later start failure is a failure, not an unsupported runtime. */
  const started = new Set<string>();
  const startedAt = Date.now();
  const estimate = estimateSeconds(settings);
  const peers = settings.peers ?? [];
  log(
    `about ${formatDuration(estimate)}: ${settings.servers.length} servers${peers.length ? ` and ${peers.length} peers` : ''} × ${scenarios.length} scenarios (${settings.wirings.join(', ')} wiring; ${
      settings.compare.join(', ') || 'nothing else'
    } at saturation and in the headline scenario) × ${scenarios.length > 0 ? settings.repeats : 0} rounds; studies: ${settings.studies.studies.join(', ') || 'none'}; reliability: ${
      settings.reliability.checks.join(', ') || 'none'
    }`,
  );

  const extras = extrasNotRun(settings);
  if (extras.length > 0) log(`not in this run: ${extras.map((e) => `${e.flag} (+${formatDuration(e.addsSeconds)})`).join('; ')}`);

  const progress = (server: string, round: number, what: string) => {
    const elapsed = (Date.now() - startedAt) / 1000;
    log(`[${formatDuration(elapsed)} / ~${formatDuration(estimate)}] round ${round}/${settings.repeats} ${server.padEnd(20)} ${what}`);
  };
  const fail = (f: ServerFailure) => {
    results.failures.push(f);
    log(`!! ${f.server} round ${f.round}, ${f.stage}: ${f.message.split('\n')[0]}`);
  };

  const measureSaturation = scenarios.some((s) => s.model === 'saturation');
  const measureCompared = scenarios.some((s) => s.model === 'saturation' || s.id === HEADLINE_SCENARIO);
  for (let round = 1; scenarios.length > 0 && round <= settings.repeats; round++) {
    // Peers in the same rounds, after our servers: same pinning, gate, warm-up and scenarios.
    for (const name of [...settings.servers, ...peers]) {
      if (excluded.has(name)) continue;
      const entry = entryOf(name);
      const peer = peerEntry(name) !== undefined;
      // Every scenario in the main wirings; the compared ones (official, SDK v2 in both eras, the
      // ablation steps) at saturation and in the headline scenario. A peer has one configuration,
      // its own. A server on another runtime than its default is in the runtimes comparison: its
      // main wirings at saturation and in the headline scenario (and the latency curve after).
      const runs = peer
        ? [{ wiring: PEER_WIRING, saturationOnly: false }]
        : !onDefaultRuntime(name)
          ? settings.wirings.map((wiring) => ({ wiring, saturationOnly: true }))
          : [
            ...settings.wirings.map((wiring) => ({ wiring, saturationOnly: false })),
            ...(measureCompared ? settings.compare.map((wiring) => ({ wiring, saturationOnly: true })) : []),
          ];
      // The order of wirings turns each round, so none is always measured first.
      const order = runs.map((_, i) => runs[(i + round - 1) % runs.length] as (typeof runs)[number]);
      for (const { wiring, saturationOnly } of order) {
        const label = `${name}/${wiring}`;
        if (excluded.has(label)) continue;
        const background = await waitForQuiet();
        let server: RunningServer;
        try {
          server = await launchServer(name, { prefix: serverPin, env: peer ? {} : { MCP_WIRING: wiringOf(wiring) } });
        } catch (error) {
          const message = (error as Error).message;
          if (!peer && !onDefaultRuntime(name) && !started.has(name)) {
            // It never started on this runtime (an addon with no build for it): a fact about the
            // runtime, reported, not a failure of the run; nothing more of it is measured.
            results.unsupported?.push({ server: name, runtime: runtimeOf(name), reason: lastLine(message) });
            log(`-- ${name} does not run on ${runtimeOf(name)}: ${lastLine(message)}`);
            excluded.add(name);
            break;
          }
          fail({ server: name, wiring, round, stage: 'start', message });
          excluded.add(label);
          continue;
        }
        started.add(name);
        const loadUrl = server.urls[entry.loadListener] ?? server.url;
        const pid = server.process.pid as number;
        try {
          const era = eraOf(wiring);
          const gate = await gateServer(tools.k6, name, round, loadUrl, generatorPin, era);
          results.gates.push({ ...gate, wiring });
          progress(label, round, gate.passed ? 'gate passed' : `GATE FAILED: ${gate.failures.join('; ')}`);
          if (!gate.passed) {
            excluded.add(label);
            continue;
          }
          const satUrl = server.urls[entry.saturationListener] ?? server.url;
          // Every run is prepared the same way before it is measured (start, gate, the k6 warm-up),
          // and measures saturation first, then the headline scenario: so a server's main wiring,
          // its compared wirings and a server on another runtime meet saturation equally warm.
          if (settings.warmupSeconds > 0) {
            await runK6({
              k6: tools.k6,
              file: WARMUP.file,
              url: loadUrl,
              env: { ...warmupEnv(settings.warmupSeconds), PROTOCOL: era },
              prefix: generatorPin,
              timeoutMs: (settings.warmupSeconds + 60) * 1000,
            });
          }
          for (const sc of scenarios) {
            // The latency curve runs after the rounds, at fractions of the saturation they measure.
            if (sc.model === 'curve' || (saturationOnly && sc.model !== 'saturation' && sc.id !== HEADLINE_SCENARIO)) continue;
            if (sc.model === 'saturation') {
              const m = await saturate(tools, entry.saturationListener, satUrl, pid, settings, generatorPin, era);
              results.measurements.push({ ...toMeasurement(m, { server: name, scenario: 'saturation-mcp', round, background }), wiring });
              progress(label, round, describe('saturation-mcp', results.measurements.at(-1) as Measurement));
              continue;
            }
            for (const rate of ratesOf(sc, settings.rates)) {
              const quiet = await busyCores(200);
              const m = await measureK6(tools.k6, sc, loadUrl, pid, settings, rate, generatorPin, era);
              if ('error' in m) {
                fail({ server: name, wiring, round, stage: 'measure', message: `${sc.id}${rate ? ` @${rate}/s` : ''}: ${m.error}` });
                continue;
              }
              const measurement = { ...m, server: name, wiring, round, protocol: entry.loadListener, backgroundCpu: quiet };
              results.measurements.push(measurement);
              progress(label, round, describe(sc.id, measurement));
            }
          }
        } catch (error) {
          fail({ server: name, wiring, round, stage: 'measure', message: (error as Error).message });
        } finally {
          const exit = await server.stop();
          if (exit.code !== 0) fail({ server: name, wiring, round, stage: 'stop', message: `exited with code ${exit.code} (signal ${exit.signal}) on SIGTERM` });
        }
      }

      if (measureSaturation && !peer && !excluded.has(name)) {
        const m = await measureEcho(tools, name, round, settings, serverPin, generatorPin, fail);
        if (m) {
          results.measurements.push(m);
          progress(name, round, describe('saturation-raw', m));
        }
      }
    }
  }
  // What runs after the rounds: the servers that ran; the studies and reliability checks on each
  // server's default runtime (the runtimes comparison is the rounds' and the curve's).
  const ran = { ...settings, servers: settings.servers.filter((s) => !excluded.has(s)) };
  const ranOnDefault = { ...ran, servers: ran.servers.filter(onDefaultRuntime) };
  if (measureSaturation) results.floor = await measureFloors(settings, serverPin, log, fail);
  if (scenarios.some((s) => s.model === 'curve')) {
    log(`[${formatDuration((Date.now() - startedAt) / 1000)} / ~${formatDuration(estimate)}] latency curve: ${settings.curve?.fractions.join(', ')} of each server's saturation, open loop (oha)`);
    const curve = await measureCurves({ settings: ran, tools, measurements: results.measurements, serverPin, generatorPin, log, fail });
    results.gates.push(...curve.gates);
    results.measurements.push(...curve.measurements);
  }
  if (settings.studies.studies.length > 0) {
    log(`[${formatDuration((Date.now() - startedAt) / 1000)} / ~${formatDuration(estimate)}] studies: ${settings.studies.studies.join(', ')} (${settings.studies.runs} runs + ${settings.studies.warmupRuns} warm-up each)`);
    results.studies = await runStudies({ settings: ranOnDefault, serverPin, generatorPin, log, fail });
  }
  if (settings.reliability.checks.length > 0) {
    log(`[${formatDuration((Date.now() - startedAt) / 1000)} / ~${formatDuration(estimate)}] reliability: ${settings.reliability.checks.join(', ')} (${settings.reliability.wiring} wiring)`);
    results.reliability = await runReliability({ settings: ranOnDefault, tools, serverPin, generatorPin, log, fail });
  }
  results.finishedAt = new Date().toISOString();
  log(`done in ${formatDuration((Date.now() - startedAt) / 1000)}`);
  return results;
}

/** The MCP floor of every wiring measured (main and compared), pinned to the server core, with saturation's in-flight count and length. */
async function measureFloors(settings: BenchSettings, serverPin: string[], log: (line: string) => void, fail: (f: ServerFailure) => void): Promise<FloorResult[]> {
  const floors: FloorResult[] = [];
  for (const wiring of [...settings.wirings, ...settings.compare]) {
    const options: FloorOptions = { wiring, seconds: settings.saturationSeconds, inFlight: settings.connections, warmupSeconds: 1 };
    const answer = await runProbe<FloorResult>(FLOOR_PROBE, options, serverPin);
    if (!answer.ok) {
      fail({ server: 'mcp-floor', wiring, round: 0, stage: 'measure', message: answer.error });
      continue;
    }
    floors.push(answer.value);
    log(`floor    ${wiring}: ${answer.value.callsPerSecond} calls/s in process, no HTTP (${answer.value.usPerCall} µs a call, ${options.inFlight} in flight)`);
  }
  return floors;
}

async function measureK6(
  k6: string,
  sc: Scenario,
  url: string,
  pid: number,
  settings: BenchSettings,
  rate: number | undefined,
  prefix: string[],
  era: Era,
): Promise<K6Measurement | { error: string }> {
  const env = { ...k6RunEnv(sc, settings.durationSeconds, rate), PROTOCOL: era };
  const startedAt = new Date().toISOString();
  const watch = watchProcess(pid);
  const run = await runK6({ k6, file: sc.file as string, url, env, prefix, timeoutMs: (settings.durationSeconds + 60) * 1000 });
  const usage = watch.stop();
  if (!run.summary || run.code !== 0) {
    return { error: k6Exit(run.code, run.output) };
  }
  return k6Measurement(run.summary, sc, rate, usage, run.generatorCpuSeconds, startedAt);
}

async function saturate(
  tools: Toolchain,
  protocol: 'http1' | 'h2c',
  url: string,
  pid: number,
  settings: BenchSettings,
  prefix: string[],
  era: Era = '2025-11-25',
): Promise<SaturationResult & { usage: ProcessUsage; tool: 'wrk' | 'h2load'; protocol: string }> {
  const watch = watchProcess(pid);
  const options = { url, seconds: settings.saturationSeconds, concurrency: settings.connections, prefix, era };
  const result = await saturateListener(tools, protocol, options);
  return { ...result, usage: watch.stop(), tool: saturationTool(protocol), protocol };
}

async function measureEcho(
  tools: Toolchain,
  name: string,
  round: number,
  settings: BenchSettings,
  serverPin: string[],
  generatorPin: string[],
  fail: (f: ServerFailure) => void,
): Promise<Measurement | null> {
  const entry = serverEntry(name);
  const background = await waitForQuiet();
  let echo: RunningServer;
  try {
    echo = await launchServer(name, { program: 'echo', prefix: serverPin });
  } catch (error) {
    fail({ server: name, round, stage: 'start', message: `raw echo: ${(error as Error).message}` });
    return null;
  }
  try {
    const problem = await checkEcho(echo.url, entry.saturationListener);
    if (problem) {
      fail({ server: name, round, stage: 'gate', message: `raw echo: ${problem}` });
      return null;
    }
    // A short warm-up so the JIT has compiled the echo path before it is measured.
    await saturate(tools, entry.saturationListener, echo.url, echo.process.pid as number, { ...settings, saturationSeconds: 1 }, generatorPin);
    const m = await saturate(tools, entry.saturationListener, echo.url, echo.process.pid as number, settings, generatorPin);
    return toMeasurement(m, { server: name, scenario: 'saturation-raw', round, background });
  } catch (error) {
    fail({ server: name, round, stage: 'measure', message: `raw echo: ${(error as Error).message}` });
    return null;
  } finally {
    await echo.stop();
  }
}

function toMeasurement(
  m: SaturationResult & { usage: ProcessUsage; tool: 'wrk' | 'h2load'; protocol: string },
  at: { server: string; scenario: string; round: number; background: number },
): Measurement {
  const figures: Figures = { requests: m.requests, rps: m.rps, latencyMs: m.latencyMs, bytesPerSecond: m.bytesPerSecond };
  return {
    ...figures,
    server: at.server,
    scenario: at.scenario,
    round: at.round,
    tool: m.tool,
    concurrency: m.concurrency,
    protocol: m.protocol,
    startedAt: new Date().toISOString(),
    durationSeconds: round3(m.durationSeconds),
    errors: m.errors,
    errorRate: errorRate(m.errors, m.requests),
    droppedIterations: 0,
    serverUsage: m.usage,
    requestsPerCpuSecond: perCpu(m.requests, m.usage),
    generatorUsage: { cpuSeconds: round3(m.generatorCpuSeconds), utilisation: round3(m.generatorCpuSeconds / m.durationSeconds) },
    backgroundCpu: at.background,
  };
}

function describe(id: string, m: Measurement): string {
  const label = m.rate !== undefined ? `${id} @${m.rate}/s` : id;
  const errs = m.errors.http + m.errors.jsonrpc + m.errors.tool + m.errors.check;
  return `${label.padEnd(22)} ${m.rps.toFixed(0).padStart(7)} req/s  p99 ${m.latencyMs.p99.toFixed(1)} ms  errors ${errs}${
    m.droppedIterations ? `  dropped ${m.droppedIterations}` : ''
  }  server CPU ${m.serverUsage.cpuSeconds.toFixed(1)} s`;
}

/** Saturation, then the headline scenario, then the rest in the registry's order. */
function measuredFirst(scenarios: readonly Scenario[]): Scenario[] {
  const rank = (sc: Scenario) => (sc.model === 'saturation' ? 0 : sc.id === HEADLINE_SCENARIO ? 1 : 2);
  return [...scenarios].sort((a, b) => rank(a) - rank(b));
}

/** The last non-empty line of a message (a server's own one-line reason, after the launcher's preamble). */
function lastLine(message: string): string {
  return message.trim().split('\n').filter(Boolean).at(-1) ?? message;
}

export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

