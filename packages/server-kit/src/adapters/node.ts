import type { IncomingMessage, ServerResponse } from 'node:http';
import { constants, type Http2ServerRequest, type Http2ServerResponse, type ServerHttp2Stream } from 'node:http2';
import type { Readable } from 'node:stream';
import { isEventStream } from '../core/body-end.js';
import type { Endpoint } from '../core/endpoint.js';
import { abortSignalOf, isTextReply, RequestAbandoned, webUrl, type Incoming, type Reply } from '../core/exchange.js';
import { jsonResponse, requestTimedOut } from '../core/responses.js';

/**
 * node:http and node:http2 (compat API) to the core's Incoming/Reply and back.
 * Both runtimes share this bridge so they differ only in their HTTP stack.
 */
type NodeRequest = IncomingMessage | Http2ServerRequest;
type NodeResponse = ServerResponse | Http2ServerResponse;

/** Connection-specific headers HTTP/2 forbids (RFC 9113 §8.2.2). */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade']);

/**
 * A body a framework in front (Express, Fastify) has already read: its text, or `null` when the
 * framework refused it as larger than its limit (the core answers 413). Absent: the core reads
 * the request stream itself.
 */
export type FrameworkBody = string | null | undefined;

export function createNodeHandler(
  endpoint: Endpoint,
  scheme: 'http' | 'https',
): (req: NodeRequest, res: NodeResponse, body?: FrameworkBody) => void {
  return (req, res, body) => {
    handle(endpoint, scheme, req, res, body).catch((error: unknown) => {
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

async function handle(endpoint: Endpoint, scheme: string, req: NodeRequest, res: NodeResponse, body: FrameworkBody): Promise<void> {
  res.on('error', () => {}); // a client that vanished mid-write is not an error of ours
  cutOffSlowBody(req, res, endpoint.config.requestTimeoutMs);
  const incoming = new NodeIncoming(req, res, scheme, body, endpoint.config.maxBodyBytes);
  const reply = (req.url ?? '').startsWith('/')
    ? await endpoint.handle(incoming)
    : jsonResponse(400, { error: 'bad_request', message: 'Bad Request: invalid request target' });
  await writeReply(req, res, reply);
  // Answered before the body was read to the end (413): drop the rest, within bounds, so the
  // connection (or HTTP/2 stream window) is free for the next request.
  if (!req.complete) incoming.discard();
}

/**
 * A body that trickles in is cut off at the request deadline: 408, then the request is
 * destroyed, which ends the body read with RequestAbandoned.
 * node:http has its own requestTimeout; node:http2 has none, so this is the one both share.
 */
function cutOffSlowBody(req: NodeRequest, res: NodeResponse, timeoutMs: number): void {
  if (timeoutMs <= 0 || req.complete) return;
  const timer = setTimeout(() => {
    if (req.complete || res.writableEnded) return;
    // Destroying the request ends its body read (its reader may be waiting for the rest).
    // HTTP/1.1: then the connection, once the 408 is out. HTTP/2: RST_STREAM(NO_ERROR) after
    // the 408 tells the client to stop sending (RFC 9113 §8.1).
    const abandon = () => (req as Readable).destroy();
    if (!res.headersSent && !res.destroyed) void writeReply(req, res, requestTimedOut(timeoutMs));
    if (req.httpVersionMajor === 2) {
      resetOnceAnswered((req as Http2ServerRequest).stream);
      abandon();
    } else if (res.writableFinished || res.destroyed) {
      abandon();
    } else {
      res.once('finish', abandon);
      res.once('close', abandon);
    }
  }, timeoutMs);
  timer.unref();
  const clear = () => clearTimeout(timer);
  res.once('close', clear);
  res.once('finish', clear);
  (req as Readable).once('end', clear);
}

/** How long a 408 may take to go out before its HTTP/2 stream is cancelled regardless. */
const RESET_GRACE_MS = 1000;

/**
 * RST_STREAM(NO_ERROR) once the response has gone out, so the client stops sending. Not
 * stream.close() straight away: that waits for the stream's 'finish', which it may never get,
 * and then nothing at all is sent. If the answer is not out within the grace, CANCEL.
 */
function resetOnceAnswered(stream: ServerHttp2Stream): void {
  const reset = (code: number) => {
    if (!stream.closed) stream.close(code);
    else if (!stream.destroyed) stream.destroy();
  };
  const grace = setTimeout(() => reset(constants.NGHTTP2_CANCEL), RESET_GRACE_MS).unref();
  const answered = () => {
    clearTimeout(grace);
    reset(constants.NGHTTP2_NO_ERROR);
  };
  // The stream's 'finish', not the compat response's: that one fires only once the stream has closed.
  if (stream.writableFinished) answered();
  else stream.once('finish', answered);
  stream.once('close', () => clearTimeout(grace));
}

/** A node request as the core's Incoming: headers and body read directly, a web Request only on demand. */
class NodeIncoming implements Incoming {
  private discarding = false;

  constructor(
    private readonly req: NodeRequest,
    private readonly res: NodeResponse,
    private readonly scheme: string,
    private readonly body: FrameworkBody,
    private readonly maxBodyBytes: number,
  ) {}

  get method(): string {
    return this.req.method ?? 'GET';
  }

  get path(): string {
    const target = this.req.url ?? '/';
    const query = target.indexOf('?');
    return query === -1 ? target : target.slice(0, query);
  }

  header(name: string): string | undefined {
    const value = name === 'host' ? authorityOf(this.req) : this.req.headers[name];
    return Array.isArray(value) ? value.join(', ') : value;
  }

  readBody(limit: number): Promise<string | null> {
    if (this.body !== undefined) return Promise.resolve(this.body === null || Buffer.byteLength(this.body) > limit ? null : this.body);
    const req = this.req as Readable;
    if (goneUnread(this.req)) return Promise.reject(new RequestAbandoned(GONE_UNREAD));
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const cleanup = () => {
        req.off('data', onData);
        req.off('end', onEnd);
        req.off('close', onClose);
      };
      const onData = (chunk: Buffer) => {
        size += chunk.byteLength;
        if (size <= limit) return void chunks.push(chunk);
        cleanup();
        req.pause();
        resolve(null);
      };
      const onEnd = () => {
        cleanup();
        resolve(chunks.length === 1 ? (chunks[0] as Buffer).toString('utf8') : Buffer.concat(chunks).toString('utf8'));
      };
      const onClose = () => {
        cleanup();
        reject(new RequestAbandoned('the client closed the request before its body ended'));
      };
      req.on('data', onData);
      req.once('end', onEnd);
      req.once('close', onClose);
    });
  }

  onAbort(listener: () => void): () => void {
    // The client may be gone before the wiring asks (its request sat unread while the loop was busy):
    // the close event has passed, so tell the listener now.
    // Not req.destroyed: a request whose body has been read to the end is destroyed too.
    const res = this.res as NodeResponse & { closed?: boolean };
    if ((res.closed || res.destroyed || goneUnread(this.req)) && !res.writableEnded) {
      queueMicrotask(listener);
      return () => {};
    }
    // writableEnded, not writableFinished: node:http2 marks a reset stream's response finished.
    const onClose = () => {
      if (!this.res.writableEnded) listener();
    };
    this.res.once('close', onClose);
    return () => this.res.off('close', onClose);
  }

  toRequest(): Request {
    const signal = abortSignalOf(this);
    if (this.body === undefined) return toWebRequest(this.req, this.scheme, signal, requestBody(this.req, () => this.discard()));
    // A body the framework refused is gone (it read past its limit and dropped the rest): the web
    // Request declares one byte over the limit and carries nothing, so a reader answers 413.
    if (this.body === null) return toWebRequest(this.req, this.scheme, signal, null, { 'content-length': String(this.maxBodyBytes + 1) });
    return toWebRequest(this.req, this.scheme, signal, this.req.method === 'GET' || this.req.method === 'HEAD' ? null : textStream(this.body));
  }

  /** Drops what is left of the body (once). */
  discard(): void {
    if (this.discarding) return;
    this.discarding = true;
    discardRest(this.req);
  }
}

const GONE_UNREAD = 'the client was gone before its request was read';

/**
 * Destroyed before its body was read to the end: the client left while the request waited for
 * its turn. Its close event has passed, so a reader that waits for end or close waits forever.
 * (A request read to the end is destroyed too, hence readableEnded.)
 */
function goneUnread(req: NodeRequest): boolean {
  if (req.httpVersionMajor === 2) {
    // Its compat request has already ended (the rest dumped) by the time the stream is gone.
    const stream = (req as Http2ServerRequest).stream as ServerHttp2Stream | undefined;
    return stream === undefined || stream.closed || stream.destroyed;
  }
  const readable = req as Readable;
  return readable.destroyed && !readable.readableEnded;
}

function authorityOf(req: NodeRequest): string | undefined {
  return (req.headers[':authority'] as string | undefined) ?? req.headers.host;
}

/** How much of an unread body is dropped, and for how long, before we give up on it. */
const DISCARD_LIMIT = { bytes: 64 * 1024 * 1024, ms: 500 };

/**
 * Reads and drops the rest of a body. Past the bounds: HTTP/1.1 closes the connection (its
 * framing is lost), HTTP/2 cancels just this stream. As @hono/node-server bounds its drain.
 */
function discardRest(req: NodeRequest): void {
  const readable = req as Readable;
  const h2 = req.httpVersionMajor === 2 ? (req as Http2ServerRequest).stream : undefined;
  let dropped = 0;
  const close = () => {
    cleanup();
    if (!h2) return void (req as IncomingMessage).socket.destroySoon();
    if (h2.destroyed) return;
    // A stream whose peer has finished sending is closed, but with data still buffered it is not
    // destroyed until that is read, and its session cannot close meanwhile (nor can shutdown).
    // Node 22+ buffers 64 KiB per stream (Node 20: 16), enough for a client to finish an upload
    // we answered early: read out what is buffered and let the stream go.
    if (h2.closed) {
      readable.resume();
      h2.destroy();
    } else {
      h2.close(constants.NGHTTP2_CANCEL);
    }
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
  // HTTP/2: the compat request may close while its stream still holds unread data; only the
  // stream's own close (it is destroyed) means the drain is over.
  (h2 ?? readable).once('close', cleanup);
  readable.resume();
}

/**
 * The request body as a web stream with backpressure. Unlike Readable.toWeb, cancelling it
 * does not destroy the socket: `discard` drops what is left, and the connection lives on.
 */
function requestBody(req: NodeRequest, discard: () => void): ReadableStream<Uint8Array> | null {
  const readable = req as Readable;
  if (req.method === 'GET' || req.method === 'HEAD') return null;
  let cancelled = false;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        if (goneUnread(req)) return controller.error(new RequestAbandoned(GONE_UNREAD));
        readable.pause();
        let settled = false;
        readable.on('data', (chunk: Buffer) => {
          if (cancelled || settled) return;
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 0) <= 0) readable.pause();
        });
        // Exactly one of end, error or close settles the stream (an HTTP/2 stream cancelled
        // mid-body may emit close before end).
        const settle = (finish: () => void) => {
          if (settled || cancelled) return;
          settled = true;
          finish();
        };
        readable.once('end', () => settle(() => controller.close()));
        readable.once('error', () => settle(() => controller.error(new RequestAbandoned('the request body failed'))));
        // A client gone mid-body may close without an error: the reader must not wait forever.
        readable.once('close', () =>
          settle(() => controller.error(new RequestAbandoned('the client closed the request before its body ended'))),
        );
      },
      pull() {
        readable.resume();
      },
      cancel() {
        cancelled = true;
        discard();
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: 65_536 }),
  );
}

