import { isEventStream, type Endpoint } from '@mcp-runtimes/server-kit';
import { STATUS_CODES } from 'node:http';
import type { HttpRequest, HttpResponse } from './uws-loader.js';

/** Headers uWS writes itself. */
const OWN_HEADERS = new Set(['content-length', 'transfer-encoding', 'connection']);

interface Exchange {
  aborted: boolean;
  controller: AbortController;
}

/**
 * A uWS route handler over the shared endpoint. uWS rules: read everything from `req`
 * before any await, set onAborted first, copy each onData chunk (its buffer is reused),
 * and cork every write that happens after an await.
 */
export function createUwsHandler(endpoint: Endpoint, maxBodyBytes: number) {
  // Responses the endpoint has returned but we have not finished writing: shutdown waits for them.
  let writing = 0;
  let onWritten: (() => void) | undefined;
  const handler = (res: HttpResponse, req: HttpRequest): void => {
    const exchange: Exchange = { aborted: false, controller: new AbortController() };
    const method = req.getMethod().toUpperCase();
    const headers = new Headers();
    req.forEach((name, value) => headers.append(name, value));
    const query = req.getQuery();
    const url = `http://${headers.get('host') ?? 'localhost'}${req.getUrl()}${query ? `?${query}` : ''}`;

    let bodyController: ReadableStreamDefaultController<Uint8Array> | undefined;
    res.onAborted(() => {
      exchange.aborted = true;
      exchange.controller.abort();
      try {
        bodyController?.error(new Error('client aborted'));
      } catch {
        // already closed
      }
    });

    let body: ReadableStream<Uint8Array> | null = null;
    if (method !== 'GET' && method !== 'HEAD') {
      body = new ReadableStream<Uint8Array>({ start: (c) => void (bodyController = c) });
      let received = 0;
      let open = true;
      res.onData((chunk, isLast) => {
        if (!open) return;
        received += chunk.byteLength;
        bodyController?.enqueue(new Uint8Array(chunk.slice(0)));
        // Past the limit the reader has what it needs to answer 413; drop the rest, unbuffered.
        if (isLast || received > maxBodyBytes) {
          open = false;
          bodyController?.close();
        }
      });
    }

    let request: Request;
    try {
      request = new Request(url, {
        method,
        headers,
        body,
        signal: exchange.controller.signal,
        duplex: 'half',
      } as RequestInit);
    } catch {
      res.writeStatus('400 Bad Request').writeHeader('content-type', 'application/json');
      res.end('{"error":"bad_request","message":"Bad Request: invalid Host header or request target"}', true);
      return;
    }
    writing++;
    endpoint
      .fetch(request)
      .then((response) => writeResponse(res, exchange, method, response))
      .catch((error: unknown) => {
        console.error(`internal error while answering: ${(error as Error)?.message ?? String(error)}`);
        if (!exchange.aborted) res.cork(() => res.close());
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

async function writeResponse(res: HttpResponse, exchange: Exchange, method: string, response: Response): Promise<void> {
  const status = `${response.status} ${STATUS_CODES[response.status] ?? 'Unknown'}`;
  const closeConnection = response.headers.get('connection') === 'close';
  const writeHead = () => {
    res.writeStatus(status);
    response.headers.forEach((value, name) => {
      if (!OWN_HEADERS.has(name)) res.writeHeader(name, value);
    });
  };
  if (!isEventStream(response)) {
    const body = response.body === null ? undefined : new Uint8Array(await response.arrayBuffer());
    if (exchange.aborted) return;
    res.cork(() => {
      writeHead();
      if (method === 'HEAD') res.endWithoutBody(body?.byteLength ?? 0, closeConnection);
      else res.end(body ?? '', closeConnection);
    });
    return;
  }

  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  if (exchange.aborted) {
    await reader.cancel();
    return;
  }
  res.cork(writeHead);
  for (;;) {
    const { done, value } = await reader.read();
    if (exchange.aborted) {
      await reader.cancel();
      return;
    }
    if (done) break;
    res.cork(() => res.write(value));
  }
  res.cork(() => res.end(undefined, closeConnection));
}
