#!/usr/bin/env -S deno run --allow-all --node-modules-dir=manual --unstable-no-legacy-abort
import { configFromProcess, createEndpoint, endpointUrl, failStart, fetchListener, internalErrorResponse, processUsage, serveUntilSignalled, simulateStartup } from '@mcp-runtimes/server-kit';

const RUNTIME = 'deno';
const config = configFromProcess(RUNTIME, 3006);
await simulateStartup(config);
const endpoint = createEndpoint(config, { runtime: RUNTIME, usage: processUsage });

// Aborting closes every connection at once: the shutdown deadline's last resort.
const closeAll = new AbortController();
let server: DenoHttpServer;
try {
  server = Deno.serve(
    { hostname: config.host, port: config.port, signal: closeAll.signal, onListen: () => {}, onError: internalErrorResponse },
    endpoint.fetch,
  );
} catch (error) {
  failStart(RUNTIME, error);
}

serveUntilSignalled(
  RUNTIME,
  endpoint,
  [
    fetchListener(endpointUrl('http', config.host, server.addr.port, config.mcpPath), {
      stopAccepting: () => server.shutdown(),
      closeConnections: () => closeAll.abort(),
    }),
  ],
  config.shutdownTimeoutMs,
);
