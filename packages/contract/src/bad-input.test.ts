/**
 * The same bad input gets the same clear answer from every server, none crashes or hangs,
 * and every server still answers correctly afterwards.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createFetch, modernRequest } from '@mcp-runtimes/client';
import { answerIn, MODERN, rawRequest, referenceSdkOf, SDK, startFleet, startPeerFleet, TEST_MAX_BODY_BYTES, WIRING, type Target } from './harness.js';
import { expectOursOrDeclared, uncheckedDifferences } from './peer-differences.js';

const MCP_HEADERS = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };

const rpc = (method: string, params?: unknown) => JSON.stringify({ jsonrpc: '2.0', id: 1, method, params });
const toolCall = (name: string, args: unknown) => rpc('tools/call', { name, arguments: args });
/** A batch of two with a progress token: the one answer our servers stream as SSE. */
const PROGRESS_CALL = JSON.stringify({
  jsonrpc: '2.0',
  id: 7,
  method: 'tools/call',
  params: { name: 'batch_process', arguments: { tasks: [{ task: 'a' }, { task: 'b' }] }, _meta: { progressToken: 'p1' } },
});

interface Case {
  name: string;
  request: Parameters<typeof rawRequest>[1] | (() => Parameters<typeof rawRequest>[1]);
  status: number;
  /** What the JSON body must contain. */
  body?: Record<string, unknown>;
  /** A pattern the error message (JSON-RPC error, isError text or endpoint error) must match. */
  message: RegExp;
  /** What SDK v2 answers instead (both eras), where it differs from SDK v1. */
  v2?: Partial<Pick<Case, 'status' | 'body' | 'message'>>;
  /** What SDK v2 answers in the 2026-07-28 pass, where it differs again. */
  modern?: Partial<Pick<Case, 'status' | 'body' | 'message'>>;
  /** A JSON-RPC request: the 2026-07-28 pass sends it in that era (with the _meta claims and Mcp-* headers). */
  rpc?: true;
}

/** The request of a case in this pass's era. */
function requestOf(testCase: Case): Parameters<typeof rawRequest>[1] {
  const request = typeof testCase.request === 'function' ? testCase.request() : testCase.request;
  if (!MODERN || !testCase.rpc || typeof request.body !== 'string') return request;
  const { method, params, ...rest } = JSON.parse(request.body) as { method: string; params?: Record<string, unknown> };
  const modern = modernRequest(method, params);
  return { ...request, headers: { ...request.headers, ...modern.headers }, body: JSON.stringify({ ...rest, method, params: modern.params }) };
}

/** What a case expects from an SDK in an era: this pass's, unless told (a peer on our SDK v2 surface, in the 2025 era). */
function expectedOf(testCase: Case, sdk: 'v1' | 'v2' = SDK, modern = MODERN): Case {
  if (sdk !== 'v2') return testCase;
  return { ...testCase, ...testCase.v2, ...(modern ? testCase.modern : {}) };
}

function streamOf(bytes: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const chunk = new Uint8Array(Math.min(16_384, bytes - sent)).fill(0x20);
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
}

