#!/usr/bin/env node
// The raw limit of Hono on @hono/node-server: a JSON echo with no MCP, against which the
// benchmark sets the MCP server's throughput.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';

const app = new Hono();
app.post('*', async (c) => {
  try {
    return c.json(await c.req.json());
  } catch {
    return c.text('invalid JSON', 400);
  }
});
const hostname = process.env.HOST ?? '127.0.0.1';
serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 3103), hostname }, (info: AddressInfo) => {
  console.log(`hono-echo listening on http://${info.address}:${info.port}/echo`);
});
process.once('SIGTERM', () => process.exit(0));
