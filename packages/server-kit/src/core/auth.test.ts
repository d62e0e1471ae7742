import { describe, expect, it } from 'vitest';
import { createBearerCheck } from './auth.js';

describe('createBearerCheck', () => {
  it('accepts the exact token, case-insensitive scheme', async () => {
    const check = createBearerCheck('abc.DEF-123');
    expect(await check('Bearer abc.DEF-123')).toBeNull();
    expect(await check('bearer abc.DEF-123')).toBeNull();
  });

  it('answers 401 with a challenge when credentials are absent', async () => {
    const reply = await createBearerCheck('abc')(undefined);
    expect(reply?.status).toBe(401);
    expect(reply?.headers['www-authenticate']).toBe('Bearer realm="mcp"');
    expect(JSON.parse(reply?.body ?? '')).toMatchObject({ jsonrpc: '2.0', error: { code: -32000 }, id: null });
  });

  it.each(['Bearer abd', 'Bearer abcd', 'Bearer ab', 'Basic YWJj', 'abc', 'Bearer ', 'Bearer abc extra'])(
    'refuses %j with invalid_token',
    async (authorization) => {
      const reply = await createBearerCheck('abc')(authorization);
      expect(reply?.status).toBe(401);
      expect(reply?.headers['www-authenticate']).toBe('Bearer realm="mcp", error="invalid_token"');
    },
  );
});
