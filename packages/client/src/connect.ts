import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { createFetch, type FetchLike, type TransportOptions } from './fetch.js';
import { httpRawRequest, type RawRequest } from './raw.js';

export interface ConnectOptions extends TransportOptions {
  /** Sent with every request (e.g. an Authorization header). */
  headers?: Record<string, string>;
  clientName?: string;
}

export interface McpConnection {
  client: Client;
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
  const transport = new StreamableHTTPClientTransport(new URL(url), {
    fetch: transportFetch.fetch,
    requestInit: options.headers ? { headers: options.headers } : undefined,
  });
  const client = new Client({ name: options.clientName ?? 'mcp-runtimes-client', version: '0.1.0' });
  try {
    await client.connect(transport);
  } catch (error) {
    await transportFetch.close();
    throw error;
  }
  return {
    client,
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
