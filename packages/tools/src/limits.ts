/** Bounds on every input of the MCP surface. The README documents them; tests pin them. */
export const LIMITS = {
  taskChars: 1_000,
  agentIdChars: 64,
  agentTaskDelayMs: 10_000,
  agentTaskPayloadBytes: 1_048_576,
  /** Items of batch_process / parallel_agent_tasks are smaller so one call stays bounded. */
  itemDelayMs: 1_000,
  itemPayloadBytes: 65_536,
  batchTasks: 50,
  parallelTasks: 100,
  parallelConcurrency: 100,
  promptMessageChars: 4_000,
} as const;

/** CPU work per complexity level: rounds of the checksum mix in `work.ts`. */
export const COMPLEXITY_ROUNDS = {
  low: 1_000,
  medium: 20_000,
  high: 200_000,
} as const;

export type Complexity = keyof typeof COMPLEXITY_ROUNDS;

/** Sizes served by `benchmark://{test_type}/data`. */
export const BENCHMARK_DATA_BYTES = {
  small: 1_024,
  medium: 65_536,
  large: 1_048_576,
} as const;

export type BenchmarkDataType = keyof typeof BENCHMARK_DATA_BYTES;

/** Agent ids end up in URIs, so they are restricted to URI-safe characters. */
export const AGENT_ID_PATTERN = /^[A-Za-z0-9_-]+$/;
