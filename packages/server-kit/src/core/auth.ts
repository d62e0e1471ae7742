import type { TextReply } from './exchange.js';
import { jsonRpcError, RPC } from './responses.js';

/**
 * Optional bearer-token auth (RFC 6750) for the MCP endpoint. Returns null when the request
 * may pass, or the 401 to send. Tokens are compared as hashes in constant time, so neither
 * their content nor their length leaks through timing.
 */
export function createBearerCheck(token: string): (authorization: string | undefined) => Promise<TextReply | null> {
  const expected = digest(token);
  return async (authorization) => {
    const match = /^Bearer +(\S+)$/i.exec(authorization ?? '');
    if (match?.[1] && sameBytes(await digest(match[1]), await expected)) return null;
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

/** SHA-256 by Web Crypto (every runtime has it), so equal lengths are compared whatever the token's. */
async function digest(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
}

/** Constant time for equal lengths: every byte is looked at, whatever differs first. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= (a[i] as number) ^ (b[i] as number);
  return difference === 0;
}
