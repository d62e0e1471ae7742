/**
 * Random HTTP exchanges for the fuzz suite: methods, paths, headers, bodies from noise to
 * almost-right JSON-RPC, and tool calls with argument values of every type and size.
 */
import { modernRequest } from '@mcp-runtimes/client';
import fc from 'fast-check';

export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string | undefined;
}

const TOOL_NAMES = ['agent_task', 'batch_process', 'parallel_agent_tasks'];
const METHODS = ['initialize', 'ping', 'tools/list', 'tools/call', 'resources/list', 'resources/templates/list', 'resources/read', 'prompts/list', 'prompts/get', 'notifications/initialized', 'notifications/cancelled', 'completion/complete', 'logging/setLevel'];

/** Headers fetch, HTTP/2 or the test itself owns; the fuzzer leaves them alone. */
const RESERVED_HEADERS = new Set(['host', 'content-length', 'connection', 'transfer-encoding', 'keep-alive', 'upgrade', 'expect', 'te', 'trailer', 'proxy-connection', 'http2-settings']);

const visibleText = (maxLength: number) => fc.string({ unit: fc.constantFrom(...' !"#$%&\'()*+,-./0123456789:;<=>?@AZaz[\\]^_`{|}~éü'.split('')), maxLength });
/** Header names: any RFC 9110 token, or (for a parser that takes fewer) letters, digits and "-". */
const HEADER_NAMES = {
  token: /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,20}$/,
  alphanumeric: /^[A-Za-z0-9-]{1,20}$/,
};
export type HeaderNames = keyof typeof HEADER_NAMES;

/** Any value, with the edge cases of numbers and strings over-represented. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, 1e21, -0, '', 'low', 'high', 'x'.repeat(1001), [], {}),
  fc.integer({ min: -1000, max: 2_000_000 }),
  fc.double({ noNaN: true }),
  fc.string({ maxLength: 50 }),
  fc.jsonValue({ maxDepth: 3 }),
);

const complexity = fc.oneof(fc.constantFrom('low', 'medium', 'high'), anyValue);
/** Delays and sizes stay small when valid, so a case costs milliseconds, and go anywhere when not. */
const delay = fc.oneof(fc.integer({ min: 0, max: 20 }), anyValue);
const size = fc.oneof(fc.integer({ min: 0, max: 4096 }), anyValue);

const taskArgs = fc.record(
  { task: fc.oneof(fc.string({ maxLength: 60 }), anyValue), complexity, delay_ms: delay, payload_bytes: size, agent_id: fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{1,10}$/), anyValue) },
  { requiredKeys: [] },
);

const toolArguments = fc.oneof(
  taskArgs,
  fc.record({ tasks: fc.oneof(fc.array(taskArgs, { maxLength: 5 }), anyValue) }, { requiredKeys: [] }),
  fc.record({ tasks: fc.oneof(fc.array(taskArgs, { maxLength: 5 }), anyValue), max_concurrency: fc.oneof(fc.integer({ min: -2, max: 200 }), anyValue) }, { requiredKeys: [] }),
  fc.dictionary(fc.string({ maxLength: 10 }), anyValue, { maxKeys: 4 }),
  anyValue,
);

const params = fc.oneof(
  fc.record({ name: fc.oneof(fc.constantFrom(...TOOL_NAMES), fc.string({ maxLength: 20 }), anyValue), arguments: toolArguments }, { requiredKeys: [] }),
  fc.record({ uri: fc.oneof(fc.constantFrom('agent://a-1/status', 'benchmark://small/data', 'benchmark://huge/data', 'agent://../status', 'file:///etc/passwd'), fc.webUrl(), fc.string({ maxLength: 40 })) }),
  fc.record({ name: fc.oneof(fc.constant('agent_communication'), fc.string({ maxLength: 20 })), arguments: fc.dictionary(fc.string({ maxLength: 10 }), anyValue, { maxKeys: 4 }) }, { requiredKeys: [] }),
  fc.record({ protocolVersion: fc.oneof(fc.constantFrom('2025-11-25', '2025-06-18', '1999-01-01'), anyValue), capabilities: anyValue, clientInfo: anyValue }, { requiredKeys: [] }),
  fc.record({ _meta: fc.record({ progressToken: anyValue }, { requiredKeys: [] }), name: fc.constantFrom(...TOOL_NAMES), arguments: taskArgs }, { requiredKeys: [] }),
  // 2026-07-28 claims, right and wrong.
  fc.record(
    {
      _meta: fc.record(
        {
          'io.modelcontextprotocol/protocolVersion': fc.oneof(fc.constantFrom('2026-07-28', '2025-11-25', '2099-01-01'), anyValue),
          'io.modelcontextprotocol/clientCapabilities': fc.oneof(fc.constant({}), anyValue),
          'io.modelcontextprotocol/clientInfo': anyValue,
          progressToken: anyValue,
        },
        { requiredKeys: [] },
      ),
      name: fc.oneof(fc.constantFrom(...TOOL_NAMES), anyValue),
      arguments: taskArgs,
      uri: fc.oneof(fc.constantFrom('agent://a-1/status', 'benchmark://small/data'), anyValue),
    },
    { requiredKeys: [] },
  ),
  anyValue,
);

