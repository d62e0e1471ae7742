import { McpServer, ProtocolError, ResourceTemplate, type ServerContext, type ServerOptions } from '@modelcontextprotocol/server';
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { agentCommunicationPrompt, renderAgentCommunication } from './prompt.js';
import type { ReportProgress } from './progress.js';
import {
  agentStatusTemplate,
  benchmarkDataResources,
  benchmarkDataTemplate,
  readAgentStatus,
  readBenchmarkData,
  single,
  type ResourceAnswer,
} from './resources.js';
import { SERVER_INFO, SERVER_INSTRUCTIONS } from './server.js';
import { TOOLS, type ToolContext, type ToolDefinition } from './tools.js';

export interface McpSurfaceOptionsV2 {
  /** Passed to SDK v2 as-is (e.g. a shared `jsonSchemaValidator`). */
  serverOptions?: ServerOptions;
}

/**
 * The same surface on SDK v2 (`@modelcontextprotocol/server`), which serves protocol
 * 2026-07-28 and the 2025 era: the same definitions, the same `run`, so every answer's content
 * is the one SDK v1 gives.
 */
export function createMcpServerV2(options: McpSurfaceOptionsV2 = {}): McpServer {
  const server = new McpServer(SERVER_INFO, { ...options.serverOptions, instructions: SERVER_INSTRUCTIONS });
  for (const tool of TOOLS) registerToolV2(server, tool as unknown as ToolDefinition);
  registerResourcesV2(server);
  const { name, title, description, argsShape } = agentCommunicationPrompt;
  server.registerPrompt(name, { title, description, argsSchema: z.object(argsShape) }, renderAgentCommunication);
  return server;
}

function registerToolV2(server: McpServer, tool: ToolDefinition): void {
  const config = {
    title: tool.title,
    description: tool.description,
    inputSchema: z.object(tool.inputShape),
    outputSchema: z.object(tool.outputShape),
  };
  server.registerTool(tool.name, config, (input, ctx) => tool.run(input, contextOf(ctx)));
}

function contextOf(ctx: ServerContext): ToolContext {
  return { signal: ctx.mcpReq.signal, report: progressReporterV2(ctx) };
}

/** Sends notifications/progress only when the caller asked for them with a progressToken. */
function progressReporterV2(ctx: ServerContext): ReportProgress {
  const progressToken = ctx.mcpReq._meta?.progressToken;
  if (progressToken === undefined) return async () => {};
  return async (progress, total, message) => {
    await ctx.mcpReq.notify({ method: 'notifications/progress', params: { progressToken, progress, total, message } });
  };
}

/** The readers throw SDK v1's McpError; v2 answers only its own ProtocolError with the error's code, so the same code and text are carried over. */
function asV2Error<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof McpError) throw new ProtocolError(error.code, error.message, error.data);
    throw error;
  }
}

function registerResourcesV2(server: McpServer): void {
  const { name: statusName, uriTemplate: statusTemplate, ...statusMetadata } = agentStatusTemplate;
  server.registerResource(
    statusName,
    new ResourceTemplate(statusTemplate, { list: undefined }),
    statusMetadata,
    async (uri, variables): Promise<ResourceAnswer> => asV2Error(() => readAgentStatus(uri.href, single(variables.agent_id))),
  );
  const { name: dataName, uriTemplate: dataTemplate, ...dataMetadata } = benchmarkDataTemplate;
  server.registerResource(
    dataName,
    new ResourceTemplate(dataTemplate, { list: async () => ({ resources: benchmarkDataResources() }) }),
    dataMetadata,
    async (uri, variables): Promise<ResourceAnswer> => asV2Error(() => readBenchmarkData(uri.href, single(variables.test_type))),
  );
}
