import { fileURLToPath } from 'node:url';
import type { PeerDifference } from './differences.js';
import { DEFAULT_NODE_RUNTIME, requireRuntimeBinary } from './runtimes.js';
import { isOurServer, SERVERS, serverEntry, type ServerEntry } from './servers.js';

/**
 * What a user would otherwise run: MCP servers built on other stacks, serving the same surface
 * (tools, resources, prompt) with the same answers, measured beside ours under the same rules.
 * Each is one folder under peers/ and one line here. A peer is configured as its own
 * documentation recommends for production; none has our wirings, raw echo or /health figures.
 */
export interface PeerEntry extends Omit<ServerEntry, 'offers' | 'runtimes' | 'differences'> {
  /** How it is configured and why, for the report and the README. */
  about: string;
  /** The language it runs in. */
  language: 'python' | 'node';
  /** Its start command, paths relative to the repository's root. */
  command: readonly string[];
  /** Our SDK v2 surface, when it serves that (the suites hold its answers to SDK v2's reference; SDK v1's otherwise). */
  sdk?: 'v2';
  /** Environment its documentation asks of a production deployment. */
  env?: Readonly<Record<string, string>>;
  differences: readonly PeerDifference[];
  /**
   * The server of ours on the same framework, when this peer is that framework wired the way the
   * SDK's documentation wires it: the Frameworks section sets the two side by side.
   */
  documentedWiringOf?: string;
}

const PYTHON = 'peers/python-surface/.venv/bin/python';

const d = (check: string, answer: string, matches: RegExp, status?: number): PeerDifference => ({ check, answer, matches, ...(status !== undefined ? { status } : {}) });

