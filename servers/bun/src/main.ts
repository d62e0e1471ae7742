#!/usr/bin/env bun
import { configFromProcess, createEndpoint, endpointUrl, failStart, fetchListener, internalErrorResponse, processUsage, serveUntilSignalled, simulateStartup } from '@mcp-runtimes/server-kit';

const RUNTIME = 'bun';
const config = configFromProcess(RUNTIME, 3005);
await simulateStartup(config);
const endpoint = createEndpoint(config, { runtime: RUNTIME, usage: processUsage });

/** Bun's idle timeout is whole seconds, at most 255, and covers slow headers too; 0 turns it off. */
const idleTimeoutS = config.headersTimeoutMs > 0 ? Math.min(255, Math.max(1, Math.ceil(config.headersTimeoutMs / 1000))) : 0;

let server: BunServer;
try {
  server = Bun.serve({
    hostname: config.host,
    port: config.port,
    idleTimeout: idleTimeoutS,
    // Past the core's limit by a margin: the core answers 413 with its JSON-RPC error first.
    maxRequestBodySize: config.maxBodyBytes * 2 + 65_536,
    fetch: endpoint.fetch,
    error: internalErrorResponse,
  });
} catch (error) {
  failStart(RUNTIME, error);
}

serveUntilSignalled(
  RUNTIME,
  endpoint,
  [
    fetchListener(endpointUrl('http', config.host, server.port, config.mcpPath), {
      // stop(false) stops listening and resolves once the open connections have closed.
      stopAccepting: () => server.stop(false),
      closeConnections: () => void server.stop(true),
    }),
  ],
  config.shutdownTimeoutMs,
);
