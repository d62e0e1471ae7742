import type { FetchLike } from './fetch.js';
import { MODERN_PROTOCOL, modernRequest, type Protocol } from './protocol.js';

/** A JSON-RPC answer as it came over the wire. */
export interface RawAnswer {
  id: string | number | null;
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
}

/**
 * A hand-written JSON-RPC request over the connection the SDK Client uses, bypassing the Client
 * (no Protocol, no schemas): the baseline the client's own overhead is measured against, and a
 * way to send what the Client would refuse to.
 */
export type RawRequest = (method: string, params?: Record<string, unknown>) => Promise<RawAnswer>;

/** Ids of hand-written requests; the Client's own ids are numbers, so they never collide. */
export function rawIds(): () => string {
  let next = 0;
  return () => `raw-${++next}`;
}

/** Hand-written JSON-RPC over HTTP: one POST, the answer read from JSON or from the SSE stream. */
export function httpRawRequest(
  fetch: FetchLike,
  url: string,
  headers: () => Record<string, string>,
  protocol: Protocol = '2025-11-25',
): RawRequest {
  const nextId = rawIds();
  return async (method, plainParams) => {
    const id = nextId();
    const modern = protocol === MODERN_PROTOCOL ? modernRequest(method, plainParams) : undefined;
    const params = modern?.params ?? plainParams;
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers(), ...modern?.headers },
      body: JSON.stringify({ jsonrpc: '2.0', id, method, ...(params ? { params } : {}) }),
    });
    const text = await response.text();
    const isStream = response.headers.get('content-type')?.startsWith('text/event-stream') ?? false;
    const answer = isStream ? answerInStream(text, id) : parseAnswer(text);
    if (!answer) throw new Error(`HTTP ${response.status}: no JSON-RPC answer in ${JSON.stringify(text.slice(0, 200))}`);
    return answer;
  };
}

function parseAnswer(text: string): RawAnswer | undefined {
  try {
    const value = JSON.parse(text) as RawAnswer;
    return typeof value === 'object' && value !== null && 'id' in value ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The answer to `id` among an SSE stream's events (progress notifications come before it). */
function answerInStream(text: string, id: string): RawAnswer | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith('data:')) continue;
    const answer = parseAnswer(line.slice(5).trim());
    if (answer?.id === id) return answer;
  }
  return undefined;
}

/**
 * The last JSON-RPC message of a body: the JSON itself, or an SSE stream's last `data:` (its
 * answer comes after any notification). Undefined when there is none.
 */
export function lastMessageIn(text: string): unknown {
  const isStream = text.startsWith('event:') || text.startsWith('data:');
  const data = isStream ? text.split('\n').filter((line) => line.startsWith('data:')).map((line) => line.slice(5).trim()) : [text];
  try {
    return JSON.parse(data[data.length - 1] ?? '');
  } catch {
    return undefined;
  }
}
