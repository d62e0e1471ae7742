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

/** An `Incoming` over a web `Request`: Hono's native request, and in-process tests. */
export function incomingFromRequest(request: Request): Incoming {
  let path: string | undefined;
  return {
    method: request.method,
    get path() {
      return (path ??= pathOf(request.url));
    },
    header: (name) => request.headers.get(name) ?? undefined,
    async readBody(limit) {
      // A declared length within the limit reads in one go (@hono/node-server's fast path);
      // anything else is counted as it streams in.
      const declared = Number(request.headers.get('content-length') ?? NaN);
      if (Number.isInteger(declared) && declared <= limit) {
        const text = await request.text();
        return Buffer.byteLength(text) <= limit ? text : null;
      }
      const body = await readRequestBody(request, limit);
      return body.tooLarge ? null : body.text;
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
    toRequest: () => request,
  };
}
