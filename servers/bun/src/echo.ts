#!/usr/bin/env bun
// The raw limit of Bun.serve: a JSON echo with no MCP, against which the benchmark sets the MCP
// server's throughput.
const server = Bun.serve({
  hostname: process.env.HOST ?? '127.0.0.1',
  port: Number(process.env.PORT ?? 3105),
  async fetch(request) {
    try {
      return Response.json(await request.json());
    } catch {
      return new Response('invalid JSON', { status: 400, headers: { 'content-type': 'text/plain' } });
    }
  },
});
console.log(`bun-echo listening on http://${process.env.HOST ?? '127.0.0.1'}:${server.port}/echo`);
process.once('SIGTERM', () => process.exit(0));
