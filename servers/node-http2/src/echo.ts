#!/usr/bin/env node
// The raw limit of node:http2 (h2c, as h2load drives it): a JSON echo with no MCP, against
// which the benchmark sets the MCP server's throughput.
import { createServer } from 'node:http2';
import type { AddressInfo } from 'node:net';

const server = createServer();
server.on('stream', (stream) => {
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => {
    let body: string;
    try {
      body = JSON.stringify(JSON.parse(Buffer.concat(chunks).toString('utf8')));
    } catch {
      stream.respond({ ':status': 400, 'content-type': 'text/plain' });
      stream.end('invalid JSON');
      return;
    }
    stream.respond({ ':status': 200, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    stream.end(body);
  });
  stream.on('error', () => stream.destroy());
});
server.listen(Number(process.env.PORT ?? 3102), process.env.HOST ?? '127.0.0.1', () => {
  const { address, port } = server.address() as AddressInfo;
  console.log(`node-http2-echo listening on http://${address}:${port}/echo (h2c)`);
});
process.once('SIGTERM', () => process.exit(0));
