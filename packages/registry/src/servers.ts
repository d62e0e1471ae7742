import { fileURLToPath } from 'node:url';
import type { PeerDifference } from './differences.js';
import { USOCKETS_HEADERS_DEADLINE, type SlowClientCutoffs } from './slow-clients.js';
import { DEFAULT_NODE_RUNTIME, isRuntimeName, RUNTIME_NAMES, type RuntimeName } from './runtimes.js';

/** How a listener of a server is reached. */
export type Protocol = 'http1' | 'h2-tls' | 'h2c';

export interface ServerEntry {
  /** Folder under servers/, and the name the server prints. */
  name: string;
  /** What the HTTP stack is, for reports. */
  title: string;
  /** Listeners in the order the ready line prints them. */
  listeners: Protocol[];
  /** The listener the k6 scenarios drive (k6 speaks HTTP/2 only over TLS). */
  loadListener: Protocol;
  /** The listener saturation drives (wrk for http1, h2load for h2c); the raw echo speaks it too. */
  saturationListener: 'http1' | 'h2c';
  /** What it offers besides speed: the report's advice when no runtime is clearly faster. */
  offers: string;
  /** The runtimes it can be started on, its default first (the one `pnpm bench:all` measures unless told otherwise). */
  runtimes: readonly RuntimeName[];
  /**
   * Where its runtime answers differently from the other servers and the server cannot change
   * it (a header the runtime adds, a status it forces): measured facts the suites hold true.
   */
  differences?: readonly PeerDifference[];
  /** The runtime's own HTTP server in front of the core: what the report's Runtimes section sets side by side. */
  nativeServer?: true;
  /** Where its runtime, not MCP_HEADERS_TIMEOUT_MS, decides when a slow client is cut off. */
  slowClients?: SlowClientCutoffs;
  /** A web framework in front of another server's HTTP stack (`over`, a server of this list): the report's Frameworks section sets the two side by side. */
  framework?: { over: string };
  /** Measured only when named (`--servers`, `pnpm bench:frameworks`), so `pnpm bench:all` keeps to its time; every suite still runs it. */
  optIn?: true;
}

/** The Node lines a Node stack runs on, the default first. */
const NODE_LINES: readonly RuntimeName[] = [DEFAULT_NODE_RUNTIME, 'node20', 'node22', 'node26'];

/**
 * Every server of the project. Adding a runtime is one folder under servers/ and one line here.
 * (The runner, the tests and the docker-compose check all read this list.)
 */
export const SERVERS: readonly ServerEntry[] = [
  {
    name: 'node-http',
    title: 'node:http (HTTP/1.1)',
    listeners: ['http1'],
    loadListener: 'http1',
    saturationListener: 'http1',
    offers: 'no dependency beyond Node',
    runtimes: NODE_LINES,
    nativeServer: true,
  },
  {
    name: 'node-http2',
    title: 'node:http2 (h2 over TLS + h2c)',
    listeners: ['h2-tls', 'h2c'],
    loadListener: 'h2-tls',
    saturationListener: 'h2c',
    offers: 'HTTP/2 and TLS built in',
    runtimes: NODE_LINES,
  },
  {
    name: 'hono',
    title: 'Hono on @hono/node-server',
    listeners: ['http1'],
    loadListener: 'http1',
    saturationListener: 'http1',
    offers: 'the Web-standard handler and its middleware',
    runtimes: NODE_LINES,
    framework: { over: 'node-http' },
  },
  {
    name: 'express',
    title: 'Express 5 on node:http',
    listeners: ['http1'],
    loadListener: 'http1',
    saturationListener: 'http1',
    offers: "the framework most Node MCP servers and the SDK's own examples are written in",
    runtimes: NODE_LINES,
    framework: { over: 'node-http' },
    optIn: true,
  },
  {
    name: 'fastify',
    title: 'Fastify 5 on node:http',
    listeners: ['http1'],
    loadListener: 'http1',
    saturationListener: 'http1',
    offers: 'hooks, plugins and schema-checked routes',
    runtimes: NODE_LINES,
    framework: { over: 'node-http' },
    optIn: true,
  },
  {
    name: 'uws',
    title: 'uWebSockets.js',
    listeners: ['http1'],
    loadListener: 'http1',
    saturationListener: 'http1',
    offers: 'its own native HTTP stack, a compiled addon',
    // The only uWS build npm serves that loads here carries addons for Node 16, 18 and 20 only
    // (ABI 93, 108, 115): on the other lines it fails to start, and the report says so.
    runtimes: ['node20', 'node22', 'node24', 'node26'],
    slowClients: { headers: USOCKETS_HEADERS_DEADLINE },
  },
  {
    name: 'bun',
    title: 'Bun.serve',
    listeners: ['http1'],
    loadListener: 'http1',
    saturationListener: 'http1',
    offers: "Bun's own engine and HTTP server",
    runtimes: ['bun'],
    nativeServer: true,
    // Bun.serve runs on uSockets too: headers that trickle in were cut off at 12.1 s here.
    slowClients: { headers: USOCKETS_HEADERS_DEADLINE },
  },
  {
    name: 'deno',
    title: 'Deno.serve',
    listeners: ['http1'],
    loadListener: 'http1',
    saturationListener: 'http1',
    offers: "Deno's own HTTP server and toolchain (run here with --allow-all)",
    runtimes: ['deno'],
    nativeServer: true,
    slowClients: {
      headers: { never: 'Deno.serve has no deadline for request headers: a client that trickles them in held a connection for 70 s and more here' },
      bodyConnectionLeftOpen:
        'Deno.serve writes the 408 (Connection: close) but keeps reading a body that trickles in, so the connection stays open until the client closes it',
    },
  },
];

