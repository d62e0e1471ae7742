// The benchmark, in rounds. Each round starts every configuration (a server in a wiring, a peer)
// and each stack's raw echo, all at once pinned to one core, gating and warming up each; then
// measures saturation in short interleaved slices (every server once a slice, slices.ts), then
// every k6 scenario server by server (A B C D), then stops them all. Round 1 also sizes the
// fixed rates to the machine (rate-calibration.ts). After the rounds: the MCP floor of each wiring
// (no HTTP), and the latency curve at fractions of the saturation the slices measured.
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { DEFAULT_NODE_RUNTIME, onDefaultRuntime, peerEntry, runtimeBinary, runtimeOf } from '@mcp-runtimes/registry';
import { measureCurves } from './latency-curve.js';
import { collectEnvironment } from './environment.js';
import { join } from 'node:path';
import type { FloorOptions, FloorResult } from './floor/mcp-floor.js';
import { FLOOR_STAGES, isFloorStage } from './floor/stages.js';
import { engineFlagsOf, engineSettingsOf } from './variants.js';
import { k6Exit, runK6 } from './k6.js';
import { k6Measurement, k6RunEnv, type K6Measurement } from './measurement.js';
import { runProbe } from './probe-process.js';
import { busyCores, waitForQuiet, watchProcess } from './process-usage.js';
import { PEER_WIRING, type BenchResults, type BenchSettings, type Measurement, type ServerFailure } from './results.js';
import type { Era } from './saturation.js';
import { HEADLINE_SCENARIO, ratesOf, SCENARIOS, type Scenario } from './scenarios.js';
import { estimateSeconds } from './estimate.js';
import { extrasNotRun } from './estimate-extras.js';
import { runReliability } from './reliability/run.js';
import { runStudies } from './studies/run.js';
import { findTool, type Toolchain } from './toolchain.js';
import { gateAndWarm, labelOf, startConfig, startEcho, type LiveServer, type Pins, type RunConfig } from './live-servers.js';
import { saturateOnce, saturationMeasurement } from './saturation-measurement.js';
import { sliceNumber, sliceOrder, waitUntilIdle } from './slices.js';
import { calibrateRates } from './rate-calibration.js';
import type { SizedRate } from './fixed-rates.js';

const FLOOR_PROBE = fileURLToPath(new URL('./floor/probe.js', import.meta.url));

export interface RunOptions {
  settings: BenchSettings;
  tools: Toolchain;
  pin: boolean;
  log: (line: string) => void;
  /** Where the floor's CPU profiles are kept (beside the run's results); none are taken without it. */
  profileDir?: string;
}

/**
 * The configurations of one server in a round. Ours: every scenario in the main wirings, and the
 * compared ones (official, SDK v2, the ablation steps) at saturation and in the headline scenario;
 * on another runtime than its default, its main wirings at saturation and in the headline
 * scenario. A peer has one configuration, its own. The order of wirings turns each round, so
 * none is always started first.
 */
export function configsOf(name: string, settings: BenchSettings, round: number, measureCompared: boolean): RunConfig[] {
  const peer = peerEntry(name) !== undefined;
  const runs: RunConfig[] = peer
    ? [{ name, wiring: PEER_WIRING, saturationOnly: false, peer }]
    : !onDefaultRuntime(name)
      ? settings.wirings.map((wiring) => ({ name, wiring, saturationOnly: true, peer }))
      : [
          ...settings.wirings.map((wiring) => ({ name, wiring, saturationOnly: false, peer })),
          ...(measureCompared ? settings.compare.map((wiring) => ({ name, wiring, saturationOnly: true, peer })) : []),
        ];
  return runs.map((_, i) => runs[(i + round - 1) % runs.length] as RunConfig);
}

