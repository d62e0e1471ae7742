// The correctness gate: every scenario's requests once, each answer's body checked, before any
// load. Exits non-zero (thresholds) when one check fails; the summary names the check.
// With TOOL (another server's own tool), what that server declared instead: the handshake, the
// tool in tools/list, one call of it (EXPECT_TEXT in its answer, where given), RESOURCE_URI read.
import { check, group } from 'k6';
import agents from './agents.js';
import batch from './batch.js';
import concurrentCalls from './concurrent-calls.js';
import parallelTasks from './parallel-tasks.js';
import resources from './resources.js';
import session, { handshake } from './session.js';
import simpleTool from './simple-tool.js';
import { CUSTOM_TOOL } from './lib/config.js';
import { holdsText, isResourceAnswer, isToolAnswer, rpc, send, toolCall } from './lib/mcp.js';
import { loadOptions } from './lib/options.js';

export { handleSummary } from './lib/summary.js';
export { setup, teardown } from './lib/lifecycle.js';
export const options = loadOptions({ model: 'gate' });

export const SCENARIOS = { 'simple-tool': simpleTool, batch, resources, 'parallel-tasks': parallelTasks, 'concurrent-calls': concurrentCalls, agents, session };

/** tools/list's page size is the server's: a long list ends after this many pages at most. */
const MAX_PAGES = 50;

/** Every tool name tools/list gives, following its cursors; what it gave until a page failed. */
function listedTools() {
  const names = [];
  let cursor;
  for (let page = 0; page < MAX_PAGES; page++) {
    const params = cursor === undefined ? {} : { cursor };
    const result = send(rpc('tools/list', params, 'tools_list'), (r) => Array.isArray(r.tools));
    if (!result) break;
    names.push(...result.tools.map((t) => t.name));
    if (typeof result.nextCursor !== 'string' || result.nextCursor === '') break;
    cursor = result.nextCursor;
  }
  return names;
}

function customToolGate() {
  const { name, args, expectText, resourceUri } = CUSTOM_TOOL;
  if (!handshake()) return;
  const listed = listedTools();
  check(listed, { [`tools/list lists the tool "${name}"`]: (names) => names.includes(name) });
  const answer = send(toolCall(name, args), isToolAnswer(''));
  if (expectText !== '') check(answer, { [`${name}'s answer holds the text "${expectText}"`]: (result) => result !== null && holdsText(result, expectText) });
  if (resourceUri !== '') send(rpc('resources/read', { uri: resourceUri }, 'resource'), isResourceAnswer);
}

export default function gate() {
  if (CUSTOM_TOOL) {
    group(`${CUSTOM_TOOL.name} (TOOL)`, customToolGate);
    return;
  }
  for (const [name, run] of Object.entries(SCENARIOS)) group(name, run);
}
