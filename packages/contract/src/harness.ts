import { readFileSync } from 'node:fs';
import { connect, createFetch, isProtocol, lastMessageIn, type McpConnection, type Protocol, type TransportOptions } from '@mcp-runtimes/client';
import { certificatePath, launchServer, peerEntry, PEERS, SERVERS, type LaunchOptions, type RunningServer, type ServerEntry } from '@mcp-runtimes/registry';
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, expect } from 'vitest';

/** One way of reaching one server: the contract must hold on each. */
export interface Target {
  label: string;
  server: RunningServer;
  url: string;
  transport: TransportOptions;
}

/**
 * The MCP wiring every server of the fleet runs (MCP_WIRING, default official): the package's
 * test script runs the whole contract once per wiring, unchanged.
 */
export const WIRING = process.env.MCP_WIRING ?? 'official';

/**
 * The servers a pass runs. With MCP_CONTRACT_FRAMEWORKS=skip (the SDK v2 and 2026-07-28 passes)
 * the frameworks are left out: each reaches the wiring through a bridge another server of the
 * pass already drives (node-http's node bridge, bun's and deno's web Request), and what they
 * put in front of it (routing, body parser) the two v1 passes check on every suite.
 */
export const CONTRACT_SERVERS: readonly ServerEntry[] = process.env.MCP_CONTRACT_FRAMEWORKS === 'skip' ? SERVERS.filter((s) => !s.framework) : SERVERS;

/**
 * The era the suites speak (MCP_PROTOCOL, default 2025-11-25): the test script runs the
 * era-bound suites again in 2026-07-28 for the SDK v2 wirings, which serve both on one endpoint.
 */
export const PROTOCOL: Protocol = protocolFromEnv(process.env.MCP_PROTOCOL);

function protocolFromEnv(value: string | undefined): Protocol {
  if (value === undefined || value === '') return '2025-11-25';
  if (!isProtocol(value)) throw new Error(`MCP_PROTOCOL must be 2025-11-25 or 2026-07-28, got ${value}`);
  return value;
}

/** True in the 2026-07-28 pass. */
export const MODERN = PROTOCOL === '2026-07-28';

/** SDK v2's wirings; SDK v1 speaks 2025-11-25 only. */
export const SDK: 'v1' | 'v2' = WIRING.startsWith('v2-') ? 'v2' : 'v1';

/** Small enough that the oversized-body case stays cheap, the same on every server. */
export const TEST_MAX_BODY_BYTES = 65_536;

export interface Fleet {
  servers: RunningServer[];
  targets: Target[];
  stop(): Promise<void>;
}

/** Starts every registered server (or the ones named) for real on ephemeral ports and lists every way to reach them. */
export async function startFleet(env: Record<string, string> = {}, names: readonly string[] = CONTRACT_SERVERS.map((s) => s.name)): Promise<Fleet> {
  const servers = await Promise.all(
    names.map((name) =>
      // A Python peer imports its SDK before it listens: give it longer than our servers need.
      launchServer(name, { env: { MCP_WIRING: WIRING, MCP_MAX_BODY_BYTES: String(TEST_MAX_BODY_BYTES), ...env }, readyTimeoutMs: 30_000 }),
    ),
  );
  const ca = readFileSync(certificatePath());
  const targets: Target[] = [];
  for (const server of servers) {
    const { urls } = server;
    if (urls.http1) targets.push({ label: `${server.name} http/1.1`, server, url: urls.http1, transport: { http: '1.1' } });
    if (urls['h2-tls']) {
      targets.push({ label: `${server.name} h2 (TLS)`, server, url: urls['h2-tls'], transport: { http: '2', ca } });
      targets.push({ label: `${server.name} http/1.1 (TLS)`, server, url: urls['h2-tls'], transport: { http: '1.1', ca } });
    }
    if (urls.h2c) targets.push({ label: `${server.name} h2c`, server, url: urls.h2c, transport: { http: '2' } });
  }
  return {
    servers,
    targets,
    async stop() {
      const results = await Promise.all(servers.map((s) => s.stop()));
      results.forEach((r, i) => {
        if (r.code !== 0) throw new Error(`${servers[i]?.name} exited with ${r.code ?? r.signal}:\n${servers[i]?.output()}`);
      });
    },
  };
}

/**
 * The peers, held to the same contract, once per test run (a peer has no wirings, so the
 * second pass, in the tuned wiring, leaves them out). Null in that pass.
 */
export async function startPeerFleet(): Promise<Fleet | null> {
  return WIRING === 'official' && !MODERN ? startFleet({}, PEERS.map((p) => p.name)) : null;
}

