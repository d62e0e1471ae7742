/**
 * SIGTERM while a request is in flight: that request gets its complete answer, new
 * connections are refused, and the process exits 0. On every server and listener.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { readFileSync } from 'node:fs';
import { createFetch, type TransportOptions } from '@mcp-runtimes/client';
import { certificatePath, launchServer, stopCounts, type Protocol } from '@mcp-runtimes/registry';
import { describe, expect, it } from 'vitest';
import { holdConnection, MCP_HEADERS, toolCall, transportOf } from './faults.js';
import { answerIn, CONTRACT_SERVERS, WIRING } from './harness.js';

const WORKERS = 16;

const SLOW_CALL = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'tools/call',
  params: { name: 'agent_task', arguments: { task: 'finish me', delay_ms: 800 } },
});

async function until(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(10);
  }
}

function transportFor(url: string): TransportOptions {
  return url.startsWith('https:') ? { http: '2', ca: readFileSync(certificatePath()) } : { http: '1.1' };
}

describe.each(CONTRACT_SERVERS.map((s) => s.name))('%s', (name) => {
  it('finishes in-flight requests on SIGTERM, refuses new connections and exits 0', async () => {
    const server = await launchServer(name);
    const { fetch, close } = createFetch(server.url, transportFor(server.url));
    try {
      const inFlight = fetch(server.url, { method: 'POST', headers: MCP_HEADERS, body: SLOW_CALL });
      await sleep(200); // the call is now awaiting its delay inside the server
      const exited = server.stop();

      // A request that reached the server before it handled SIGTERM is answered (503, Connection:
      // close); "refused" applies to connections made after it stopped accepting, which it does in
      // the same synchronous step as printing this line.
      await until(() => /received SIGTERM/.test(server.output()), 'the server to handle SIGTERM');
      const fresh = createFetch(server.url, transportFor(server.url));
      await expect(
        fresh.fetch(server.url.replace('/mcp', '/health')).finally(() => fresh.close()),
        'a new connection during the drain',
      ).rejects.toThrow();

      const response = await inFlight;
      expect(response.status).toBe(200);
      expect(answerIn(await response.text())).toMatchObject({ id: 1, result: { structuredContent: { task: 'finish me' } } });
      expect(await exited, server.output()).toEqual({ code: 0, signal: null });
      expect(server.output()).toMatch(/received SIGTERM: draining 1 in-flight request/);
    } finally {
      await close();
      await server.stop();
    }
  });
});

describe.each(CONTRACT_SERVERS)('$name under load', (entry) => {
  it('answers every request it accepted when SIGTERM comes under load, then exits 0 within the deadline', async () => {
    const deadlineMs = 5000;
    const server = await launchServer(entry.name, { env: { MCP_SHUTDOWN_TIMEOUT_MS: String(deadlineMs), MCP_WIRING: WIRING } });
    const url = server.urls[entry.loadListener] as string;
    const { fetch, close } = createFetch(url, { ...transportOf(entry.loadListener), connections: WORKERS });
    let complete = 0;
    const broken: string[] = [];
    // Each worker calls until the server will not take its request any more.
    const worker = async (w: number) => {
      for (let i = 0; ; i++) {
        const id = `${w}-${i}`;
        let response: Response;
        try {
          response = await fetch(url, { method: 'POST', headers: MCP_HEADERS, body: toolCall(id, { task: id, delay_ms: 10 + (i % 5) * 20 }) });
        } catch {
          return; // refused: never accepted
        }
        try {
          const body = answerIn(await response.text()) as { id?: string; result?: { structuredContent?: { task?: string } } };
          if (response.status === 200 && body.id === id && body.result?.structuredContent?.task === id) complete++;
          else broken.push(`${response.status} ${JSON.stringify(body)}`);
        } catch (error) {
          broken.push(`${id}: answer cut off: ${(error as Error).message}`);
        }
      }
    };
    try {
      const workers = Array.from({ length: WORKERS }, (_, w) => worker(w));
      await sleep(700);
      const signalled = performance.now();
      const exited = server.stop();
      await Promise.all(workers);
      expect(await exited, server.output()).toEqual({ code: 0, signal: null });
      expect(performance.now() - signalled).toBeLessThan(deadlineMs);
      expect(broken).toEqual([]);
      const counts = stopCounts(server.output());
      expect(counts, server.output()).not.toBeNull();
      expect(counts?.answered, 'accepted but never answered').toBe(counts?.accepted);
      expect(complete, 'answered but not received complete').toBe(counts?.answered);
      expect(complete).toBeGreaterThan(WORKERS);
    } finally {
      await close();
      await server.stop();
    }
  });

  it('gives up at MCP_SHUTDOWN_TIMEOUT_MS: closes what is left and exits 1', async () => {
    const server = await launchServer(entry.name, { env: { MCP_SHUTDOWN_TIMEOUT_MS: '1000', MCP_WIRING: WIRING } });
    const url = server.urls[entry.loadListener] as string;
    const { fetch, close } = createFetch(url, transportOf(entry.loadListener));
    try {
      const stuck = fetch(url, { method: 'POST', headers: MCP_HEADERS, body: toolCall(1, { task: 'too slow', delay_ms: 10_000 }) });
      stuck.catch(() => {});
      await sleep(200);
      const signalled = performance.now();
      expect(await server.stop()).toEqual({ code: 1, signal: null });
      expect(performance.now() - signalled).toBeLessThan(2500);
      expect(server.output()).toMatch(/shutdown deadline of 1000 ms passed with 1 in flight/);
    } finally {
      await close();
    }
  });
});

/** What a client may speak on each listener: TLS offers h2 and the HTTP/1.1 fallback. */
const SPOKEN: Record<Protocol, readonly ('h2' | 'http/1.1')[]> = { http1: ['http/1.1'], 'h2-tls': ['h2', 'http/1.1'], h2c: ['h2'] };

