// The agent pattern of the Uvicorn-vs-Hypercorn benchmark: VUS (100) concurrent agents, each
// calling `agent_task` that awaits a simulated LLM/API delay (DELAY_MS, 250 ms) before it
// answers. A server that adds nothing reaches VUS / delay calls per second (400/s); the report
// states how close each server gets.
import { intEnv } from './lib/config.js';
import { isAgentTaskResult, send, toolCall } from './lib/mcp.js';
import { loadOptions } from './lib/options.js';

export { handleSummary } from './lib/summary.js';
export { setup, teardown } from './lib/lifecycle.js';
export const options = loadOptions({ model: 'closed', vus: 100 });

const DELAY_MS = intEnv('DELAY_MS', 250);

let call; // this VU's arguments and their validator, made once (lib/mcp.js serialises them once)

export default function agents() {
  if (!call) {
    const args = { task: 'draft a reply to the customer', delay_ms: DELAY_MS, agent_id: `agent-${__VU}` };
    call = { args, valid: isAgentTaskResult(args) };
  }
  send(toolCall('agent_task', call.args), call.valid);
}
