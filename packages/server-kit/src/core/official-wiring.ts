import { createMcpServer, type McpSurfaceOptions } from '@mcp-runtimes/tools';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv-provider.js';
import { readRequestBody, requestBodyTooLargeMessage } from '@modelcontextprotocol/sdk/server/requestBody.js';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { onBodyEnd } from './body-end.js';
import { isTextReply, watchClient, type Reply } from './exchange.js';
import { clientClosed, jsonRpcError, RPC } from './responses.js';
import type { McpHandler, WiringOptions } from './wirings.js';

/** True when the message asks for progress, which only an SSE response can carry. */
export function asksForProgress(message: unknown): boolean {
  const messages = Array.isArray(message) ? message : [message];
  return messages.some(
    (m) =>
      typeof m === 'object' &&
      m !== null &&
      (m as { params?: { _meta?: { progressToken?: unknown } } }).params?._meta?.progressToken !== undefined,
  );
}

/**
 * When the client goes away before the answer: `close` (which aborts the tool handlers), and a
 * response nobody will read, so nothing waits on the SDK's. After the answer, an SSE stream is
 * closed through its cancel instead.
 */
function whenAborted(signal: AbortSignal, close: () => void): { promise: Promise<Reply>; dispose: () => void } {
  let onAbort = () => {};
  const promise = new Promise<Reply>((resolve) => {
    onAbort = () => {
      close();
      resolve(clientClosed());
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  return { promise, dispose: () => signal.removeEventListener('abort', onAbort) };
}

/**
 * The SDK's documented stateless idiom: a new McpServer and a new transport for every
 * request, JSON responses unless the call asks for progress. The baseline users get by
 * following the docs.
 */
export function createOfficialWiring(options: WiringOptions): McpHandler {
  return perRequestWiring(options, {});
}

/** The official wiring with one JSON Schema validator for every request's server (the first ablation step). */
export function createSharedValidatorWiring(options: WiringOptions): McpHandler {
  return perRequestWiring(options, { serverOptions: { jsonSchemaValidator: new AjvJsonSchemaValidator() } });
}

function perRequestWiring({ maxBodyBytes }: WiringOptions, surface: McpSurfaceOptions): McpHandler {
  return async (exchange) => {
    const incoming = exchange.toRequest();
    const body = await readRequestBody(incoming, maxBodyBytes);
    if (body.tooLarge) {
      // The connection stays open: each stack discards the rest of the body, so the client can read this.
      return jsonRpcError(413, RPC.serverError, requestBodyTooLargeMessage(maxBodyBytes));
    }
    let request = incoming;
    let parsedBody: unknown;
    try {
      parsedBody = JSON.parse(body.text);
    } catch {
      // Unparseable: hand the SDK the text so it answers in its own order (406/415 before 400).
      request = new Request(incoming.url, { method: incoming.method, headers: incoming.headers, body: body.text });
    }

    // The client's leaving, watched once, for the wiring and the tools. Our own signal, not the
    // web Request's: Node's Request follows its input signal through a WeakRef, so once the
    // Request is collected its signal never fires (checked on Node 20).
    const client = watchClient(exchange);
    const server = createMcpServer({ ...surface, clientSignal: client.signal });
    const transport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: !asksForProgress(parsedBody),
      maxRequestBodySize: maxBodyBytes,
    });
    const close = () => {
      void transport.close();
      void server.close();
    };
    await server.connect(transport);
    // Gone already (e.g. while its body was read): closing after dispatch would not reach a tool
    // that starts afterwards, so nothing is dispatched.
    if (client.signal.aborted) {
      close();
      client.unwatch();
      return clientClosed();
    }
    const aborted = whenAborted(client.signal, close);
    try {
      const reply = await Promise.race([transport.handleRequest(request, { parsedBody }), aborted.promise]);
      if (isTextReply(reply)) return reply; // the client is gone; `close` has run
      return onBodyEnd(reply, close);
    } catch (error) {
      close();
      throw error;
    } finally {
      aborted.dispose();
      client.unwatch(); // an SSE answer still running is ended by its stream's cancel, as below
    }
  };
}
