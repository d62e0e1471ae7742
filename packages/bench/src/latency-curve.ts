// The latency curve, after the rounds have measured every server's saturation: each server is
// offered fixed arrival rates (open loop, oha) at fractions of its own saturation, so it is seen
// below, at and past its own knee, plus one rate common to all (a fraction of the slowest one's).
// Servers interleave in rounds, each start is gated, and the generator sits on its own core.
// At the fractions the curve names, the same stack's raw JSON echo (no MCP) is then offered the
// same rates, so the report sets the MCP path's p99 beside its HTTP stack's own.
import { launchServer, serverEntry, type RunningServer } from '@mcp-runtimes/registry';
import { gateServer } from './k6.js';
import { launchCheckedEcho } from './live-servers.js';
import { errorRate, perCpu } from './measurement.js';
import { runOha, type OpenLoopOptions } from './oha.js';
import { round3, waitForQuiet, watchProcess } from './process-usage.js';
import type { BenchSettings, CurveLoad, GateResult, Measurement, ServerFailure } from './results.js';
import { curveWarmupSeconds, RAW_WARMUP_SECONDS } from './estimate.js';
import type { Toolchain } from './toolchain.js';
import { eraOf, wiringOf } from './variants.js';

export interface CurveRun {
  settings: BenchSettings;
  tools: Toolchain;
  /** The rounds' measurements: the saturation each fraction is taken of. */
  measurements: readonly Measurement[];
  serverPin: string[];
  generatorPin: string[];
  log: (line: string) => void;
  fail: (f: ServerFailure) => void;
}

/** Mean saturation (req/s) of a server's MCP wiring over the rounds, or null if none was measured. */
export function saturationOf(measurements: readonly Measurement[], server: string, wiring: string): number | null {
  const runs = measurements.filter((m) => m.scenario === 'saturation-mcp' && m.server === server && m.wiring === wiring && m.requests > 0);
  return runs.length > 0 ? runs.reduce((s, m) => s + m.rps, 0) / runs.length : null;
}

/** The points of one server's curve: the common rate first, then its own fractions, rising. */
export function curvePoints(settings: BenchSettings, own: number, slowest: number): { rate: number; load: CurveLoad }[] {
  const curve = settings.curve as NonNullable<BenchSettings['curve']>;
  const common = { rate: Math.max(1, Math.round(curve.commonFraction * slowest)), load: { fraction: curve.commonFraction, of: 'slowest' as const, saturationRps: round3(slowest) } };
  const fractions = [...curve.fractions].sort((a, b) => a - b);
  return [common, ...fractions.map((fraction) => ({ rate: Math.max(1, Math.round(fraction * own)), load: { fraction, of: 'own' as const, saturationRps: round3(own) } }))];
}

export async function measureCurves(run: CurveRun): Promise<{ measurements: Measurement[]; gates: GateResult[] }> {
  const { settings, tools, serverPin, generatorPin, log, fail } = run;
  const curve = settings.curve;
  const measurements: Measurement[] = [];
  const gates: GateResult[] = [];
  if (!curve) return { measurements, gates };
  for (const wiring of settings.wirings) {
    const own = new Map(settings.servers.flatMap((s) => {
      const rps = saturationOf(run.measurements, s, wiring);
      return rps ? [[s, rps] as const] : [];
    }));
    for (const server of settings.servers) {
      if (!own.has(server)) fail({ server, wiring, round: 0, stage: 'measure', message: 'latency curve: no saturation measured to take its fractions of' });
    }
    if (own.size === 0) continue;
    const slowest = Math.min(...own.values());
    for (let round = 1; round <= settings.repeats; round++) {
      for (const [server, saturation] of own) {
        const entry = serverEntry(server);
        const points = curvePoints(settings, saturation, slowest);
        const background = await waitForQuiet();
        let running: RunningServer;
        try {
          running = await launchServer(server, { prefix: serverPin, env: { MCP_WIRING: wiringOf(wiring) } });
        } catch (error) {
          fail({ server, wiring, round, stage: 'start', message: `latency curve: ${(error as Error).message}` });
          continue;
        }
        try {
          const gate = await gateServer(tools.k6, server, round, running.urls[entry.loadListener] ?? running.url, generatorPin, eraOf(wiring));
          gates.push({ ...gate, wiring });
          if (!gate.passed) {
            fail({ server, wiring, round, stage: 'gate', message: `latency curve: gate failed: ${gate.failures.join('; ')}` });
            continue;
          }
          const target = { url: running.urls[entry.saturationListener] ?? running.url, protocol: entry.saturationListener, inFlight: settings.connections, prefix: generatorPin, era: eraOf(wiring) };
          await runOha(tools.oha, { ...target, rate: points[0]?.rate ?? 1, seconds: curveWarmupSeconds(settings) });
          for (const point of points) {
            const m = await measurePoint(tools.oha, { ...target, rate: point.rate, seconds: curve.seconds }, running.process.pid as number);
            measurements.push({ ...m, server, wiring, round, load: point.load, backgroundCpu: background });
            log(
              `curve    round ${round}/${settings.repeats} ${`${server}/${wiring}`.padEnd(20)} ${describeLoad(point.load)} = ${point.rate}/s: p99 ${m.latencyMs.p99.toFixed(2)} ms, dropped ${m.droppedIterations}, server ${(m.serverUsage.cpuSeconds / m.durationSeconds * 100).toFixed(0)}%, oha ${(m.generatorUsage.utilisation * 100).toFixed(0)}%`,
            );
          }
        } catch (error) {
          fail({ server, wiring, round, stage: 'measure', message: `latency curve: ${(error as Error).message}` });
        } finally {
          const exit = await running.stop();
          if (exit.code !== 0) fail({ server, wiring, round, stage: 'stop', message: `exited with code ${exit.code} (signal ${exit.signal}) on SIGTERM` });
        }
        const rawPoints = points.filter((p) => p.load.of === 'own' && (curve.rawFractions ?? []).includes(p.load.fraction));
        if (rawPoints.length > 0) measurements.push(...(await measureRawPoints(run, server, wiring, round, rawPoints)));
      }
    }
  }
  return { measurements, gates };
}

