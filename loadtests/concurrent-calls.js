// Many concurrent calls from one agent: each VU is one agent that fires CALLS `agent_task`
// calls at once (each awaiting DELAY_MS) and waits for all. Over HTTP/2 they share one
// connection (multiplexing); over HTTP/1.1 k6 opens a connection per call in flight.
// Ideal iteration time is one delay; the report shows how many "waves" it really took.
// With TOOL (another server's own tool), CALLS calls of that tool with TOOL_ARGS instead.
import { CUSTOM_TOOL, intEnv } from './lib/config.js';
import { isAgentTaskResult, isToolAnswer, sendAll, toolCall } from './lib/mcp.js';
import { loadOptions } from './lib/options.js';

export { handleSummary } from './lib/summary.js';
export { setup, teardown } from './lib/lifecycle.js';
export const options = loadOptions({ model: 'closed', vus: 5 });

const CALLS = intEnv('CALLS', 20);
const DELAY_MS = intEnv('DELAY_MS', 50);

const TOOL = CUSTOM_TOOL ? CUSTOM_TOOL.name : 'agent_task';
let calls; // this agent's calls' arguments and their validators, made once (lib/mcp.js serialises them once)
let validators;

export default function concurrentCalls() {
  if (!calls) {
    if (CUSTOM_TOOL) {
      calls = Array.from({ length: CALLS }, () => CUSTOM_TOOL.args);
      validators = calls.map(() => isToolAnswer(CUSTOM_TOOL.expectText));
    } else {
      calls = Array.from({ length: CALLS }, (_, i) => ({ task: `subtask ${i}`, delay_ms: DELAY_MS, agent_id: `agent-${__VU}` }));
      validators = calls.map(isAgentTaskResult);
    }
  }
  sendAll(
    calls.map((args) => toolCall(TOOL, args)),
    validators,
  );
}
