import { describe, expect, it } from 'vitest';
import { incomingFromRequest, isTextReply } from './exchange.js';
import { WIRINGS } from './wirings.js';

const META = { 'io.modelcontextprotocol/protocolVersion': '2026-07-28', 'io.modelcontextprotocol/clientCapabilities': {} };

function post(body: unknown, headers: Record<string, string> = {}) {
  return incomingFromRequest(
    new Request('http://127.0.0.1/mcp', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers },
      body: JSON.stringify(body),
    }),
  );
}

async function answer(wiring: 'v2-official' | 'v2-tuned', body: unknown, headers?: Record<string, string>) {
  const reply = await WIRINGS[wiring]({ maxBodyBytes: 65_536 })(post(body, headers));
  const text = isTextReply(reply) ? reply.body : await reply.text();
  const json = text.startsWith('event:') ? (text.split('\n').filter((l) => l.startsWith('data:')).at(-1) ?? '').slice(5) : text;
  return { status: reply.status, type: isTextReply(reply) ? reply.headers['content-type'] : reply.headers.get('content-type'), body: JSON.parse(json) as Record<string, unknown> };
}

const call = (task: string, meta?: object) => ({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'agent_task', arguments: { task }, ...(meta ? { _meta: meta } : {}) } });
const modernHeaders = { 'mcp-protocol-version': '2026-07-28', 'mcp-method': 'tools/call', 'mcp-name': 'agent_task' };

describe.each(['v2-official', 'v2-tuned'] as const)('%s', (wiring) => {
  it('serves the 2025 era and 2026-07-28 on the same handler', async () => {
    const legacy = await answer(wiring, call('old'));
    expect(legacy.body).toMatchObject({ id: 1, result: { structuredContent: { task: 'old' } } });
    // The documented entry frames every 2025-era answer as SSE; the tuned wiring answers JSON.
    expect(legacy.type).toMatch(wiring === 'v2-official' ? /^text\/event-stream/ : /^application\/json/);
    const modern = await answer(wiring, call('new', META), modernHeaders);
    expect(modern.body).toMatchObject({ id: 1, result: { structuredContent: { task: 'new' }, _meta: { 'io.modelcontextprotocol/serverInfo': { name: 'mcp-runtimes' } } } });
  });

  it('refuses a 2026 request whose headers disagree with its body (-32020)', async () => {
    const wrong = await answer(wiring, call('x', META), { ...modernHeaders, 'mcp-name': 'batch_process' });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ error: { code: -32020 } });
  });

  it('answers many concurrent calls with the same id each with its own result', async () => {
    const handle = WIRINGS[wiring]({ maxBodyBytes: 65_536 });
    const tasks = Array.from({ length: 30 }, (_, i) => `t${i}`);
    const replies = await Promise.all(tasks.map((task, i) => handle(i % 2 ? post(call(task, META), modernHeaders) : post(call(task)))));
    const texts = await Promise.all(replies.map((r) => (isTextReply(r) ? r.body : r.text())));
    texts.forEach((text, i) => expect(text).toContain(`"task":"${tasks[i]}"`));
  });
});
