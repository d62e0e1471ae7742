import { readRequestBody } from '@modelcontextprotocol/sdk/server/requestBody.js';

/**
 * One HTTP request as the core sees it. Each adapter implements it over its native request,
 * so a wiring that needs only headers and the body text never builds a web `Request`; one
 * that wants the web API (the SDK's transport) asks for it with `toRequest`.
 */
export interface Incoming {
  readonly method: string;
  /** The path, without the query. */
  readonly path: string;
  /** A header by lower-case name. */
  header(name: string): string | undefined;
  /** The body as text, or null when it is larger than `limit` bytes (the adapter drops the rest). */
  readBody(limit: number): Promise<string | null>;
  /** Runs `listener` if the client goes away before the answer is written; returns the unsubscribe. */
  onAbort(listener: () => void): () => void;
  /** The same request as a web `Request`, built on first use; its body is unread. */
  toRequest(): Request;
  /**
   * Whether the body has arrived in full, for the core's deadline on a body that trickles in.
   * Absent where the adapter's HTTP stack enforces that deadline itself (node:http, node:http2, uWS).
   */
  bodyReceived?(): boolean;
  /** Stops reading a body that missed its deadline (with bodyReceived). */
  abandonBody?(): void;
}

/** The client went away, or was too slow, before its request was read: nobody is left to answer. */
export class RequestAbandoned extends Error {
  override name = 'RequestAbandoned';
}

/** An answer whose body is complete text: adapters write it in one go, with no web `Response`. */
export interface TextReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A web `Response` (streams, and the SDK's own answers) or a complete text answer. */
export type Reply = Response | TextReply;

export function isTextReply(reply: Reply): reply is TextReply {
  return !(reply instanceof Response);
}

export function toResponse(reply: Reply): Response {
  if (!isTextReply(reply)) return reply;
  return new Response(reply.body === '' ? null : reply.body, { status: reply.status, headers: reply.headers });
}

/** An AbortSignal that fires when the client goes away, and `unwatch` to stop watching before the request is done. */
export function watchClient(incoming: Pick<Incoming, 'onAbort'>): { signal: AbortSignal; unwatch: () => void } {
  const controller = new AbortController();
  const unwatch = incoming.onAbort(() => controller.abort());
  return { signal: controller.signal, unwatch };
}

/** The client's signal for the request's whole life: what a web `Request` built by `toRequest` carries. */
export function abortSignalOf(incoming: Pick<Incoming, 'onAbort'>): AbortSignal {
  return watchClient(incoming).signal;
}

/** A request's URL for a web `Request`; a Host that makes no URL (the guard has let it through) falls back to localhost. */
export function webUrl(scheme: string, authority: string | undefined, target: string): string {
  const url = `${scheme}://${authority ?? 'localhost'}${target}`;
  return URL.canParse(url) ? url : `${scheme}://localhost${target}`;
}

/** The path of an absolute URL without building a URL object (a Request's url is always absolute). */
export function pathOf(url: string): string {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  if (start === -1) return '/';
  const query = url.indexOf('?', start);
  return url.slice(start, query === -1 ? undefined : query);
}

/** An `Incoming` over a web `Request`: the fetch servers (Bun.serve, Deno.serve), Hono's request, in-process tests. */
export function incomingFromRequest(request: Request): Incoming {
  // A request without a body has received it; one with a body, once a reader has read it to its end.
  let received = request.body === null;
  let forwarded: Request | undefined;
  const markReceived = <T>(value: T): T => {
    received = true;
    return value;
  };
  return {
    method: request.method,
    // A data property, not a getter: every request is routed by its path, and on V8 an object
    // literal with a getter of its own keeps what the getter closes over alive through young
    // collections (a loop of them on Node 24: ~12 MB promoted a scavenge; docs/design.md).
    path: pathOf(request.url),
    header: (name) => request.headers.get(name) ?? undefined,
    async readBody(limit) {
      // A declared length within the limit reads in one go (@hono/node-server's fast path);
      // anything else is counted as it streams in.
      const declared = Number(request.headers.get('content-length') ?? NaN);
      if (Number.isInteger(declared) && declared <= limit) {
        const text = markReceived(await request.text());
        return utf8Length(text) <= limit ? text : null;
      }
      const body = await readRequestBody(request, limit);
      return body.tooLarge ? null : markReceived(body.text);
    },
    onAbort(listener) {
      const signal = request.signal;
      if (signal.aborted) {
        queueMicrotask(listener);
        return () => {};
      }
      signal.addEventListener('abort', listener, { once: true });
      return () => signal.removeEventListener('abort', listener);
    },
    // The body passes through a stream that notes its end, so the deadline knows when it arrived.
    toRequest: () => (forwarded ??= request.body === null ? request : withBodyEnd(request, () => markReceived(undefined))),
    bodyReceived: () => received,
    abandonBody: () => void (forwarded ?? request).body?.cancel().catch(() => {}),
  };
}

function withBodyEnd(request: Request, ended: () => void): Request {
  const body = (request.body as ReadableStream<Uint8Array>).pipeThrough(new TransformStream<Uint8Array, Uint8Array>({ flush: ended }));
  return new Request(request, { body, duplex: 'half' } as RequestInit);
}

/** UTF-8 length of a string without encoding it (no Buffer: the core is web-standard). */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) bytes += 1;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      // A surrogate pair: 4 bytes for two UTF-16 units.
      bytes += 2;
      i++;
    } else bytes += 2;
  }
  return bytes;
}
