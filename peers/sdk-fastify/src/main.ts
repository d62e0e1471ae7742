#!/usr/bin/env node
// Peer: the surface on Fastify 5 exactly as SDK v2's serving guide wires Fastify
// (docs/serving/fastify.md): `createMcpHandler` with a new server for every request, adapted to
// Node once by `toNodeHandler`, handed `request.raw` and `reply.raw` by a route on
// `createMcpFastifyApp` (Fastify() with the Host/Origin checks of a 127.0.0.1 bind). What a user
// copies from the documentation; the Fastify server of ours beside it runs the same framework in
// our tuned wiring. The only additions are the ones every measured server has: /health with the
// process's figures, and a SIGTERM drain.
import { createMcpFastifyApp } from '@modelcontextprotocol/fastify';
import { toNodeHandler } from '@modelcontextprotocol/node';
import { createMcpHandler } from '@modelcontextprotocol/server';
import { drainOnSignal, failListen, peerHealth, peerSettings } from '@mcp-runtimes/server-kit/peer-hosting';
import { createMcpServerV2 } from '@mcp-runtimes/tools';
import type { AddressInfo } from 'node:net';

const RUNTIME = 'sdk-fastify';
const settings = peerSettings(3206);
const { host, port, mcpPath } = settings;

const handler = createMcpHandler(() => createMcpServerV2());
// The guide's default bind is 127.0.0.1, which turns on its Host/Origin checks; the host is passed
// so that the checks follow the bind (a wildcard bind gets none, as the guide warns).
const app = createMcpFastifyApp({ host });
const node = toNodeHandler(handler);
app.get('/health', async () => peerHealth(RUNTIME));
app.all(mcpPath, (request, reply) => node(request.raw, reply.raw, request.body));

try {
  await app.listen({ port, host });
} catch (error) {
  failListen(RUNTIME, settings, error as Error);
}
console.log(`${RUNTIME} listening on http://${host}:${(app.server.address() as AddressInfo).port}${mcpPath}`);
drainOnSignal(RUNTIME, app.server, settings.shutdownTimeoutMs);
