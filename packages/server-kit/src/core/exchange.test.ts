import { describe, expect, it } from 'vitest';
import { incomingFromRequest } from './exchange.js';

describe('incomingFromRequest', () => {
  const request = () => new Request('http://127.0.0.1:3001/mcp?x=1', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });

  it('gives the path without the query, and the body', async () => {
    const incoming = incomingFromRequest(request());
    expect(incoming.path).toBe('/mcp');
    expect(await incoming.readBody(100)).toBe('{}');
    expect(incoming.bodyReceived?.()).toBe(true);
  });

  it('holds its path as data, not as a getter of its own (a per-request accessor is promoted garbage on V8)', () => {
    const descriptor = Object.getOwnPropertyDescriptor(incomingFromRequest(request()), 'path');
    expect(descriptor?.get).toBeUndefined();
    expect(descriptor?.value).toBe('/mcp');
  });
});
