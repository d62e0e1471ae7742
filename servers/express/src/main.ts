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
import express, { type NextFunction, type Request, type Response } from 'express';

const RUNTIME = 'express';
const config = configFromProcess(RUNTIME, 3007);
await simulateStartup(config);
const endpoint = createEndpoint(config, { runtime: RUNTIME, usage: processUsage });
const toCore = createNodeHandler(endpoint, 'http');

// Express reads the body with its own text parser (every media type: the core judges
// Content-Type itself) and hands the text to the core.
const app = express();
app.disable('x-powered-by');
app.use(express.text({ type: () => true, limit: config.maxBodyBytes, inflate: false }));
app.use((req: Request, res: Response) => toCore(req, res, typeof req.body === 'string' ? req.body : undefined));
app.use((error: BodyError, req: Request, res: Response, _next: NextFunction) => {
  switch (error.type) {
    case 'entity.too.large':
      return toCore(req, res, null); // the core's 413, as every server answers it
    case 'encoding.unsupported':
      return toCore(req, res); // a compressed body, refused before reading: the core reads it as the others do
    case 'request.aborted':
      return void res.destroy(); // the client is gone: nobody to answer
    default:
      res.status(error.status ?? 400).json({ error: 'bad_request', message: error.message });
  }
});

/** What Express's body parser passes on when it cannot read a body. */
interface BodyError extends Error {
  type?: string;
  status?: number;
}

const server = createServer(nodeHttpTimeouts(config), app);
server.once('error', (error) => failStart(RUNTIME, error));
server.listen(config.port, config.host, () => {
  const { port } = server.address() as AddressInfo;
  const url = endpointUrl('http', config.host, port, config.mcpPath);
  serveUntilSignalled(RUNTIME, endpoint, [httpServerListener(server, url)], config.shutdownTimeoutMs);
});
