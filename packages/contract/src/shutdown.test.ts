/**
 * SIGTERM while a request is in flight: that request gets its complete answer, new
 * connections are refused, and the process exits 0. On every server and listener.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { readFileSync } from 'node:fs';
import { createFetch, type TransportOptions } from '@mcp-runtimes/client';
import { certificatePath, launchServer, SERVERS } from '@mcp-runtimes/registry';
import { describe, expect, it } from 'vitest';

const MCP_HEADERS = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
const SLOW_CALL = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'tools/call',
  params: { name: 'agent_task', arguments: { task: 'finish me', delay_ms: 800 } },
});

function transportFor(url: string): TransportOptions {
  return url.startsWith('https:') ? { http: '2', ca: readFileSync(certificatePath()) } : { http: '1.1' };
}

describe.each(SERVERS.map((s) => s.name))('%s', (name) => {
  it('finishes in-flight requests on SIGTERM, refuses new connections and exits 0', async () => {
    const server = await launchServer(name);
    const { fetch, close } = createFetch(server.url, transportFor(server.url));
    try {
      const inFlight = fetch(server.url, { method: 'POST', headers: MCP_HEADERS, body: SLOW_CALL });
      await sleep(200); // the call is now awaiting its delay inside the server
      const exited = server.stop();

      await sleep(100);
      const fresh = createFetch(server.url, transportFor(server.url));
      await expect(
        fresh.fetch(server.url.replace('/mcp', '/health')).finally(() => fresh.close()),
        'a new connection during the drain',
      ).rejects.toThrow();

      const response = await inFlight;
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ id: 1, result: { structuredContent: { task: 'finish me' } } });
      expect(await exited, server.output()).toEqual({ code: 0, signal: null });
      expect(server.output()).toMatch(/received SIGTERM: draining 1 in-flight request/);
    } finally {
      await close();
      await server.stop();
    }
  });
});
