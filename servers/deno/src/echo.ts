#!/usr/bin/env -S deno run --allow-all
// The raw limit of Deno.serve: a JSON echo with no MCP, against which the benchmark sets the MCP
// server's throughput.
const hostname = process.env.HOST ?? '127.0.0.1';
Deno.serve(
  {
    hostname,
    port: Number(process.env.PORT ?? 3106),
    onListen: ({ port }) => console.log(`deno-echo listening on http://${hostname}:${port}/echo`),
  },
  async (request) => {
    try {
      return Response.json(await request.json());
    } catch {
      return new Response('invalid JSON', { status: 400, headers: { 'content-type': 'text/plain' } });
    }
  },
);
process.once('SIGTERM', () => process.exit(0));
