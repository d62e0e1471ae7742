// MCP over Streamable HTTP for k6: JSON-RPC request builders, one send path, and body checks
// that count every failure by class (HTTP, JSON-RPC error, tool isError, wrong body).
// Kept cheap per request (k6 is the generator and must not be the bottleneck): bodies are built
// once per request shape and only the id is spliced in, k6 `check()`s are recorded by the gate
// only (under load a failure is counted in its class), and a request costs two custom samples.
import http from 'k6/http';
import { check } from 'k6';
import { Counter, Trend } from 'k6/metrics';
import { BASE_URL, MODE, MODERN } from './config.js';

export const PROTOCOL_VERSION = '2025-06-18';

const errors = {
  http: new Counter('mcp_errors_http'), // no response, or a status other than the expected one
  jsonrpc: new Counter('mcp_errors_jsonrpc'), // a JSON-RPC error object
  tool: new Counter('mcp_errors_tool'), // result.isError: true
  check: new Counter('mcp_errors_check'), // answered, but not with the expected body
};

// MCP requests only (k6's http_reqs would count setup()'s health check too); its count is the
// number of MCP requests.
const mcpDuration = new Trend('mcp_duration', true);
// Response body bytes per op (k6's data_received is not split by request tags).
const mcpBytes = new Counter('mcp_bytes_received');

/** The gate names every check it ran; under load, checks would only repeat the error counters. */
const RECORD_CHECKS = MODE === 'gate';

function record(response, op) {
  const tags = { op };
  mcpDuration.add(response.timings.duration, tags);
  mcpBytes.add(typeof response.body === 'string' ? response.body.length : 0, tags);
}

function checked(response, name, ok, op) {
  if (RECORD_CHECKS) check(response, { [name]: () => ok }, { op });
}

const HEADERS = {
  'content-type': 'application/json',
  accept: 'application/json, text/event-stream',
  'mcp-protocol-version': PROTOCOL_VERSION,
};

// 2026-07-28: the claims every request carries, and the header that names what the body names
// (kept in step with packages/client/src/protocol.ts, which k6 cannot import).
const MODERN_VERSION = '2026-07-28';
const CLAIMS = {
  'io.modelcontextprotocol/protocolVersion': MODERN_VERSION,
  'io.modelcontextprotocol/clientCapabilities': {},
  'io.modelcontextprotocol/clientInfo': { name: 'mcp-runtimes-k6', version: '1.0.0' },
};
const NAMED_BY = { 'tools/call': 'name', 'prompts/get': 'name', 'resources/read': 'uri' };
const modernShapes = new Map();

/** A request shape in the 2026-07-28 era: params with the claims, and its headers; made once per params object. */
function modernShape(method, params, headers) {
  const byMethod = modernShapes.get(params) || new Map();
  modernShapes.set(params, byMethod);
  let shape = byMethod.get(method);
  if (shape === undefined) {
    const base = params || {};
    const name = NAMED_BY[method] && base[NAMED_BY[method]];
    shape = {
      params: { ...base, _meta: { ...(base._meta || {}), ...CLAIMS } },
      headers: { ...headers, 'mcp-protocol-version': MODERN_VERSION, 'mcp-method': method, ...(typeof name === 'string' ? { 'mcp-name': name } : {}) },
    };
    byMethod.set(method, shape);
  }
  return shape;
}

let counter = 0;
/** Ids unique across VUs, so a reply routed to the wrong request fails its check. */
function nextId() {
  counter += 1;
  return __VU * 1_000_000 + counter;
}

// The serialised `"method":…,"params":…}` of each request shape, by its params object: a
// scenario that reuses its params (or arguments) object serialises it once.
const tails = new Map();
const toolParams = new Map();

function tailOf(method, params) {
  const byMethod = tails.get(params) || new Map();
  tails.set(params, byMethod);
  let tail = byMethod.get(method);
  if (tail === undefined) {
    tail = JSON.stringify(params === undefined ? { method } : { method, params }).slice(1);
    byMethod.set(method, tail);
  }
  return tail;
}

/** A request k6 can send alone (`send`) or in an `http.batch`. */
export function rpc(method, plainParams, op, { headers: plainHeaders = HEADERS, notification = false } = {}) {
  const id = notification ? undefined : nextId();
  const shape = MODERN ? modernShape(method, plainParams, plainHeaders) : undefined;
  const params = shape ? shape.params : plainParams;
  const headers = shape ? shape.headers : plainHeaders;
  const tail = tailOf(method, params);
  return {
    method: 'POST',
    url: BASE_URL,
    body: notification ? `{"jsonrpc":"2.0",${tail}` : `{"jsonrpc":"2.0","id":${id},${tail}`,
    params: { headers, tags: { op } },
    id,
    op,
  };
}

export function toolCall(name, args, op = name) {
  let params = toolParams.get(args);
  if (params === undefined) {
    params = { name, arguments: args };
    toolParams.set(args, params);
  }
  return rpc('tools/call', params, op);
}

