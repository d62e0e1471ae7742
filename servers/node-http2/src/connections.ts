import type { Http2SecureServer, Http2Server } from 'node:http2';
import type { Socket } from 'node:net';
import { Server as TlsServer, TLSSocket } from 'node:tls';

/**
 * Each connection's socket once its protocol is known: after the handshake on the TLS listener
 * (h2 by ALPN, else node:http2's HTTP/1.1 fallback), at accept on the h2c one.
 */
export function onConnection(server: Http2Server | Http2SecureServer, listener: (socket: Socket, h2: boolean) => void): void {
  server.on(server instanceof TlsServer ? 'secureConnection' : 'connection', (socket: Socket) =>
    listener(socket, !(socket instanceof TLSSocket) || socket.alpnProtocol === 'h2'),
  );
}
