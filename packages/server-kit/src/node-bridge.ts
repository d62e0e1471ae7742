import type { IncomingMessage, ServerResponse } from 'node:http';
import { constants, type Http2ServerRequest, type Http2ServerResponse } from 'node:http2';
import { Readable } from 'node:stream';
import type { Endpoint } from './endpoint.js';
import { jsonResponse } from './responses.js';

/**
 * node:http and node:http2 (compat API) to the web-standard endpoint and back.
 * Both runtimes share this bridge so they differ only in their HTTP stack.
 */
type NodeRequest = IncomingMessage | Http2ServerRequest;
type NodeResponse = ServerResponse | Http2ServerResponse;

/** Connection-specific headers HTTP/2 forbids (RFC 9113 §8.2.2). */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade']);

export function createNodeHandler(
  endpoint: Endpoint,
  scheme: 'http' | 'https',
): (req: NodeRequest, res: NodeResponse) => void {
  return (req, res) => {
    handle(endpoint, scheme, req, res).catch((error: unknown) => {
      console.error(`internal error while answering: ${(error as Error)?.message ?? String(error)}`);
      if (!res.headersSent && !res.destroyed) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end('{"jsonrpc":"2.0","error":{"code":-32603,"message":"Internal error"},"id":null}');
      } else {
        res.destroy();
      }
    });
  };
}

async function handle(endpoint: Endpoint, scheme: string, req: NodeRequest, res: NodeResponse): Promise<void> {
  res.on('error', () => {}); // a client that vanished mid-write is not an error of ours
  const controller = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  let request: Request;
  try {
    request = toWebRequest(req, scheme, controller.signal);
  } catch {
    await writeWebResponse(req, res, jsonResponse(400, { error: 'bad_request', message: 'Bad Request: invalid Host header or request target' }));
    return;
  }
  await writeWebResponse(req, res, await endpoint.fetch(request));
}

export function toWebRequest(req: NodeRequest, scheme: string, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (name.startsWith(':') || value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, value);
  }
  const authority = (req.headers[':authority'] as string | undefined) ?? req.headers.host;
  if (authority !== undefined && !headers.has('host')) headers.set('host', authority);
  const url = `${scheme}://${authority ?? 'localhost'}${req.url ?? '/'}`;
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(url, {
    method,
    headers,
    signal,
    body: hasBody ? (Readable.toWeb(req as Readable) as ReadableStream<Uint8Array>) : null,
    // Required by fetch's Request for a streamed body.
    duplex: 'half',
  } as RequestInit);
}

export async function writeWebResponse(req: NodeRequest, res: NodeResponse, response: Response): Promise<void> {
  await writeBody(req, res, response);
  // Answered before the request body was read to the end (413): node:http discards the rest
  // itself; over HTTP/2 the spec's way is RST_STREAM(NO_ERROR), so the client stops sending.
  if (req.httpVersionMajor === 2 && !req.complete) {
    res.once('finish', () => (req as Http2ServerRequest).stream.close(constants.NGHTTP2_NO_ERROR));
  }
}

async function writeBody(req: NodeRequest, res: NodeResponse, response: Response): Promise<void> {
  if (res.destroyed || res.writableEnded) {
    await response.body?.cancel().catch(() => {});
    return;
  }
  const http2 = req.httpVersionMajor === 2;
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (!(http2 && HOP_BY_HOP.has(name))) headers[name] = value;
  });
  const streaming = response.body !== null && (headers['content-type'] ?? '').startsWith('text/event-stream');
  if (!streaming) {
    const body = response.body === null ? undefined : Buffer.from(await response.arrayBuffer());
    if (res.destroyed) return;
    headers['content-length'] = String(body?.length ?? 0);
    (res as ServerResponse).writeHead(response.status, headers);
    if (body === undefined) res.end();
    else res.end(body);
    return;
  }
  (res as ServerResponse).writeHead(response.status, headers);
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const cancel = () => void reader.cancel().catch(() => {});
  res.once('close', cancel);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || res.destroyed) break;
      if (!(res as ServerResponse).write(value)) {
        await new Promise<void>((resolve) => {
          res.once('drain', resolve);
          res.once('close', resolve);
        });
      }
    }
    if (!res.destroyed) res.end();
  } finally {
    res.off('close', cancel);
  }
}
