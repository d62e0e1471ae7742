import { createMcpServerV2 } from '@mcp-runtimes/tools';
import {
  createMcpHandler,
  isLegacyRequest,
  type McpHttpHandler,
  type McpRequestContext,
  type McpServer,
  WebStandardStreamableHTTPServerTransport,
} from '@modelcontextprotocol/server';
import { requestBodyTooLargeMessage } from '@modelcontextprotocol/sdk/server/requestBody.js';
import { isJsonContentType } from '@modelcontextprotocol/sdk/shared/mediaType.js';
import { onBodyEnd } from './body-end.js';
import { skipResponseGuards } from './v2-request-path.js';
import { isTextReply, watchClient, webUrl, type Incoming, type Reply } from './exchange.js';
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
  return (incoming) => withBodyRead(incoming, maxBodyBytes, handler, (request, parsedBody) =>
    handler.fetch(request, parsedBody === undefined ? {} : { parsedBody }),
  );
}

/**
 * SDK v2 with no server built per request: each era has a pool of long-lived servers, and an
 * exchange borrows one that is serving nobody (the SDK's own check refuses one that is), so a
 * reply can only reach its own HTTP request and nothing is routed by the client's id. A pooled
 * server keeps its tools' JSON Schemas, which the official wiring converts again for every 2026
 * request. The 2026 era goes through the SDK's entry unchanged; a 2025 request gets JSON (SSE
 * only when it asks for progress), as from SDK v1, instead of the fallback's SSE-only answer.
 * Each pooled server's requests skip the listener's response guards (v2-request-path.ts). (A
 * pooled server keeps the last client's `clientInfo` when a request carries none; our tools
 * never read it.)
 */
export function createV2TunedWiring({ maxBodyBytes }: WiringOptions): McpHandler {
  const pools = { legacy: new ServerPool(), modern: new ServerPool() };
  const modern = createMcpHandler((context: McpRequestContext) => pools[context.era].take(), {
    legacy: 'reject',
    maxRequestBodySize: maxBodyBytes,
  });
  return (incoming) =>
    withBodyRead(incoming, maxBodyBytes, modern, async (request, parsedBody) => {
      if (parsedBody === undefined || (await isLegacyRequest(request, parsedBody))) {
        // initialize tells a server who its client is: that server is not pooled, so no other client sees it.
        const pool = isInitializeMessage(parsedBody) ? new ServerPool() : pools.legacy;
        return serveLegacy(pool, request, parsedBody);
      }
      return modern.fetch(request, { parsedBody });
    });
}

/**
 * Reads the body natively, with the limit, before the SDK sees the request (as a body parser
 * would): the SDK's entry would otherwise clone the web Request and read one branch, and the
 * unread branch holds back the rest of an oversized upload. The SDK then gets the parsed body
 * (or, when it does not parse, the text to answer itself). A wrong Content-Type goes to the SDK
 * unread, which answers it first, as it does.
 */
async function withBodyRead(
  incoming: Incoming,
  maxBodyBytes: number,
  entry: McpHttpHandler,
  serve: (request: Request, parsedBody: unknown) => Promise<Response>,
): Promise<Reply> {
  if (!isJsonContentType(incoming.header('content-type') ?? null)) return entry.fetch(incoming.toRequest());
  // Watched until the answer is over: a client leaving an SSE answer aborts the request, and the SDK its tools.
  const client = watchClient(incoming);
  try {
    const text = await incoming.readBody(maxBodyBytes);
    if (text === null) {
      client.unwatch();
      return jsonRpcError(413, RPC.serverError, requestBodyTooLargeMessage(maxBodyBytes));
    }
    if (client.signal.aborted) {
      client.unwatch();
      return clientClosed();
    }
    const request = new Request(webUrl('http', incoming.header('host'), incoming.path), {
      method: incoming.method,
      headers: headersOf(incoming),
      body: text,
      signal: client.signal,
    });
    // Gone before the answer: the SDK aborts the tool (the request's signal) but may never settle
    // its response, so the exchange ends here, as in the v1 official wiring.
    const gone = new Promise<Reply>((resolve) => client.signal.addEventListener('abort', () => resolve(clientClosed()), { once: true }));
    const reply = await Promise.race([serve(request, parseOrUndefined(text)), gone]);
    if (isTextReply(reply)) {
      client.unwatch();
      return reply;
    }
    return onBodyEnd(reply, client.unwatch);
  } catch (error) {
    client.unwatch();
    throw error;
  }
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
    skipResponseGuards(server);
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

function isInitializeMessage(body: unknown): boolean {
  return typeof body === 'object' && body !== null && (body as { method?: unknown }).method === 'initialize';
}
