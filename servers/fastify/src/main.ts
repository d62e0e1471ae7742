#!/usr/bin/env node
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
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
import Fastify, { type FastifyError, type FastifyReply, type FastifyRequest } from 'fastify';

const RUNTIME = 'fastify';
const config = configFromProcess(RUNTIME, 3008);
await simulateStartup(config);
const endpoint = createEndpoint(config, { runtime: RUNTIME, usage: processUsage });
const toCore = createNodeHandler(endpoint, 'http');

// Fastify on the same node:http server (and its timeouts) as the other Node stacks.
const app = Fastify({
  serverFactory: (handler) => createServer(nodeHttpTimeouts(config), handler),
  bodyLimit: config.maxBodyBytes,
  logger: false,
});
// Fastify reads the body as text whatever its media type (the core judges Content-Type itself)
// and the core answers from it; the reply is written by the core, so Fastify lets go of it.
app.removeAllContentTypeParsers();
app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
const handOver = (request: FastifyRequest, reply: FastifyReply) => {
  reply.hijack();
  toCore(request.raw, reply.raw, typeof request.body === 'string' ? request.body : undefined);
};
app.all('*', handOver);
// A method Fastify has no route for (it answers 404 by default): the core says 405 or 404 as everywhere.
app.setNotFoundHandler(handOver);
app.setErrorHandler((error: FastifyError, request, reply) => {
  reply.hijack();
  answerFrameworkError(error, request.raw, reply.raw);
});

/** What Fastify refused before the route ran, answered as every other server answers it. */
function answerFrameworkError(error: FastifyError, req: IncomingMessage, res: ServerResponse): void {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return toCore(req, res, null); // the core's 413; it drops the rest of the body
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return toCore(req, res); // an unparseable Content-Type: the core reads the body and answers 415
    default: {
      const status = error.statusCode ?? 500;
      const body = JSON.stringify({ error: status < 500 ? 'bad_request' : 'internal_error', message: status < 500 ? error.message : 'Internal error' });
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
    }
  }
}

try {
  await app.listen({ port: config.port, host: config.host });
} catch (error) {
  failStart(RUNTIME, error as Error);
}
const { port } = app.server.address() as AddressInfo;
const url = endpointUrl('http', config.host, port, config.mcpPath);
serveUntilSignalled(RUNTIME, endpoint, [httpServerListener(app.server, url)], config.shutdownTimeoutMs);
