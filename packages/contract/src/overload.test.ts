/**
 * Past MCP_MAX_IN_FLIGHT a server answers 503 with Retry-After at once instead of queueing;
 * the calls it accepted are answered correctly, and it serves normally right after.
 */
import { createFetch } from '@mcp-runtimes/client';
import { SERVERS, type Protocol } from '@mcp-runtimes/registry';
import { describe, expect, it } from 'vitest';
import { serverForSuite } from './harness.js';
import { health, MCP_HEADERS, toolCall, transportOf } from './faults.js';

const LIMIT = 4;
const EXTRA = 8;

describe.each(SERVERS)('$name', (entry) => {
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
        expect(await response.json()).toMatchObject({ jsonrpc: '2.0', error: { code: -32000, message: /MCP_MAX_IN_FLIGHT/ }, id: null });
      }
      const answers = await Promise.all(held);
      for (const [i, response] of answers.entries()) {
        expect(response.status).toBe(200);
        expect(await response.json()).toMatchObject({ id: i, result: { structuredContent: { task: `t${i}` } } });
      }
      const after = await post(200, 0);
      expect(after.status).toBe(200);
      expect(await after.json()).toMatchObject({ id: 200, result: { structuredContent: { task: 't200' } } });
      expect(await health(server)).toMatchObject({ max_in_flight: LIMIT, shed: EXTRA, in_flight: 1 });
    } finally {
      await close();
    }
  });
});
