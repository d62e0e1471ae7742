import { createHash, timingSafeEqual } from 'node:crypto';
import type { TextReply } from './exchange.js';
import { jsonRpcError, RPC } from './responses.js';

/**
 * Optional bearer-token auth (RFC 6750) for the MCP endpoint. Returns null when the request
 * may pass, or the 401 to send. Tokens are compared as hashes in constant time, so neither
 * their content nor their length leaks through timing.
 */
export function createBearerCheck(token: string | undefined): (authorization: string | undefined) => TextReply | null {
  if (token === undefined) return () => null;
  const expected = digest(token);
  return (authorization) => {
    const match = /^Bearer +(\S+)$/i.exec(authorization ?? '');
    if (match?.[1] && timingSafeEqual(digest(match[1]), expected)) return null;
    // Without credentials: only the scheme (RFC 6750 §3.1); with wrong ones: invalid_token.
    const challenge =
      authorization === undefined ? 'Bearer realm="mcp"' : 'Bearer realm="mcp", error="invalid_token"';
    const message =
      authorization === undefined
        ? 'Unauthorized: this server requires "Authorization: Bearer <token>"'
        : 'Unauthorized: the bearer token is missing or wrong';
    return jsonRpcError(401, RPC.serverError, message, { 'www-authenticate': challenge });
  };
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