/** The SDK of ours whose answers a peer is held to: SDK v2's for a peer serving our v2 surface, SDK v1's otherwise. */
export function referenceSdkOf(peer: string): 'v1' | 'v2' {
  return peerEntry(peer)?.sdk ?? 'v1';
}

export async function withConnection<T>(target: Target, use: (connection: McpConnection) => Promise<T>): Promise<T> {
  const connection = await connect(target.url, { ...target.transport, protocol: PROTOCOL });
  try {
    return await use(connection);
  } finally {
    await connection.close();
  }
}

/** A raw HTTP exchange with a target, for requests the SDK client would never send. */
export async function rawRequest(
  target: Target,
  init: { method?: string; path?: string; headers?: Record<string, string>; body?: string | ReadableStream<Uint8Array> },
  /** Stop reading a body still open after this (a peer may hold a GET stream open): its text ends with HELD_OPEN. */
  bodyTimeoutMs?: number,
): Promise<{ status: number; headers: Headers; text: string; json: unknown }> {
  const { fetch, close } = createFetch(target.url, target.transport);
  try {
    const url = new URL(target.url);
    if (init.path !== undefined) url.pathname = init.path;
    const response = await fetch(url, {
      method: init.method ?? 'POST',
      headers: init.headers,
      body: init.body,
      ...(init.body instanceof ReadableStream ? { duplex: 'half' } : {}),
    } as RequestInit);
    const text = bodyTimeoutMs === undefined ? await response.text() : await textWithin(response, bodyTimeoutMs);
    const isStream = response.headers.get('content-type')?.startsWith('text/event-stream') ?? false;
    return { status: response.status, headers: response.headers, text, json: isStream ? answerIn(text) : parseOrUndefined(text) };
  } finally {
    await close();
  }
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The JSON-RPC answer in a body: the JSON itself, or an SSE stream's last message (after any notification). */
export const answerIn = lastMessageIn;

/** Marks a body the server kept open past rawRequest's body timeout. */
export const HELD_OPEN = '[stream held open]';

async function textWithin(response: Response, timeoutMs: number): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const decoder = new TextDecoder();
  let text = '';
  let held = false;
  const timer = setTimeout(() => {
    held = true;
    void reader.cancel().catch(() => {});
  }, timeoutMs);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    // cancelled mid-read: what arrived is the answer
  } finally {
    clearTimeout(timer);
  }
  return held ? `${text}${HELD_OPEN}` : text;
}

/**
 * Drops what only a 2026-07-28 answer carries about the exchange rather than the result: the
 * server's identity in `_meta` and the list caching hints (checked on their own).
 */
export function withoutEraEnvelope(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutEraEnvelope);
  if (typeof value !== 'object' || value === null) return value;
  const { _meta, ttlMs: _ttl, cacheScope: _scope, resultType: _type, ...rest } = value as Record<string, unknown>;
  const meta = { ...(_meta as Record<string, unknown> | undefined) };
  delete meta['io.modelcontextprotocol/serverInfo'];
  const inner = Object.fromEntries(Object.entries(rest).map(([key, v]) => [key, withoutEraEnvelope(v)]));
  return Object.keys(meta).length > 0 ? { ...inner, _meta: meta } : inner;
}

/**
 * A JSON-RPC error an SDK client threw, as the server sent it: SDK v1's client puts
 * "MCP error <code>: " before the server's message, SDK v2's (2026-07-28) does not.
 */
export function thrownAnswer(error: unknown): { error: { code: unknown; message: string } } {
  const { code, message } = error as { code?: unknown; message: string };
  return { error: { code, message: error instanceof McpError ? message.replace(/^MCP error -?\d+: /, '') : message } };
}

/** Drops the timing fields, the only ones allowed to differ between servers. */
export function withoutTiming(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutTiming);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'elapsed_ms')
      .map(([key, v]) => [key, withoutTiming(v)]),
  );
}

/**
 * One server for a describe block: started (in this run's wiring, with `env`) before its tests,
 * stopped after them, where it must exit 0. Returns the running server, valid inside tests.
 */
export function serverForSuite(name: string, env: Record<string, string> = {}, options: Omit<LaunchOptions, 'env'> = {}): () => RunningServer {
  let server: RunningServer | undefined;
  beforeAll(async () => {
    server = await launchServer(name, { ...options, env: { MCP_WIRING: WIRING, ...env } });
  });
  afterAll(async () => {
    if (!server) return;
    expect(await server.stop(), server.output()).toEqual({ code: 0, signal: null });
  });
  return () => {
    if (!server) throw new Error(`${name} is not running`);
    return server;
  };
}
