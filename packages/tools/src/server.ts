import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ServerOptions } from '@modelcontextprotocol/sdk/server/index.js';
import { registerPrompts } from './prompt.js';
import { registerResources } from './resources.js';
import { registerTools } from './tools.js';

export const SERVER_INFO = { name: 'mcp-runtimes', version: '0.1.0' } as const;

/** What initialize tells the client about this server (a peer passes the same text to its framework). */
export const SERVER_INSTRUCTIONS =
  'Reference MCP server of mcp-runtimes: simulated agent work (agent_task, batch_process, ' +
  'parallel_agent_tasks), agent status and benchmark data resources, an agent_communication prompt.';

export interface McpSurfaceOptions {
  /** Passed to the SDK as-is (e.g. a shared `jsonSchemaValidator`). */
  serverOptions?: ServerOptions;
  /**
   * For a server built to serve one request (the SDK's stateless idiom): its client's signal,
   * so its tools stop when the client leaves. Closing the transport aborts only the handlers
   * the SDK has dispatched; one it dispatches after the close (its handleRequest awaits before
   * dispatching) would otherwise run to the end for nobody.
   */
  clientSignal?: AbortSignal;
}

/** A new McpServer serving the whole surface. Every server of this project builds its MCP server here. */
export function createMcpServer(options: McpSurfaceOptions = {}): McpServer {
  const server = new McpServer(SERVER_INFO, {
    ...options.serverOptions,
    instructions: SERVER_INSTRUCTIONS,
  });
  registerTools(server, options.clientSignal);
  registerResources(server);
  registerPrompts(server);
  return server;
}
