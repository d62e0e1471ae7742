/**
 * The uWebSockets.js adapter: the core's endpoint as a uWS route handler. Its own entry point
 * (`@mcp-runtimes/server-kit/uws`), so only a server that brings uWS sees its types.
 */
import { STATUS_CODES } from 'node:http';
import type { HttpRequest, HttpResponse } from '@trufflesuite/uws-js-unofficial';
import { isEventStream } from '../core/body-end.js';
import type { Endpoint } from '../core/endpoint.js';
import { abortSignalOf, isTextReply, RequestAbandoned, webUrl, type Incoming, type Reply, type TextReply } from '../core/exchange.js';
import { requestTimedOut } from '../core/responses.js';

/** Headers uWS writes itself. */
const OWN_HEADERS = new Set(['content-length', 'transfer-encoding', 'connection']);

const statusLines = new Map<number, string>();
function statusLine(status: number): string {
  let line = statusLines.get(status);
  if (line === undefined) statusLines.set(status, (line = `${status} ${STATUS_CODES[status] ?? 'Unknown'}`));
  return line;
}

/**
 * uWS decodes header bytes as UTF-8, node:http as Latin-1 (one char per byte), and a web
 * `Headers` takes only the latter: a non-ASCII value goes back to its bytes, one char each,
 * so every stack hands the core the same header text and none throws on it.
 */
function asLatin1(value: string): string {
  return /[^\x00-\x7f]/.test(value) ? Buffer.from(value, 'utf8').toString('latin1') : value;
}

/**
 * A uWS request as the core's Incoming. uWS rules: read everything from `req` before any
 * await, set onAborted first, copy each onData chunk (its buffer is reused), and cork every
 * write that happens after an await. The body is collected as it arrives (up to just past
 * the limit, so an oversized one can be answered 413 without buffering it all).
 */
class UwsIncoming implements Incoming {
  readonly method: string;
  readonly path: string;
  aborted = false;
  private readonly headers: Record<string, string> = {};
  private readonly query: string;
  private readonly abortListeners = new Set<() => void>();
  private readonly body: Promise<{ bytes: Buffer; tooLarge: boolean }>;

  constructor(res: HttpResponse, req: HttpRequest, maxBodyBytes: number, requestTimeoutMs: number) {
    this.method = req.getMethod().toUpperCase();
    this.path = req.getUrl();
    this.query = req.getQuery();
    req.forEach((name, raw) => {
      const value = asLatin1(raw);
      this.headers[name] = name in this.headers ? `${this.headers[name]}, ${value}` : value;
    });
    res.onAborted(() => {
      if (this.aborted) return;
      this.aborted = true;
      for (const listener of this.abortListeners) listener();
    });
    this.body = new Promise((resolve, reject) => {
      if (this.method === 'GET' || this.method === 'HEAD') return resolve({ bytes: Buffer.alloc(0), tooLarge: false });
      let deadline: NodeJS.Timeout | undefined;
      this.abortListeners.add(() => {
        clearTimeout(deadline);
        reject(new RequestAbandoned('the client closed the request before its body ended'));
      });
      const chunks: Buffer[] = [];
      let received = 0;
      let open = true;
      // A body that trickles in is cut off: 408 and the connection closed. (uWS cuts off
      // headers, and anything slower than its own 10 s, by itself.)
      deadline =
        requestTimeoutMs > 0
          ? setTimeout(() => {
              if (!open || this.aborted) return;
              open = false;
              writeText(res, this.method, requestTimedOut(requestTimeoutMs));
              this.aborted = true; // answered: nothing else may write to res
              for (const listener of this.abortListeners) listener();
            }, requestTimeoutMs)
          : undefined;
      res.onData((chunk, isLast) => {
        if (!open) return;
        received += chunk.byteLength;
        chunks.push(Buffer.from(chunk.slice(0)));
        if (isLast || received > maxBodyBytes) {
          open = false;
          clearTimeout(deadline);
          resolve({ bytes: chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks), tooLarge: received > maxBodyBytes });
        }
      });
    });
    this.body.catch(() => {}); // read only if the wiring asks for it
  }

  header(name: string): string | undefined {
    return this.headers[name];
  }

  async readBody(limit: number): Promise<string | null> {
    const { bytes, tooLarge } = await this.body;
    return tooLarge || bytes.byteLength > limit ? null : bytes.toString('utf8');
  }

  onAbort(listener: () => void): () => void {
    if (this.aborted) {
      queueMicrotask(listener);
      return () => {};
    }
    this.abortListeners.add(listener);
    return () => this.abortListeners.delete(listener);
  }

  toRequest(): Request {
    const headers = new Headers(this.headers);
    const hasBody = this.method !== 'GET' && this.method !== 'HEAD';
    const body = this.body;
    return new Request(webUrl('http', this.headers.host, `${this.path}${this.query ? `?${this.query}` : ''}`), {
      method: this.method,
      headers,
      signal: abortSignalOf(this),
      body: hasBody
        ? new ReadableStream<Uint8Array>({
            start: (stream) =>
              body.then(
                ({ bytes }) => {
                  stream.enqueue(new Uint8Array(bytes));
                  stream.close();
                },
                (error: unknown) => stream.error(error),
              ),
          })
        : null,
      duplex: 'half',
    } as RequestInit);
  }
}

