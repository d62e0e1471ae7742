import { ResourceTemplate, type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { agentIdSchema } from './agent-task.js';
import { BENCHMARK_DATA_BYTES, type BenchmarkDataType } from './limits.js';
import { deterministicText, fnv1a } from './work.js';

const AGENT_STATES = ['idle', 'working', 'waiting'] as const;

/** A deterministic status document for any valid agent id (no clock, no randomness). */
export function agentStatus(agentId: string) {
  const hash = fnv1a(agentId);
  return {
    agent_id: agentId,
    status: AGENT_STATES[hash % AGENT_STATES.length],
    tasks_completed: hash % 10_000,
    queue_depth: (hash >>> 8) % 16,
    capabilities: ['agent_task', 'batch_process', 'parallel_agent_tasks'],
  };
}

const benchmarkDataCache = new Map<BenchmarkDataType, string>();

/** Deterministic test data of a fixed size per type, built once per process. */
export function benchmarkData(testType: BenchmarkDataType): string {
  let data = benchmarkDataCache.get(testType);
  if (data === undefined) {
    data = deterministicText(BENCHMARK_DATA_BYTES[testType], `benchmark:${testType}`);
    benchmarkDataCache.set(testType, data);
  }
  return data;
}

function isBenchmarkDataType(value: string): value is BenchmarkDataType {
  return Object.hasOwn(BENCHMARK_DATA_BYTES, value);
}

/** A template variable as one string: the SDK gives string[] for exploded variables. */
export function single(value: string | string[] | undefined): string {
  return Array.isArray(value) ? value.join(',') : (value ?? '');
}

/** One resources/read answer: a single text content. */
export type ResourceAnswer = { contents: { uri: string; mimeType: string; text: string }[] };

/** The two templates, independent of the framework that serves them (a peer registers them through its own API). */
export const agentStatusTemplate = {
  name: 'agent_status',
  uriTemplate: 'agent://{agent_id}/status',
  title: 'Agent status',
  description: "An agent's status document (JSON), deterministic per agent id",
  mimeType: 'application/json',
} as const;

export const benchmarkDataTemplate = {
  name: 'benchmark_data',
  uriTemplate: 'benchmark://{test_type}/data',
  title: 'Benchmark data',
  description: `Deterministic test data: ${Object.entries(BENCHMARK_DATA_BYTES)
    .map(([type, bytes]) => `${type} = ${bytes} bytes`)
    .join(', ')}`,
  mimeType: 'text/plain',
} as const;

/** What resources/list shows of benchmark_data: one resource per size. */
export function benchmarkDataResources() {
  return Object.entries(BENCHMARK_DATA_BYTES).map(([type, bytes]) => ({
    uri: `benchmark://${type}/data`,
    name: `benchmark_data_${type}`,
    description: `${bytes} bytes of deterministic test data`,
    mimeType: 'text/plain',
  }));
}

/** agent://{agent_id}/status read; an invalid id is a JSON-RPC InvalidParams error. */
export function readAgentStatus(uri: string, agentId: string): ResourceAnswer {
  const parsed = agentIdSchema.safeParse(agentId);
  if (!parsed.success) {
    throw new McpError(ErrorCode.InvalidParams, `Invalid agent_id in ${uri}: ${parsed.error.issues[0]?.message}`);
  }
  return { contents: [{ uri, mimeType: 'application/json', text: JSON.stringify(agentStatus(parsed.data)) }] };
}

/** benchmark://{test_type}/data read; an unknown type is a JSON-RPC InvalidParams error. */
export function readBenchmarkData(uri: string, testType: string): ResourceAnswer {
  if (!isBenchmarkDataType(testType)) {
    throw new McpError(
      ErrorCode.InvalidParams,
      `Unknown test_type "${testType.slice(0, 64)}": expected one of ${Object.keys(BENCHMARK_DATA_BYTES).join(', ')}`,
    );
  }
  return { contents: [{ uri, mimeType: 'text/plain', text: benchmarkData(testType) }] };
}

export function registerResources(server: McpServer): void {
  const { name: statusName, uriTemplate: statusTemplate, ...statusMetadata } = agentStatusTemplate;
  server.registerResource(
    statusName,
    new ResourceTemplate(statusTemplate, { list: undefined }),
    statusMetadata,
    async (uri, variables) => readAgentStatus(uri.href, single(variables.agent_id)),
  );

  const { name: dataName, uriTemplate: dataTemplate, ...dataMetadata } = benchmarkDataTemplate;
  server.registerResource(
    dataName,
    new ResourceTemplate(dataTemplate, { list: async () => ({ resources: benchmarkDataResources() }) }),
    dataMetadata,
    async (uri, variables) => readBenchmarkData(uri.href, single(variables.test_type)),
  );
}
