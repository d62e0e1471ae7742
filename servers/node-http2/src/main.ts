#!/usr/bin/env node
import { createSecureServer, createServer, type Http2Server, type Http2Session } from 'node:http2';
import type { AddressInfo } from 'node:net';
import {
  certificateFromFiles,
  configFromProcess,
  createEndpoint,
  createNodeHandler,
  endpointUrl,
  failStart,
  localhostCertificate,
  serveUntilSignalled,
  type Listener,
} from '@mcp-runtimes/server-kit';

const RUNTIME = 'node-http2';
const config = configFromProcess(RUNTIME, 3002);
const endpoint = createEndpoint(config, { runtime: RUNTIME });

try {
  const certificate =
    config.tlsCert && config.tlsKey
      ? await certificateFromFiles(config.tlsCert, config.tlsKey)
      : await localhostCertificate();
  // TLS with ALPN h2 and an HTTP/1.1 fallback: k6 and most MCP clients reach it either way.
  const tls = createSecureServer({ key: certificate.key, cert: certificate.cert, allowHTTP1: true });
  tls.on('request', createNodeHandler(endpoint, 'https'));
  const listeners = [await listen(tls, config.port, 'https', 'h2, http/1.1')];
  if (config.h2cPort !== null) {
    const h2c = createServer();
    h2c.on('request', createNodeHandler(endpoint, 'http'));
    listeners.push(await listen(h2c, config.h2cPort, 'http', 'h2c'));
  }
  serveUntilSignalled(RUNTIME, endpoint, listeners, config.shutdownTimeoutMs);
} catch (error) {
  failStart(RUNTIME, error);
}

/** Listens and tracks sessions, which node:http2 does not close for us on shutdown. */
async function listen(server: Http2Server, port: number, scheme: string, label: string): Promise<Listener> {
  const sessions = new Set<Http2Session>();
  server.on('session', (session) => {
    sessions.add(session);
    session.once('close', () => sessions.delete(session));
  });
  // HTTP/1.1 fallback connections are not sessions.
  const sockets = new Set<import('node:net').Socket>();
  server.on('connection', (socket: import('node:net').Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
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
    closeConnections: () => {
      for (const session of sessions) session.destroy();
      for (const socket of sockets) socket.destroy();
    },
  };
}
