import type { Http2SecureServer, Http2Server, Http2ServerRequest, Http2ServerResponse, Http2Session } from 'node:http2';
import { onConnection } from './connections.js';

/**
 * node:http2 has no headers deadline (and its session timeout would cut off a stream that is
 * just waiting for a slow tool), so this gives it the one node:http has: a connection with
 * no request in progress for `timeoutMs` (one that never completes its headers, or an idle
 * kept-alive one, or one whose session is over but whose peer keeps its side open) is closed.
 * A request in progress is never cut off by it; its body has the request deadline.
 */
export function closeIdleConnections(server: Http2Server | Http2SecureServer, timeoutMs: number): void {
  if (timeoutMs <= 0) return;
  server.on('session', (session: Http2Session) => {
    const watch = new IdleWatch(timeoutMs, () => session.destroy());
    session.on('stream', (stream) => {
      watch.begin();
      stream.once('close', () => watch.end());
    });
    session.once('close', () => watch.stop());
  });
  // HTTP/1.1 over TLS (the ALPN fallback): node:http2 hands these sockets to node:http's parser
  // but without its deadlines.
  const http1 = new WeakMap<object, IdleWatch>();
  onConnection(server, (socket, h2) => {
    if (!h2) {
      const watch = new IdleWatch(timeoutMs, () => socket.destroy());
      http1.set(socket, watch);
      socket.once('close', () => watch.stop());
      return;
    }
    // A session closed gracefully (GOAWAY from either side) ends its socket, then node:http2 waits
    // for the peer to close its side, however long: a peer that never does would hold it forever.
    socket.once('finish', () => {
      const linger = setTimeout(() => socket.destroy(), timeoutMs);
      linger.unref();
      socket.once('close', () => clearTimeout(linger));
    });
  });
  server.on('request', (req: Http2ServerRequest, res: Http2ServerResponse) => {
    if (req.httpVersionMajor !== 1) return;
    const watch = http1.get(req.socket);
    if (!watch) return;
    watch.begin();
    res.once('close', () => watch.end());
  });
}

/** Runs `onIdle` once nothing has been in progress for `timeoutMs`. */
class IdleWatch {
  private active = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly timeoutMs: number,
    private readonly onIdle: () => void,
  ) {
    this.arm();
  }

  begin(): void {
    this.active++;
    clearTimeout(this.timer);
  }

  end(): void {
    if (--this.active === 0) this.arm();
  }

  stop(): void {
    clearTimeout(this.timer);
  }

  private arm(): void {
    this.timer = setTimeout(this.onIdle, this.timeoutMs);
    this.timer.unref();
  }
}