/** Sends one request and checks its answer; returns the JSON-RPC result, or null on failure. */
export function send(request, validate) {
  const response = http.request(request.method, request.url, request.body, request.params);
  return verify(request, response, validate);
}

/**
 * Sends requests at once (one connection each on HTTP/1.1, streams of one on HTTP/2);
 * `validators[i]` checks the answer to `requests[i]`.
 */
export function sendAll(requests, validators) {
  const responses = http.batch(requests.map((r) => [r.method, r.url, r.body, r.params]));
  return requests.map((request, i) => verify(request, responses[i], validators[i]));
}

/** Sends a notification: the server must accept it with 202 and no body. */
export function notify(method, op) {
  const request = rpc(method, undefined, op, { notification: true });
  const response = http.request(request.method, request.url, request.body, request.params);
  record(response, op);
  const ok = response.status === 202;
  if (!ok) errors.http.add(1, { op });
  checked(response, `${op}: 202 Accepted`, ok, op);
  return ok;
}

function verify(request, response, validate) {
  const op = request.op;
  record(response, op);
  let failure = '';
  let result = null;
  if (response.status !== 200) {
    failure = 'http';
  } else {
    const message = parseMessage(response);
    if (!message || message.jsonrpc !== '2.0' || message.id !== request.id) failure = 'check';
    else if (message.error) failure = 'jsonrpc';
    else if (message.result && message.result.isError === true) failure = 'tool';
    else if (!message.result || (validate && !safely(validate, message.result))) failure = 'check';
    else result = message.result;
  }
  if (failure) errors[failure].add(1, { op });
  checked(response, `${op}: answered correctly`, failure === '', op);
  return result;
}

function safely(validate, result) {
  try {
    return validate(result) === true;
  } catch (_) {
    return false;
  }
}

/** The one JSON-RPC message of a response: a JSON body, or the `data:` of an SSE stream. */
function parseMessage(response) {
  const type = String(response.headers['Content-Type'] || '');
  const body = typeof response.body === 'string' ? response.body : '';
  try {
    if (type.startsWith('application/json')) return JSON.parse(body);
    if (type.startsWith('text/event-stream')) {
      const data = body
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => JSON.parse(line.slice(5)))
        .filter((m) => m.id !== undefined);
      return data[data.length - 1] || null;
    }
  } catch (_) {
    return null;
  }
  return null;
}

// ---- validators: what a correct answer looks like, per request ----

const CHECKSUM = /^[0-9a-f]{8}$/;

/** agent_task: the structured result echoes this call's own task and agent (never another's). */
export function isAgentTaskResult(args) {
  return (result) => {
    const s = result.structuredContent;
    const text = result.content && result.content[0] && result.content[0].text;
    return (
      s.agent_id === (args.agent_id || 'agent-0') &&
      s.task === args.task &&
      s.complexity === (args.complexity || 'low') &&
      s.delay_ms === (args.delay_ms || 0) &&
      CHECKSUM.test(s.checksum) &&
      typeof text === 'string' &&
      text.startsWith(`Agent ${s.agent_id} completed "${args.task}"`) &&
      text.includes(`checksum ${s.checksum}`)
    );
  };
}

/** batch_process / parallel_agent_tasks: one result per task, in input order. */
export function isTaskListResult(tasks) {
  return (result) => {
    const s = result.structuredContent;
    return (
      s.count === tasks.length &&
      CHECKSUM.test(s.checksum) &&
      s.results.length === tasks.length &&
      s.results.every((r, i) => r.task === tasks[i].task && r.agent_id === (tasks[i].agent_id || 'agent-0') && CHECKSUM.test(r.checksum))
    );
  };
}

export function isResourceText(uri, mimeType, length) {
  return (result) => {
    const c = result.contents && result.contents[0];
    return result.contents.length === 1 && c.uri === uri && c.mimeType === mimeType && typeof c.text === 'string' && (length === undefined || c.text.length === length);
  };
}

/**
 * Another server's tool (lib/config.js CUSTOM_TOOL): an answer with content (isError and JSON-RPC
 * errors are counted apart), holding `expectText` in one of its text items where one is expected.
 */
export function isToolAnswer(expectText) {
  return (result) => Array.isArray(result.content) && (expectText === '' || holdsText(result, expectText));
}

/** Whether one of a tool answer's text items contains `text`. */
export function holdsText(result, text) {
  return Array.isArray(result.content) && result.content.some((c) => c && c.type === 'text' && typeof c.text === 'string' && c.text.includes(text));
}

/** Another server's resource: one content item at least, each text or a blob. */
export function isResourceAnswer(result) {
  return Array.isArray(result.contents) && result.contents.length > 0 && result.contents.every((c) => c && (typeof c.text === 'string' || typeof c.blob === 'string'));
}

export function isAgentStatus(agentId) {
  return (result) => {
    const c = result.contents[0];
    return c.uri === `agent://${agentId}/status` && JSON.parse(c.text).agent_id === agentId;
  };
}
