#!/usr/bin/env node
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  configFromProcess,
  createEndpoint,
  createNodeHandler,
  endpointUrl,
  failStart,
  serveUntilSignalled,
} from '@mcp-runtimes/server-kit';

const RUNTIME = 'node-http';
const config = configFromProcess(RUNTIME, 3001);
const endpoint = createEndpoint(config, { runtime: RUNTIME });
const server = createServer(createNodeHandler(endpoint, 'http'));

server.once('error', (error) => failStart(RUNTIME, error));
server.listen(config.port, config.host, () => {
  const { port } = server.address() as AddressInfo;
  let closed: Promise<void> = Promise.resolve();
  serveUntilSignalled(
    RUNTIME,
    endpoint,
    [
      {
        url: endpointUrl('http', config.host, port, config.mcpPath),
        // close() also closes idle keep-alive connections; ones with a response pending stay.
        stopAccepting: () => void (closed = new Promise((resolve) => server.close(() => resolve()))),
        finish: () => {
          server.closeIdleConnections();
          return closed;
        },
        closeConnections: () => server.closeAllConnections(),
      },
    ],
    config.shutdownTimeoutMs,
  );
});
