// A session's lifecycle as clients before stateless MCP do it: initialize, the initialized
// notification, tools/list, then one tools/call: four requests per iteration. The iteration
// duration is what connecting an agent costs; each step is its own row (tag `op`).
import { PROTOCOL_VERSION, isAgentTaskResult, notify, rpc, send, toolCall } from './lib/mcp.js';
import { loadOptions } from './lib/options.js';

export { handleSummary } from './lib/summary.js';
export { setup, teardown } from './lib/lifecycle.js';
export const options = loadOptions({ model: 'closed', vus: 10, tags: ['initialize', 'initialized', 'tools_list', 'tools_call'] });

const TOOLS = ['agent_task', 'batch_process', 'parallel_agent_tasks'];
const initializeHeaders = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };

export default function session() {
  const init = send(
    rpc(
      'initialize',
      { protocolVersion: PROTOCOL_VERSION, capabilities: {}, clientInfo: { name: 'mcp-runtimes-k6', version: '1.0.0' } },
      'initialize',
      { headers: initializeHeaders },
    ),
    (r) => r.protocolVersion === PROTOCOL_VERSION && r.capabilities.tools !== undefined && typeof r.serverInfo.name === 'string',
  );
  if (!init) return;
  if (!notify('notifications/initialized', 'initialized')) return;
  const listed = send(rpc('tools/list', {}, 'tools_list'), (r) => TOOLS.every((name) => r.tools.some((t) => t.name === name)));
  if (!listed) return;
  const args = { task: 'say hello', agent_id: `agent-${__VU}` };
  send(toolCall('agent_task', args, 'tools_call'), isAgentTaskResult(args));
}
