// Resource access: an agent's status (`agent://…/status`, small JSON) and benchmark data at each
// size (`benchmark://small|medium|large/data`: 1 KiB, 64 KiB, 1 MiB), in turn. Each kind is its
// own row in the report (tag `op`), with its own latency and bytes per second.
// With TOOL (another server's own surface), RESOURCE_URI instead, its row tagged `resource`.
import exec from 'k6/execution';
import { CUSTOM_TOOL } from './lib/config.js';
import { isAgentStatus, isResourceAnswer, isResourceText, rpc, send } from './lib/mcp.js';
import { loadOptions } from './lib/options.js';

export { handleSummary } from './lib/summary.js';
export { setup, teardown } from './lib/lifecycle.js';

const SIZES = { small: 1024, medium: 65536, large: 1048576 };
const OUR_READS = [
  { op: 'status', uri: 'agent://agent-7/status', valid: isAgentStatus('agent-7') },
  ...Object.entries(SIZES).map(([size, bytes]) => {
    const uri = `benchmark://${size}/data`;
    return { op: size, uri, valid: isResourceText(uri, 'text/plain', bytes) };
  }),
];
const THEIR_READS = CUSTOM_TOOL && CUSTOM_TOOL.resourceUri ? [{ op: 'resource', uri: CUSTOM_TOOL.resourceUri, valid: isResourceAnswer }] : [];
const READS = (CUSTOM_TOOL ? THEIR_READS : OUR_READS).map((read) => ({ ...read, params: { uri: read.uri } }));

export const options = loadOptions({ model: 'closed', vus: 8, tags: READS.map((r) => r.op) });

export default function resources() {
  if (READS.length === 0) exec.test.abort('resources.js with TOOL reads RESOURCE_URI: give the resource to read');
  // In gate mode there is one iteration: read them all. Otherwise the test's iteration number
  // (shared by every VU) picks the read, so each kind gets a quarter of the calls however few
  // iterations each VU runs at a low rate.
  const reads = __ENV.MODE === 'gate' ? READS : [READS[exec.scenario.iterationInTest % READS.length]];
  for (const read of reads) send(rpc('resources/read', read.params, read.op), read.valid);
}
