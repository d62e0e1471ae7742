import { Client as ModernSdkClient, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import type { McpClient } from './connect.js';

/**
 * SDK v2's client pinned to protocol 2026-07-28 (no `initialize`: it probes with
 * `server/discover`, then every request carries the `_meta` claims and the `Mcp-*` headers),
 * behind the same calls as the 2025 client, so callers do not branch on the era.
 */
export async function connectModern(
  url: string | URL,
  fetch: typeof globalThis.fetch,
  headers: Record<string, string> | undefined,
  clientName: string,
): Promise<{ client: McpClient; protocolVersion: () => string | undefined }> {
  const transport = new StreamableHTTPClientTransport(new URL(url), {
    fetch,
    ...(headers ? { requestInit: { headers } } : {}),
  });
  const inner = new ModernSdkClient(
    { name: clientName, version: '0.1.0' },
    { versionNegotiation: { mode: { pin: '2026-07-28' } } },
  );
  await inner.connect(transport);
  // The v1 Client takes a result schema before the options; the v2 one does not.
  const client: McpClient = {
    callTool: ((params, _schema, options) => inner.callTool(params, options)) as McpClient['callTool'],
    listTools: ((params, options) => inner.listTools(params, options)) as McpClient['listTools'],
    listResources: ((params, options) => inner.listResources(params, options)) as McpClient['listResources'],
    listResourceTemplates: ((params, options) => inner.listResourceTemplates(params, options)) as McpClient['listResourceTemplates'],
    listPrompts: ((params, options) => inner.listPrompts(params, options)) as McpClient['listPrompts'],
    readResource: ((params, options) => inner.readResource(params, options)) as McpClient['readResource'],
    getPrompt: ((params, options) => inner.getPrompt(params, options)) as McpClient['getPrompt'],
    ping: ((options) => inner.ping(options)) as McpClient['ping'],
    getServerCapabilities: (() => inner.getServerCapabilities()) as McpClient['getServerCapabilities'],
    getServerVersion: (() => inner.getServerVersion()) as McpClient['getServerVersion'],
    close: () => inner.close(),
  };
  return { client, protocolVersion: () => '2026-07-28' };
}
