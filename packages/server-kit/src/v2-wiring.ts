import { createMcpServerV2 } from '@mcp-runtimes/tools';
import {
  createMcpHandler,
  isLegacyRequest,
  type McpRequestContext,
  type McpServer,
  WebStandardStreamableHTTPServerTransport,
} from '@modelcontextprotocol/server';
import { requestBodyTooLargeMessage } from '@modelcontextprotocol/sdk/server/requestBody.js';
import { isJsonContentType } from '@modelcontextprotocol/sdk/shared/mediaType.js';
import { onBodyEnd } from './body-end.js';
import { watchClient, webUrl, type Incoming } from './exchange.js';
import { asksForProgress } from './official-wiring.js';
import { clientClosed, jsonRpcError, RPC } from './responses.js';
import type { McpHandler, WiringOptions } from './wirings.js';

/**
 * SDK v2's documented entry: `createMcpHandler` with a factory that builds a server for every
 * request. It serves protocol 2026-07-28 (the era is the body's `_meta` claim) and, for a
 * request without the claim, the 2025 era through its stateless fallback, which always answers
 * in SSE framing.
 */
export function createV2OfficialWiring({ maxBodyBytes }: WiringOptions): McpHandler {
  const handler = createMcpHandler(() => createMcpServerV2(), { maxRequestBodySize: maxBodyBytes });
  // toRequest's Request carries the client's signal: the SDK aborts the exchange when it fires.
  return (incoming) => handler.fetch(incoming.toRequest());
}

/**
 * SDK v2 with no server built per request: each era has a pool of long-lived servers, and an
 * exchange borrows one that is serving nobody (the SDK's own check refuses one that is), so a
 * reply can only reach its own HTTP request and nothing is routed by the client's id. A pooled
 * server keeps its tools' JSON Schemas, which the official wiring converts again for every 2026
 * request. The 2026 era goes through the SDK's entry unchanged; a 2025 request gets JSON (SSE
 * only when it asks for progress), as from SDK v1, instead of the fallback's SSE-only answer.
 * (A pooled server keeps the last client's `clientInfo` when a request carries none; our tools
 * never read it.)
 */
export function createV2TunedWiring({ maxBodyBytes }: WiringOptions): McpHandler {
  const pools = { legacy: new ServerPool(), modern: new ServerPool() };
  const modern = createMcpHandler((context: McpRequestContext) => pools[context.era].take(), {
    legacy: 'reject',
    maxRequestBodySize: maxBodyBytes,
  });
  return async (incoming) => {
    const client = watchClient(incoming);
    try {
      // The entry answers a wrong Content-Type before it reads anything; so does this.
      if (!isJsonContentType(incoming.header('content-type') ?? null)) return await modern.fetch(incoming.toRequest());
      const text = await incoming.readBody(maxBodyBytes);
      if (text === null) return jsonRpcError(413, RPC.serverError, requestBodyTooLargeMessage(maxBodyBytes));
      if (client.signal.aborted) return clientClosed();
      const request = new Request(webUrlOf(incoming), {
        method: 'POST',
        headers: headersOf(incoming),
        body: text,
        signal: client.signal,
      });
      const parsedBody = parseOrUndefined(text);
      if (parsedBody === undefined || (await isLegacyRequest(request, parsedBody))) {
        return await serveLegacy(parsedBody !== undefined && isInitializeMessage(parsedBody) ? new ServerPool() : pools.legacy, request, parsedBody);
      }
      return await modern.fetch(request, { parsedBody });
    } finally {
      client.unwatch();
    }
  };
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A 2025-era request on a pooled server: the SDK's stateless transport, JSON unless progress was asked for. */
async function serveLegacy(pool: ServerPool, request: Request, parsedBody: unknown): Promise<Response> {
  const server = pool.take();
  const transport = new WebStandardStreamableHTTPServerTransport({
    sessionIdGenerator: undefined,
    enableJsonResponse: !asksForProgress(parsedBody),
  });
  const close = () => {
    void transport.close();
    void server.close();
  };
  request.signal.addEventListener('abort', close, { once: true });
  await server.connect(transport);
  try {
    const response = await transport.handleRequest(request, parsedBody === undefined ? {} : { parsedBody });
    return onBodyEnd(response, close);
  } catch (error) {
    close();
    throw error;
  }
}

/**
 * Servers that are serving nobody. A server comes back when its exchange closes it (the SDK
 * closes it once the answer is delivered), so the pool holds as many as were ever in flight
 * at once.
 */
class ServerPool {
  private readonly idle = new Set<McpServer>();

  take(): McpServer {
    for (const server of this.idle) {
      this.idle.delete(server);
      if (server.server.transport === undefined) return server;
    }
    const server = createMcpServerV2();
    // Closed by its exchange (also a second time): serving nobody again.
    server.server.onclose = () => {
      if (server.server.transport === undefined) this.idle.add(server);
    };
    return server;
  }
}

/** The headers the SDK reads, copied from the native request (the body was read already, so toRequest is not used). */
function headersOf(incoming: Incoming): Headers {
  const headers = new Headers();
  for (const name of FORWARDED_HEADERS) {
    const value = incoming.header(name);
    if (value !== undefined) headers.set(name, value);
  }
  return headers;
}

const FORWARDED_HEADERS = [
  'accept',
  'content-type',
  'mcp-protocol-version',
  'mcp-method',
  'mcp-name',
  'mcp-session-id',
  'last-event-id',
  'host',
  'authorization',
] as const;

function webUrlOf(incoming: Incoming): string {
  return webUrl('http', incoming.header('host'), incoming.path);
}

/** `initialize` tells a server who its client is; such a server is not pooled, so no other client sees it. */
function isInitializeMessage(body: unknown): boolean {
  return typeof body === 'object' && body !== null && (body as { method?: unknown }).method === 'initialize';
}
