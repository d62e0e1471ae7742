import { fileURLToPath } from 'node:url';
import { SERVERS, serverEntry, type ServerEntry } from './servers.js';

/**
 * What a user would otherwise run: MCP servers built on other stacks, serving the same surface
 * (tools, resources, prompt) with the same answers, measured beside ours under the same rules.
 * Each is one folder under peers/ and one line here. A peer is configured as its own
 * documentation recommends for production; none has our wirings, raw echo or /health figures.
 */
export interface PeerEntry extends ServerEntry {
  /** How it is configured and why, for the report and the README. */
  about: string;
  /** The language it runs in. */
  language: 'python' | 'node';
  /** Its start command, paths relative to the repository's root. */
  command: readonly string[];
}

const PYTHON = 'peers/python-surface/.venv/bin/python';

export const PEERS: readonly PeerEntry[] = [
  {
    name: 'py-uvicorn',
    title: 'MCP Python SDK on Uvicorn (uvloop + h11)',
    about: 'The MCP Python SDK (`mcp`, MCPServer, stateless, JSON responses) served by Uvicorn with `loop="uvloop"` and `http="h11"`, one worker: seed 000\'s configuration.',
    language: 'python',
    command: [PYTHON, 'peers/py-uvicorn/main.py'],
    listeners: ['http1'],
    loadListener: 'http1',
    saturationListener: 'http1',
  },
  {
    name: 'py-hypercorn',
    title: 'MCP Python SDK on Hypercorn (h2 over TLS + h2c)',
    about: 'The same Python app served by Hypercorn with HTTP/2 and ALPN `h2`, `http/1.1` over TLS, one worker (seed 000\'s configuration), and h2c (prior knowledge) on a second port.',
    language: 'python',
    command: [PYTHON, 'peers/py-hypercorn/main.py'],
    listeners: ['h2-tls', 'h2c'],
    loadListener: 'h2-tls',
    saturationListener: 'h2c',
  },
  {
    name: 'fastmcp',
    title: 'FastMCP (TypeScript), stateless HTTP stream',
    about: '`fastmcp` with `transportType: "httpStream"` and `stateless: true`, as its README recommends for serverless and load-balanced production.',
    language: 'node',
    command: ['node', 'peers/fastmcp/dist/main.js'],
    listeners: ['http1'],
    loadListener: 'http1',
    saturationListener: 'http1',
  },
  {
    name: 'hono-mcp',
    title: '@hono/mcp on @hono/node-server, a server per request',
    about: '`@hono/mcp`\'s StreamableHTTPTransport with a new McpServer and transport for every request (its safe stateless wiring), on @hono/node-server.',
    language: 'node',
    command: ['node', 'peers/hono-mcp/dist/main.js'],
    listeners: ['http1'],
    loadListener: 'http1',
    saturationListener: 'http1',
  },
];

export function peerEntry(name: string): PeerEntry | undefined {
  return PEERS.find((p) => p.name === name);
}

/** A server's or a peer's entry by name; an unknown name lists both. */
export function entryOf(name: string): ServerEntry | PeerEntry {
  const peer = peerEntry(name);
  if (peer) return peer;
  if (!SERVERS.some((s) => s.name === name)) {
    throw new Error(`unknown server "${name}": known are ${SERVERS.map((s) => s.name).join(', ')} and the peers ${PEERS.map((p) => p.name).join(', ')}`);
  }
  return serverEntry(name);
}

/** A peer's command with its paths made absolute (the tests start it from their own folder). */
export function peerCommand(entry: PeerEntry): string[] {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  return entry.command.map((part, i) => (i === 0 && part === 'node' ? process.execPath : part.includes('/') ? root + part : part));
}
