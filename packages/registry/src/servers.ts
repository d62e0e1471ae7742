import { fileURLToPath } from 'node:url';

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
}

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
  },
  {
    name: 'node-http2',
    title: 'node:http2 (h2 over TLS + h2c)',
    listeners: ['h2-tls', 'h2c'],
    loadListener: 'h2-tls',
    saturationListener: 'h2c',
    offers: 'HTTP/2 and TLS built in',
  },
  {
    name: 'hono',
    title: 'Hono on @hono/node-server',
    listeners: ['http1'],
    loadListener: 'http1',
    saturationListener: 'http1',
    offers: 'the Web-standard handler and its middleware',
  },
  {
    name: 'uws',
    title: 'uWebSockets.js',
    listeners: ['http1'],
    loadListener: 'http1',
    saturationListener: 'http1',
    offers: 'its own native HTTP stack, a compiled addon',
  },
];

/** The same surface over stdio (one pipe): not an HTTP runtime, so not in SERVERS; the studies use it. */
export const STDIO_SERVER = { name: 'stdio', title: 'stdio (one pipe)' } as const;

/** The built stdio entry point. */
export function stdioMain(): string {
  return fileURLToPath(new URL('../../../servers/stdio/dist/main.js', import.meta.url));
}

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export function serverEntry(name: string): ServerEntry {
  const entry = SERVERS.find((s) => s.name === name);
  if (!entry) throw new Error(`unknown server "${name}": known are ${SERVERS.map((s) => s.name).join(', ')}`);
  return entry;
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