/** No progress notifications when a client asks for them: JSON responses carry the result only. */
const NO_PROGRESS = [
  d('contract: batch_process with progress', 'no progress notifications: with JSON responses the result only', /"progress":\[\]/),
  d('bad-input: progress notifications over SSE', 'a JSON answer without the progress notifications (JSON responses)', /"structuredContent":\{"count":2/, 200),
];

/** The MCP Python SDK's own answers where ours differ (both Python peers run the same app). */
const PYTHON_SDK: readonly PeerDifference[] = [
  ...NO_PROGRESS,
  d('contract: tools/list', 'JSON Schemas written by pydantic: a `title` on every property and on the schema (`agent_taskArguments`), in its own layout', /"title":"agent_taskArguments"/),
  d('contract: successful results omit isError', 'every successful tool result carries `"isError": false`', /"isError":false/),
  d('contract: invalid arguments', 'pydantic\'s text in the `isError` result ("1 validation error for agent_taskArguments … Input should be less than or equal to 10000")', /validation error for agent_taskArguments/),
  d('contract: unknown tool', '`isError` result "Unknown tool: no_such_tool"', /"text":"Unknown tool: no_such_tool"/),
  d('contract: unknown resource', 'the same -32602 and text, without the second "MCP error -32602:" prefix our SDK adds', /^\{"error":\{"code":-32602,"message":"Unknown test_type/),
  d('bad-input: JSON-RPC object of the wrong shape', '400, -32602 "Validation error: 11 validation errors for union[JSONRPCRequest, …]" (ours -32700 "Invalid JSON-RPC message")', /"code":-32602,"message":"Validation error: \d+ validation errors for union\[JSONRPCRequest/, 400),
  d('bad-input: wrong jsonrpc version', '400, -32602 with pydantic\'s validation errors (ours -32700 "Invalid JSON-RPC message")', /"code":-32602,"message":"Validation error: \d+ validation errors for union\[JSONRPCRequest/, 400),
  d('bad-input: unknown tool', '`isError` result "Unknown tool: no_such_tool"', /"text":"Unknown tool: no_such_tool"/, 200),
  d('bad-input: invalid argument type', 'pydantic\'s validation text in the `isError` result', /validation error for agent_taskArguments\\ntask/, 200),
  d('bad-input: out-of-bounds argument', 'pydantic\'s validation text in the `isError` result', /validation error for agent_taskArguments\\ndelay_ms/, 200),
  d('bad-input: arguments not an object', '-32602 "Invalid request parameters" (ours -32603 with zod\'s issue)', /"code":-32602,"message":"Invalid request parameters"/, 200),
  d('bad-input: wrong Content-Type', '400 with plain text "Invalid Content-Type header" (ours 415)', /^Invalid Content-Type header$/, 400),
  { ...d('bad-input: missing Accept', 'fetch\'s default `Accept: */*` (our HTTP/1.1 client) is answered, 200 (ours 406); with no Accept at all (HTTP/2 here) 406 as ours', /"result":\{\}/, 200), only: '1.1' },
  d('bad-input: Accept without text/event-stream', 'answered (200): JSON responses need only `application/json` (ours 406)', /"result":\{\}/, 200),
  d('bad-input: unsupported protocol version', '400, -32602: an unknown version is taken for the 2026-07-28 era, whose `_meta` claims the request lacks', /"code":-32602,"message":"params\._meta must be an object carrying the required 'io\.modelcontextprotocol\/protocolVersion'/, 400),
  d('bad-input: oversized body (declared length)', 'no body limit: the 64 KiB body is read and validated (400, -32602) where ours answers 413', /"code":-32602,"message":"Validation error/, 400),
  d('bad-input: oversized body (streamed, no length)', 'no body limit: the whole 256 KiB is read, then 400 -32700 (ours 413)', /"code":-32700,"message":"Parse error: EOF while parsing/, 400),
  d('bad-input: unknown path', '404 with plain text "Not Found"', /^Not Found$/, 404),
  d('bad-input: disallowed Origin', '403 with plain text "Invalid Origin header"', /^Invalid Origin header$/, 403),
  d('bad-input: GET on the endpoint (no standalone stream when stateless)', '200: an event stream held open (pings every 15 s) even when stateless (ours 405)', /\[stream held open\]$/, 200),
  d('bad-input: DELETE on the endpoint (no session)', '405, -32600 "Method Not Allowed: Session termination not supported"', /"code":-32600,"message":"Method Not Allowed: Session termination not supported"/, 405),
  d('bad-input: PUT on the endpoint', '405, -32600 "Method Not Allowed"', /"code":-32600,"message":"Method Not Allowed"/, 405),
  d('bad-input: POST on /health', '405 with plain text "Method Not Allowed"', /^Method Not Allowed$/, 405),
];

const FASTMCP: readonly PeerDifference[] = [
  ...NO_PROGRESS,
  d('contract: tools/list', 'titles under `annotations.title` (no `title`), no `execution`, `additionalProperties: false` moved from output to input schemas', /"annotations":\{"title":"Agent task"\}/),
  d('contract: resources/list', 'no `title` on the listed resources', /^(?![\s\S]*"title")(?=[\s\S]*"uri":"benchmark:\/\/small\/data")\{"resources":\[\{/),
  d('contract: resources/templates/list', 'no `title` on the templates', /^(?![\s\S]*"title")(?=[\s\S]*"uriTemplate":"agent:\/\/\{agent_id\}\/status")\{"resourceTemplates":\[\{/),
  d('contract: prompts/list', 'no `title` on the prompt', /^(?![\s\S]*"title")(?=[\s\S]*"name":"agent_communication")\{"prompts":\[\{/),
  d('contract: agent_communication prompt', 'the prompt\'s static description, not "Message from planner to booker" (fastmcp drops the one a prompt returns)', /"description":"A message from one agent to another/),
  d('contract: invalid arguments', 'a JSON-RPC error -32602 "… parameter validation failed: delay_ms …" instead of an `isError` result', /"thrown":"MCP error -32602: .*parameter validation failed: delay_ms/),
  d('contract: unknown tool', 'a JSON-RPC error -32601 "Unknown tool: no_such_tool" instead of an `isError` result', /^\{"error":\{"code":-32601,"message":".*Unknown tool: no_such_tool/),
  d('bad-input: unknown tool', 'JSON-RPC error -32601 "Unknown tool: no_such_tool" (ours: an `isError` result)', /"code":-32601,"message":"MCP error -32601: Unknown tool: no_such_tool"/, 200),
  d('bad-input: invalid argument type', 'JSON-RPC error -32602 "… parameter validation failed: task …" (ours: an `isError` result)', /"code":-32602,"message":"MCP error -32602: Tool 'agent_task' parameter validation failed: task/, 200),
  d('bad-input: out-of-bounds argument', 'JSON-RPC error -32602 "… parameter validation failed: delay_ms …" (ours: an `isError` result)', /"code":-32602,"message":"MCP error -32602: Tool 'agent_task' parameter validation failed: delay_ms/, 200),
  d('bad-input: oversized body (declared length)', 'no body limit of its own: 400, -32700 "Parse error: Invalid JSON-RPC message" (ours 413)', /"code":-32700,"message":"Parse error: Invalid JSON-RPC message"/, 400),
  d('bad-input: oversized body (streamed, no length)', 'no body limit of its own: 400, -32700 "Parse error: Invalid JSON-RPC message" (ours 413)', /"code":-32700,"message":"Parse error: Invalid JSON-RPC message"/, 400),
  d('bad-input: unknown path', '404 with an empty body', /^$/, 404),
  d('bad-input: disallowed Origin', 'answered (200): no Origin check (ours 403, against DNS rebinding)', /"result":\{\}/, 200),
  d('bad-input: GET on the endpoint (no standalone stream when stateless)', '405 with plain text "Method Not Allowed"', /^Method Not Allowed$/, 405),
  d('bad-input: DELETE on the endpoint (no session)', '405 with plain text "Method Not Allowed"', /^Method Not Allowed$/, 405),
  d('bad-input: PUT on the endpoint', '404 with an empty body (ours 405)', /^$/, 404),
  d('bad-input: POST on /health', '404 with an empty body (ours 405)', /^$/, 404),
];

const HONO_MCP: readonly PeerDifference[] = [
  ...NO_PROGRESS,
  d('bad-input: JSON-RPC object of the wrong shape', '400, -32700 "Parse error" with zod\'s issues as `data` (ours "Invalid JSON-RPC message")', /"code":-32700,"message":"Parse error","data":/, 400),
  d('bad-input: wrong jsonrpc version', '400, -32700 "Parse error" with zod\'s issues as `data` (ours "Invalid JSON-RPC message")', /"code":-32700,"message":"Parse error","data":/, 400),
  d('bad-input: Accept without text/event-stream', 'answered (200): JSON responses need only `application/json` (ours 406)', /"result":\{\}/, 200),
  d('bad-input: unsupported protocol version', '404 (ours 400), -32000 "Bad Request: Unsupported protocol version (supported versions: …)"', /"code":-32000,"message":"Bad Request: Unsupported protocol version/, 404),
  { ...d('bad-input: missing Accept', 'fetch\'s default `Accept: */*` is answered, 200 (ours 406)', /"result":\{\}/, 200), only: '1.1' },
  d('bad-input: oversized body (declared length)', 'no body limit of its own: the body is read and parsed, 400 -32700 "Parse error" (ours 413)', /"code":-32700,"message":"Parse error"/, 400),
  d('bad-input: oversized body (streamed, no length)', 'no body limit of its own: the whole body is read, 400 -32700 "Parse error" (ours 413)', /"code":-32700,"message":"Parse error"/, 400),
  d('bad-input: unknown path', '404 with plain text "404 Not Found" (Hono\'s default)', /^404 Not Found$/, 404),
  d('bad-input: disallowed Origin', 'answered (200): no Origin check (ours 403, against DNS rebinding)', /"result":\{\}/, 200),
  d('bad-input: GET on the endpoint (no standalone stream when stateless)', '200 with an empty body (an event stream that ends with the request; ours 405)', /^$/, 200),
  d('bad-input: DELETE on the endpoint (no session)', '200 with an empty body (ours 405)', /^$/, 200),
  d('bad-input: PUT on the endpoint', '405, -32000 "Method not allowed." (ours names the method)', /"code":-32000,"message":"Method not allowed\."/, 405),
  d('bad-input: POST on /health', '404 with plain text "404 Not Found" (ours 405)', /^404 Not Found$/, 404),
];

/** What SDK v2's serving guides give where ours differ, whatever the framework in front: the SDK's own answers and the adapters' Origin check. */
const SDK_V2_GUIDE: readonly PeerDifference[] = [
  d('bad-input: a plain call answered as JSON', 'every 2025-era answer as an SSE stream (`createMcpHandler`\'s stateless fallback), never JSON', /^event: message\ndata: \{"result"/, 200),
  d('bad-input: disallowed Origin', '403, -32000 "Invalid Origin: evil.example.com" (the adapter\'s check; ours names the whole Origin)', /"code":-32000,"message":"Invalid Origin: evil\.example\.com"/, 403),
  d('bad-input: GET on the endpoint (no standalone stream when stateless)', '405, -32000 "Method not allowed." (ours names the method)', /"code":-32000,"message":"Method not allowed\."/, 405),
  d('bad-input: PUT on the endpoint', '405, -32000 "Method not allowed." (ours names the method)', /"code":-32000,"message":"Method not allowed\."/, 405),
];

/** The SDK guide's Express server: express.json() and Express's default handlers answer before the SDK does. */
const SDK_EXPRESS: readonly PeerDifference[] = [
  ...SDK_V2_GUIDE,
  d('bad-input: DELETE on the endpoint (no session)', '405, -32000 "Method not allowed." (ours names the method)', /"code":-32000,"message":"Method not allowed\."/, 405),
  d('bad-input: malformed JSON', '400 with Express\'s HTML error page "Bad Request": express.json() refuses it before the SDK sees it (ours -32700 "Parse error")', /<pre>Bad Request<\/pre>/, 400),
  d('bad-input: empty body', '400, -32600 "Bad Request: the request body is not a valid JSON-RPC message": express.json() passes no body on (ours -32700 "Parse error")', /"code":-32600,"message":"Bad Request: the request body is not a valid JSON-RPC message"/, 400),
  d('bad-input: oversized body (declared length)', 'no limit of its own below express.json()\'s 100 KB: the 64 KiB body is read and refused as not JSON-RPC, 400 -32600 (ours 413)', /"code":-32600,"message":"Bad Request: the request body is not a valid JSON-RPC message"/, 400),
  d('bad-input: oversized body (streamed, no length)', 'express.json()\'s own limit (100 KB): 413 with Express\'s HTML error page "Payload Too Large" (ours a JSON-RPC error)', /<pre>Payload Too Large<\/pre>/, 413),
  d('bad-input: unknown path', '404 with Express\'s HTML page "Cannot POST /nope"', /<pre>Cannot POST \/nope<\/pre>/, 404),
  d('bad-input: POST on /health', '404 with Express\'s HTML page "Cannot POST /health" (ours 405)', /<pre>Cannot POST \/health<\/pre>/, 404),
];

/** The SDK guide's Fastify server: Fastify's JSON parser and its default handlers answer before the SDK does. */
const SDK_FASTIFY: readonly PeerDifference[] = [
  ...SDK_V2_GUIDE,
  d('bad-input: DELETE on the endpoint (no session)', '400 with Fastify\'s own error, FST_ERR_CTP_EMPTY_JSON_BODY: a JSON Content-Type with no body is refused before the route (ours 405)', /"code":"FST_ERR_CTP_EMPTY_JSON_BODY"/, 400),
  d('bad-input: malformed JSON', '400 with Fastify\'s own error, FST_ERR_CTP_INVALID_JSON_BODY (ours a JSON-RPC -32700 "Parse error")', /"code":"FST_ERR_CTP_INVALID_JSON_BODY"/, 400),
  d('bad-input: empty body', '400 with Fastify\'s own error, FST_ERR_CTP_EMPTY_JSON_BODY (ours a JSON-RPC -32700 "Parse error")', /"code":"FST_ERR_CTP_EMPTY_JSON_BODY"/, 400),
  d('bad-input: oversized body (declared length)', 'no limit of its own below Fastify\'s 1 MiB: the 64 KiB body is read and refused as not JSON-RPC, 400 -32600 (ours 413)', /"code":-32600,"message":"Bad Request: the request body is not a valid JSON-RPC message"/, 400),
  d('bad-input: oversized body (streamed, no length)', 'no limit of its own below Fastify\'s 1 MiB: the whole 256 KiB is read, then 400 FST_ERR_CTP_INVALID_JSON_BODY (ours 413)', /"code":"FST_ERR_CTP_INVALID_JSON_BODY"/, 400),
  d('bad-input: unknown path', '404 with Fastify\'s own body, "Route POST:/nope not found"', /"message":"Route POST:\/nope not found"/, 404),
  d('bad-input: POST on /health', '404, "Route POST:/health not found" (ours 405)', /"message":"Route POST:\/health not found"/, 404),
];

/** The SDK guide's Hono server: createMcpHonoApp's JSON parser and Hono's defaults answer before the SDK does. */
const SDK_HONO: readonly PeerDifference[] = [
  ...SDK_V2_GUIDE,
  d('bad-input: DELETE on the endpoint (no session)', '400 with plain text "Invalid JSON": a JSON Content-Type with no body is refused before the route (ours 405)', /^Invalid JSON$/, 400),
  d('bad-input: malformed JSON', '400 with plain text "Invalid JSON" from createMcpHonoApp\'s parser (ours a JSON-RPC -32700 "Parse error")', /^Invalid JSON$/, 400),
  d('bad-input: empty body', '400 with plain text "Invalid JSON" (ours a JSON-RPC -32700 "Parse error")', /^Invalid JSON$/, 400),
  d('bad-input: oversized body (declared length)', 'no limit of its own below the SDK\'s default 4 MB: the 64 KiB body is read and refused as not JSON-RPC, 400 -32600 (ours 413)', /"code":-32600,"message":"Bad Request: the request body is not a valid JSON-RPC message"/, 400),
  d('bad-input: oversized body (streamed, no length)', 'no limit of its own below the SDK\'s default 4 MB: the whole 256 KiB is read, then 400 "Invalid JSON" (ours 413)', /^Invalid JSON$/, 400),
  d('bad-input: unknown path', '404 with plain text "404 Not Found" (Hono\'s default)', /^404 Not Found$/, 404),
  d('bad-input: POST on /health', '404 with plain text "404 Not Found" (ours 405)', /^404 Not Found$/, 404),
];

export const PEERS: readonly PeerEntry[] = [
  {
    name: 'py-uvicorn',
    title: 'MCP Python SDK on Uvicorn (uvloop + h11)',
    about: 'The MCP Python SDK (`mcp`, MCPServer, stateless, JSON responses) served by Uvicorn with `loop="uvloop"` and `http="h11"`, one worker: seed 000\'s configuration.',
    language: 'python',
    command: [PYTHON, 'peers/py-uvicorn/main.py'],
    listeners: ['http1'],
    loadListener: 'http1',
    saturationListener: 'http1',
    differences: PYTHON_SDK,
  },
  {
    name: 'py-hypercorn',
    title: 'MCP Python SDK on Hypercorn (h2 over TLS + h2c)',
    about: 'The same Python app served by Hypercorn with HTTP/2 and ALPN `h2`, `http/1.1` over TLS, one worker (seed 000\'s configuration), and h2c (prior knowledge) on a second port.',
    language: 'python',
    command: [PYTHON, 'peers/py-hypercorn/main.py'],
    listeners: ['h2-tls', 'h2c'],
    loadListener: 'h2-tls',
    saturationListener: 'h2c',
    differences: PYTHON_SDK,
  },
  {
    name: 'fastmcp',
    title: 'FastMCP (TypeScript), stateless HTTP stream',
    about: '`fastmcp` with `transportType: "httpStream"` and `stateless: true` (its README\'s choice for serverless and load-balanced deployments), plus `enableJsonResponse` (JSON answers, as every server here gives).',
    language: 'node',
    command: ['node', 'peers/fastmcp/dist/main.js'],
    listeners: ['http1'],
    loadListener: 'http1',
    saturationListener: 'http1',
    differences: FASTMCP,
  },
  {
    name: 'hono-mcp',
    title: '@hono/mcp on @hono/node-server, a server per request',
    about: '`@hono/mcp`\'s StreamableHTTPTransport on @hono/node-server with a new McpServer and transport for every request, stateless, JSON answers: the SDK\'s stateless idiom, not its README\'s example (one transport shared by every request, which routes answers by JSON-RPC id across clients).',
    language: 'node',
    command: ['node', 'peers/hono-mcp/dist/main.js'],
    listeners: ['http1'],
    loadListener: 'http1',
    saturationListener: 'http1',
    differences: HONO_MCP,
  },
  {
    name: 'sdk-express',
    title: 'Express 5, as SDK v2\'s serving guide wires it',
    about: 'SDK v2\'s documented Express server (docs/serving/express.md): `createMcpExpressApp()` (express.json() and Host/Origin checks), `toNodeHandler(createMcpHandler(factory))` on `app.all(\'/mcp\')`, a new server for every request, both protocol eras. Our `express` server runs the same framework in the tuned wiring.',
    language: 'node',
    command: ['node', 'peers/sdk-express/dist/main.js'],
    // Express's production checklist: without it, its default error handler answers a bad body with the stack trace.
    env: { NODE_ENV: 'production' },
    listeners: ['http1'],
    loadListener: 'http1',
    saturationListener: 'http1',
    differences: SDK_EXPRESS,
    documentedWiringOf: 'express',
    sdk: 'v2',
  },
  {
    name: 'sdk-fastify',
    title: 'Fastify 5, as SDK v2\'s serving guide wires it',
    about: 'SDK v2\'s documented Fastify server (docs/serving/fastify.md): `createMcpFastifyApp()` (Host/Origin checks) with a route handing `request.raw`, `reply.raw` and the parsed body to `toNodeHandler(createMcpHandler(factory))`, a new server for every request, both protocol eras. Our `fastify` server runs the same framework in the tuned wiring.',
    language: 'node',
    command: ['node', 'peers/sdk-fastify/dist/main.js'],
    listeners: ['http1'],
    loadListener: 'http1',
    saturationListener: 'http1',
    differences: SDK_FASTIFY,
    documentedWiringOf: 'fastify',
    sdk: 'v2',
  },
  {
    name: 'sdk-hono',
    title: 'Hono, as SDK v2\'s serving guide wires it',
    about: 'SDK v2\'s documented Hono server (docs/serving/hono.md): `createMcpHonoApp()` (JSON parsing and Host/Origin checks) with `handler.fetch(c.req.raw, { parsedBody })` from `createMcpHandler(factory)`, a new server for every request, both protocol eras, on @hono/node-server. Our `hono` server runs the same framework in the tuned wiring.',
    language: 'node',
    command: ['node', 'peers/sdk-hono/dist/main.js'],
    listeners: ['http1'],
    loadListener: 'http1',
    saturationListener: 'http1',
    differences: SDK_HONO,
    documentedWiringOf: 'hono',
    sdk: 'v2',
  },
];

export function peerEntry(name: string): PeerEntry | undefined {
  return PEERS.find((p) => p.name === name);
}

/** A server's or a peer's entry by name; an unknown name lists both. */
export function entryOf(name: string): ServerEntry | PeerEntry {
  const peer = peerEntry(name);
  if (peer) return peer;
  if (!isOurServer(name)) {
    throw new Error(`unknown server "${name}": known are ${SERVERS.map((s) => s.name).join(', ')} and the peers ${PEERS.map((p) => p.name).join(', ')}`);
  }
  return serverEntry(name);
}

/**
 * A peer's command with its paths made absolute (the tests start it from their own folder). A
 * Node peer runs on the Node line our Node servers run on by default, so that what separates them
 * is the code, not the engine.
 */
export function peerCommand(entry: PeerEntry): string[] {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  return entry.command.map((part, i) => (i === 0 && part === 'node' ? requireRuntimeBinary(DEFAULT_NODE_RUNTIME) : part.includes('/') ? root + part : part));
}
