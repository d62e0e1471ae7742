import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { JSONRPCRequest } from '@modelcontextprotocol/sdk/types.js';

/**
 * The SDK's own handling of one request: what the message listener Protocol.connect installs
 * calls once it has classified a message as a request (the handler lookup, the abort
 * controller, the handler, the answer through the transport). That listener first tries every
 * message as a result and as an error response, two zod safeParse calls that fail on every
 * request. With zod 4.6 (measured on Node 24; not with 4.5.4) failing safeParse calls leave what
 * was allocated around them alive at each scavenge, so the garbage of every call in the process
 * is promoted to the old generation and collected only by mark-compacts (docs/design.md, "Why
 * the tail"). Our checks have classified the message already (JSONRPCMessageSchema, then a
 * request's fields), so it goes straight to the request path.
 */
export function sdkRequestPath(server: McpServer): (request: JSONRPCRequest) => void {
  const protocol = server.server as unknown as { _onrequest?: (request: JSONRPCRequest) => void };
  if (typeof protocol._onrequest !== 'function') {
    throw new Error('@modelcontextprotocol/sdk has no Protocol._onrequest: the tuned wiring must be updated for this SDK version');
  }
  const onRequest = protocol._onrequest;
  return (request) => onRequest.call(protocol, request);
}
