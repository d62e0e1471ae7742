#!/usr/bin/env node
import {
  createSecureServer,
  createServer,
  type Http2Server,
  type Http2ServerRequest,
  type Http2ServerResponse,
  type Http2Session,
} from 'node:http2';
import type { AddressInfo, Socket } from 'node:net';
import {
  certificateFromFiles,
  configFromProcess,
  simulateStartup,
  createEndpoint,
  createNodeHandler,
  endpointUrl,
  failStart,
  localhostCertificate,
  serveUntilSignalled,
  type Listener,
  processUsage,
} from '@mcp-runtimes/server-kit';
import { onConnection } from './connections.js';
import { closeIdleConnections } from './idle-cutoff.js';

const RUNTIME = 'node-http2';
/** At shutdown, how long a peer may take to close an h2 connection whose last bytes are sent. */
const LINGER_MS = 500;
const config = configFromProcess(RUNTIME, 3002);
await simulateStartup(config);
const endpoint = createEndpoint(config, { runtime: RUNTIME, usage: processUsage });

try {
  const certificate =
    config.tlsCert && config.tlsKey
      ? await certificateFromFiles(config.tlsCert, config.tlsKey)
      : await localhostCertificate();
  // TLS with ALPN h2 and an HTTP/1.1 fallback: k6 and most MCP clients reach it either way.
  const tls = createSecureServer({
    key: certificate.key,
    cert: certificate.cert,
    allowHTTP1: true,
    // A client that connects and never finishes the TLS handshake is a slowloris too.
    ...(config.headersTimeoutMs > 0 ? { handshakeTimeout: config.headersTimeoutMs } : {}),
  });
  closeIdleConnections(tls, config.headersTimeoutMs);
  tls.on('request', createNodeHandler(endpoint, 'https'));
  const listeners = [await listen(tls, config.port, 'https', 'h2, http/1.1')];
  if (config.h2cPort !== null) {
    const h2c = createServer();
    closeIdleConnections(h2c, config.headersTimeoutMs);
    h2c.on('request', createNodeHandler(endpoint, 'http'));
    listeners.push(await listen(h2c, config.h2cPort, 'http', 'h2c'));
  }
  serveUntilSignalled(RUNTIME, endpoint, listeners, config.shutdownTimeoutMs);
} catch (error) {
  failStart(RUNTIME, error);
}

/**
 * Listens, and tracks what node:http2 does not close for us on shutdown: h2 sessions, and every
 * connection's socket (for the HTTP/1.1 fallback, with how many responses it is still writing).
 */
async function listen(server: Http2Server, port: number, scheme: string, label: string): Promise<Listener> {
  const sessions = new Set<Http2Session>();
  server.on('session', (session) => {
    sessions.add(session);
    session.once('close', () => sessions.delete(session));
  });
  const connections = new Map<Socket, Connection>();
  let finishing = false;
  // node:http2 ends the socket of a session it closed gracefully, then waits for the peer to
  // close its side, however long that takes. A stopping server gives the peer LINGER_MS once its
  // own side is written (closing at once could reset what the kernel has not yet sent), then closes it.
  const closeIfDone = (socket: Socket, connection: Connection) => {
    if (connection.http1Active !== null) {
      if (connection.http1Active === 0) socket.destroy();
    } else if (socket.writableFinished) {
      setTimeout(() => socket.destroy(), LINGER_MS);
    }
  };
  onConnection(server, (socket, h2) => {
    const connection: Connection = { http1Active: h2 ? null : 0, closed: new Promise((resolve) => socket.once('close', resolve)) };
    connections.set(socket, connection);
    void connection.closed.then(() => connections.delete(socket));
    if (h2) socket.once('finish', () => finishing && closeIfDone(socket, connection));
  });
  server.on('request', (req: Http2ServerRequest, res: Http2ServerResponse) => {
    const connection = connections.get(req.socket as Socket);
    if (req.httpVersionMajor !== 1 || !connection || connection.http1Active === null) return;
    connection.http1Active++;
    // The response's close, not the request's: node:http closes a request once its body is read,
    // while its tool may still be running.
    res.once('close', () => {
      connection.http1Active = (connection.http1Active ?? 1) - 1;
      if (finishing) closeIfDone(req.socket as Socket, connection);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port: boundPort } = server.address() as AddressInfo;
  return {
    url: endpointUrl(scheme, config.host, boundPort, config.mcpPath),
    label,
    stopAccepting: () => {
      server.close();
      for (const session of sessions) session.close(); // GOAWAY: open streams finish, no new ones
    },
    finish: async () => {
      finishing = true;
      for (const [socket, connection] of connections) closeIfDone(socket, connection);
      await Promise.all([...connections.values()].map((c) => c.closed));
    },
    closeConnections: () => {
      for (const session of sessions) session.destroy();
      for (const socket of connections.keys()) socket.destroy();
    },
    stillOpen: () => {
      const described = [...connections].map(([socket, { http1Active }]) =>
        http1Active === null
          ? `h2 connection (own side written ${socket.writableFinished}, destroyed ${socket.destroyed})`
          : `HTTP/1.1 connection with ${http1Active} response(s) (destroyed ${socket.destroyed})`,
      );
      return described.length > 0 ? described.join(', ') : 'nothing tracked';
    },
  };
}

interface Connection {
  /** Responses an HTTP/1.1 fallback connection is still writing; null on an h2 connection. */
  http1Active: number | null;
  closed: Promise<unknown>;
}
