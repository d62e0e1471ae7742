#!/usr/bin/env node
import { configFromProcess, createEndpoint, endpointUrl, failStart, processUsage, serveUntilSignalled, simulateStartup } from '@mcp-runtimes/server-kit';
import { createUwsHandler } from '@mcp-runtimes/server-kit/uws';
import { loadUws } from './uws-loader.js';

const RUNTIME = 'uws';
const config = configFromProcess(RUNTIME, 3004);
await simulateStartup(config);
const endpoint = createEndpoint(config, { runtime: RUNTIME, usage: processUsage });
const UWS_FIXED_TIMEOUT_MS = 10_000;
if (config.headersTimeoutMs !== UWS_FIXED_TIMEOUT_MS) {
  console.error(`${RUNTIME}: uWebSockets.js cuts off slow headers and idle connections at a fixed 10 s; MCP_HEADERS_TIMEOUT_MS is not applied`);
}

try {
  const { uws } = loadUws();
  const { handler, written } = createUwsHandler(endpoint);
  const app = uws.App().any('/*', handler);
  // close() exists at runtime since uWS v20.15 but is missing from this build's typings.
  const closeAll = () => (app as typeof app & { close(): void }).close();
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
          // uWS has no graceful close: wait until every response is written, then close all.
          finish: async () => {
            await written();
            closeAll();
          },
          closeConnections: closeAll,
        },
      ],
      config.shutdownTimeoutMs,
    );
  });
} catch (error) {
  failStart(RUNTIME, error);
}
