#!/usr/bin/env node
// A container's HEALTHCHECK (the demo's Dockerfile): GET /health on this server's own port over
// loopback, exit 0 on 200 {"status":"ok"}, else 1 with one line saying why. The images have no
// curl, and node:http2's listener is TLS, so plain HTTP is tried first, then TLS (self-made
// certificate, loopback only, so not verified).
import { get as httpGet, type IncomingMessage } from 'node:http';
import { get as httpsGet } from 'node:https';

const TIMEOUT_MS = 2_000;
const port = Number(process.env.PORT ?? '3000');

function probe(tls: boolean): Promise<string | null> {
  return new Promise((resolve) => {
    const options = { host: '127.0.0.1', port, path: '/health', timeout: TIMEOUT_MS, ...(tls ? { rejectUnauthorized: false } : {}) };
    const onResponse = (res: IncomingMessage) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        let status: unknown;
        try {
          status = (JSON.parse(body) as { status?: unknown }).status;
        } catch {
          status = undefined;
        }
        resolve(res.statusCode === 200 && status === 'ok' ? null : `answered ${res.statusCode} ${body.slice(0, 200)}`);
      });
    };
    const req = tls ? httpsGet(options, onResponse) : httpGet(options, onResponse);
    req.on('timeout', () => req.destroy(new Error(`no answer within ${TIMEOUT_MS} ms`)));
    req.on('error', (error) => resolve(error.message));
  });
}

const plain = await probe(false);
const problem = plain === null ? null : await probe(true).then((tls) => (tls === null ? null : `${plain} (over TLS: ${tls})`));
if (problem !== null) console.error(`health check of 127.0.0.1:${port}/health failed: ${problem}`);
process.exitCode = problem === null ? 0 : 1;