describe.each(CONTRACT_SERVERS.map((s) => s.name))('%s with idle clients that never close', (name) => {
  it('does not wait for an idle client to close its side: exits 0 on SIGTERM long before the deadline', async () => {
    const deadlineMs = 5000;
    const server = await launchServer(name, { env: { MCP_SHUTDOWN_TIMEOUT_MS: String(deadlineMs) } });
    const held = await Promise.all(
      Object.entries(server.urls).flatMap(([protocol, url]) => SPOKEN[protocol as Protocol].map((speak) => holdConnection(url, speak))),
    );
    try {
      expect(held.length).toBeGreaterThan(0);
      const signalled = performance.now();
      expect(await server.stop(), server.output()).toEqual({ code: 0, signal: null });
      expect(performance.now() - signalled, server.output()).toBeLessThan(deadlineMs / 2);
    } finally {
      for (const h of held) h.release();
      await server.stop();
    }
  });
});

describe.each(CONTRACT_SERVERS.map((s) => s.name))('%s, a call in flight on every listener and protocol', (name) => {
  it('answers each in full on SIGTERM, whatever carried it, and exits 0', async () => {
    const server = await launchServer(name);
    const ca = readFileSync(certificatePath());
    const clients = Object.entries(server.urls).flatMap(([protocol, url]) =>
      SPOKEN[protocol as Protocol].map((speak) => ({ label: `${protocol} ${speak}`, url, ...createFetch(url, { http: speak === 'h2' ? '2' : '1.1', ...(url.startsWith('https:') ? { ca } : {}) }) })),
    );
    try {
      const calls = clients.map(({ label, url, fetch }, i) =>
        fetch(url, { method: 'POST', headers: MCP_HEADERS, body: toolCall(i, { task: label, delay_ms: 800 }) }).then(async (r) => ({ label, status: r.status, body: await r.text() })),
      );
      await sleep(200); // every call is now awaiting its delay inside the server
      const exited = server.stop();
      for (const { label, status, body } of await Promise.all(calls)) {
        expect(status, label).toBe(200);
        expect(answerIn(body), label).toMatchObject({ result: { structuredContent: { task: label } } });
      }
      expect(await exited, server.output()).toEqual({ code: 0, signal: null });
      expect(server.output()).toMatch(new RegExp(`draining ${clients.length} in-flight request`));
    } finally {
      await Promise.all(clients.map((c) => c.close()));
      await server.stop();
    }
  });
});
