// The shared surface registered through fastmcp's own API (addTool, addResource,
// addResourceTemplate, addPrompt); every answer is computed by @mcp-runtimes/tools.
import {
  agentTaskTool,
  batchProcessTool,
  parallelAgentTasksTool,
  agentCommunicationArgsSchema,
  agentCommunicationPrompt,
  agentStatusTemplate,
  benchmarkDataResources,
  benchmarkDataTemplate,
  readAgentStatus,
  readBenchmarkData,
  renderAgentCommunication,
  toolSchemas,
  type ToolDefinition,
} from '@mcp-runtimes/tools';
import type { FastMCP } from 'fastmcp';

/** A URI from a one-variable template, as fastmcp itself fills it when a load returns none. */
function fill(template: string, name: string, value: string): string {
  return template.replace(`{${name}}`, value);
}

function addTool<Input extends ToolDefinition['inputShape']>(server: FastMCP, tool: ToolDefinition<Input>): void {
  const schemas = toolSchemas(tool);
  server.addTool({
    name: tool.name,
    description: tool.description,
    // fastmcp has no top-level tool title; its annotations carry one.
    annotations: { title: tool.title },
    parameters: schemas.input,
    outputSchema: schemas.output,
    execute: (input, context) =>
      tool.run(input, {
        signal: context.signal,
        report: (progress, total, message) => context.reportProgress({ progress, total, message }),
      }),
  });
}

export function registerSurface(server: FastMCP): void {
  // One call per tool, so each execute is typed by its own tool's input.
  addTool(server, agentTaskTool);
  addTool(server, batchProcessTool);
  addTool(server, parallelAgentTasksTool);

  server.addResourceTemplate({
    name: agentStatusTemplate.name,
    uriTemplate: agentStatusTemplate.uriTemplate,
    description: agentStatusTemplate.description,
    mimeType: agentStatusTemplate.mimeType,
    arguments: [{ name: 'agent_id', required: true }],
    load: async ({ agent_id }) => readAgentStatus(fill(agentStatusTemplate.uriTemplate, 'agent_id', agent_id), agent_id).contents,
  });

  // Our template lists one resource per size; fastmcp lists only resources added as such, so
  // each size is one, and the template answers any other test_type (with the shared error).
  for (const resource of benchmarkDataResources()) {
    const testType = resource.uri.slice('benchmark://'.length, -'/data'.length);
    server.addResource({ ...resource, load: async () => readBenchmarkData(resource.uri, testType).contents });
  }
  server.addResourceTemplate({
    name: benchmarkDataTemplate.name,
    uriTemplate: benchmarkDataTemplate.uriTemplate,
    description: benchmarkDataTemplate.description,
    mimeType: benchmarkDataTemplate.mimeType,
    arguments: [{ name: 'test_type', required: true }],
    load: async ({ test_type }) =>
      readBenchmarkData(fill(benchmarkDataTemplate.uriTemplate, 'test_type', test_type), test_type).contents,
  });

  // fastmcp's prompt arguments are a list (name, description, required) and arrive unvalidated:
  // the list is derived from the shared schema, which then validates them.
  server.addPrompt({
    name: agentCommunicationPrompt.name,
    description: agentCommunicationPrompt.description,
    arguments: Object.entries(agentCommunicationPrompt.argsShape).map(([name, schema]) => ({
      name,
      description: schema.description ?? '',
      required: !schema.safeParse(undefined).success,
    })),
    load: async (args) => {
      const parsed = agentCommunicationArgsSchema.safeParse(args);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(`Invalid arguments: ${issue?.path.join('.')}: ${issue?.message}`);
      }
      // fastmcp answers with the prompt's static description, so only the messages are used.
      return { messages: renderAgentCommunication(parsed.data).messages };
    },
  });
}