/** The same surface over stdio (one pipe): not an HTTP runtime, so not in SERVERS; the studies use it. */
export const STDIO_SERVER = { name: 'stdio', title: 'stdio (one pipe)' } as const;

/** The built stdio entry point. */
export function stdioMain(): string {
  return fileURLToPath(new URL('../../../servers/stdio/dist/main.js', import.meta.url));
}

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Whether a name is one of our servers, bare or on a runtime (`node-http@node26`): not a peer, not a --target label. */
export function isOurServer(name: string): boolean {
  return SERVERS.some((s) => s.name === baseName(name));
}

/** A server's entry; `name` may name a runtime too (`node-http@node26`). */
export function serverEntry(name: string): ServerEntry {
  const base = baseName(name);
  const entry = SERVERS.find((s) => s.name === base);
  if (!entry) throw new Error(`unknown server "${base}": known are ${SERVERS.map((s) => s.name).join(', ')}`);
  return entry;
}

const RUNTIME_SEPARATOR = '@';

/** The server's folder name without the runtime: `node-http@node26` → `node-http`. */
export function baseName(name: string): string {
  const at = name.indexOf(RUNTIME_SEPARATOR);
  return at === -1 ? name : name.slice(0, at);
}

/**
 * A server on one runtime, as the benchmark and the suites name it: `<server>@<runtime>`, or
 * the bare name for the server on its default runtime (its first).
 */
export function onRuntime(server: string, runtime: RuntimeName): string {
  const entry = serverEntry(server);
  return runtime === entry.runtimes[0] ? entry.name : `${entry.name}${RUNTIME_SEPARATOR}${runtime}`;
}

/** Whether a server name runs on its server's default runtime (a bare name, or one naming the default). */
export function onDefaultRuntime(name: string): boolean {
  return runtimeOf(name) === serverEntry(name).runtimes[0];
}

/** The runtime a server name runs on: the one it names, or the server's default. */
export function runtimeOf(name: string): RuntimeName {
  const entry = serverEntry(name);
  const at = name.indexOf(RUNTIME_SEPARATOR);
  if (at === -1) return entry.runtimes[0] as RuntimeName;
  const runtime = name.slice(at + 1);
  if (!isRuntimeName(runtime)) throw new Error(`unknown runtime "${runtime}" in "${name}": known are ${RUNTIME_NAMES.join(', ')}`);
  if (!entry.runtimes.includes(runtime)) throw new Error(`${entry.name} does not run on ${runtime}: it runs on ${entry.runtimes.join(', ')}`);
  return runtime;
}

/** The server's folder (a runtime that resolves packages from the working folder, Deno, starts there). */
export function serverFolder(name: string): string {
  return fileURLToPath(new URL(`../../../servers/${serverEntry(name).name}/`, import.meta.url));
}

/** The built entry point of a server, as `pnpm -C servers/<name> start` runs it. */
export function serverMain(name: string): string {
  return fileURLToPath(new URL(`../../../servers/${serverEntry(name).name}/dist/main.js`, import.meta.url));
}

/** The same stack's raw JSON echo, without MCP: the limit the benchmark sets MCP against. */
export function echoMain(name: string): string {
  return fileURLToPath(new URL(`../../../servers/${serverEntry(name).name}/dist/echo.js`, import.meta.url));
}

/** The project's self-made certificate, which clients trust for the TLS listener. */
export function certificatePath(): string {
  return fileURLToPath(new URL('../../../.certs/localhost-cert.pem', import.meta.url));
}
