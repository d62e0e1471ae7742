#!/usr/bin/env node
// Peer: the surface on Express 5 exactly as SDK v2's serving guide wires Express
// (docs/serving/express.md): `createMcpHandler` with a new server for every request, adapted to
// Node once by `toNodeHandler`, on `createMcpExpressApp` (express() with express.json() and the
// Host/Origin checks of a 127.0.0.1 bind). What a user copies from the documentation; the Express
// server of ours beside it runs the same framework in our tuned wiring. The only additions are
// the ones every measured server has: /health with the process's figures, and a SIGTERM drain.
import { createMcpExpressApp } from '@modelcontextprotocol/express';
import { toNodeHandler } from '@modelcontextprotocol/node';
import { createMcpHandler } from '@modelcontextprotocol/server';
import { drainOnSignal, failListen, peerHealth, peerSettings } from '@mcp-runtimes/server-kit/peer-hosting';
import { createMcpServerV2 } from '@mcp-runtimes/tools';
import type { AddressInfo } from 'node:net';

const RUNTIME = 'sdk-express';
const settings = peerSettings(3205);
const { host, port, mcpPath } = settings;

const handler = createMcpHandler(() => createMcpServerV2());
// The guide's default bind is 127.0.0.1, which turns on its Host/Origin checks; the host is passed
// so that the checks follow the bind (a wildcard bind gets none, as the guide warns).
const app = createMcpExpressApp({ host });
const node = toNodeHandler(handler);
app.get('/health', (_req, res) => void res.json(peerHealth(RUNTIME)));
app.all(mcpPath, (req, res) => void node(req, res, req.body));

// Express 5 hands a failed listen to this callback too, with the error.
const server = app.listen(port, host, (error?: Error) => {
  if (error) failListen(RUNTIME, settings, error);
  console.log(`${RUNTIME} listening on http://${host}:${(server.address() as AddressInfo).port}${mcpPath}`);
});
drainOnSignal(RUNTIME, server, settings.shutdownTimeoutMs);