const message = fc.record(
  {
    jsonrpc: fc.oneof(fc.constant('2.0'), fc.constant('2.0'), anyValue),
    id: fc.oneof(fc.integer(), fc.string({ maxLength: 10 }), fc.constant(null), anyValue),
    method: fc.oneof(fc.constantFrom(...METHODS), fc.string({ maxLength: 30 }), anyValue),
    params,
    result: anyValue,
    error: anyValue,
  },
  { requiredKeys: [] },
);

const body = fc.oneof(
  { weight: 6, arbitrary: message.map((m) => JSON.stringify(m)) },
  { weight: 1, arbitrary: fc.array(message, { maxLength: 4 }).map((m) => JSON.stringify(m)) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 1, arbitrary: message.map((m) => JSON.stringify(m)).chain((text) => fc.nat({ max: text.length }).map((cut) => text.slice(0, cut))) },
);

const headers = (names: HeaderNames) => fc
  .record(
    {
      'content-type': fc.oneof(fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'APPLICATION/JSON'), visibleText(30)),
      accept: fc.oneof(fc.constantFrom('application/json, text/event-stream', 'application/json', 'text/event-stream', '*/*'), visibleText(30)),
      'mcp-protocol-version': fc.oneof(fc.constantFrom('2026-07-28', '2025-11-25', '2025-06-18', '2024-11-05', '1999-01-01'), visibleText(12)),
      'mcp-method': fc.oneof(fc.constantFrom(...METHODS), visibleText(20)),
      'mcp-name': fc.oneof(fc.constantFrom(...TOOL_NAMES, 'benchmark://small/data'), visibleText(30)),
      'mcp-session-id': visibleText(40),
      origin: fc.oneof(fc.constantFrom('http://localhost', 'http://127.0.0.1:3000', 'http://evil.example', 'null'), visibleText(30)),
      authorization: fc.oneof(fc.constantFrom('Bearer ', 'Bearer x', 'Basic Zm9vOmJhcg=='), visibleText(40)),
    },
    { requiredKeys: [] },
  )
  .chain((known) =>
    fc.dictionary(fc.stringMatching(HEADER_NAMES[names]), visibleText(60), { maxKeys: 3 }).map((extra) => {
      const all: Record<string, string> = { ...known };
      for (const [name, value] of Object.entries(extra)) if (!RESERVED_HEADERS.has(name.toLowerCase())) all[name] = value;
      return all;
    }),
  );

/**
 * A body's 2026-07-28 form where it is one message with a method: the claims merged into its
 * params and the headers that repeat them, as a client of that era sends (the fuzz already
 * varies both; this half reaches the era's serving path).
 */
function asModern(body: string, headers: Record<string, string>): { body: string; headers: Record<string, string> } {
  let message: unknown;
  try {
    message = JSON.parse(body);
  } catch {
    return { body, headers };
  }
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return { body, headers };
  const { method, params } = message as { method?: unknown; params?: unknown };
  if (typeof method !== 'string' || (params !== undefined && (typeof params !== 'object' || params === null || Array.isArray(params)))) return { body, headers };
  const modern = modernRequest(method, params as Record<string, unknown> | undefined);
  return { body: JSON.stringify({ ...message, params: modern.params }), headers: { ...headers, ...modern.headers } };
}

/** Mostly well-formed POSTs to the MCP endpoint (where the parsing is), and everything else; `modern`: the well-formed half in the 2026-07-28 era. */
export function fuzzRequest(mcpPath: string, names: HeaderNames = 'token', modern = false): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      method: fc.oneof({ weight: 8, arbitrary: fc.constant('POST') }, { weight: 2, arbitrary: fc.constantFrom('GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD') }),
      path: fc.oneof({ weight: 8, arbitrary: fc.constant(mcpPath) }, { weight: 1, arbitrary: fc.constant('/health') }, { weight: 1, arbitrary: fc.webPath() }),
      headers: headers(names),
      body,
      wellFormedHeaders: fc.boolean(),
    })
    .map(({ method, path, headers: h, body: b, wellFormedHeaders }) => {
      // Half the cases keep the headers a real client sends, so the fuzz reaches the JSON-RPC layer.
      const wellFormed = { ...h, 'content-type': 'application/json', accept: 'application/json, text/event-stream', origin: 'http://localhost' };
      const shaped = wellFormedHeaders && modern ? asModern(b, wellFormed) : { body: b, headers: wellFormedHeaders ? wellFormed : h };
      return {
        method,
        path: path.startsWith('/') ? path : `/${path}`,
        headers: shaped.headers,
        body: method === 'GET' || method === 'HEAD' ? undefined : shaped.body,
      };
    });
}
