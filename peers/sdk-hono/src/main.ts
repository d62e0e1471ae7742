#!/usr/bin/env node
// Peer: the surface on Hono exactly as SDK v2's serving guide wires Hono (docs/serving/hono.md):
// `createMcpHandler` with a new server for every request, its `fetch` given the route's
// `c.req.raw` and the body `createMcpHonoApp` parsed (new Hono() with JSON parsing and the
// Host/Origin checks of a 127.0.0.1 bind), served on Node by @hono/node-server as the guide says.
// What a user copies from the documentation; the Hono server of ours beside it runs the same
// framework in our tuned wiring. The only additions are the ones every measured server has:
// /health with the process's figures, and a SIGTERM drain.
import { serve } from '@hono/node-server';
import { createMcpHonoApp } from '@modelcontextprotocol/hono';
import { createMcpHandler } from '@modelcontextprotocol/server';
import { drainOnSignal, failListen, peerHealth, peerSettings } from '@mcp-runtimes/server-kit/peer-hosting';
import { createMcpServerV2 } from '@mcp-runtimes/tools';
import type { Context } from 'hono';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const RUNTIME = 'sdk-hono';
const settings = peerSettings(3207);
const { host, port, mcpPath } = settings;

const handler = createMcpHandler(() => createMcpServerV2());
// The guide's default bind is 127.0.0.1, which turns on its Host/Origin checks; the host is passed
// so that the checks follow the bind (a wildcard bind gets none, as the guide warns).
const app = createMcpHonoApp({ host });
app.get('/health', (c) => c.json(peerHealth(RUNTIME)));
app.all(mcpPath, (c: Context) => handler.fetch(c.req.raw, { parsedBody: c.get('parsedBody') }));

const server = serve({ fetch: app.fetch, port, hostname: host }, (info: AddressInfo) => {
  console.log(`${RUNTIME} listening on http://${host}:${info.port}${mcpPath}`);
}) as Server;
server.once('error', (error) => failListen(RUNTIME, settings, error));
drainOnSignal(RUNTIME, server, settings.shutdownTimeoutMs);
