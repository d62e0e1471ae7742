// Simple tool calls: one `agent_task` (low complexity, no delay) per iteration, the seed's
// headline scenario. Open model by default: RATE calls per second whatever the latency, so
// latency at a given load is measured and dropped_iterations shows where the server falls behind.
// The request is the one wrk and h2load send (bodies/agent-task.json), so the gate covers theirs.
import { isAgentTaskResult, send, toolCall } from './lib/mcp.js';
import { loadOptions } from './lib/options.js';

export { handleSummary } from './lib/summary.js';
export { setup, teardown } from './lib/lifecycle.js';
export const options = loadOptions({ model: 'open' });

const { arguments: args } = JSON.parse(open('./bodies/agent-task.json')).params;
const valid = isAgentTaskResult(args);

export default function simpleTool() {
  send(toolCall('agent_task', args), valid);
}
