/**
 * Slow clients cannot hold a server: headers that trickle in are cut off at
 * MCP_HEADERS_TIMEOUT_MS, a body that trickles in at MCP_REQUEST_TIMEOUT_MS (408), an idle
 * HTTP/2 connection is closed, and so is one whose client ended the session but not the socket; a request in progress is never cut off by either. On every
 * server and listener.
 */
import { createFetch } from '@mcp-runtimes/client';
import { describe, expect, it } from 'vitest';
import { answerIn, CONTRACT_SERVERS, serverForSuite } from './harness.js';
import { h2Session, health, healthUntil, holdConnection, holdTrickle, leaksInternals, MCP_HEADERS, toolCall, transportOf, trickleH2Body, trickleHttp1 } from './faults.js';

const HEADERS_TIMEOUT_MS = 1000;
const REQUEST_TIMEOUT_MS = 2000;
const SLACK_MS = 1500;

describe.each(CONTRACT_SERVERS)('$name', (entry) => {
  const running = serverForSuite(entry.name, {
    MCP_HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS),
    MCP_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
  });
  // Where the runtime decides (declared in the registry), the suite holds it to what it declares.
  const declared = entry.slowClients ?? {};
  const http1Urls = () => [running().urls.http1, running().urls['h2-tls']].filter((u): u is string => u !== undefined);
  const h2Urls = () => [running().urls['h2-tls'], running().urls.h2c].filter((u): u is string => u !== undefined);

  it('cuts off HTTP/1.1 headers that trickle in, at the deadline it declares', async () => {
    const headers = declared.headers;
    for (const url of http1Urls()) {
      if (headers !== undefined && 'never' in headers) {
        // Declared never cut off: still held well past the configured deadline, or the declaration is untrue.
        const outcome = await holdTrickle(url, 'headers', HEADERS_TIMEOUT_MS + SLACK_MS * 2);
        expect(outcome, `${url}: ${entry.name} declares it never cuts off slow headers; remove that from its registry entry`).toBe('held');
        continue;
      }
      const deadline = headers?.fixedMs ?? HEADERS_TIMEOUT_MS;
      const [early, late] = headers ? [headers.earlyMs, headers.lateMs] : [250, SLACK_MS];
      const outcome = await trickleHttp1(url, 'headers', deadline + late + 4000);
      expect(outcome.closedAfterMs, url).toBeGreaterThanOrEqual(deadline - early);
      expect(outcome.closedAfterMs, url).toBeLessThan(deadline + late);
      expect(leaksInternals(outcome.received)).toBe(false);
    }
  }, 60_000);

  it('answers 408 to an HTTP/1.1 body that trickles in, and closes the connection (or leaves it open where it declares so)', async () => {
    const server = running();
    for (const url of http1Urls()) {
      const outcome = await trickleHttp1(url, 'body', REQUEST_TIMEOUT_MS + SLACK_MS * 2, { untilAnswered: declared.bodyConnectionLeftOpen !== undefined });
      expect(outcome.closedAfterMs, url).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 250);
      expect(outcome.closedAfterMs, url).toBeLessThan(REQUEST_TIMEOUT_MS + SLACK_MS);
      expect(outcome.received, url).toMatch(/^HTTP\/1\.1 408 /);
      expect(leaksInternals(outcome.received)).toBe(false);
      if (declared.bodyConnectionLeftOpen !== undefined) {
        expect(outcome.closedByServer, `${url}: ${entry.name} declares the connection stays open after the 408; it closed`).toBe(false);
      }
    }
    // The cut-off request is over: nothing stays in flight (only this /health request).
    await healthUntil(server, (h) => h.in_flight === 1, 2000);
  }, 30_000);

  it('answers 408 to an HTTP/2 body that trickles in, and closes an idle HTTP/2 connection', async () => {
    const server = running();
    for (const url of h2Urls()) {
      const outcome = await trickleH2Body(url, REQUEST_TIMEOUT_MS + SLACK_MS * 2);
      expect(outcome.afterMs, url).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 250);
      expect(outcome.afterMs, url).toBeLessThan(REQUEST_TIMEOUT_MS + SLACK_MS);
      expect(outcome.status, url).toBe(408);
      expect(JSON.parse(outcome.body), url).toMatchObject({ error: { message: /Request Timeout/ } });
      // Reset without error once the answer is out (RFC 9113 §8.1), not cancelled later.
      expect(outcome.rstCode, url).toBe(0);

      const idle = h2Session(url);
      const started = Date.now();
      await new Promise((resolve) => idle.once('close', resolve));
      expect(Date.now() - started, url).toBeLessThan(HEADERS_TIMEOUT_MS + SLACK_MS);
    }
    await healthUntil(server, (h) => h.in_flight === 1, 2000);
  }, 30_000);

  it.skipIf(!entry.listeners.some((l) => l !== 'http1'))('lets go of an HTTP/2 connection whose client said GOAWAY but never closes its side', async () => {
    expect(h2Urls().length).toBeGreaterThan(0);
    for (const url of h2Urls()) {
      const held = await holdConnection(url, 'h2', 'goaway');
      try {
        expect(await held.lingered(HEADERS_TIMEOUT_MS + SLACK_MS * 2), url).toBeLessThan(HEADERS_TIMEOUT_MS + SLACK_MS);
      } finally {
        held.release();
      }
    }
  }, 30_000);

  it('never cuts off a request in progress: a tool call slower than both deadlines completes', async () => {
    const server = running();
    const urls = [...new Set([server.url, ...Object.values(server.urls)])];
    await Promise.all(
      Object.entries(server.urls).map(async ([protocol, url]) => {
        const { fetch, close } = createFetch(url, transportOf(protocol as 'http1' | 'h2-tls' | 'h2c'));
        try {
          const response = await fetch(url, { method: 'POST', headers: MCP_HEADERS, body: toolCall(1, { task: 'slow', delay_ms: 3000 }) });
          expect(response.status, url).toBe(200);
          expect(answerIn(await response.text()), url).toMatchObject({ id: 1, result: { structuredContent: { task: 'slow' } } });
        } finally {
          await close();
        }
      }),
    );
    expect(urls.length).toBeGreaterThan(0);
    expect((await health(server)).status).toBe('ok');
  }, 30_000);
});
