/** Whether `text` is the JSON-RPC answer to call `id`, an `agent_task` given `task`: the check each load probe makes. */
export function isAgentTaskAnswer(text: string, id: number, task: string): boolean {
  try {
    const answer = JSON.parse(text) as { id?: unknown; result?: { structuredContent?: { task?: unknown } } };
    return answer.id === id && answer.result?.structuredContent?.task === task;
  } catch {
    return false;
  }
}
