export { createMcpServer, SERVER_INFO, SERVER_INSTRUCTIONS, type McpSurfaceOptions } from './server.js';
export { createMcpServerV2, type McpSurfaceOptionsV2 } from './server-v2.js';
export {
  TOOLS,
  agentTaskTool,
  batchProcessTool,
  parallelAgentTasksTool,
  toolSchemas,
  type ToolDefinition,
  type ToolAnswer,
  type ToolContext,
  type TextBlock,
} from './tools.js';
export {
  agentStatusTemplate,
  benchmarkDataTemplate,
  benchmarkDataResources,
  readAgentStatus,
  readBenchmarkData,
  type ResourceAnswer,
} from './resources.js';
export {
  agentCommunicationPrompt,
  agentCommunicationArgsSchema,
  renderAgentCommunication,
  type AgentCommunicationArgs,
} from './prompt.js';
export { type ReportProgress } from './progress.js';
export { runAgentTask, describeResult, type AgentTaskInput, type TaskResult } from './agent-task.js';
export { agentStatus, benchmarkData } from './resources.js';
export { LIMITS, COMPLEXITY_ROUNDS, BENCHMARK_DATA_BYTES, type Complexity, type BenchmarkDataType } from './limits.js';
export { simulateWork, combineChecksums, deterministicText } from './work.js';
export { toolActivity, type ToolActivity } from './activity.js';
