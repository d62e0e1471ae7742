#!/usr/bin/env node
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  configFromProcess,
  simulateStartup,
  createEndpoint,
  createNodeHandler,
  endpointUrl,
  failStart,
  httpServerListener,
  nodeHttpTimeouts,
  serveUntilSignalled,
  processUsage,
} from '@mcp-runtimes/server-kit';

const RUNTIME = 'node-http';
const config = configFromProcess(RUNTIME, 3001);
await simulateStartup(config);
const endpoint = createEndpoint(config, { runtime: RUNTIME, usage: processUsage });
const server = createServer(nodeHttpTimeouts(config), createNodeHandler(endpoint, 'http'));

server.once('error', (error) => failStart(RUNTIME, error));
server.listen(config.port, config.host, () => {
  const { port } = server.address() as AddressInfo;
  const url = endpointUrl('http', config.host, port, config.mcpPath);
  serveUntilSignalled(RUNTIME, endpoint, [httpServerListener(server, url)], config.shutdownTimeoutMs);
});