const CASES: Case[] = [
  { name: 'malformed JSON', request: { headers: MCP_HEADERS, body: '{"jsonrpc":' }, status: 400, body: { error: { code: -32700 } }, message: /Parse error/ },
  { name: 'empty body', request: { headers: MCP_HEADERS, body: '' }, status: 400, body: { error: { code: -32700 } }, message: /Parse error/ },
  { name: 'JSON-RPC object of the wrong shape', request: { headers: MCP_HEADERS, body: '{"hello":"world"}' }, status: 400, body: { error: { code: -32700 } }, message: /Invalid JSON-RPC message/, v2: { body: { error: { code: -32600 } }, message: /not a valid JSON-RPC message/ } },
  { name: 'wrong jsonrpc version', request: { headers: MCP_HEADERS, body: '{"jsonrpc":"1.0","id":1,"method":"ping"}' }, status: 400, body: { error: { code: -32700 } }, message: /Invalid JSON-RPC message/, v2: { body: { error: { code: -32600 } }, message: /not a valid JSON-RPC message/ } },
  { name: 'unknown method', request: { headers: MCP_HEADERS, body: rpc('no/such/method') }, status: 200, body: { id: 1, error: { code: -32601 } }, message: /Method not found/, rpc: true, modern: { status: 404 } },
  { name: 'unknown tool', request: { headers: MCP_HEADERS, body: toolCall('no_such_tool', {}) }, status: 200, body: { result: { isError: true } }, message: /Tool no_such_tool not found/, rpc: true, v2: { body: { id: 1, error: { code: -32602 } } } },
  { name: 'invalid argument type', request: { headers: MCP_HEADERS, body: toolCall('agent_task', { task: 42 }) }, status: 200, body: { result: { isError: true } }, message: /Input validation error/, rpc: true },
  { name: 'out-of-bounds argument', request: { headers: MCP_HEADERS, body: toolCall('agent_task', { task: 'x', delay_ms: 1e9 }) }, status: 200, body: { result: { isError: true } }, message: /Input validation error.*delay_ms/s, rpc: true },
  // SDK 1.32.2 answers a params shape error with -32603 (not -32602) and zod's issue list as the message.
  { name: 'arguments not an object', request: { headers: MCP_HEADERS, body: toolCall('agent_task', [1, 2]) }, status: 200, body: { error: { code: -32603 } }, message: /expected record, received array/, rpc: true, v2: { body: { error: { code: -32602 } } } },
  { name: 'unknown resource', request: { headers: MCP_HEADERS, body: rpc('resources/read', { uri: 'benchmark://huge/data' }) }, status: 200, body: { error: { code: -32602 } }, message: /Unknown test_type/, rpc: true },
  { name: 'wrong Content-Type', request: { headers: { ...MCP_HEADERS, 'content-type': 'text/plain' }, body: rpc('ping') }, status: 415, body: { error: { code: -32000 } }, message: /Unsupported Media Type/ },
  { name: 'missing Accept', request: { headers: { 'content-type': 'application/json' }, body: rpc('ping') }, status: 406, body: { error: { code: -32000 } }, message: /Not Acceptable/ },
  { name: 'Accept without text/event-stream', request: { headers: { ...MCP_HEADERS, accept: 'application/json' }, body: rpc('ping') }, status: 406, body: { error: { code: -32000 } }, message: /Not Acceptable/ },
  { name: 'unsupported protocol version', request: { headers: { ...MCP_HEADERS, 'mcp-protocol-version': '1999-01-01' }, body: rpc('ping') }, status: 400, body: { error: { code: -32000 } }, message: /Unsupported protocol version/ },
  { name: 'oversized body (declared length)', request: { headers: MCP_HEADERS, body: `{"pad":"${'x'.repeat(TEST_MAX_BODY_BYTES)}"}` }, status: 413, body: { error: { code: -32000 } }, message: new RegExp(`must not exceed ${TEST_MAX_BODY_BYTES} bytes`) },
  { name: 'oversized body (streamed, no length)', request: () => ({ headers: MCP_HEADERS, body: streamOf(4 * TEST_MAX_BODY_BYTES) }), status: 413, body: { error: { code: -32000 } }, message: new RegExp(`must not exceed ${TEST_MAX_BODY_BYTES} bytes`) },
  { name: 'unknown path', request: { path: '/nope', headers: MCP_HEADERS, body: rpc('ping') }, status: 404, body: { error: 'not_found' }, message: /Not Found: POST \/nope/ },
  { name: 'disallowed Origin', request: { headers: { ...MCP_HEADERS, origin: 'http://evil.example.com' }, body: rpc('ping') }, status: 403, body: { error: { code: -32000 } }, message: /Origin "http:\/\/evil.example.com" is not allowed/ },
  { name: 'GET on the endpoint (no standalone stream when stateless)', request: { method: 'GET', headers: { accept: 'text/event-stream' } }, status: 405, body: { error: { code: -32000 } }, message: /Method Not Allowed: GET/ },
  { name: 'DELETE on the endpoint (no session)', request: { method: 'DELETE', headers: MCP_HEADERS }, status: 405, body: { error: { code: -32000 } }, message: /Method Not Allowed: DELETE/ },
  { name: 'PUT on the endpoint', request: { method: 'PUT', headers: MCP_HEADERS, body: rpc('ping') }, status: 405, body: { error: { code: -32000 } }, message: /Method Not Allowed: PUT/ },
  { name: 'POST on /health', request: { path: '/health', headers: MCP_HEADERS, body: '{}' }, status: 405, body: { error: 'method_not_allowed' }, message: /GET \/health/ },
];