/** A uWS route handler over the shared endpoint. */
export function createUwsHandler(endpoint: Endpoint) {
  const { maxBodyBytes, requestTimeoutMs } = endpoint.config;
  // Replies the endpoint has returned but we have not finished writing: shutdown waits for them.
  let writing = 0;
  let onWritten: (() => void) | undefined;
  const handler = (res: HttpResponse, req: HttpRequest): void => {
    const incoming = new UwsIncoming(res, req, maxBodyBytes, requestTimeoutMs);
    writing++;
    endpoint
      .handle(incoming)
      .then((reply) => writeReply(res, incoming, reply))
      .catch((error: unknown) => {
        console.error(`internal error while answering: ${(error as Error)?.message ?? String(error)}`);
        if (!incoming.aborted) res.cork(() => res.close());
      })
      .finally(() => {
        writing--;
        if (writing === 0) onWritten?.();
      });
  };
  const written = () =>
    new Promise<void>((resolve) => {
      if (writing === 0) resolve();
      else onWritten = resolve;
    });
  return { handler, written };
}

/** A complete text answer in one corked write; `Connection: close` in its headers closes the connection after it. */
function writeText(res: HttpResponse, method: string, reply: TextReply): void {
  const close = reply.headers.connection === 'close';
  res.cork(() => {
    res.writeStatus(statusLine(reply.status));
    for (const name in reply.headers) {
      if (!OWN_HEADERS.has(name)) res.writeHeader(name, reply.headers[name] as string);
    }
    if (method === 'HEAD') res.endWithoutBody(Buffer.byteLength(reply.body), close);
    else res.end(reply.body, close);
  });
}

async function writeReply(res: HttpResponse, incoming: UwsIncoming, reply: Reply): Promise<void> {
  if (isTextReply(reply)) {
    if (!incoming.aborted) writeText(res, incoming.method, reply);
    return;
  }
  await writeResponse(res, incoming, reply);
}

async function writeResponse(res: HttpResponse, incoming: UwsIncoming, response: Response): Promise<void> {
  const closeConnection = response.headers.get('connection') === 'close';
  const writeHead = () => {
    res.writeStatus(statusLine(response.status));
    response.headers.forEach((value, name) => {
      if (!OWN_HEADERS.has(name)) res.writeHeader(name, value);
    });
  };
  // During shutdown a stream is written whole, ending with Connection: close (this uWS build
  // cannot close a chunked answer's connection at its end): a keep-alive SSE answer would bring
  // the client's next request into the close, and cut it off.
  if (!isEventStream(response) || closeConnection) {
    const body = response.body === null ? undefined : new Uint8Array(await response.arrayBuffer());
    if (incoming.aborted) return;
    res.cork(() => {
      writeHead();
      if (incoming.method === 'HEAD') res.endWithoutBody(body?.byteLength ?? 0, closeConnection);
      else res.end(body ?? '', closeConnection);
    });
    return;
  }

  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  if (incoming.aborted) {
    await reader.cancel();
    return;
  }
  res.cork(writeHead);
  for (;;) {
    const { done, value } = await reader.read();
    if (incoming.aborted) {
      await reader.cancel();
      return;
    }
    if (done) break;
    res.cork(() => res.write(value));
  }
  res.cork(() => res.end(undefined, closeConnection));
}
