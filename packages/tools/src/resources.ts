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
function single(value: string | string[] | undefined): string {
  return Array.isArray(value) ? value.join(',') : (value ?? '');
}

export function registerResources(server: McpServer): void {
  server.registerResource(
    'agent_status',
    new ResourceTemplate('agent://{agent_id}/status', { list: undefined }),
    {
      title: 'Agent status',
      description: "An agent's status document (JSON), deterministic per agent id",
      mimeType: 'application/json',
    },
    async (uri, variables) => {
      const parsed = agentIdSchema.safeParse(single(variables.agent_id));
      if (!parsed.success) {
        throw new McpError(ErrorCode.InvalidParams, `Invalid agent_id in ${uri.href}: ${parsed.error.issues[0]?.message}`);
      }
      return {
        contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(agentStatus(parsed.data)) }],
      };
    },
  );

  server.registerResource(
    'benchmark_data',
    new ResourceTemplate('benchmark://{test_type}/data', {
      list: async () => ({
        resources: Object.entries(BENCHMARK_DATA_BYTES).map(([type, bytes]) => ({
          uri: `benchmark://${type}/data`,
          name: `benchmark_data_${type}`,
          description: `${bytes} bytes of deterministic test data`,
          mimeType: 'text/plain',
        })),
      }),
    }),
    {
      title: 'Benchmark data',
      description: `Deterministic test data: ${Object.entries(BENCHMARK_DATA_BYTES)
        .map(([type, bytes]) => `${type} = ${bytes} bytes`)
        .join(', ')}`,
      mimeType: 'text/plain',
    },
    async (uri, variables) => {
      const testType = single(variables.test_type);
      if (!isBenchmarkDataType(testType)) {
        throw new McpError(
          ErrorCode.InvalidParams,
          `Unknown test_type "${testType.slice(0, 64)}": expected one of ${Object.keys(BENCHMARK_DATA_BYTES).join(', ')}`,
        );
      }
      return { contents: [{ uri: uri.href, mimeType: 'text/plain', text: benchmarkData(testType) }] };
    },
  );
}
