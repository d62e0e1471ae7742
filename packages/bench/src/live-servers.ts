// The servers of one round, all up at once on the server core: each MCP configuration started,
// gated and warmed up the same way, and each stack's raw echo started, checked and warmed up.
// Idle, they cost the core nothing; saturation then visits them in short slices (slices.ts) and
// the k6 scenarios one after another.
import { entryOf, launchServer, serverEntry, type RunningServer } from '@mcp-runtimes/registry';
import { checkEcho } from './echo-check.js';
import { gateServer, runK6 } from './k6.js';
import { WARMUP, warmupEnv } from './measurement.js';
import type { BenchSettings, GateResult } from './results.js';
import type { Era } from './saturation.js';
import { saturateOnce } from './saturation-measurement.js';
import type { Toolchain } from './toolchain.js';
import { engineFlagsOf, eraOf, wiringOf } from './variants.js';

/** One MCP configuration a round measures: a server in a wiring (a peer in its own). */
export interface RunConfig {
  name: string;
  wiring: string;
  /** Measured at saturation and in the headline scenario only. */
  saturationOnly: boolean;
  peer: boolean;
}

export interface LiveServer {
  kind: 'mcp' | 'echo';
  name: string;
  /** The MCP wiring; none for the raw echo. */
  wiring?: string;
  config?: RunConfig;
  server: RunningServer;
  pid: number;
  era: Era;
  /** The URL and protocol k6 loads. */
  loadUrl: string;
  loadListener: string;
  /** The URL and protocol wrk/h2load saturate. */
  saturationUrl: string;
  saturationListener: 'http1' | 'h2c';
}

export function labelOf(live: Pick<LiveServer, 'kind' | 'name' | 'wiring'>): string {
  return live.kind === 'echo' ? `${live.name}/raw echo` : `${live.name}/${live.wiring}`;
}

export interface Pins {
  server: string[];
  generator: string[];
}

/** Starts a configuration; null and the reason when it does not start. */
export async function startConfig(config: RunConfig, pins: Pins): Promise<LiveServer | { error: string }> {
  const entry = entryOf(config.name);
  let server: RunningServer;
  try {
    server = await launchServer(config.name, { prefix: pins.server, ...(config.peer ? {} : { env: { MCP_WIRING: wiringOf(config.wiring) }, v8Flags: engineFlagsOf(config.wiring) }) });
  } catch (error) {
    return { error: (error as Error).message };
  }
  return {
    kind: 'mcp',
    name: config.name,
    wiring: config.wiring,
    config,
    server,
    pid: server.process.pid as number,
    era: eraOf(config.wiring),
    loadUrl: server.urls[entry.loadListener] ?? server.url,
    loadListener: entry.loadListener,
    saturationUrl: server.urls[entry.saturationListener] ?? server.url,
    saturationListener: entry.saturationListener,
  };
}

/** Gates a started configuration, then warms it up (discarded) if it passed. */
export async function gateAndWarm(live: LiveServer, round: number, settings: BenchSettings, tools: Toolchain, pins: Pins): Promise<GateResult> {
  const gate = await gateServer(tools.k6, live.name, round, live.loadUrl, pins.generator, live.era);
  if (gate.passed && settings.warmupSeconds > 0) {
    await runK6({
      k6: tools.k6,
      file: WARMUP.file,
      url: live.loadUrl,
      env: { ...warmupEnv(settings.warmupSeconds), PROTOCOL: live.era },
      prefix: pins.generator,
      timeoutMs: (settings.warmupSeconds + 60) * 1000,
    });
  }
  return { ...gate, wiring: live.wiring };
}

/** Why a raw echo could not be measured, and at which stage. */
export interface EchoFailure {
  error: string;
  stage: 'start' | 'gate';
}

/** Starts a stack's raw echo on the server core and checks its answer; stopped again if it answers wrong. */
export async function launchCheckedEcho(name: string, serverPin: string[]): Promise<RunningServer | EchoFailure> {
  let server: RunningServer;
  try {
    server = await launchServer(name, { program: 'echo', prefix: serverPin });
  } catch (error) {
    return { error: `raw echo: ${(error as Error).message}`, stage: 'start' };
  }
  const problem = await checkEcho(server.url, serverEntry(name).saturationListener).catch((error: Error) => error.message);
  if (problem) {
    await server.stop();
    return { error: `raw echo: ${problem}`, stage: 'gate' };
  }
  return server;
}

/** Starts a stack's raw echo, checks its answer and warms it up for a second (the JIT compiles its path). */
export async function startEcho(name: string, tools: Toolchain, pins: Pins): Promise<LiveServer | EchoFailure> {
  const entry = serverEntry(name);
  const server = await launchCheckedEcho(name, pins.server);
  if ('error' in server) return server;
  const live: LiveServer = {
    kind: 'echo',
    name,
    server,
    pid: server.process.pid as number,
    era: '2025-11-25',
    loadUrl: server.url,
    loadListener: entry.saturationListener,
    saturationUrl: server.url,
    saturationListener: entry.saturationListener,
  };
  await saturateOnce(tools, live, 1, 50, pins.generator);
  return live;
}
