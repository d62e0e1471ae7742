// Simple tool calls: one `agent_task` (low complexity, no delay) per iteration, the seed's
// headline scenario. Open model by default: RATE calls per second whatever the latency, so
// latency at a given load is measured and dropped_iterations shows where the server falls behind.
// The request is the one wrk and h2load send (bodies/agent-task.json), so the gate covers theirs.
// With TOOL (another server's own tool), that tool with TOOL_ARGS instead.
import { CUSTOM_TOOL } from './lib/config.js';
import { isAgentTaskResult, isToolAnswer, send, toolCall } from './lib/mcp.js';
import { loadOptions } from './lib/options.js';

export { handleSummary } from './lib/summary.js';
export { setup, teardown } from './lib/lifecycle.js';
export const options = loadOptions({ model: 'open' });

const { arguments: agentTaskArgs } = JSON.parse(open('./bodies/agent-task.json')).params;
const call = CUSTOM_TOOL
  ? { name: CUSTOM_TOOL.name, args: CUSTOM_TOOL.args, valid: isToolAnswer(CUSTOM_TOOL.expectText) }
  : { name: 'agent_task', args: agentTaskArgs, valid: isAgentTaskResult(agentTaskArgs) };

export default function simpleTool() {
  send(toolCall(call.name, call.args), call.valid);
}
