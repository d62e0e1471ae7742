// The runner's side of the reliability checks: start each server pinned to the server core,
// measure its saturation (overload is offered relative to it), run the check's probe on the
// generator core, stop the server and read how it exited. Failures are reported, not fatal.
import { fileURLToPath } from 'node:url';
import { createFetch } from '@mcp-runtimes/client';
import { launchServer, serverEntry, stopCounts, type RunningServer } from '@mcp-runtimes/registry';
import { DEFAULT_SHUTDOWN_TIMEOUT_MS } from '@mcp-runtimes/server-kit';
import { exitMessage } from '../exit-message.js';
import { runProbe } from '../probe-process.js';
import type { BenchSettings, ServerFailure } from '../results.js';
import { saturateListener } from '../saturation.js';
import type { Toolchain } from '../toolchain.js';
import { fullGcEnv } from './full-gc.js';
import type { PhaseResult, ReliabilityResults, ShutdownResult, SoakResult } from './model.js';
import type { ReliabilityProbe } from './probe.js';
import { soakPassed, soakSlope } from './soak-slope.js';

const PROBE = fileURLToPath(new URL('./probe.js', import.meta.url));

export interface ReliabilityContext {
  settings: BenchSettings;
  tools: Toolchain;
  serverPin: string[];
  generatorPin: string[];
  log: (line: string) => void;
  fail: (failure: ServerFailure) => void;
}

export async function runReliability(ctx: ReliabilityContext): Promise<ReliabilityResults> {
  const s = ctx.settings.reliability;
  const results: ReliabilityResults = { settings: s, overload: [], shutdown: [], soak: [] };
  const failed = (server: string, message: string) => ctx.fail({ server, wiring: s.wiring, round: 0, stage: 'reliability', message });

  for (const name of ctx.settings.servers) {
    const protocol = serverEntry(name).saturationListener;
    const probe = async <T>(check: ReliabilityProbe['check'], server: RunningServer, extra: object = {}): Promise<T | null> => {
      const target = { url: server.urls[protocol] ?? server.url, protocol };
      const answer = await runProbe<T>(PROBE, { check, target, pid: server.process.pid, settings: s, ...extra }, ctx.generatorPin);
      if (answer.ok) return answer.value;
      failed(name, `${check}: ${answer.error}`);
      return null;
    };

    if (s.checks.includes('overload')) {
      await withServer(name, {}, {}, async (server) => {
        const maxInFlight = await maxInFlightOf(server);
        const saturationRps = await saturation(ctx, protocol, server);
        const phases = await probe<PhaseResult[]>('overload', server, { saturationRps });
        const exit = await server.stop();
        if (!phases) return;
        results.overload.push({ server: name, wiring: s.wiring, protocol, maxInFlight, saturationRps, phases, exitCode: exit.code });
        const [before, over, after] = phases;
        const errors = phases.reduce((sum, p) => sum + p.errors, 0);
        if (errors > 0 || exit.code !== 0) {
          const samples = phases.flatMap((p) => p.errorSamples).slice(0, 2).join('; ');
          failed(name, `overload: ${errors} errors${samples ? ` (${samples})` : ''}; ${exitMessage(name, exit.code, server.output())}`);
        }
        ctx.log(
          `overload ${name.padEnd(11)} saturation ${saturationRps.toFixed(0)}/s; at ${over?.targetRate}/s: ok ${over?.ok}, shed ${over?.shed}, errors ${over?.errors}, p99 ${over?.p99Ms} ms; p99 before ${before?.p99Ms} ms, after ${after?.p99Ms} ms; exit ${exit.code}`,
        );
      });
    }

    if (s.checks.includes('shutdown')) {
      await withServer(name, {}, {}, async (server) => {
        const seen = await probe<Pick<ShutdownResult, 'clients' | 'received' | 'refused' | 'broken' | 'exitMs'>>('shutdown', server);
        const exit = await server.stop();
        if (!seen) return;
        const said = stopCounts(server.output());
        const result: ShutdownResult = {
          server: name,
          wiring: s.wiring,
          protocol,
          ...seen,
          accepted: said?.accepted ?? null,
          answered: said?.answered ?? null,
          exitCode: exit.code,
          deadlineMs: DEFAULT_SHUTDOWN_TIMEOUT_MS,
        };
        results.shutdown.push(result);
        if (result.accepted !== result.received || result.answered !== result.received || result.broken > 0 || exit.code !== 0) {
          failed(name, `shutdown under load: accepted ${result.accepted}, answered ${result.answered}, received ${result.received}, broken ${result.broken}, exit ${exit.code}`);
        }
        ctx.log(`shutdown ${name.padEnd(11)} received ${result.received}, server answered ${result.answered} of ${result.accepted} accepted, broken ${result.broken}; exit ${exit.code} after ${result.exitMs} ms`);
      });
    }

    if (s.checks.includes('soak')) {
      await withServer(name, fullGcEnv(s.soakFullGcEveryMs), { v8Flags: s.soakV8Flags ?? [] }, async (server) => {
        const soak = await probe<Omit<SoakResult, 'server' | 'wiring' | 'protocol' | 'exitCode'>>('soak', server);
        const exit = await server.stop();
        if (!soak) return;
        const result: SoakResult = { server: name, wiring: s.wiring, protocol, ...soak, exitCode: exit.code };
        results.soak.push(result);
        const slope = soakSlope(result, s.soakWarmupFraction);
        if (!soakPassed(result, s.soakSlopeBoundMiBPerMin, s.soakWarmupFraction)) {
          failed(name, `soak: ${result.errors} errors, RSS slope ${slope.toFixed(2)} MiB/min (bound ${s.soakSlopeBoundMiBPerMin}), exit ${exit.code}`);
        }
        ctx.log(`soak     ${name.padEnd(11)} ${result.ok} ok, ${result.errors} errors at ${result.rate}/s for ${result.seconds} s; RSS slope ${slope.toFixed(2)} MiB/min after warm-up`);
      });
    }
  }
  return results;

  /** Starts `name` pinned in the checks' wiring, runs `use`; a failure is reported; the server is always stopped. */
  async function withServer(name: string, env: Record<string, string>, options: { v8Flags?: readonly string[] }, use: (server: RunningServer) => Promise<void>): Promise<void> {
    let server: RunningServer | undefined;
    try {
      server = await launchServer(name, { ...options, prefix: ctx.serverPin, env: { MCP_WIRING: s.wiring, ...env } });
      await use(server);
    } catch (error) {
      failed(name, (error as Error).message);
    } finally {
      await server?.stop();
    }
  }
}

/** The server's saturation throughput, as the benchmark measures it (wrk or h2load, 50 in flight), after 1 s of warm-up. */
async function saturation(ctx: ReliabilityContext, protocol: 'http1' | 'h2c', server: RunningServer): Promise<number> {
  const url = server.urls[protocol] ?? server.url;
  const measure = (seconds: number) => saturateListener(ctx.tools, protocol, { url, seconds, concurrency: ctx.settings.connections, prefix: ctx.generatorPin });
  await measure(1);
  return (await measure(ctx.settings.reliability.saturationSeconds)).rps;
}

/** The limit the server itself reports on /health (its default unless told otherwise). */
async function maxInFlightOf(server: RunningServer): Promise<number> {
  const url = new URL(server.urls.http1 ?? server.urls.h2c ?? server.url);
  url.pathname = '/health';
  const { fetch, close } = createFetch(url, server.urls.http1 ? { http: '1.1' } : { http: '2' });
  try {
    return ((await (await fetch(url)).json()) as { max_in_flight: number }).max_in_flight;
  } finally {
    await close();
  }
}
