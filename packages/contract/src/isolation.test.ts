/**
 * No answer reaches the wrong client (the failure behind CVE-2026-25536): many clients at once,
 * every one of them using the same JSON-RPC ids and progress tokens with its own arguments.
 * A server that routed replies by the client's id would mix them up here.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createFetch, modernRequest } from '@mcp-runtimes/client';
import { declaredDifference } from './peer-differences.js';
import { MODERN, startFleet, startPeerFleet, type Target } from './harness.js';

const CLIENTS = 12;
const CALLS_PER_CLIENT = 6;
const HEADERS = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };

interface Answer {
  id?: unknown;
  method?: string;
  params?: { progressToken?: unknown; message?: string };
  result?: { structuredContent?: { task?: string; agent_id?: string } };
}

/**
 * One call: every client sends id 1 (and progress token 1); only the task and agent tell them
 * apart. In the 2026-07-28 pass every other client speaks that era, so both eras are served at
 * once by the same server.
 */
function call(client: number, n: number, withProgress: boolean): { headers: Record<string, string>; body: string } {
  const params = {
    name: 'agent_task',
    // Delays that differ per call make the answers come back out of order.
    arguments: { task: `client ${client} call ${n}`, agent_id: `agent-${client}`, delay_ms: (client * 7 + n * 3) % 11 },
    ...(withProgress ? { _meta: { progressToken: 1 } } : {}),
  };
  const modern = MODERN && client % 2 === 0 ? modernRequest('tools/call', params) : undefined;
  return {
    headers: { ...HEADERS, ...modern?.headers },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: modern?.params ?? params }),
  };
}

function messagesOf(contentType: string | null, text: string): Answer[] {
  if (!contentType?.startsWith('text/event-stream')) return [JSON.parse(text) as Answer];
  return text
    .split('\n')
    .filter((line) => line.startsWith('data: '))
    .map((line) => JSON.parse(line.slice(6)) as Answer);
}

async function runClient(target: Target, client: number): Promise<void> {
  // One connection per client (one HTTP/2 connection carries all its calls at once).
  const { fetch, close } = createFetch(target.url, target.transport);
  try {
    await Promise.all(
      Array.from({ length: CALLS_PER_CLIENT }, async (_, n) => {
        const withProgress = n % 2 === 1;
        const request = call(client, n, withProgress);
        const response = await fetch(target.url, { method: 'POST', headers: request.headers, body: request.body });
        const messages = messagesOf(response.headers.get('content-type'), await response.text());
        const label = `${target.label}: client ${client} call ${n}`;
        expect(response.status, label).toBe(200);
        const answer = messages.at(-1);
        expect(answer, label).toMatchObject({
          id: 1,
          result: { structuredContent: { task: `client ${client} call ${n}`, agent_id: `agent-${client}` } },
        });
        const progress = messages.filter((m) => m.method === 'notifications/progress');
        if (!withProgress) return expect(progress, label).toEqual([]);
        // A peer that declares it sends no progress in JSON-response mode is checked on its answers only.
        if (declaredDifference(target.server.name, 'bad-input: progress notifications over SSE')) return expect(progress, label).toEqual([]);
        // Exactly this call's two progress events (started, finished), naming this client's agent.
        expect(progress.map((p) => p.params?.message), label).toEqual([`agent agent-${client} started`, `agent agent-${client} finished`]);
        expect(messages.length, label).toBe(3);
      }),
    );
  } finally {
    await close();
  }
}

const fleet = await startFleet();
const peers = await startPeerFleet();
afterAll(async () => {
  await fleet.stop();
  await peers?.stop();
});

describe.each([...fleet.targets, ...(peers?.targets ?? [])])('$label', (target) => {
  it('gives each of many concurrent clients with the same ids exactly its own answers and progress', async () => {
    await Promise.all(Array.from({ length: CLIENTS }, (_, client) => runClient(target, client)));
  });
});
