import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createH2cServer, type Http2Server, type ServerHttp2Session } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetch } from './fetch.js';

/** A tiny echo server: answers after `?delay=ms` with the method, path and body it got. */
function echo(req: { method?: string; url?: string; on(e: string, f: (c?: Buffer) => void): void }, send: (status: number, body: string) => void) {
  let body = '';
  req.on('data', (chunk) => (body += chunk?.toString() ?? ''));
  req.on('end', () => {
    const delay = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('delay') ?? 0);
    setTimeout(() => send(req.url?.startsWith('/missing') ? 404 : 200, JSON.stringify({ method: req.method, url: req.url, body })), delay);
  });
}

let h2c: Http2Server;
let http1: Server;
const sessions = new Set<ServerHttp2Session>();
let h2cUrl: string;
let http1Url: string;

beforeAll(async () => {
  h2c = createH2cServer((req, res) => echo(req, (status, body) => res.writeHead(status, { 'content-type': 'application/json' }).end(body)));
  h2c.on('session', (s) => sessions.add(s));
  http1 = createHttpServer((req, res) => echo(req, (status, body) => res.writeHead(status, { 'content-type': 'application/json' }).end(body)));
  await Promise.all([
    new Promise<void>((r) => h2c.listen(0, '127.0.0.1', r)),
    new Promise<void>((r) => http1.listen(0, '127.0.0.1', r)),
  ]);
  h2cUrl = `http://127.0.0.1:${(h2c.address() as AddressInfo).port}`;
  http1Url = `http://127.0.0.1:${(http1.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const s of sessions) s.destroy();
  await Promise.all([new Promise((r) => h2c.close(r)), new Promise((r) => http1.close(r))]);
});

describe('HTTP/2 fetch (h2c)', () => {
  it('multiplexes concurrent requests on one session, each with its own response', async () => {
    const { fetch, close, connectionsOpened } = createFetch(h2cUrl, { http: '2' });
    try {
      const start = performance.now();
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, i) => fetch(`${h2cUrl}/r${i}?delay=100`, { method: 'POST', body: `body-${i}` })),
      );
      const bodies = await Promise.all(responses.map((r) => r.json() as Promise<{ url: string; body: string }>));
      bodies.forEach((b, i) => expect(b).toEqual({ method: 'POST', url: `/r${i}?delay=100`, body: `body-${i}` }));
      expect(connectionsOpened()).toBe(1);
      // 20 × 100 ms sequentially would be 2 s; on one multiplexed connection they overlap.
      expect(performance.now() - start).toBeLessThan(1_500);
    } finally {
      await close();
    }
  });

  it('passes status and headers through', async () => {
    const { fetch, close } = createFetch(h2cUrl, { http: '2' });
    try {
      const response = await fetch(`${h2cUrl}/missing`);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe('application/json');
      expect(await response.json()).toMatchObject({ method: 'GET', body: '' });
    } finally {
      await close();
    }
  });

  it('aborts a request with its signal', async () => {
    const { fetch, close } = createFetch(h2cUrl, { http: '2' });
    try {
      const controller = new AbortController();
      const pending = fetch(`${h2cUrl}/slow?delay=2000`, { signal: controller.signal });
      setTimeout(() => controller.abort(new Error('gave up')), 50);
      await expect(pending).rejects.toThrow('gave up');
    } finally {
      await close();
    }
  });

  it('fails clearly when nothing listens', async () => {
    const { fetch, close } = createFetch('http://127.0.0.1:9', { http: '2' });
    await expect(fetch('http://127.0.0.1:9/')).rejects.toThrow(/ECONNREFUSED/);
    await close();
  });
});

describe('HTTP/1.1 fetch', () => {
  it('keeps a pool and reports no HTTP/2 sessions', async () => {
    const { fetch, close, connectionsOpened } = createFetch(http1Url, { http: '1.1', connections: 2 });
    try {
      const bodies = await Promise.all(
        Array.from({ length: 5 }, async (_, i) => (await fetch(`${http1Url}/p${i}`, { method: 'POST', body: `${i}` })).json()),
      );
      expect(bodies.map((b) => (b as { body: string }).body)).toEqual(['0', '1', '2', '3', '4']);
      expect(connectionsOpened()).toBeUndefined();
    } finally {
      await close();
    }
  });
});
