import { describe, expect, it } from 'vitest';
import { createBearerCheck } from './auth.js';

describe('createBearerCheck', () => {
  it('lets everything through when no token is configured', () => {
    expect(createBearerCheck(undefined)(undefined)).toBeNull();
  });

  it('accepts the exact token, case-insensitive scheme', () => {
    const check = createBearerCheck('abc.DEF-123');
    expect(check('Bearer abc.DEF-123')).toBeNull();
    expect(check('bearer abc.DEF-123')).toBeNull();
  });

  it('answers 401 with a challenge when credentials are absent', () => {
    const reply = createBearerCheck('abc')(undefined);
    expect(reply?.status).toBe(401);
    expect(reply?.headers['www-authenticate']).toBe('Bearer realm="mcp"');
    expect(JSON.parse(reply?.body ?? '')).toMatchObject({ jsonrpc: '2.0', error: { code: -32000 }, id: null });
  });

  it.each(['Bearer abd', 'Bearer abcd', 'Bearer ab', 'Basic YWJj', 'abc', 'Bearer ', 'Bearer abc extra'])(
    'refuses %j with invalid_token',
    (authorization) => {
      const reply = createBearerCheck('abc')(authorization);
      expect(reply?.status).toBe(401);
      expect(reply?.headers['www-authenticate']).toBe('Bearer realm="mcp", error="invalid_token"');
    },
  );
});
