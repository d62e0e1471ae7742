import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
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
import { progressReporter, type ReportProgress, type ToolExtra } from './progress.js';
import { combineChecksums } from './work.js';

/** Milliseconds since `start`, rounded to microseconds: the only non-deterministic output field. */
function elapsedSince(start: number): number {
  return Math.round((performance.now() - start) * 1000) / 1000;
}

// Type aliases, not interfaces: the SDK's result type has an index signature.
export type TextBlock = { type: 'text'; text: string };

/** What every tool answers: text blocks and the structured result its outputSchema describes. */
export type ToolAnswer = { content: TextBlock[]; structuredContent: Record<string, unknown> };

/** What a tool runs under, whatever framework calls it. */
export interface ToolContext {
  signal: AbortSignal;
  report: ReportProgress;
}

/**
 * One tool, independent of the framework that serves it: our servers register it on the SDK's
 * McpServer, a peer (fastmcp) through its own API; both call `run`, so the answers are the same.
 */
export interface ToolDefinition<Input extends z.ZodRawShape = z.ZodRawShape> {
  name: string;
  title: string;
  description: string;
  inputShape: Input;
  outputShape: z.ZodRawShape;
  run(input: z.output<z.ZodObject<Input>>, context: ToolContext): Promise<ToolAnswer>;
}

function payloadBlocks(outcomes: readonly TaskOutcome[]): TextBlock[] {
  return outcomes.filter((o) => o.payload.length > 0).map((o) => ({ type: 'text' as const, text: o.payload }));
}

const batchOutputShape = {
  count: z.number().int(),
  checksum: z.string(),
  results: z.array(z.object(taskResultShape)),
  elapsed_ms: z.number(),
};

export const agentTaskTool: ToolDefinition<typeof agentTaskInputShape> = {
  name: 'agent_task',
  title: 'Agent task',
  description:
    'Simulated agent work: deterministic CPU work set by complexity, an optional awaited delay ' +
    '(an LLM or API call) and an optional payload. Returns a checksum of the work done.',
  inputShape: agentTaskInputShape,
  outputShape: { ...taskResultShape, elapsed_ms: z.number() },
  async run(input, { signal, report }) {
    const start = performance.now();
    await report(0, 1, `agent ${input.agent_id} started`);
    const outcome = await runAgentTask(input, signal);
    await report(1, 1, `agent ${input.agent_id} finished`);
    return {
      content: [{ type: 'text', text: describeResult(outcome.result) }, ...payloadBlocks([outcome])],
      structuredContent: { ...outcome.result, elapsed_ms: elapsedSince(start) },
    };
  },
};

const batchInputShape = {
  tasks: z.array(taskItemSchema).min(1).max(LIMITS.batchTasks).describe('The tasks, processed in order'),
};

export const batchProcessTool: ToolDefinition<typeof batchInputShape> = {
  name: 'batch_process',
  title: 'Batch process',
  description:
    'Several heterogeneous agent tasks processed one after another inside a single call ' +
    '(a batch inside a tool call, not JSON-RPC batching). Reports progress per task.',
  inputShape: batchInputShape,
  outputShape: batchOutputShape,
  async run({ tasks }, { signal, report }) {
    const start = performance.now();
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
};

const parallelInputShape = {
  tasks: z.array(taskItemSchema).min(1).max(LIMITS.parallelTasks).describe('The tasks, run concurrently'),
  max_concurrency: z
    .number()
    .int()
    .min(1)
    .max(LIMITS.parallelConcurrency)
    .default(10)
    .describe('How many tasks may run at the same time'),
};

export const parallelAgentTasksTool: ToolDefinition<typeof parallelInputShape> = {
  name: 'parallel_agent_tasks',
  title: 'Parallel agent tasks',
  description:
    'N agent tasks run concurrently inside one call, at most max_concurrency at a time, ' +
    'with a summary. Reports progress as tasks complete.',
  inputShape: parallelInputShape,
  outputShape: { ...batchOutputShape, max_concurrency: z.number().int() },
  async run({ tasks, max_concurrency }, { signal, report }) {
    const start = performance.now();
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
  const config = (tool: ToolDefinition) => ({ title: tool.title, description: tool.description, outputSchema: tool.outputShape });
  const context = (extra: ToolExtra): ToolContext => ({
    signal: toolSignal(extra.signal, clientSignal),
    report: progressReporter(extra),
  });
  // One call per tool: the SDK infers each callback's input from that tool's own shape.
  server.registerTool(agentTaskTool.name, { ...config(agentTaskTool), inputSchema: agentTaskTool.inputShape }, (input, extra) =>
    agentTaskTool.run(input, context(extra)),
  );
  server.registerTool(batchProcessTool.name, { ...config(batchProcessTool), inputSchema: batchProcessTool.inputShape }, (input, extra) =>
    batchProcessTool.run(input, context(extra)),
  );
  server.registerTool(
    parallelAgentTasksTool.name,
    { ...config(parallelAgentTasksTool), inputSchema: parallelAgentTasksTool.inputShape },
    (input, extra) => parallelAgentTasksTool.run(input, context(extra)),
  );
}

/** A tool's input and output as zod objects, for a framework that takes schemas, not shapes. */
export function toolSchemas<Input extends z.ZodRawShape>(tool: ToolDefinition<Input>) {
  return { input: z.object(tool.inputShape), output: z.object(tool.outputShape) };
}

/** The three tools, in the order every server lists them. */
export const TOOLS = [agentTaskTool, batchProcessTool, parallelAgentTasksTool] as const;
