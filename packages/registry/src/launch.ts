import { spawn, type ChildProcess } from 'node:child_process';
import { entryOf, peerCommand, peerEntry } from './peers.js';
import { requireRuntimeBinary, runtimeEntry, v8FlagsEnv, type RuntimeName } from './runtimes.js';
import { echoMain, runtimeOf, serverEntry, serverFolder, serverMain, type Protocol } from './servers.js';

export interface RunningServer {
  name: string;
  /** The runtime it runs on (undefined for a peer, which brings its own). */
  runtime: RuntimeName | undefined;
  /** The MCP endpoint URL of each listener, keyed by protocol. */
  urls: Partial<Record<Protocol, string>>;
  /** The first listener's URL. */
  url: string;
  process: ChildProcess;
  /** Everything the server printed so far. */
  output(): string;
  /** SIGTERM, then wait for exit; SIGKILL if it has not exited within `timeoutMs`. */
  stop(timeoutMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface LaunchOptions {
  env?: Record<string, string>;
  args?: string[];
  /** Prefix command, e.g. ['taskset', '-c', '0'] to pin the server to a core. */
  prefix?: string[];
  readyTimeoutMs?: number;
  /** `echo` starts the stack's raw JSON echo (no MCP) instead of the MCP server. */
  program?: 'main' | 'echo';
  /** A command of its own instead of `<runtime> <main>` (run in `cwd`): the docker-compose check starts servers as their containers do. */
  command?: readonly string[];
  cwd?: string;
  /** V8 flags for the server (heap sizes), passed the way its runtime takes them; a peer and Bun ignore them. */
  v8Flags?: readonly string[];
}

const READY = /\blistening on (.+)$/m;

/** Servers started here that have not exited: what a runner stops when it is stopped itself. */
const live = new Set<RunningServer>();

/** Stops every server started by this process that is still running (SIGTERM, then SIGKILL after `timeoutMs`). */
export async function stopAllServers(timeoutMs = 5000): Promise<void> {
  await Promise.all([...live].map((server) => server.stop(timeoutMs)));
}
/** The line a server prints when it has stopped (server-kit's lifecycle). */
const STOPPED = /\bstopped: accepted (\d+) MCP request\(s\), answered (\d+), shed (\d+)$/m;

/** What a server said at exit about the MCP requests it took on, answered and shed; null if it did not say. */
export function stopCounts(output: string): { accepted: number; answered: number; shed: number } | null {
  const match = STOPPED.exec(output);
  return match ? { accepted: Number(match[1]), answered: Number(match[2]), shed: Number(match[3]) } : null;
}

/** Starts a server (or a peer) on an ephemeral port (unless told otherwise) and waits for its ready line. */
export async function launchServer(name: string, options: LaunchOptions = {}): Promise<RunningServer> {
  const entry = entryOf(name);
  const peer = peerEntry(name);
  if (peer && options.program === 'echo') throw new Error(`${name} is a peer: it has no raw echo`);
  const runtime = peer ? undefined : runtimeOf(name);
  const own = runtime === undefined ? peerCommand(peer as NonNullable<typeof peer>) : runtimeCommand(name, runtime, options.program ?? 'main');
  const command = [...(options.prefix ?? []), ...(options.command ?? own), ...(options.args ?? [])];
  const child = spawn(command[0] as string, command.slice(1), {
    cwd: options.cwd ?? (runtime === undefined || options.command ? undefined : serverFolder(name)),
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      ...peer?.env,
      ...options.env,
      ...(runtime !== undefined && options.v8Flags ? v8FlagsEnv(runtimeEntry(runtime), options.v8Flags, { ...process.env, ...options.env }) : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );

  // A Python peer imports its SDK for 2 s before it listens (6-8 s seen on a busy machine).
  const readyTimeoutMs = options.readyTimeoutMs ?? (peer ? 30_000 : 15_000);
  const line = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} did not print its ready line within ${readyTimeoutMs} ms:\n${output}`));
    }, readyTimeoutMs);
    const check = () => {
      const match = READY.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        child.stdout.off('data', check);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', check);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (code ${code}, signal ${signal}) before it was ready:\n${output}`));
    });
  });

  const found = [...line.matchAll(/(https?:\/\/\S+)/g)].map((m) => m[1] as string);
  const urls: Partial<Record<Protocol, string>> = {};
  const listeners = options.program === 'echo' ? [entry.saturationListener] : entry.listeners;
  listeners.forEach((protocol, i) => {
    const url = found[i];
    if (url) urls[protocol] = url;
  });
  const server: RunningServer = {
    name,
    runtime,
    urls,
    url: found[0] as string,
    process: child,
    output: () => output,
    async stop(timeoutMs = 15_000) {
      if (child.exitCode !== null || child.signalCode !== null) return exited;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      const result = await exited;
      clearTimeout(timer);
      return result;
    },
  };
  live.add(server);
  void exited.then(() => live.delete(server));
  return server;
}

/** How a server's own program starts on a runtime: the runtime's pinned binary, its arguments, the built script. */
export function runtimeCommand(name: string, runtime: RuntimeName, program: 'main' | 'echo'): string[] {
  const script = program === 'echo' ? echoMain(name) : serverMain(name);
  return [requireRuntimeBinary(runtime), ...runtimeEntry(runtime).scriptArgs(script)];
}

/**
 * How a server's own package starts it, relative to its folder: its default runtime's binary as
 * the package depends on it (node_modules/<runtime package>), then the script. Its start script
 * and its container run exactly this.
 */
export function packagedCommand(name: string): string[] {
  const runtime = runtimeEntry(serverEntry(name).runtimes[0] as RuntimeName);
  return [`node_modules/${runtime.package}/${runtime.binary}`, ...runtime.scriptArgs('dist/main.js')];
}