/**
 * The stack's raw echo at the MCP curve's rates: started, checked, warmed up at the first rate,
 * then each point, as `latency-raw` under the wiring whose rates it was offered.
 */
async function measureRawPoints(run: CurveRun, server: string, wiring: string, round: number, points: { rate: number; load: CurveLoad }[]): Promise<Measurement[]> {
  const { settings, tools, serverPin, generatorPin, log, fail } = run;
  const measurements: Measurement[] = [];
  const background = await waitForQuiet();
  const echo = await launchCheckedEcho(server, serverPin);
  if ('error' in echo) {
    fail({ server, wiring, round, stage: echo.stage, message: `latency curve, ${echo.error}` });
    return measurements;
  }
  try {
    const protocol = serverEntry(server).saturationListener;
    const target = { url: echo.url, protocol, inFlight: settings.connections, prefix: generatorPin, era: eraOf(wiring) };
    if (settings.warmupSeconds > 0) await runOha(tools.oha, { ...target, rate: points[0]?.rate ?? 1, seconds: RAW_WARMUP_SECONDS });
    for (const point of points) {
      const m = await measurePoint(tools.oha, { ...target, rate: point.rate, seconds: settings.curve?.seconds ?? 1 }, echo.process.pid as number);
      measurements.push({ ...m, scenario: 'latency-raw', server, wiring, round, load: point.load, backgroundCpu: background });
      log(`curve    round ${round}/${settings.repeats} ${`${server}/raw echo`.padEnd(20)} the MCP rate at ${describeLoad(point.load)} = ${point.rate}/s: p99 ${m.latencyMs.p99.toFixed(2)} ms, dropped ${m.droppedIterations}`);
    }
  } catch (error) {
    fail({ server, wiring, round, stage: 'measure', message: `latency curve, raw echo: ${(error as Error).message}` });
  } finally {
    await echo.stop();
  }
  return measurements;
}

export function describeLoad(load: CurveLoad): string {
  return `${Math.round(load.fraction * 100)}% of ${load.of === 'own' ? 'its' : "the slowest's"} saturation`;
}

async function measurePoint(oha: string, o: OpenLoopOptions, pid: number): Promise<Omit<Measurement, 'server' | 'wiring' | 'round' | 'load' | 'backgroundCpu'>> {
  const startedAt = new Date().toISOString();
  const watch = watchProcess(pid);
  const r = await runOha(oha, o);
  const usage = watch.stop();
  return {
    requests: r.completed,
    rps: r.rps,
    latencyMs: r.latencyMs,
    bytesPerSecond: r.bytesPerSecond,
    scenario: 'latency',
    rate: o.rate,
    tool: 'oha',
    concurrency: o.inFlight,
    protocol: o.protocol,
    startedAt,
    // The scheduled window: offered = rate × this, and utilisation is CPU over it.
    durationSeconds: o.seconds,
    errors: r.errors,
    errorRate: errorRate(r.errors, r.completed),
    droppedIterations: r.dropped,
    serverUsage: usage,
    requestsPerCpuSecond: perCpu(r.completed, usage),
    generatorUsage: { cpuSeconds: round3(r.generatorCpuSeconds), utilisation: round3(r.generatorCpuSeconds / o.seconds) },
  };
}
