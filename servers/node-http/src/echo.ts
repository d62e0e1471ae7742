#!/usr/bin/env node
// The raw limit of node:http: a JSON echo with no MCP, against which the benchmark sets the
// MCP server's throughput ("how much of the stack's capacity does MCP leave?").
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    let body: string;
    try {
      body = JSON.stringify(JSON.parse(Buffer.concat(chunks).toString('utf8')));
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('invalid JSON');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
  });
});
server.listen(Number(process.env.PORT ?? 3101), process.env.HOST ?? '127.0.0.1', () => {
  const { address, port } = server.address() as AddressInfo;
  console.log(`node-http-echo listening on http://${address}:${port}/echo`);
});
process.once('SIGTERM', () => process.exit(0));
