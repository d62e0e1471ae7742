import { connect, constants, type ClientHttp2Session, type ClientHttp2Stream, type IncomingHttpHeaders } from 'node:http2';
import type { BoundFetch, FetchLike, TlsOptions } from './fetch.js';

/** Request headers HTTP/2 forbids or sets itself. */
const SKIPPED_REQUEST_HEADERS = new Set(['host', 'connection', 'keep-alive', 'transfer-encoding', 'upgrade']);

/**
 * A fetch over ONE HTTP/2 connection to `origin`: every request is a stream on the same
 * session, so concurrent calls are multiplexed. `http:` speaks h2c with prior knowledge,
 * `https:` negotiates h2 by ALPN. The session is reopened if the server closes it.
 */
export function createHttp2Fetch(origin: string, tls: TlsOptions = {}): BoundFetch {
  let session: ClientHttp2Session | undefined;
  let opened = 0;

  const currentSession = (): ClientHttp2Session => {
    if (session && !session.closed && !session.destroyed) return session;
    const fresh = connect(origin, { ca: tls.ca, rejectUnauthorized: !tls.insecure });
    opened++;
    fresh.on('error', () => {}); // surfaced on the streams that fail
    fresh.once('close', () => {
      if (session === fresh) session = undefined;
    });
    session = fresh;
    return fresh;
  };

  const fetch: FetchLike = async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const headers: Record<string, string> = {
      ':method': request.method,
      ':path': `${url.pathname}${url.search}`,
      ':authority': url.host,
    };
    request.headers.forEach((value, name) => {
      if (!SKIPPED_REQUEST_HEADERS.has(name)) headers[name] = value;
    });
    const body = request.body === null ? undefined : Buffer.from(await request.arrayBuffer());
    request.signal.throwIfAborted();

    const stream = currentSession().request(headers, { endStream: body === undefined });
    const onAbort = () => stream.close(constants.NGHTTP2_CANCEL);
    request.signal.addEventListener('abort', onAbort, { once: true });
    stream.once('close', () => request.signal.removeEventListener('abort', onAbort));
    if (body !== undefined) stream.end(body);

    const responseHeaders = await new Promise<IncomingHttpHeaders>((resolve, reject) => {
      stream.once('response', resolve);
      stream.once('error', reject);
      stream.once('close', () => reject(request.signal.reason ?? new Error(`HTTP/2 stream closed (code ${stream.rstCode})`)));
    });
    const status = Number(responseHeaders[':status']);
    const outHeaders = new Headers();
    for (const [name, value] of Object.entries(responseHeaders)) {
      if (name.startsWith(':') || value === undefined) continue;
      for (const v of Array.isArray(value) ? value : [value]) outHeaders.append(name, String(v));
    }
    const nullBody = status === 204 || status === 304 || request.method === 'HEAD';
    if (nullBody) stream.resume();
    return new Response(nullBody ? null : readableSide(stream), { status, headers: outHeaders });
  };

  return {
    fetch,
    connectionsOpened: () => opened,
    close: () =>
      new Promise<void>((resolve) => {
        const closing = session;
        if (!closing || closing.closed) return resolve();
        // A graceful close waits for open streams; one the server abandoned must not hold us forever.
        const force = setTimeout(() => closing.destroy(), 2_000);
        closing.close(() => {
          clearTimeout(force);
          resolve();
        });
      }),
  };
}

/**
 * The response body: the stream's readable side only. (Readable.toWeb waits for both sides
 * of a duplex, so a response that ends while the upload is still blocked would never end.)
 */
function readableSide(stream: ClientHttp2Stream): ReadableStream<Uint8Array> {
  let settled = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const settle = (error?: unknown) => {
        if (settled) return;
        settled = true;
        if (error === undefined) controller.close();
        else controller.error(error);
      };
      stream.on('data', (chunk: Buffer) => {
        if (!settled) controller.enqueue(new Uint8Array(chunk));
      });
      stream.once('end', () => settle());
      stream.once('error', (error) => settle(error));
      stream.once('close', () =>
        settle(stream.rstCode === constants.NGHTTP2_NO_ERROR ? undefined : new Error(`HTTP/2 stream reset (code ${stream.rstCode})`)),
      );
    },
    cancel() {
      settled = true;
      stream.close(constants.NGHTTP2_CANCEL);
    },
  });
}
