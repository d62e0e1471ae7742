#!/usr/bin/env node
// The raw limit of Fastify 5 on node:http: a JSON echo with no MCP, against which the benchmark
// sets the MCP server's throughput.
import Fastify from 'fastify';
import type { AddressInfo } from 'node:net';

const app = Fastify({ logger: false });
app.post('*', async (request) => request.body);
await app.listen({ port: Number(process.env.PORT ?? 3108), host: process.env.HOST ?? '127.0.0.1' });
const { address, port } = app.server.address() as AddressInfo;
console.log(`fastify-echo listening on http://${address}:${port}/echo`);
process.once('SIGTERM', () => process.exit(0));