/** A body already read, as the stream a web Request carries. */
function textStream(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  return new ReadableStream({
    start(controller) {
      if (bytes.byteLength > 0) controller.enqueue(bytes);
      controller.close();
    },
  });
}

export function toWebRequest(
  req: NodeRequest,
  scheme: string,
  signal: AbortSignal,
  body: ReadableStream<Uint8Array> | null,
  replaced: Record<string, string> = {},
): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (name.startsWith(':') || value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, value);
  }
  for (const [name, value] of Object.entries(replaced)) headers.set(name, value);
  const authority = authorityOf(req);
  if (authority !== undefined && !headers.has('host')) headers.set('host', authority);
  return new Request(webUrl(scheme, authority, req.url ?? '/'), {
    method: req.method ?? 'GET',
    headers,
    signal,
    body,
    // Required by fetch's Request for a streamed body.
    duplex: 'half',
  } as RequestInit);
}

/** Writes a text reply in one go, or streams a web Response. */
export async function writeReply(req: NodeRequest, res: NodeResponse, reply: Reply): Promise<void> {
  if (!isTextReply(reply)) return writeWebResponse(req, res, reply);
  if (res.destroyed || res.writableEnded) return;
  const { headers } = reply;
  if (req.httpVersionMajor === 2) for (const name of HOP_BY_HOP) delete headers[name];
  headers['content-length'] = String(Buffer.byteLength(reply.body));
  (res as ServerResponse).writeHead(reply.status, headers);
  res.end(reply.body);
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
