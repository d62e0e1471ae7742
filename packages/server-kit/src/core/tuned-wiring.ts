import { createMcpServer } from '@mcp-runtimes/tools';
import { MAX_BATCH_SIZE, requestBodyTooLargeMessage } from '@modelcontextprotocol/sdk/server/requestBody.js';
import { isJsonContentType } from '@modelcontextprotocol/sdk/shared/mediaType.js';
import {
  isInitializeRequest,
  JSONRPCMessageSchema,
  SUPPORTED_PROTOCOL_VERSIONS,
  type JSONRPCMessage,
  type JSONRPCRequest,
} from '@modelcontextprotocol/sdk/types.js';
import { incomingFromRequest, toResponse, type Incoming, type Reply, type TextReply } from './exchange.js';
import { asksForProgress } from './official-wiring.js';
import { CLIENT_CLOSED_MESSAGE, clientClosed, jsonRpcError, RPC } from './responses.js';
import { RoutedTransport, type ReplySink } from './routed-transport.js';
import { sdkRequestPath } from './sdk-request-path.js';
import type { McpHandler, WiringOptions } from './wirings.js';

/**
 * One McpServer for the life of the process, behind a RoutedTransport: no server, transport
 * or validator is built per request, and every reply goes to the HTTP request its call came
 * in. The SDK still validates, dispatches and answers every call (the same handlers, schemas
 * and error messages as the official wiring); this file only does what the SDK's HTTP
 * transport does before that, in the same order and with the same answers.
 */
export function createTunedWiring(options: WiringOptions): McpHandler {
  return routedWiring(options, 'native', 'request-path');
}

/** The tuned wiring, but every request through the message listener the SDK installs on connect, as its own transports deliver them (an ablation step). */
export function createTunedListenerWiring(options: WiringOptions): McpHandler {
  return routedWiring(options, 'native', 'listener');
}

/** tuned-listener, but through web Request/Response like the SDK's transport (an ablation step). */
export function createTunedWebWiring(options: WiringOptions): McpHandler {
  return routedWiring(options, 'web', 'listener');
}

/**
 * `delivery`: `request-path` hands each request, classified by our checks, to the SDK's request
 * handling (sdk-request-path.ts); `listener` to the message listener, which classifies it again.
 */
function routedWiring({ maxBodyBytes }: WiringOptions, io: 'native' | 'web', delivery: 'request-path' | 'listener'): McpHandler {
  const server = createMcpServer();
  const transport = new RoutedTransport(delivery === 'request-path' ? sdkRequestPath(server) : undefined);
  // connect() wires the transport synchronously; its only await is our no-op start().
  void server.connect(transport);
  const answer = (incoming: Incoming) => answerPost(incoming, transport, maxBodyBytes);
  if (io === 'native') return answer;
  return async (incoming) => toResponse(await answer(incomingFromRequest(incoming.toRequest())));
}

const ACCEPT_MESSAGE = 'Not Acceptable: Client must accept both application/json and text/event-stream';
const CONTENT_TYPE_MESSAGE = 'Unsupported Media Type: Content-Type must be application/json';

