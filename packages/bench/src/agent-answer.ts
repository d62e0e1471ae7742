import { lastMessageIn } from '@mcp-runtimes/client';
/** Whether `text` is the JSON-RPC answer to call `id`, an `agent_task` given `task`: the check each load probe makes. */
export function isAgentTaskAnswer(text: string, id: number, task: string): boolean {
  // SDK v2's documented entry frames every 2025-era answer as SSE.
  const answer = lastMessageIn(text) as { id?: unknown; result?: { structuredContent?: { task?: unknown } } } | undefined;
  return answer?.id === id && answer.result?.structuredContent?.task === task;
}

