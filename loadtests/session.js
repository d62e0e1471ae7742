// A session's lifecycle as clients before stateless MCP do it: initialize, the initialized
// notification, tools/list, then one tools/call: four requests per iteration. In the 2026-07-28
// era (PROTOCOL) there is no handshake: server/discover, tools/list, tools/call. The iteration
// duration is what connecting an agent costs; each step is its own row (tag `op`).
import { MODERN } from './lib/config.js';
import { PROTOCOL_VERSION, isAgentTaskResult, notify, rpc, send, toolCall } from './lib/mcp.js';
import { loadOptions } from './lib/options.js';

export { handleSummary } from './lib/summary.js';
export { setup, teardown } from './lib/lifecycle.js';
export const options = loadOptions({
  model: 'closed',
  vus: 10,
  tags: MODERN ? ['discover', 'tools_list', 'tools_call'] : ['initialize', 'initialized', 'tools_list', 'tools_call'],
});

const TOOLS = ['agent_task', 'batch_process', 'parallel_agent_tasks'];
const initializeHeaders = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
// Params objects made once, so each request shape is serialised once (lib/mcp.js).
const INITIALIZE = { protocolVersion: PROTOCOL_VERSION, capabilities: {}, clientInfo: { name: 'mcp-runtimes-k6', version: '1.0.0' } };
const NO_PARAMS = {};
const isInitialized = (r) => r.protocolVersion === PROTOCOL_VERSION && r.capabilities.tools !== undefined && typeof r.serverInfo.name === 'string';
const discovered = (r) => r.supportedVersions.includes('2026-07-28') && r.capabilities.tools !== undefined;
const listsTools = (r) => TOOLS.every((name) => r.tools.some((t) => t.name === name));
let call; // this VU's tools/call: its arguments and their validator

export default function session() {
  if (!call) {
    const args = { task: 'say hello', agent_id: `agent-${__VU}` };
    call = { args, valid: isAgentTaskResult(args) };
  }
  if (MODERN) {
    if (!send(rpc('server/discover', NO_PARAMS, 'discover'), discovered)) return;
  } else {
    if (!send(rpc('initialize', INITIALIZE, 'initialize', { headers: initializeHeaders }), isInitialized)) return;
    if (!notify('notifications/initialized', 'initialized')) return;
  }
  if (!send(rpc('tools/list', NO_PARAMS, 'tools_list'), listsTools)) return;
  send(toolCall('agent_task', call.args, 'tools_call'), call.valid);
}
