/**
 * The two eras of MCP over HTTP this client speaks. 2025-11-25 (and the older versions it
 * negotiates) opens with `initialize`; 2026-07-28 has no handshake: every request carries its
 * protocol version and the client's capabilities in `params._meta`, and headers that repeat
 * the method and name so that an HTTP hop can route without reading the body.
 */
export const PROTOCOLS = ['2025-11-25', '2026-07-28'] as const;
export type Protocol = (typeof PROTOCOLS)[number];
export const MODERN_PROTOCOL: Protocol = '2026-07-28';

export function isProtocol(value: string): value is Protocol {
  return (PROTOCOLS as readonly string[]).includes(value);
}

export const PROTOCOL_VERSION_META = 'io.modelcontextprotocol/protocolVersion';
export const CLIENT_CAPABILITIES_META = 'io.modelcontextprotocol/clientCapabilities';
export const CLIENT_INFO_META = 'io.modelcontextprotocol/clientInfo';

/** The param a method names itself by in the `Mcp-Name` header (2026-07-28). */
const NAMED_BY: Record<string, string> = { 'tools/call': 'name', 'prompts/get': 'name', 'resources/read': 'uri' };

/**
 * A 2026-07-28 request's params and headers: the `_meta` claims merged into the params, and
 * `MCP-Protocol-Version`, `Mcp-Method` (and `Mcp-Name`) set to what the body says.
 */
export function modernRequest(
  method: string,
  params: Record<string, unknown> = {},
  clientInfo: { name: string; version: string } = { name: 'mcp-runtimes-client', version: '0.1.0' },
): { params: Record<string, unknown>; headers: Record<string, string> } {
  const meta = {
    ...(params._meta as Record<string, unknown> | undefined),
    [PROTOCOL_VERSION_META]: MODERN_PROTOCOL,
    [CLIENT_CAPABILITIES_META]: {},
    [CLIENT_INFO_META]: clientInfo,
  };
  const headers: Record<string, string> = { 'mcp-protocol-version': MODERN_PROTOCOL, 'mcp-method': method };
  const nameKey = NAMED_BY[method];
  const name = nameKey === undefined ? undefined : params[nameKey];
  if (typeof name === 'string') headers['mcp-name'] = name;
  return { params: { ...params, _meta: meta }, headers };
}