export async function runBenchmark({ settings, tools, pin, log, profileDir }: RunOptions): Promise<BenchResults> {
  const canPin = pin && cpus().length >= 2 && findTool('taskset') !== null;
  const pins: Pins = { server: canPin ? ['taskset', '-c', '0'] : [], generator: canPin ? ['taskset', '-c', '1'] : [] };
  if (pin && !canPin) log('not pinning: needs 2+ cores and taskset');
  const results: BenchResults = {
    schema: 1,
    environment: {
      ...collectEnvironment(canPin ? { server: 'core 0 (taskset -c 0)', generator: 'core 1 (taskset -c 1)' } : null, [...new Set(settings.servers.map(runtimeOf))]),
      ...engineSettingsOf([...settings.wirings, ...settings.compare]),
    },
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
  const slices = settings.saturationSlices ?? 1;
  log(
    `about ${formatDuration(estimate)}: ${settings.servers.length} servers${peers.length ? ` and ${peers.length} peers` : ''} × ${scenarios.length} scenarios (${settings.wirings.join(', ')} wiring; ${
      settings.compare.join(', ') || 'nothing else'
    } at saturation and in the headline scenario) × ${scenarios.length > 0 ? settings.repeats : 0} rounds, saturation in ${slices} slice(s) of ${settings.saturationSeconds} s a round; studies: ${settings.studies.studies.join(', ') || 'none'}; reliability: ${
      settings.reliability.checks.join(', ') || 'none'
    }`,
  );

  const extras = extrasNotRun(settings);
  if (extras.length > 0) log(`not in this run: ${extras.map((e) => `${e.flag} (+${formatDuration(e.addsSeconds)})`).join('; ')}`);

  const progress = (label: string, round: number, what: string) => {
    const elapsed = (Date.now() - startedAt) / 1000;
    log(`[${formatDuration(elapsed)} / ~${formatDuration(estimate)}] round ${round}/${settings.repeats} ${label.padEnd(20)} ${what}`);
  };
  const fail = (f: ServerFailure) => {
    results.failures.push(f);
    log(`!! ${f.server} round ${f.round}, ${f.stage}: ${f.message.split('\n')[0]}`);
  };

  const measureSaturation = scenarios.some((s) => s.model === 'saturation');
  const measureCompared = scenarios.some((s) => s.model === 'saturation' || s.id === HEADLINE_SCENARIO);
  const openScenarios = scenarios.filter((s) => s.model === 'open');
  let sized: SizedRate[] = [];
  for (let round = 1; scenarios.length > 0 && round <= settings.repeats; round++) {
    const live: LiveServer[] = [];
    try {
      // Every configuration up, gated and warm before anything is measured.
      for (const name of [...settings.servers, ...peers]) {
        if (excluded.has(name)) continue;
        for (const config of configsOf(name, settings, round, measureCompared)) {
          const label = `${name}/${config.wiring}`;
          if (excluded.has(label)) continue;
          const launched = await startConfig(config, pins);
          if ('error' in launched) {
            if (!config.peer && !onDefaultRuntime(name) && !started.has(name)) {
              // It never started on this runtime (an addon with no build for it): a fact about the
              // runtime, reported, not a failure of the run; nothing more of it is measured.
              results.unsupported?.push({ server: name, runtime: runtimeOf(name), reason: lastLine(launched.error) });
              log(`-- ${name} does not run on ${runtimeOf(name)}: ${lastLine(launched.error)}`);
              excluded.add(name);
              break;
            }
            fail({ server: name, wiring: config.wiring, round, stage: 'start', message: launched.error });
            excluded.add(label);
            continue;
          }
          started.add(name);
          live.push(launched);
          try {
            const gate = await gateAndWarm(launched, round, settings, tools, pins);
            results.gates.push(gate);
            progress(label, round, gate.passed ? 'gate passed' : `GATE FAILED: ${gate.failures.join('; ')}`);
            if (!gate.passed) excluded.add(label);
          } catch (error) {
            fail({ server: name, wiring: config.wiring, round, stage: 'gate', message: (error as Error).message });
            excluded.add(label);
          }
        }
        if (measureSaturation && peerEntry(name) === undefined && !excluded.has(name)) {
          const echo = await startEcho(name, tools, pins);
          if ('error' in echo) fail({ server: name, round, stage: echo.stage, message: echo.error });
          else live.push(echo);
        }
      }
      const measured = live.filter((l) => !excluded.has(labelOf(l)));

      if (measureSaturation) {
        for (let slice = 1; slice <= slices; slice++) {
          const number = sliceNumber(round, slice, slices);
          const background = await waitForQuiet();
          for (const target of sliceOrder(measured, number)) {
            const label = labelOf(target);
            if (excluded.has(label)) continue;
            try {
              const run = await saturateOnce(tools, target, settings.saturationSeconds, settings.connections, pins.generator);
              const scenario = target.kind === 'echo' ? 'saturation-raw' : 'saturation-mcp';
              const m = saturationMeasurement(run, { server: target.name, scenario, round: number, launch: round, background, ...(target.wiring ? { wiring: target.wiring } : {}) });
              results.measurements.push(m);
              progress(label, round, `slice ${slice}/${slices} ${describe(scenario, m)}`);
            } catch (error) {
              fail({ server: target.name, ...(target.wiring ? { wiring: target.wiring } : {}), round, stage: 'measure', message: `${target.kind === 'echo' ? 'raw echo' : 'saturation'}: ${(error as Error).message}` });
              excluded.add(label);
            }
            await waitUntilIdle(target.pid);
          }
        }
      }

      if (round === 1 && settings.rateSizing === 'machine' && openScenarios.length > 0) {
        const firstRound = results.measurements.filter((m) => m.scenario === 'saturation-mcp' && m.launch === 1);
        sized = await calibrateRates({ settings, k6: tools.k6, scenarios: openScenarios, live: measured.filter((l) => !excluded.has(labelOf(l))), saturation: firstRound, pins, log });
        if (sized.length > 0) results.sizedRates = sized;
      }

      for (const target of measured) {
        const config = target.config;
        if (!config || excluded.has(labelOf(target))) continue;
        const label = labelOf(target);
        try {
          for (const sc of scenarios) {
            // Saturation is the slices'; the latency curve runs after the rounds.
            if (sc.model === 'saturation' || sc.model === 'curve') continue;
            if (config.saturationOnly && sc.id !== HEADLINE_SCENARIO) continue;
            for (const rate of ratesOf(sc, settings.rates, sized)) {
              const quiet = await busyCores(200);
              const m = await measureK6(tools.k6, sc, target.loadUrl, target.pid, settings, rate, pins.generator, target.era);
              if ('error' in m) {
                fail({ server: target.name, wiring: config.wiring, round, stage: 'measure', message: `${sc.id}${rate ? ` @${rate}/s` : ''}: ${m.error}` });
                continue;
              }
              const measurement: Measurement = { ...m, server: target.name, wiring: config.wiring, round, protocol: target.loadListener, backgroundCpu: quiet };
              results.measurements.push(measurement);
              progress(label, round, describe(sc.id, measurement));
            }
          }
        } catch (error) {
          fail({ server: target.name, wiring: config.wiring, round, stage: 'measure', message: (error as Error).message });
        }
      }
    } finally {
      for (const target of live) {
        const exit = await target.server.stop();
        if (target.kind === 'mcp' && exit.code !== 0) {
          fail({ server: target.name, ...(target.wiring ? { wiring: target.wiring } : {}), round, stage: 'stop', message: `exited with code ${exit.code} (signal ${exit.signal}) on SIGTERM` });
        }
      }
    }
  }
  // What runs after the rounds: the servers that ran; the studies and reliability checks on each
  // server's default runtime (the runtimes comparison is the rounds' and the curve's).
  const ran = { ...settings, servers: settings.servers.filter((s) => !excluded.has(s)) };
  const ranOnDefault = { ...ran, servers: ran.servers.filter(onDefaultRuntime) };
  if (measureSaturation) results.floor = await measureFloors(settings, pins.server, log, fail, profileDir);
  if (scenarios.some((s) => s.model === 'curve')) {
    log(`[${formatDuration((Date.now() - startedAt) / 1000)} / ~${formatDuration(estimate)}] latency curve: ${settings.curve?.fractions.join(', ')} of each server's saturation, open loop (oha)`);
    const curve = await measureCurves({ settings: ran, tools, measurements: results.measurements, serverPin: pins.server, generatorPin: pins.generator, log, fail });
    results.gates.push(...curve.gates);
    results.measurements.push(...curve.measurements);
  }
  if (settings.studies.studies.length > 0) {
    log(`[${formatDuration((Date.now() - startedAt) / 1000)} / ~${formatDuration(estimate)}] studies: ${settings.studies.studies.join(', ')} (${settings.studies.runs} runs + ${settings.studies.warmupRuns} warm-up each)`);
    results.studies = await runStudies({ settings: ranOnDefault, serverPin: pins.server, generatorPin: pins.generator, log, fail });
  }
  if (settings.reliability.checks.length > 0) {
    log(`[${formatDuration((Date.now() - startedAt) / 1000)} / ~${formatDuration(estimate)}] reliability: ${settings.reliability.checks.join(', ')} (${settings.reliability.wiring} wiring)`);
    results.reliability = await runReliability({ settings: ranOnDefault, tools, serverPin: pins.server, generatorPin: pins.generator, log, fail });
  }
  results.finishedAt = new Date().toISOString();
  log(`done in ${formatDuration((Date.now() - startedAt) / 1000)}`);
  return results;
}

/**
 * The MCP floor of every wiring measured (main and compared), and of the stages of a call on
 * their own, pinned to the server core, with saturation's in-flight count and a round's length of it.
 */
async function measureFloors(settings: BenchSettings, serverPin: string[], log: (line: string) => void, fail: (f: ServerFailure) => void, profileDir?: string): Promise<FloorResult[]> {
  const floors: FloorResult[] = [];
  for (const wiring of [...settings.wirings, ...settings.compare, ...Object.keys(FLOOR_STAGES)]) {
    const seconds = settings.saturationSeconds * (settings.saturationSlices ?? 1);
    // A wiring's handler is profiled too (a stage is too small to need it), kept beside the results.
    const profile = profileDir && !isFloorStage(wiring) ? { profile: join(profileDir, `floor-${wiring}.cpuprofile`) } : {};
    const options: FloorOptions = { wiring, seconds, inFlight: settings.connections, warmupSeconds: 1, ...profile };
    // On the Node line our Node servers run on (when installed), so that a server's CPU per call less its handler's is what surrounds the handler.
    const node = [runtimeBinary(DEFAULT_NODE_RUNTIME) ?? process.execPath, ...engineFlagsOf(wiring)];
    const answer = await runProbe<FloorResult>(FLOOR_PROBE, options, serverPin, node);
    if (!answer.ok) {
      fail({ server: 'mcp-floor', wiring, round: 0, stage: 'measure', message: answer.error });
      continue;
    }
    floors.push(answer.value);
    log(`floor    ${wiring}: ${answer.value.callsPerSecond} calls/s in process, no HTTP (${answer.value.usPerCall} µs a call, ${answer.value.heapBytesPerCall ?? '?'} heap bytes a call, ${options.inFlight} in flight)`);
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

