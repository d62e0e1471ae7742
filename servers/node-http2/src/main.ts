#!/usr/bin/env node
import {
  createSecureServer,
  createServer,
  type Http2Server,
  type Http2ServerRequest,
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
} from '@mcp-runtimes/server-kit';
import { closeIdleConnections } from './idle-cutoff.js';

const RUNTIME = 'node-http2';
const config = configFromProcess(RUNTIME, 3002);
await simulateStartup(config);
const endpoint = createEndpoint(config, { runtime: RUNTIME });

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
 * Listens, and tracks what node:http2 does not close for us on shutdown: h2 sessions, and
 * the sockets of HTTP/1.1 fallback requests with how many responses each is still writing.
 */
async function listen(server: Http2Server, port: number, scheme: string, label: string): Promise<Listener> {
  const sessions = new Set<Http2Session>();
  server.on('session', (session) => {
    sessions.add(session);
    session.once('close', () => sessions.delete(session));
  });
  const http1 = new Map<Socket, number>();
  let finishing = false;
  server.on('request', (req: Http2ServerRequest) => {
    if (req.httpVersionMajor !== 1) return;
    const socket = req.socket as Socket;
    if (!http1.has(socket)) socket.once('close', () => http1.delete(socket));
    http1.set(socket, (http1.get(socket) ?? 0) + 1);
    req.once('close', () => {
      const active = (http1.get(socket) ?? 1) - 1;
      http1.set(socket, active);
      if (finishing && active === 0) socket.destroy();
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
  const closedEvents = () => [...sessions, ...http1.keys()].map((c) => new Promise((resolve) => c.once('close', resolve)));
  return {
    url: endpointUrl(scheme, config.host, boundPort, config.mcpPath),
    label,
    stopAccepting: () => {
      server.close();
      for (const session of sessions) session.close(); // GOAWAY: open streams finish, no new ones
    },
    finish: async () => {
      finishing = true;
      for (const [socket, active] of http1) if (active === 0) socket.destroy();
      await Promise.all(closedEvents());
    },
    closeConnections: () => {
      for (const session of sessions) session.destroy();
      for (const socket of http1.keys()) socket.destroy();
    },
    stillOpen: () => {
      const described = [...sessions].map((s) => `h2 session (closed ${s.closed}, destroyed ${s.destroyed}, socket destroyed ${s.socket?.destroyed ?? 'gone'})`);
      described.push(...[...http1].map(([socket, active]) => `HTTP/1.1 socket with ${active} response(s) (destroyed ${socket.destroyed})`));
      return described.length > 0 ? described.join(', ') : 'nothing tracked';
    },
  };
}
