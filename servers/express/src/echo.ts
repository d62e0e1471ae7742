#!/usr/bin/env node
// The raw limit of Express 5 on node:http: a JSON echo with no MCP, against which the benchmark
// sets the MCP server's throughput.
import express, { type NextFunction, type Request, type Response } from 'express';
import type { AddressInfo } from 'node:net';

const app = express();
app.disable('x-powered-by');
app.use(express.json({ limit: '4mb' }));
app.post('/{*path}', (req: Request, res: Response) => void res.json(req.body));
app.use((_error: Error, _req: Request, res: Response, _next: NextFunction) => void res.status(400).type('text/plain').send('invalid JSON'));
const server = app.listen(Number(process.env.PORT ?? 3107), process.env.HOST ?? '127.0.0.1', () => {
  const { address, port } = server.address() as AddressInfo;
  console.log(`express-echo listening on http://${address}:${port}/echo`);
});
process.once('SIGTERM', () => process.exit(0));
