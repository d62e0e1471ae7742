#!/usr/bin/env node
// Peer: the surface on FastMCP (TypeScript). Its README recommends, for serverless and
// load-balanced deployments, `transportType: "httpStream"` with `stateless: true` ("each request
// creates a temporary session that's discarded after the response"), endpoint `/mcp` by
// default; we follow that, plus `enableJsonResponse` (a start option it passes to the SDK
// transport: one JSON reply per request instead of an SSE stream). Everything else is defaults.
import { peerHealth, peerSettings } from '@mcp-runtimes/server-kit/peer-hosting';
import { SERVER_INFO, SERVER_INSTRUCTIONS, toolActivity } from '@mcp-runtimes/tools';
import { FastMCP } from 'fastmcp';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { registerSurface } from './surface.js';

const RUNTIME = 'fastmcp';
const { host, port: requestedPort, mcpPath, shutdownTimeoutMs: SHUTDOWN_TIMEOUT_MS } = peerSettings(3204);

/**
 * fastmcp's start() neither returns its HTTP server nor says which port it got, so PORT=0 is
 * resolved here: the OS hands out a free port, which is released and given to fastmcp (another
 * process could take it in between; the launcher would then see the start fail).
 */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

// fastmcp logs to the console by default, a debug line on stdout for every stateless request;
// stdout carries only our ready line, so its messages go to stderr and debug is dropped.
const logger = {
  debug: () => {},
  log: console.error,
  info: console.error,
  warn: console.error,
  error: console.error,
};

const server = new FastMCP({ ...SERVER_INFO, instructions: SERVER_INSTRUCTIONS, logger });
registerSurface(server);

// fastmcp's built-in health endpoint answers a fixed plain-text message; our /health reports
// the process's CPU and peak RSS, so it is a custom route on fastmcp's Hono app (which fastmcp
// consults before its built-in /health, as its README documents for health checks).
server.getApp().get('/health', (c) => c.json(peerHealth(RUNTIME)));

try {
  const port = requestedPort === 0 ? await freePort() : requestedPort;
  await server.start({
    transportType: 'httpStream',
    httpStream: { host, port, endpoint: mcpPath, stateless: true, enableJsonResponse: true },
  });
  console.log(`${RUNTIME} listening on http://${host}:${port}${mcpPath}`);
} catch (error) {
  console.error(`${RUNTIME} could not start on ${host}:${requestedPort}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

// server.stop() closes fastmcp's HTTP server: no new connections, idle ones closed, busy ones
// cut after a fixed 1 s grace (mcp-proxy's, which fastmcp runs on; not configurable), which
// would cut a tool call still awaiting its delay. fastmcp exposes neither its HTTP server nor
// its in-flight requests, so the drain waits first for the tools' own running count (the shared
// toolActivity) to reach zero, up to the deadline, and only then stops; requests arriving in that
// wait are still accepted.
async function shutdown(signal: NodeJS.Signals): Promise<void> {
  console.log(`${RUNTIME} received ${signal}: draining`);
  const deadline = Date.now() + SHUTDOWN_TIMEOUT_MS;
  while (toolActivity().running > 0 && Date.now() < deadline) await sleep(20);
  await server.stop();
  process.exit(0);
}
process.once('SIGTERM', (signal) => void shutdown(signal));
process.once('SIGINT', (signal) => void shutdown(signal));
