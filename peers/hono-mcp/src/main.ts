#!/usr/bin/env node
// Peer: the surface on @hono/mcp's StreamableHTTPTransport, a Hono app on @hono/node-server.
//
// @hono/mcp's README shows one McpServer connected once to one StreamableHTTPTransport that
// serves every request, and says nothing about production or stateless use. Shared that way, a
// stateless transport (no sessionIdGenerator) routes answers by JSON-RPC id across all clients,
// so two clients using the same id get each other's answers. We follow the SDK's stateless idiom
// instead, which the transport's options come from: a new McpServer and a new transport for
// every request, no session ids, JSON responses (`enableJsonResponse`, an SDK option the
// transport supports), both closed when the request is over. Everything else is the defaults.
import { StreamableHTTPTransport } from '@hono/mcp';
import { serve } from '@hono/node-server';
import { drainOnSignal, failListen, peerHealth, peerSettings } from '@mcp-runtimes/server-kit/peer-hosting';
import { createMcpServer } from '@mcp-runtimes/tools';
import { Hono } from 'hono';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const RUNTIME = 'hono-mcp';
const settings = peerSettings(3203);
const { host, port, mcpPath } = settings;

const app = new Hono();

app.get('/health', (c) => c.json(peerHealth(RUNTIME)));

app.all(mcpPath, async (c) => {
  const server = createMcpServer();
  const transport = new StreamableHTTPTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  await server.connect(transport);
  try {
    // With JSON responses the answer is complete when this resolves, so closing after it is safe.
    // Its HTTPExceptions (406, 415, 400 …) are answered by Hono's default error handler.
    return await transport.handleRequest(c);
  } finally {
    void transport.close();
    void server.close();
  }
});

const httpServer = serve({ fetch: app.fetch, port, hostname: host }, (info: AddressInfo) => {
  console.log(`${RUNTIME} listening on http://${host}:${info.port}${mcpPath}`);
}) as Server;
httpServer.once('error', (error) => failListen(RUNTIME, settings, error));

drainOnSignal(RUNTIME, httpServer, settings.shutdownTimeoutMs);
