import { describe, expect, it } from 'vitest';
import { runAgentTask } from './agent-task.js';
import { toolActivity } from './activity.js';

const input = { task: 'wait', complexity: 'low', delay_ms: 5_000, payload_bytes: 0, agent_id: 'a' } as const;

describe('toolActivity', () => {
  it('counts a running delay, and a run its signal aborted as cancelled', async () => {
    const before = toolActivity();
    const controller = new AbortController();
    const run = runAgentTask(input, controller.signal);
    expect(toolActivity().running).toBe(before.running + 1);
    controller.abort();
    await expect(run).rejects.toThrow(/abort/i);
    expect(toolActivity()).toEqual({ ...before, cancelled: before.cancelled + 1 });
  });

  it('counts a run that ended by itself as finished, not cancelled', async () => {
    const before = toolActivity();
    await runAgentTask({ ...input, delay_ms: 1 }, new AbortController().signal);
    expect(toolActivity()).toEqual({ ...before, finished: before.finished + 1 });
  });
});