/** The checks of the SDK's WebStandardStreamableHTTPServerTransport.handlePostRequest (1.32.2), in its order. */
async function answerPost(incoming: Incoming, transport: RoutedTransport, maxBodyBytes: number): Promise<Reply> {
  const accept = incoming.header('accept');
  if (!accept?.includes('application/json') || !accept.includes('text/event-stream')) {
    return jsonRpcError(406, RPC.serverError, ACCEPT_MESSAGE);
  }
  if (!isJsonContentType(incoming.header('content-type') ?? null)) {
    return jsonRpcError(415, RPC.serverError, CONTENT_TYPE_MESSAGE);
  }
  const text = await incoming.readBody(maxBodyBytes);
  if (text === null) return jsonRpcError(413, RPC.serverError, requestBodyTooLargeMessage(maxBodyBytes));
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return jsonRpcError(400, RPC.parseError, 'Parse error: Invalid JSON');
  }
  if (Array.isArray(raw) && raw.length > MAX_BATCH_SIZE) {
    return jsonRpcError(400, RPC.invalidRequest, `Invalid Request: Batch must not exceed ${MAX_BATCH_SIZE} messages`);
  }
  const messages: JSONRPCMessage[] = [];
  for (const candidate of Array.isArray(raw) ? raw : [raw]) {
    const parsed = JSONRPCMessageSchema.safeParse(candidate);
    if (!parsed.success) return jsonRpcError(400, RPC.parseError, 'Parse error: Invalid JSON-RPC message');
    messages.push(parsed.data);
  }
  if (messages.some(isInitialize)) {
    if (messages.length > 1) {
      return jsonRpcError(400, RPC.invalidRequest, 'Invalid Request: Only one initialization request is allowed');
    }
  } else {
    const version = incoming.header('mcp-protocol-version');
    if (version !== undefined && !SUPPORTED_PROTOCOL_VERSIONS.includes(version)) {
      return jsonRpcError(
        400,
        RPC.serverError,
        `Bad Request: Unsupported protocol version: ${version} (supported versions: ${SUPPORTED_PROTOCOL_VERSIONS.join(', ')})`,
      );
    }
  }
  // Notifications and client responses are acknowledged and not handed on: in stateless
  // serving they cannot refer to anything of this server's, and a client's response or
  // cancellation must never reach a call of another client through the shared server.
  const requests = messages.filter(isRequest);
  if (requests.length === 0) return { status: 202, headers: {}, body: '' };
  return asksForProgress(raw) ? streamAnswers(incoming, transport, requests) : jsonAnswers(incoming, transport, requests);
}

// Cheap tests on messages JSONRPCMessageSchema has accepted; the SDK's own guards re-run its schemas.
const isRequest = (m: JSONRPCMessage): m is JSONRPCRequest => 'method' in m && 'id' in m;
const isInitialize = (m: JSONRPCMessage) => 'method' in m && m.method === 'initialize' && isInitializeRequest(m);

/** Every answer at once as JSON: one object for one call, an array in request order for a batch. */
function jsonAnswers(incoming: Incoming, transport: RoutedTransport, requests: JSONRPCRequest[]): Promise<TextReply> {
  return new Promise((resolve) => {
    const answers: JSONRPCMessage[] = new Array(requests.length);
    let missing = requests.length;
    let stopWatching = () => {};
    const sink: ReplySink = {
      notify: () => {}, // nowhere to put it in a JSON answer, as with the SDK's JSON responses
      answer(index, message) {
        answers[index] = message;
        if (--missing > 0) return;
        stopWatching();
        const body = JSON.stringify(answers.length === 1 ? answers[0] : answers);
        resolve({ status: 200, headers: { 'content-type': 'application/json' }, body });
      },
    };
    const ids = transport.dispatch(requests, sink);
    if (missing === 0) return; // answered synchronously (e.g. unknown method)
    stopWatching = incoming.onAbort(() => {
      transport.cancel(ids, CLIENT_CLOSED_MESSAGE);
      resolve(clientClosed());
    });
  });
}

const SSE_HEADERS = {
  'content-type': 'text/event-stream',
  'cache-control': 'no-cache, no-transform',
  connection: 'keep-alive',
  'x-accel-buffering': 'no',
};

/** Progress was asked for: an SSE stream with each notification as it comes, then the answers. */
function streamAnswers(incoming: Incoming, transport: RoutedTransport, requests: JSONRPCRequest[]): Response {
  const encoder = new TextEncoder();
  let missing = requests.length;
  let ids: number[] = [];
  let stopWatching = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const write = (message: JSONRPCMessage) =>
        controller.enqueue(encoder.encode(`event: message\ndata: ${JSON.stringify(message)}\n\n`));
      const sink: ReplySink = {
        notify: write,
        answer(_index, message) {
          write(message);
          if (--missing > 0) return;
          stopWatching();
          controller.close();
        },
      };
      ids = transport.dispatch(requests, sink);
      if (missing > 0) stopWatching = incoming.onAbort(() => transport.cancel(ids, CLIENT_CLOSED_MESSAGE));
    },
    cancel() {
      stopWatching();
      transport.cancel(ids, CLIENT_CLOSED_MESSAGE);
    },
  });
  return new Response(body, { status: 200, headers: SSE_HEADERS });
}
