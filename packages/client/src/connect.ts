import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { createFetch, type FetchLike, type TransportOptions } from './fetch.js';
import { connectModern } from './modern.js';
import { MODERN_PROTOCOL, type Protocol } from './protocol.js';
import { httpRawRequest, type RawRequest } from './raw.js';

export interface ConnectOptions extends TransportOptions {
  /** Sent with every request (e.g. an Authorization header). */
  headers?: Record<string, string>;
  clientName?: string;
  /** The era to speak: 2025-11-25 (initialize, then negotiated; the default) or 2026-07-28 (stateless, no handshake). */
  protocol?: Protocol;
}

/** What callers use of an SDK client: the same calls in both eras (2026-07-28 through SDK v2's client). */
export type McpClient = Pick<
  Client,
  | 'callTool'
  | 'listTools'
  | 'listResources'
  | 'listResourceTemplates'
  | 'listPrompts'
  | 'readResource'
  | 'getPrompt'
  | 'ping'
  | 'getServerCapabilities'
  | 'getServerVersion'
  | 'close'
>;

export interface McpConnection {
  client: McpClient;
  /** The era this connection speaks. */
  protocol: Protocol;
  /** The fetch the client uses: raw requests on the same connection(s). */
  fetch: FetchLike;
  /** Hand-written JSON-RPC over the same connection(s), with the negotiated protocol version. */
  request: RawRequest;
  /** See BoundFetch.connectionsOpened. */
  connectionsOpened(): number | undefined;
  close(): Promise<void>;
}

/**
 * An initialized SDK Client on the Streamable HTTP transport, over the chosen HTTP version.
 * Calls may be issued concurrently; over HTTP/2 they share one connection.
 */
export async function connect(url: string | URL, options: ConnectOptions = {}): Promise<McpConnection> {
  const transportFetch = createFetch(url, options);
  const clientName = options.clientName ?? 'mcp-runtimes-client';
  if (options.protocol === MODERN_PROTOCOL) {
    let modern: Awaited<ReturnType<typeof connectModern>>;
    try {
      modern = await connectModern(url, transportFetch.fetch as typeof globalThis.fetch, options.headers, clientName);
    } catch (error) {
      await transportFetch.close();
      throw error;
    }
    return {
      client: modern.client,
      protocol: MODERN_PROTOCOL,
      fetch: transportFetch.fetch,
      request: httpRawRequest(transportFetch.fetch, String(url), () => ({ ...options.headers }), MODERN_PROTOCOL),
      connectionsOpened: transportFetch.connectionsOpened,
      close: async () => {
        await modern.client.close();
        await transportFetch.close();
      },
    };
  }
  const transport = new StreamableHTTPClientTransport(new URL(url), {
    fetch: transportFetch.fetch,
    requestInit: options.headers ? { headers: options.headers } : undefined,
  });
  const client = new Client({ name: clientName, version: '0.1.0' });
  try {
    await client.connect(transport);
  } catch (error) {
    await transportFetch.close();
    throw error;
  }
  return {
    client,
    protocol: '2025-11-25',
    fetch: transportFetch.fetch,
    request: httpRawRequest(transportFetch.fetch, String(url), () => ({
      ...options.headers,
      ...(transport.protocolVersion ? { 'mcp-protocol-version': transport.protocolVersion } : {}),
    })),
    connectionsOpened: transportFetch.connectionsOpened,
    close: async () => {
      await client.close();
      await transportFetch.close();
    },
  };
}
