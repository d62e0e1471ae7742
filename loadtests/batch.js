// Batch processing: one `batch_process` call carrying 10 tasks of mixed complexity, processed
// in order inside the call (a batch inside a tool call: JSON-RPC batching left MCP in 2025-06-18).
import { isTaskListResult, send, toolCall } from './lib/mcp.js';
import { loadOptions } from './lib/options.js';

export { handleSummary } from './lib/summary.js';
export { setup, teardown } from './lib/lifecycle.js';
export const options = loadOptions({ model: 'closed', vus: 10 });

const tasks = Array.from({ length: 10 }, (_, i) => ({
  task: `index document ${i}`,
  complexity: i % 5 === 0 ? 'medium' : 'low',
  agent_id: `batch-agent-${i}`,
}));
const valid = isTaskListResult(tasks);
const args = { tasks };

export default function batch() {
  send(toolCall('batch_process', args), valid);
}
