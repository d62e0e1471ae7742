#!/usr/bin/env node
import { configFromProcess, createEndpoint, endpointUrl, failStart, serveUntilSignalled } from '@mcp-runtimes/server-kit';
import { createUwsHandler } from './bridge.js';
import { loadUws } from './uws-loader.js';

const RUNTIME = 'uws';
const config = configFromProcess(RUNTIME, 3004);
const endpoint = createEndpoint(config, { runtime: RUNTIME });

try {
  const { uws } = loadUws();
  const app = uws.App().any('/*', createUwsHandler(endpoint, config.maxBodyBytes));
  app.listen(config.host, config.port, (listenSocket) => {
    if (!listenSocket) failStart(RUNTIME, new Error(`cannot listen on ${config.host}:${config.port}`));
    const port = uws.us_socket_local_port(listenSocket);
    serveUntilSignalled(
      RUNTIME,
      endpoint,
      [
        {
          url: endpointUrl('http', config.host, port, config.mcpPath),
          stopAccepting: () => uws.us_listen_socket_close(listenSocket),
          // close() exists at runtime since uWS v20.15 but is missing from this build's typings.
          closeConnections: () => (app as typeof app & { close(): void }).close(),
        },
      ],
      config.shutdownTimeoutMs,
    );
  });
} catch (error) {
  failStart(RUNTIME, error);
}
