import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { trackToolRun } from './activity.js';
import { AGENT_ID_PATTERN, COMPLEXITY_ROUNDS, LIMITS, type Complexity } from './limits.js';
import { deterministicText, simulateWork } from './work.js';

const complexities = Object.keys(COMPLEXITY_ROUNDS) as [Complexity, ...Complexity[]];

export const agentIdSchema = z
  .string()
  .min(1)
  .max(LIMITS.agentIdChars)
  .regex(AGENT_ID_PATTERN, 'agent_id may contain only letters, digits, "_" and "-"');

/** Input fields of one agent task; the bounds differ between a single call and a batch item. */
function taskFields(maxDelayMs: number, maxPayloadBytes: number) {
  return {
    task: z.string().min(1).max(LIMITS.taskChars).describe('What the agent should do'),
    complexity: z.enum(complexities).default('low').describe('Deterministic CPU work: low, medium or high'),
    delay_ms: z
      .number()
      .int()
      .min(0)
      .max(maxDelayMs)
      .default(0)
      .describe('Awaited delay simulating an LLM or API call'),
    payload_bytes: z
      .number()
      .int()
      .min(0)
      .max(maxPayloadBytes)
      .default(0)
      .describe('Size in bytes of a deterministic text payload returned with the result'),
    agent_id: agentIdSchema.default('agent-0').describe('The agent doing the work'),
  };
}

export const agentTaskInputShape = taskFields(LIMITS.agentTaskDelayMs, LIMITS.agentTaskPayloadBytes);
export const taskItemShape = taskFields(LIMITS.itemDelayMs, LIMITS.itemPayloadBytes);
export const taskItemSchema = z.object(taskItemShape);

export type AgentTaskInput = z.output<z.ZodObject<typeof agentTaskInputShape>>;

export const taskResultShape = {
  agent_id: z.string(),
  task: z.string(),
  complexity: z.enum(complexities),
  rounds: z.number().int(),
  checksum: z.string(),
  delay_ms: z.number().int(),
  payload_bytes: z.number().int(),
};

export type TaskResult = z.output<z.ZodObject<typeof taskResultShape>>;

export interface TaskOutcome {
  result: TaskResult;
  payload: string;
}

/** The tool's work without MCP around it: what the "direct call" layer of the benchmark measures. */
export async function runAgentTask(input: AgentTaskInput, signal?: AbortSignal): Promise<TaskOutcome> {
  const { rounds, checksum } = simulateWork(input.task, input.complexity);
  if (input.delay_ms > 0) {
    await trackToolRun(signal, () => sleep(input.delay_ms, undefined, signal ? { signal } : undefined));
  }
  const result: TaskResult = {
    agent_id: input.agent_id,
    task: input.task,
    complexity: input.complexity,
    rounds,
    checksum,
    delay_ms: input.delay_ms,
    payload_bytes: input.payload_bytes,
  };
  return { result, payload: deterministicText(input.payload_bytes, checksum) };
}

export function describeResult(result: TaskResult): string {
  return (
    `Agent ${result.agent_id} completed "${result.task}" ` +
    `(complexity ${result.complexity}, ${result.rounds} rounds, checksum ${result.checksum})`
  );
}
