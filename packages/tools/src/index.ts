export { createMcpServer, SERVER_INFO, type McpSurfaceOptions } from './server.js';
export { runAgentTask, describeResult, type AgentTaskInput, type TaskResult } from './agent-task.js';
export { agentStatus, benchmarkData } from './resources.js';
export { LIMITS, COMPLEXITY_ROUNDS, BENCHMARK_DATA_BYTES, type Complexity, type BenchmarkDataType } from './limits.js';
export { simulateWork, combineChecksums, deterministicText } from './work.js';
export { toolActivity, type ToolActivity } from './activity.js';
