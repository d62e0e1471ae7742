/** Whether `text` is the JSON-RPC answer to call `id`, an `agent_task` given `task`: the check each load probe makes. */
export function isAgentTaskAnswer(text: string, id: number, task: string): boolean {
  try {
    const answer = JSON.parse(jsonOf(text)) as { id?: unknown; result?: { structuredContent?: { task?: unknown } } };
    return answer.id === id && answer.result?.structuredContent?.task === task;
  } catch {
    return false;
  }
}

/** A JSON answer, or the last `data:` of an SSE-framed one (SDK v2's documented entry frames every 2025-era answer so). */
function jsonOf(text: string): string {
  if (!text.startsWith('event:') && !text.startsWith('data:')) return text;
  const data = text.split('\n').filter((line) => line.startsWith('data:'));
  return (data[data.length - 1] ?? '').slice(5).trim();
}