/** A 2026-07-28 request as a client would send it, then `change` to make it wrong in one way. */
function modernCase(method: string, params: Record<string, unknown>, change: (r: { headers: Record<string, string>; body: Record<string, unknown> }) => void) {
  const modern = modernRequest(method, params);
  const request = { headers: { ...MCP_HEADERS, ...modern.headers }, body: { jsonrpc: '2.0', id: 1, method, params: modern.params } };
  change(request);
  return { headers: request.headers, body: JSON.stringify(request.body) };
}

const metaOf = (body: Record<string, unknown>) => (body.params as { _meta: Record<string, unknown> })._meta;

/** What only the 2026-07-28 era can get wrong: its headers disagreeing with the body, its _meta claims, its removed methods. */
const MODERN_CASES: Case[] = [
  { name: 'Mcp-Name header disagrees with the tool', request: modernCase('tools/call', { name: 'agent_task', arguments: { task: 'x' } }, (r) => { r.headers['mcp-name'] = 'batch_process'; }), status: 400, body: { id: 1, error: { code: -32020 } }, message: /headers and body disagree.*Mcp-Name/ },
  { name: 'Mcp-Method header disagrees with the method', request: modernCase('tools/call', { name: 'agent_task', arguments: { task: 'x' } }, (r) => { r.headers['mcp-method'] = 'tools/list'; }), status: 400, body: { id: 1, error: { code: -32020 } }, message: /headers and body disagree.*Mcp-Method/ },
  { name: 'MCP-Protocol-Version header missing', request: modernCase('tools/list', {}, (r) => { delete r.headers['mcp-protocol-version']; }), status: 400, body: { id: 1, error: { code: -32020 } }, message: /MCP-Protocol-Version header is absent/ },
  { name: 'Mcp-Name header missing on tools/call', request: modernCase('tools/call', { name: 'agent_task', arguments: { task: 'x' } }, (r) => { delete r.headers['mcp-name']; }), status: 400, body: { id: 1, error: { code: -32020 } }, message: /Mcp-Name/ },
  { name: '2026 header without the _meta claim', request: modernCase('tools/list', {}, (r) => { delete (r.body.params as Record<string, unknown>)._meta; }), status: 400, body: { id: 1, error: { code: -32602 } }, message: /missing the required per-request envelope/ },
  { name: 'clientCapabilities claim missing', request: modernCase('tools/list', {}, (r) => { delete metaOf(r.body)['io.modelcontextprotocol/clientCapabilities']; }), status: 400, body: { id: 1, error: { code: -32602 } }, message: /clientCapabilities: missing/ },
  { name: 'unsupported 2026-era revision', request: modernCase('tools/list', {}, (r) => { metaOf(r.body)['io.modelcontextprotocol/protocolVersion'] = '2099-01-01'; r.headers['mcp-protocol-version'] = '2099-01-01'; }), status: 400, body: { id: 1, error: { code: -32022 } }, message: /Unsupported protocol version: 2099-01-01/ },
  { name: 'initialize in the 2026 era', request: modernCase('initialize', { protocolVersion: '2026-07-28', capabilities: {}, clientInfo: { name: 'c', version: '1' } }, () => {}), status: 404, body: { id: 1, error: { code: -32601 } }, message: /Method not found/ },
  { name: 'ping in the 2026 era (removed)', request: modernCase('ping', {}, () => {}), status: 404, body: { id: 1, error: { code: -32601 } }, message: /Method not found/ },
  { name: 'a batch of 2026 requests', request: (() => { const one = modernCase('tools/list', {}, () => {}); return { headers: one.headers, body: `[${one.body}]` }; })(), status: 400, body: { error: { code: -32600 } }, message: /batches may not contain requests for protocol revision 2026-07-28/ },
];

