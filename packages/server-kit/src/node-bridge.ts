import type { IncomingMessage, ServerResponse } from 'node:http';
import { constants, type Http2ServerRequest, type Http2ServerResponse } from 'node:http2';
import type { Readable } from 'node:stream';
import { isEventStream } from './body-end.js';
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
  const body = requestBody(req);
  let request: Request | undefined;
  try {
    request = toWebRequest(req, scheme, controller.signal, body.stream);
  } catch {
    request = undefined; // a Host or target that makes no URL
  }
  const response = request
    ? await endpoint.fetch(request)
    : jsonResponse(400, { error: 'bad_request', message: 'Bad Request: invalid Host header or request target' });
  await writeWebResponse(req, res, response);
  // Answered before the body was read to the end (413): drop the rest, within bounds, so the
  // connection (or HTTP/2 stream window) is free for the next request.
  if (!req.complete) body.discard();
}

/** How much of an unread body is dropped, and for how long, before we give up on it. */
const DISCARD_LIMIT = { bytes: 64 * 1024 * 1024, ms: 500 };

/**
 * Reads and drops the rest of a body. Past the bounds: HTTP/1.1 closes the connection (its
 * framing is lost), HTTP/2 cancels just this stream. As @hono/node-server bounds its drain.
 */
function discardRest(req: NodeRequest): void {
  const readable = req as Readable;
  let dropped = 0;
  const close = () => {
    cleanup();
    if (req.httpVersionMajor === 2) (req as Http2ServerRequest).stream.close(constants.NGHTTP2_CANCEL);
    else (req as IncomingMessage).socket.destroySoon();
  };
  const timer = setTimeout(close, DISCARD_LIMIT.ms).unref();
  const onData = (chunk: Buffer) => {
    dropped += chunk.byteLength;
    if (dropped > DISCARD_LIMIT.bytes) close();
  };
  const cleanup = () => {
    clearTimeout(timer);
    readable.off('data', onData);
  };
  readable.on('data', onData);
  readable.once('end', cleanup);
  readable.once('close', cleanup);
  readable.resume();
}

/**
 * The request body as a web stream with backpressure. Unlike Readable.toWeb, cancelling it
 * does not destroy the socket: `discard` drops what is left, and the connection lives on.
 */
function requestBody(req: NodeRequest): { stream: ReadableStream<Uint8Array> | null; discard(): void } {
  const readable = req as Readable;
  if (req.method === 'GET' || req.method === 'HEAD') return { stream: null, discard: () => readable.resume() };
  let discarding = false;
  const discard = () => {
    if (discarding) return;
    discarding = true;
    discardRest(req);
  };
  const stream = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        readable.pause();
        readable.on('data', (chunk: Buffer) => {
          if (discarding) return;
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 0) <= 0) readable.pause();
        });
        readable.once('end', () => discarding || controller.close());
        readable.once('error', (error) => discarding || controller.error(error));
      },
      pull() {
        readable.resume();
      },
      cancel: discard,
    },
    new ByteLengthQueuingStrategy({ highWaterMark: 65_536 }),
  );
  return { stream, discard };
}

export function toWebRequest(
  req: NodeRequest,
  scheme: string,
  signal: AbortSignal,
  body: ReadableStream<Uint8Array> | null,
): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (name.startsWith(':') || value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, value);
  }
  const authority = (req.headers[':authority'] as string | undefined) ?? req.headers.host;
  if (authority !== undefined && !headers.has('host')) headers.set('host', authority);
  const url = `${scheme}://${authority ?? 'localhost'}${req.url ?? '/'}`;
  return new Request(url, {
    method: req.method ?? 'GET',
    headers,
    signal,
    body,
    // Required by fetch's Request for a streamed body.
    duplex: 'half',
  } as RequestInit);
}

export async function writeWebResponse(req: NodeRequest, res: NodeResponse, response: Response): Promise<void> {
  if (res.destroyed || res.writableEnded) {
    await response.body?.cancel().catch(() => {});
    return;
  }
  const http2 = req.httpVersionMajor === 2;
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (!(http2 && HOP_BY_HOP.has(name))) headers[name] = value;
  });
  if (!isEventStream(response)) {
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
