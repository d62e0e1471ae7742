/**
 * Property-based fuzzing of the HTTP endpoint: whatever arrives, a server answers with a
 * declared status, never a 5xx, never a stack trace or a path, and answers a correct call
 * afterwards. FUZZ_RUNS cases per server and listener kind (2,000 by default).
 */
import { createFetch, type BoundFetch } from '@mcp-runtimes/client';
import type { Protocol } from '@mcp-runtimes/registry';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerIn, CONTRACT_SERVERS, MODERN, serverForSuite } from './harness.js';
import { leaksInternals, MCP_HEADERS, toolCall, transportOf } from './faults.js';
import { fuzzRequest, type FuzzRequest, type HeaderNames } from './fuzz-cases.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
/**
 * uWebSockets.js (this build) drops a request whose header names hold any token character but
 * letters, digits and "-" (e.g. "x_y", "a.b"): no answer, the connection closed at its 10 s
 * timeout. Not fixable from JS; its fuzzing keeps to such names and the last test pins the
 * behaviour, so an upgrade that answers 400 shows up.
 */
const HEADER_NAMES: Record<string, HeaderNames> = { uws: 'alphanumeric' };
/** Every status the endpoint declares (README "Errors"); 503 only under overload, 408 only for slow clients. */
const DECLARED = new Set([200, 202, 400, 401, 403, 404, 405, 406, 413, 415]);

async function send(client: BoundFetch, base: string, request: FuzzRequest) {
  const url = new URL(base);
  url.pathname = request.path;
  const response = await client.fetch(url, { method: request.method, headers: request.headers, body: request.body, signal: AbortSignal.timeout(5000) });
  return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() };
}

describe.each(CONTRACT_SERVERS)('$name', (entry) => {
  const running = serverForSuite(entry.name);

  // HTTP/1.1 and HTTP/2 parse differently; the TLS listener is fuzzed over h2, h2c over HTTP/1.1-less h2 too.
  const protocols = [...new Set([entry.loadListener, entry.saturationListener])] as Protocol[];

  it.each(protocols)(`survives ${RUNS} random requests over %s`, async (protocol) => {
    const server = running();
    const base = server.urls[protocol] as string;
    const client = createFetch(base, { ...transportOf(protocol), connections: 1 });
    try {
      await fc.assert(
        fc.asyncProperty(fuzzRequest(new URL(base).pathname, HEADER_NAMES[entry.name], MODERN), async (request) => {
          let answer: Awaited<ReturnType<typeof send>>;
          try {
            answer = await send(client, base, request);
          } catch (error) {
            // Only the client may refuse to send (an invalid header value for fetch); the server must answer.
            if (error instanceof TypeError && !/fetch failed|other side closed|stream closed/i.test(String(error.message))) return;
            // A timeout is a server that never answered: a failure, with the request that caused it.
            throw new Error(`no answer to ${JSON.stringify(request)}: ${(error as Error).message}\n${server.output().slice(-2000)}`);
          }
          expect(DECLARED.has(answer.status), `status ${answer.status} for ${JSON.stringify(request)}: ${answer.text.slice(0, 300)}`).toBe(true);
          expect(leaksInternals(answer.text), answer.text.slice(0, 500)).toBe(false);
          if (answer.type.startsWith('application/json') && answer.text !== '') expect(() => JSON.parse(answer.text)).not.toThrow();
        }),
        { numRuns: RUNS, seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined },
      );
      const after = await client.fetch(base, { method: 'POST', headers: MCP_HEADERS, body: toolCall(1, { task: 'still here' }) });
      expect(after.status).toBe(200);
      expect(answerIn(await after.text())).toMatchObject({ id: 1, result: { structuredContent: { task: 'still here' } } });
      expect(server.process.exitCode).toBeNull();
    } finally {
      await client.close();
    }
  }, 300_000);
});

describe('uws known deviation', () => {
  const running = serverForSuite('uws');
  it('drops a request with an "_" in a header name without answering (uWebSockets.js parser)', async () => {
    const server = running();
    const client = createFetch(server.url, { http: '1.1' });
    try {
      const health = new URL(server.url);
      health.pathname = '/health';
      await expect(client.fetch(health, { headers: { x_y: '1' }, signal: AbortSignal.timeout(1000) })).rejects.toThrow();
      expect((await client.fetch(health)).status).toBe(200);
    } finally {
      await client.close();
    }
  });
});
