#!/usr/bin/env node
import { serve } from '@hono/node-server';
import {
  configFromProcess,
  simulateStartup,
  createEndpoint,
  endpointUrl,
  failStart,
  httpServerListener,
  nodeHttpTimeouts,
  serveUntilSignalled,
  processUsage,
} from '@mcp-runtimes/server-kit';
import { Hono } from 'hono';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const RUNTIME = 'hono';
const config = configFromProcess(RUNTIME, 3003);
await simulateStartup(config);
const endpoint = createEndpoint(config, { runtime: RUNTIME, usage: processUsage });

// Hono hands the shared core the web Request that @hono/node-server made; every route is the core's.
const app = new Hono();
app.all('*', (c) => endpoint.fetch(c.req.raw));

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host, serverOptions: nodeHttpTimeouts(config) }, (info: AddressInfo) => {
  const url = endpointUrl('http', config.host, info.port, config.mcpPath);
  serveUntilSignalled(RUNTIME, endpoint, [httpServerListener(server as Server, url)], config.shutdownTimeoutMs);
});
server.once('error', (error) => failStart(RUNTIME, error));
