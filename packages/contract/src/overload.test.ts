/**
 * Past MCP_MAX_IN_FLIGHT a server answers 503 with Retry-After at once instead of queueing;
 * the calls it accepted are answered correctly, and it serves normally right after. Both when
 * the calls wait (slow tools) and when they keep the event loop busy (CPU-bound tools), where a
 * server that never lets the loop turn would leave the backlog unseen in kernel buffers.
 */
import { createFetch } from '@mcp-runtimes/client';
import type { Protocol } from '@mcp-runtimes/registry';
import { describe, expect, it } from 'vitest';
import { answerIn, CONTRACT_SERVERS, serverForSuite } from './harness.js';
import { cpuBoundCall, health, MCP_HEADERS, openConnections, toolCall, transportOf } from './faults.js';

const LIMIT = 4;
const EXTRA = 8;

describe.each(CONTRACT_SERVERS)('$name', (entry) => {
  const running = serverForSuite(entry.name, { MCP_MAX_IN_FLIGHT: String(LIMIT) });

  it('sheds past the limit with 503 + Retry-After, answers what it accepted, then recovers', async () => {
    const server = running();
    const protocol = entry.loadListener;
    const url = server.urls[protocol] as string;
    const { fetch, close } = createFetch(url, { ...transportOf(protocol as Protocol), connections: LIMIT + EXTRA });
    const post = (id: number, delay: number) =>
      fetch(url, { method: 'POST', headers: MCP_HEADERS, body: toolCall(id, { task: `t${id}`, delay_ms: delay }) });
    try {
      const held = Array.from({ length: LIMIT }, (_, i) => post(i, 800));
      await new Promise((resolve) => setTimeout(resolve, 200)); // all four are inside the tool now
      const started = performance.now();
      const extra = await Promise.all(Array.from({ length: EXTRA }, (_, i) => post(100 + i, 0)));
      expect(performance.now() - started, 'shed at once, not queued').toBeLessThan(400);
      for (const response of extra) {
        expect(response.status).toBe(503);
        expect(response.headers.get('retry-after')).toBe('1');
        expect(answerIn(await response.text())).toMatchObject({ jsonrpc: '2.0', error: { code: -32000, message: /MCP_MAX_IN_FLIGHT/ }, id: null });
      }
      const answers = await Promise.all(held);
      for (const [i, response] of answers.entries()) {
        expect(response.status).toBe(200);
        expect(answerIn(await response.text())).toMatchObject({ id: i, result: { structuredContent: { task: `t${i}` } } });
      }
      const after = await post(200, 0);
      expect(after.status).toBe(200);
      expect(answerIn(await after.text())).toMatchObject({ id: 200, result: { structuredContent: { task: 't200' } } });
      expect(await health(server)).toMatchObject({ max_in_flight: LIMIT, shed: EXTRA, in_flight: 1 });
    } finally {
      await close();
    }
  });

  it('sheds past the limit when the calls are CPU-bound, and answers every call it accepted', async () => {
    const server = running();
    const protocol = entry.loadListener;
    const url = server.urls[protocol] as string;
    const calls = LIMIT + EXTRA;
    const { fetch, close } = createFetch(url, { ...transportOf(protocol as Protocol), connections: calls });
    const post = (id: number, body: string) => fetch(url, { method: 'POST', headers: MCP_HEADERS, body });
    try {
      await openConnections(fetch, url, calls);
      const shedBefore = (await health(server)).shed;
      const answers = await Promise.all(Array.from({ length: calls }, (_, i) => post(300 + i, cpuBoundCall(300 + i))));
      let shed = 0;
      for (const [i, response] of answers.entries()) {
        if (response.status === 503) {
          shed++;
          expect(response.headers.get('retry-after')).toBe('1');
          await response.text();
        } else {
          expect(response.status).toBe(200);
          expect(answerIn(await response.text())).toMatchObject({ id: 300 + i, result: { structuredContent: { count: expect.any(Number) } } });
        }
      }
      expect(shed, 'CPU-bound calls past the limit are shed').toBeGreaterThan(0);
      expect((await health(server)).shed - shedBefore).toBe(shed);
      const after = await post(400, toolCall(400, { task: 't400' }));
      expect(after.status).toBe(200);
      expect(answerIn(await after.text())).toMatchObject({ id: 400, result: { structuredContent: { task: 't400' } } });
      expect(await health(server)).toMatchObject({ in_flight: 1 });
    } finally {
      await close();
    }
  });
});
