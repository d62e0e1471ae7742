import type { TextReply } from './exchange.js';

/** JSON answers of the endpoint itself, shaped like the SDK's own errors so clients see one style. */

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): TextReply {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

/** A JSON-RPC error with a null id: the request was refused before any message was read. */
export function jsonRpcError(
  status: number,
  code: number,
  message: string,
  headers: Record<string, string> = {},
): TextReply {
  return jsonResponse(status, { jsonrpc: '2.0', error: { code, message }, id: null }, headers);
}

export const CLIENT_CLOSED_MESSAGE = 'Client closed the request';

/** The answer to a request whose client went away before it was ready (nobody reads it; it ends the exchange). */
export function clientClosed(): TextReply {
  return jsonRpcError(499, RPC.serverError, CLIENT_CLOSED_MESSAGE);
}

/** The answer to a request whose headers and body did not all arrive within MCP_REQUEST_TIMEOUT_MS. */
export function requestTimedOut(timeoutMs: number): TextReply {
  return jsonRpcError(408, RPC.serverError, `Request Timeout: the request did not arrive within ${timeoutMs} ms`, {
    connection: 'close',
  });
}

/** JSON-RPC codes used outside the SDK. */
export const RPC = {
  parseError: -32700,
  invalidRequest: -32600,
  serverError: -32000,
  internalError: -32603,
} as const;