if (MODERN) CASES.push(...MODERN_CASES);

function messageOf(json: unknown): string {
  const body = json as { error?: { message?: string }; message?: string; result?: { content?: { text?: string }[] } };
  return body?.error?.message ?? body?.message ?? body?.result?.content?.[0]?.text ?? '';
}

const fleet = await startFleet();
const peers = await startPeerFleet();
afterAll(async () => {
  await fleet.stop();
  await peers?.stop();
});

/** What every answer must be, from anyone: no stack trace, no path of the machine. */
function expectNoLeak(label: string, text: string): void {
  expect(text, `${label} leaks a stack trace or path`).not.toMatch(/\n\s+at |node_modules|\/work\/|site-packages|Traceback/);
}

describe.each(CASES)('$name', (testCase) => {
  it('gets the same clear answer from every server', async () => {
    const answers: { target: string; status: number; json: unknown }[] = [];
    const expected = expectedOf(testCase);
    for (const target of fleet.targets) {
      const request = requestOf(testCase);
      const { status, json, text } = await rawRequest(target, request);
      expect(status, `${target.label}: ${text.slice(0, 300)}`).toBe(expected.status);
      expect(json, `${target.label} answered no JSON: ${text.slice(0, 300)}`).toBeDefined();
      if (expected.body) expect(json, target.label).toMatchObject(expected.body);
      expect(messageOf(json), target.label).toMatch(expected.message);
      expectNoLeak(target.label, text);
      answers.push({ target: target.label, status, json });
    }
    // Identical bodies everywhere (the 404 names the path, also identical).
    for (const answer of answers) expect(answer.json, answer.target).toEqual(answers[0]?.json);
  });

  it.runIf(peers !== null)('gets the same status and message from every peer, or the difference it declares', async () => {
    for (const target of peers?.targets ?? []) {
      const request = typeof testCase.request === 'function' ? testCase.request() : testCase.request;
      const reference = expectedOf(testCase, referenceSdkOf(target.server.name), false);
      // A peer may hold a GET open as an event stream: read 2 s of it, then it counts as held open.
      const { status, json, text } = await rawRequest(target, request, 2000);
      expectNoLeak(target.label, text);
      expectOursOrDeclared(target.server.name, `bad-input: ${testCase.name}`, { status, text, http: target.transport.http ?? '1.1' }, () => {
        expect(status, `${target.label}: ${text.slice(0, 300)}`).toBe(reference.status);
        expect(messageOf(json), target.label).toMatch(reference.message);
      });
    }
  });
});

describe.runIf(peers !== null)('peers after the matrix', () => {
  it('every peer still answers a correct call', async () => {
    for (const target of peers?.targets ?? []) {
      const { status, json } = await rawRequest(target, { headers: MCP_HEADERS, body: toolCall('agent_task', { task: 'still here' }) });
      expect(status, target.label).toBe(200);
      expect(json, target.label).toMatchObject({ result: { structuredContent: { task: 'still here' } } });
      expect(target.server.process.exitCode, target.label).toBeNull();
    }
  });

  it('every peer answers JSON by default, streams progress when asked (or declares it does not), and reports health', async () => {
    for (const target of peers?.targets ?? []) {
      const plain = await rawRequest(target, { headers: MCP_HEADERS, body: toolCall('agent_task', { task: 'x' }) });
      expectOursOrDeclared(target.server.name, 'bad-input: a plain call answered as JSON', { status: plain.status, text: plain.text }, () => {
        expect(plain.headers.get('content-type'), target.label).toMatch(/^application\/json/);
      });
      const streamed = await rawRequest(target, { headers: MCP_HEADERS, body: PROGRESS_CALL });
      expectOursOrDeclared(target.server.name, 'bad-input: progress notifications over SSE', { status: streamed.status, text: streamed.text }, () => {
        expect(streamed.headers.get('content-type'), target.label).toMatch(/^text\/event-stream/);
        const progress = streamed.text.split('\n').filter((line) => line.startsWith('data: ') && line.includes('notifications/progress'));
        expect(progress, target.label).toHaveLength(2);
      });
      const health = await rawRequest(target, { method: 'GET', path: '/health' });
      expect(health.status, target.label).toBe(200);
      expect(health.json, target.label).toMatchObject({ status: 'ok', runtime: target.server.name });
    }
  });

  it('checks every difference the peers declare for bad input', () => {
    expect(uncheckedDifferences('bad-input', peers?.servers.map((s) => s.name) ?? [])).toEqual([]);
  });
});

