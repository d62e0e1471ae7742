// A session's lifecycle as clients before stateless MCP do it: initialize, the initialized
// notification, tools/list, then one tools/call: four requests per iteration. In the 2026-07-28
// era (PROTOCOL) there is no handshake: server/discover, tools/list, tools/call. The iteration
// duration is what connecting an agent costs; each step is its own row (tag `op`). With TOOL
// (another server's own tool), tools/call calls it with TOOL_ARGS, and tools/list may list anything.
import { CUSTOM_TOOL, MODERN } from './lib/config.js';
import { PROTOCOL_VERSION, isAgentTaskResult, isToolAnswer, notify, rpc, send, toolCall } from './lib/mcp.js';
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
// Another server's tool may sit on a later page of tools/list: the gate follows its cursors.
const listsTools = CUSTOM_TOOL ? (r) => Array.isArray(r.tools) : (r) => TOOLS.every((name) => r.tools.some((t) => t.name === name));
let call; // this VU's tools/call: the tool, its arguments and their validator

/** The era's opening: server/discover (2026-07-28), or initialize and its notification; false when it failed. */
export function handshake() {
  if (MODERN) return send(rpc('server/discover', NO_PARAMS, 'discover'), discovered) !== null;
  if (!send(rpc('initialize', INITIALIZE, 'initialize', { headers: initializeHeaders }), isInitialized)) return false;
  return notify('notifications/initialized', 'initialized');
}

export default function session() {
  if (!call) {
    if (CUSTOM_TOOL) {
      call = { name: CUSTOM_TOOL.name, args: CUSTOM_TOOL.args, valid: isToolAnswer(CUSTOM_TOOL.expectText) };
    } else {
      const args = { task: 'say hello', agent_id: `agent-${__VU}` };
      call = { name: 'agent_task', args, valid: isAgentTaskResult(args) };
    }
  }
  if (!handshake()) return;
  if (!send(rpc('tools/list', NO_PARAMS, 'tools_list'), listsTools)) return;
  send(toolCall(call.name, call.args, 'tools_call'), call.valid);
}
