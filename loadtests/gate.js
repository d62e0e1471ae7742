// The correctness gate: every scenario's requests once, each answer's body checked, before any
// load. Exits non-zero (thresholds) when one check fails; the summary names the check.
import { group } from 'k6';
import agents from './agents.js';
import batch from './batch.js';
import concurrentCalls from './concurrent-calls.js';
import parallelTasks from './parallel-tasks.js';
import resources from './resources.js';
import session from './session.js';
import simpleTool from './simple-tool.js';
import {  } from './lib/mcp.js';
import { loadOptions } from './lib/options.js';

export { handleSummary } from './lib/summary.js';
export { setup, teardown } from './lib/lifecycle.js';
export const options = loadOptions({ model: 'gate' });

export const SCENARIOS = { 'simple-tool': simpleTool, batch, resources, 'parallel-tasks': parallelTasks, 'concurrent-calls': concurrentCalls, agents, session };

export default function gate() {
  for (const [name, run] of Object.entries(SCENARIOS)) group(name, run);
}
