#!/usr/bin/env node
// The raw limit of uWebSockets.js: a JSON echo with no MCP, against which the benchmark sets
// the MCP server's throughput.
import { loadUws } from './uws-loader.js';

const { uws } = loadUws();
const host = process.env.HOST ?? '127.0.0.1';
uws
  .App()
  .post('/*', (res) => {
    const chunks: Buffer[] = [];
    let aborted = false;
    res.onAborted(() => (aborted = true));
    res.onData((chunk, isLast) => {
      chunks.push(Buffer.from(chunk.slice(0))); // uWS reuses the chunk's memory after this call
      if (!isLast || aborted) return;
      let body: string;
      try {
        body = JSON.stringify(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        res.cork(() => res.writeStatus('400 Bad Request').writeHeader('content-type', 'text/plain').end('invalid JSON'));
        return;
      }
      res.cork(() => res.writeStatus('200 OK').writeHeader('content-type', 'application/json').end(body));
    });
  })
  .listen(host, Number(process.env.PORT ?? 3104), (socket) => {
    if (!socket) {
      console.error('uws-echo cannot listen');
      process.exit(1);
    }
    console.log(`uws-echo listening on http://${host}:${uws.us_socket_local_port(socket)}/echo`);
  });
process.once('SIGTERM', () => process.exit(0));
