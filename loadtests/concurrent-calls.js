// Many concurrent calls from one agent: each VU is one agent that fires CALLS `agent_task`
// calls at once (each awaiting DELAY_MS) and waits for all. Over HTTP/2 they share one
// connection (multiplexing); over HTTP/1.1 k6 opens a connection per call in flight.
// Ideal iteration time is one delay; the report shows how many "waves" it really took.
import { intEnv } from './lib/config.js';
import { isAgentTaskResult, sendAll, toolCall } from './lib/mcp.js';
import { loadOptions } from './lib/options.js';

export { handleSummary } from './lib/summary.js';
export { setup, teardown } from './lib/lifecycle.js';
export const options = loadOptions({ model: 'closed', vus: 5 });

const CALLS = intEnv('CALLS', 20);
const DELAY_MS = intEnv('DELAY_MS', 50);

let calls; // this agent's calls and their validators, made once (lib/mcp.js serialises them once)
let validators;

export default function concurrentCalls() {
  if (!calls) {
    calls = Array.from({ length: CALLS }, (_, i) => ({ task: `subtask ${i}`, delay_ms: DELAY_MS, agent_id: `agent-${__VU}` }));
    validators = calls.map(isAgentTaskResult);
  }
  sendAll(
    calls.map((args) => toolCall('agent_task', args)),
    validators,
  );
}