const PLAIN_CALL_CASE: Case = { name: 'plain call', request: { headers: MCP_HEADERS, body: toolCall('agent_task', { task: 'x' }) }, status: 200, message: /./, rpc: true };

describe('wire behaviour', () => {
  it.each(fleet.targets.map((t) => [t.label, t] as const))('%s answers JSON by default and SSE when progress is asked', async (_label, target: Target) => {
    const plain = await rawRequest(target, requestOf({ ...PLAIN_CALL_CASE }));
    // SDK v2's documented entry answers every 2025-era request in SSE framing (its stateless fallback).
    expect(plain.headers.get('content-type')).toMatch(WIRING === 'v2-official' && !MODERN ? /^text\/event-stream/ : /^application\/json/);
    expect(plain.json).toMatchObject({ id: 1, result: { structuredContent: { task: 'x' } } });

    const streamed = await rawRequest(target, requestOf({ ...PLAIN_CALL_CASE, request: { headers: MCP_HEADERS, body: PROGRESS_CALL } }));
    expect(streamed.status).toBe(200);
    expect(streamed.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = streamed.text
      .split('\n')
      .filter((line) => line.startsWith('data: '))
      .map((line) => JSON.parse(line.slice(6)) as { method?: string; id?: number; params?: { progress?: number } });
    expect(events.filter((e) => e.method === 'notifications/progress').map((e) => e.params?.progress)).toEqual([1, 2]);
    expect(events.at(-1)).toMatchObject({ id: 7, result: { structuredContent: { count: 2 } } });
  });

  it.each(fleet.targets.map((t) => [t.label, t] as const))('%s reports health', async (_label, target: Target) => {
    const { status, json } = await rawRequest(target, { method: 'GET', path: '/health' });
    expect(status).toBe(200);
    expect(json).toMatchObject({ status: 'ok', runtime: target.server.name, wiring: WIRING });
  });

  // HTTP/2 only: a stream reset keeps the connection. Over HTTP/1.1 a server may drain or close
  // after an early 413 (RFC 9112 §9.6), so there the matrix's last test is the guarantee.
  const h2Targets = fleet.targets.filter((t) => t.transport.http === '2');
  it.each(h2Targets.map((t) => [t.label, t] as const))('%s serves the next request on the same connection after a 413 mid-upload', async (_label, target: Target) => {
    const { fetch, close, connectionsOpened } = createFetch(target.url, target.transport);
    try {
      const tooLarge = await fetch(target.url, { method: 'POST', headers: MCP_HEADERS, body: streamOf(4 * TEST_MAX_BODY_BYTES), duplex: 'half' } as RequestInit);
      expect(tooLarge.status).toBe(413);
      await tooLarge.text();
      const nextRequest = requestOf({ ...PLAIN_CALL_CASE, request: { headers: MCP_HEADERS, body: toolCall('agent_task', { task: 'next' }) } });
      const next = await fetch(target.url, { method: 'POST', headers: nextRequest.headers, body: nextRequest.body as string });
      expect(next.status).toBe(200);
      expect(answerIn(await next.text())).toMatchObject({ result: { structuredContent: { task: 'next' } } });
      expect(connectionsOpened()).toBe(1);
    } finally {
      await close();
    }
  });

  it('every server still answers a correct call after the whole matrix', async () => {
    for (const target of fleet.targets) {
      const { status, json } = await rawRequest(target, requestOf({ ...PLAIN_CALL_CASE, request: { headers: MCP_HEADERS, body: toolCall('agent_task', { task: 'still here' }) } }));
      expect(status, target.label).toBe(200);
      expect(json, target.label).toMatchObject({ result: { structuredContent: { task: 'still here' } } });
      expect(target.server.process.exitCode, target.label).toBeNull();
    }
  });
});
