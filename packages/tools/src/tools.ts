import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import {
  agentTaskInputShape,
  describeResult,
  runAgentTask,
  taskItemSchema,
  taskResultShape,
  type TaskOutcome,
} from './agent-task.js';
import { mapWithConcurrency } from './concurrency.js';
import { LIMITS } from './limits.js';
import { progressReporter } from './progress.js';
import { combineChecksums } from './work.js';

/** Milliseconds since `start`, rounded to microseconds: the only non-deterministic output field. */
function elapsedSince(start: number): number {
  return Math.round((performance.now() - start) * 1000) / 1000;
}

function payloadBlocks(outcomes: readonly TaskOutcome[]): CallToolResult['content'] {
  return outcomes.filter((o) => o.payload.length > 0).map((o) => ({ type: 'text' as const, text: o.payload }));
}

const batchOutputShape = {
  count: z.number().int(),
  checksum: z.string(),
  results: z.array(z.object(taskResultShape)),
  elapsed_ms: z.number(),
};

/**
 * The signal a tool runs under: the SDK's for this request, joined with the client's when the
 * server serves that one request (see McpSurfaceOptions.clientSignal). Joined by hand: here
 * both sources hold the joined signal strongly, so it lives as long as they do (AbortSignal.any's
 * sources hold it only weakly).
 */
function toolSignal(sdk: AbortSignal, client: AbortSignal | undefined): AbortSignal {
  if (!client) return sdk;
  const joined = new AbortController();
  const abort = () => joined.abort();
  if (sdk.aborted || client.aborted) abort();
  else {
    sdk.addEventListener('abort', abort, { once: true });
    client.addEventListener('abort', abort, { once: true });
  }
  return joined.signal;
}

export function registerTools(server: McpServer, clientSignal?: AbortSignal): void {
  server.registerTool(
    'agent_task',
    {
      title: 'Agent task',
      description:
        'Simulated agent work: deterministic CPU work set by complexity, an optional awaited delay ' +
        '(an LLM or API call) and an optional payload. Returns a checksum of the work done.',
      inputSchema: agentTaskInputShape,
      outputSchema: { ...taskResultShape, elapsed_ms: z.number() },
    },
    async (input, extra) => {
      const start = performance.now();
      const report = progressReporter(extra);
      await report(0, 1, `agent ${input.agent_id} started`);
      const outcome = await runAgentTask(input, toolSignal(extra.signal, clientSignal));
      await report(1, 1, `agent ${input.agent_id} finished`);
      return {
        content: [{ type: 'text', text: describeResult(outcome.result) }, ...payloadBlocks([outcome])],
        structuredContent: { ...outcome.result, elapsed_ms: elapsedSince(start) },
      };
    },
  );

  server.registerTool(
    'batch_process',
    {
      title: 'Batch process',
      description:
        'Several heterogeneous agent tasks processed one after another inside a single call ' +
        '(a batch inside a tool call, not JSON-RPC batching). Reports progress per task.',
      inputSchema: {
        tasks: z.array(taskItemSchema).min(1).max(LIMITS.batchTasks).describe('The tasks, processed in order'),
      },
      outputSchema: batchOutputShape,
    },
    async ({ tasks }, extra) => {
      const signal = toolSignal(extra.signal, clientSignal);
      const start = performance.now();
      const report = progressReporter(extra);
      const outcomes: TaskOutcome[] = [];
      for (const task of tasks) {
        outcomes.push(await runAgentTask(task, signal));
        await report(outcomes.length, tasks.length, `task ${outcomes.length} of ${tasks.length} done`);
      }
      const results = outcomes.map((o) => o.result);
      const checksum = combineChecksums(results.map((r) => r.checksum));
      return {
        content: [
          { type: 'text', text: `Processed ${results.length} tasks in order, combined checksum ${checksum}` },
          ...payloadBlocks(outcomes),
        ],
        structuredContent: { count: results.length, checksum, results, elapsed_ms: elapsedSince(start) },
      };
    },
  );

  server.registerTool(
    'parallel_agent_tasks',
    {
      title: 'Parallel agent tasks',
      description:
        'N agent tasks run concurrently inside one call, at most max_concurrency at a time, ' +
        'with a summary. Reports progress as tasks complete.',
      inputSchema: {
        tasks: z.array(taskItemSchema).min(1).max(LIMITS.parallelTasks).describe('The tasks, run concurrently'),
        max_concurrency: z
          .number()
          .int()
          .min(1)
          .max(LIMITS.parallelConcurrency)
          .default(10)
          .describe('How many tasks may run at the same time'),
      },
      outputSchema: { ...batchOutputShape, max_concurrency: z.number().int() },
    },
    async ({ tasks, max_concurrency }, extra) => {
      const signal = toolSignal(extra.signal, clientSignal);
      const start = performance.now();
      const report = progressReporter(extra);
      let done = 0;
      const outcomes = await mapWithConcurrency(tasks, max_concurrency, async (task) => {
        const outcome = await runAgentTask(task, signal);
        done++;
        await report(done, tasks.length, `${done} of ${tasks.length} tasks done`);
        return outcome;
      });
      const results = outcomes.map((o) => o.result);
      const checksum = combineChecksums(results.map((r) => r.checksum));
      return {
        content: [
          {
            type: 'text',
            text: `Ran ${results.length} tasks with at most ${max_concurrency} at once, combined checksum ${checksum}`,
          },
          ...payloadBlocks(outcomes),
        ],
        structuredContent: {
          count: results.length,
          max_concurrency,
          checksum,
          results,
          elapsed_ms: elapsedSince(start),
        },
      };
    },
  );
}
