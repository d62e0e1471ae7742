import { beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../host/config.js';
import { processUsage } from '../host/process-usage.js';
import { createEndpoint } from './endpoint.js';
import { pathOf } from './exchange.js';
import { asksForProgress } from './official-wiring.js';
import { WIRING_NAMES, type WiringName } from './wirings.js';

let wiring: WiringName = 'official';
const endpoint = () => createEndpoint(loadConfig([], { MCP_WIRING: wiring }, { port: 0 }), { runtime: 'test', usage: processUsage });
const MCP_HEADERS = { host: 'localhost', 'content-type': 'application/json', accept: 'application/json, text/event-stream' };

function post(body: unknown, headers: Record<string, string> = MCP_HEADERS, path = '/mcp'): Request {
  return new Request(`http://localhost${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
}

/** A JSON answer, or an SSE-framed one's last message. */
async function jsonOf(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text.startsWith('event:')) return JSON.parse(text);
  return JSON.parse((text.split('\n').filter((line) => line.startsWith('data:')).at(-1) ?? '').slice(5));
}

describe.each(WIRING_NAMES)('endpoint (in-process), %s wiring', (name) => {
  beforeEach(() => {
    wiring = name;
  });

  it('answers a tool call without initialize (stateless)', async () => {
    const response = await endpoint().fetch(
      post({ jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'agent_task', arguments: { task: 't' } } }),
    );
    expect(response.status).toBe(200);
    expect(await jsonOf(response)).toMatchObject({ id: 3, result: { structuredContent: { task: 't', checksum: expect.any(String) } } });
  });

  it('routes /health, unknown paths and methods', async () => {
    const e = endpoint();
    const health = await e.fetch(new Request('http://localhost/health'));
    expect(health.status).toBe(200);
    const body = (await health.json()) as { process: { cpu_seconds: number; rss_bytes: number; peak_rss_bytes: number } };
    expect(body).toMatchObject({ status: 'ok', runtime: 'test', wiring: name, in_flight: 1, shed: 0 });
    expect(body.process.cpu_seconds).toBeGreaterThan(0);
    expect(body.process.peak_rss_bytes).toBeGreaterThanOrEqual(body.process.rss_bytes);
    expect((await e.fetch(new Request('http://localhost/other'))).status).toBe(404);
    const get = await e.fetch(new Request('http://localhost/mcp', { headers: { host: 'localhost' } }));
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
  });

  it('refuses a foreign Origin before the SDK sees the request', async () => {
    const response = await endpoint().fetch(post({ jsonrpc: '2.0', id: 1, method: 'ping' }, { ...MCP_HEADERS, origin: 'http://evil.example.com' }));
    expect(response.status).toBe(403);
  });

  it('drains: waits for in-flight requests, then reports shutting down and asks clients to close', async () => {
    const e = endpoint();
    const slow = e.fetch(
      post({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'agent_task', arguments: { task: 't', delay_ms: 100 } } }),
    );
    await new Promise((r) => setTimeout(r, 20));
    expect(e.inFlight).toBe(1);
    let drained = false;
    const drain = e.drain().then(() => (drained = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(drained).toBe(false);
    const answered = await slow;
    expect(answered.status).toBe(200);
    await answered.text(); // an SSE answer (v2-official) is in flight until its body is read
    await drain;
    const health = await e.fetch(new Request('http://localhost/health'));
    expect(health.status).toBe(503);
    expect(health.headers.get('connection')).toBe('close');
  });

  it('answers concurrent calls that share an id, each with its own result', async () => {
    const e = endpoint();
    const call = (task: string) =>
      e.fetch(post({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'agent_task', arguments: { task, delay_ms: task.length % 4 } } }));
    const tasks = Array.from({ length: 40 }, (_, i) => `task ${'x'.repeat(i % 5)} ${i}`);
    const answers = await Promise.all(tasks.map(async (task) => jsonOf(await call(task))));
    answers.forEach((answer, i) => expect(answer).toMatchObject({ id: 1, result: { structuredContent: { task: tasks[i] } } }));
  });

  it('answers 499 at once when the client goes away mid-call, and keeps serving', async () => {
    const e = endpoint();
    const controller = new AbortController();
    const started = performance.now();
    const pending = e.fetch(
      new Request('http://localhost/mcp', {
        method: 'POST',
        headers: MCP_HEADERS,
        signal: controller.signal,
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'agent_task', arguments: { task: 't', delay_ms: 5_000 } } }),
      }),
    );
    setTimeout(() => controller.abort(), 20);
    const gone = await pending;
    // SDK v2's documented entry answers the 2025 era in SSE at once: the abort then ends that stream.
    if (gone.headers.get('content-type')?.startsWith('text/event-stream')) expect(await gone.text()).not.toContain('"result"');
    else expect(gone.status).toBe(499);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(e.inFlight).toBe(0);
    const next = await e.fetch(post({ jsonrpc: '2.0', id: 1, method: 'ping' }));
    expect(await jsonOf(next)).toEqual({ jsonrpc: '2.0', id: 1, result: {} });
  });

  it('streams SSE only when progress is asked', () => {
    expect(asksForProgress({ method: 'tools/call', params: { _meta: { progressToken: 1 } } })).toBe(true);
    expect(asksForProgress([{ method: 'ping' }, { params: { _meta: { progressToken: 'a' } } }])).toBe(true);
    expect(asksForProgress({ method: 'tools/call', params: {} })).toBe(false);
    expect(asksForProgress(null)).toBe(false);
  });
});

describe('pathOf', () => {
  it('takes the path of an absolute URL, without query', () => {
    expect(pathOf('http://localhost:3000/mcp?x=1')).toBe('/mcp');
    expect(pathOf('https://[::1]:8443/health')).toBe('/health');
    expect(pathOf('http://localhost')).toBe('/');
    expect(pathOf('http://localhost/a/b/')).toBe('/a/b/');
  });
});

describe('endpoint limits and auth (in-process)', () => {
  const slowCall = (id: number) =>
    post({ jsonrpc: '2.0', id, method: 'tools/call', params: { name: 'agent_task', arguments: { task: 't', delay_ms: 200 } } });

  it.each(['official', 'tuned'] as const)('%s: sheds past MCP_MAX_IN_FLIGHT with 503 and Retry-After, at once', async (name) => {
    const e = createEndpoint(loadConfig([], { MCP_WIRING: name, MCP_MAX_IN_FLIGHT: '2' }, { port: 0 }), { runtime: 'test' });
    const held = [e.fetch(slowCall(1)), e.fetch(slowCall(2))];
    const started = performance.now();
    const shed = await e.fetch(slowCall(3));
    expect(performance.now() - started).toBeLessThan(100);
    expect(shed.status).toBe(503);
    expect(shed.headers.get('retry-after')).toBe('1');
    expect(await shed.json()).toMatchObject({ jsonrpc: '2.0', error: { code: -32000, message: /MCP_MAX_IN_FLIGHT/ }, id: null });
    // /health is never shed, and shows it.
    const health = await e.fetch(new Request('http://localhost/health'));
    expect(await health.json()).toMatchObject({ max_in_flight: 2, shed: 1 });
    for (const response of await Promise.all(held)) expect(response.status).toBe(200);
    expect((await e.fetch(slowCall(4))).status).toBe(200);
    expect(e.counts).toEqual({ accepted: 3, answered: 3, shed: 1 });
  });

  it('requires the bearer token on /mcp only, when one is set', async () => {
    const e = createEndpoint(loadConfig([], { MCP_AUTH_TOKEN: 'tok-1' }, { port: 0 }), { runtime: 'test' });
    const call = { jsonrpc: '2.0', id: 1, method: 'ping' };
    const anonymous = await e.fetch(post(call));
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer realm="mcp"');
    const wrong = await e.fetch(post(call, { ...MCP_HEADERS, authorization: 'Bearer tok-2' }));
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toMatch(/error="invalid_token"/);
    expect((await e.fetch(post(call, { ...MCP_HEADERS, authorization: 'Bearer tok-1' }))).status).toBe(200);
    expect((await e.fetch(new Request('http://localhost/health'))).status).toBe(200);
  });
});
