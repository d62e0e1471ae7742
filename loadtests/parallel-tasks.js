// Parallel work inside one call: `parallel_agent_tasks` runs 10 tasks that each await 20 ms,
// at most 10 at a time, so a call ideally takes one delay (~20 ms), not ten.
import { isTaskListResult, send, toolCall } from './lib/mcp.js';
import { loadOptions } from './lib/options.js';

export { handleSummary } from './lib/summary.js';
export { setup, teardown } from './lib/lifecycle.js';
export const options = loadOptions({ model: 'closed', vus: 10 });

const tasks = Array.from({ length: 10 }, (_, i) => ({ task: `look up source ${i}`, delay_ms: 20, agent_id: `fan-out-${i}` }));
const valid = isTaskListResult(tasks);
const args = { tasks, max_concurrency: 10 };

export default function parallelTasks() {
  send(toolCall('parallel_agent_tasks', args), valid);
}
