import { describe, expect, it } from 'vitest';
import { createGuard } from './guard.js';

describe('DNS-rebinding guard', () => {
  const loopback = createGuard({ bindHost: '127.0.0.1', allowedHosts: [], allowedOrigins: [] });

  it.each(['localhost', 'localhost:3000', '127.0.0.1:80', '127.0.0.2', '[::1]:3000', 'LOCALHOST:1'])(
    'accepts Host %s on a loopback server',
    (host) => expect(loopback(host, null).ok).toBe(true),
  );

  it.each(['evil.example.com', 'evil.example.com:3000', '127.0.0.1.evil.com', '127.evil.com', '127.0.0.256', '', 'local host'])(
    'refuses Host %j on a loopback server',
    (host) => expect(loopback(host, null)).toMatchObject({ ok: false, message: expect.stringMatching(/Host header/) }),
  );

  it('refuses a missing Host on a loopback server', () => expect(loopback(null, null).ok).toBe(false));

  it.each(['http://localhost:5173', 'https://127.0.0.1', 'http://[::1]:8080'])('accepts Origin %s', (origin) =>
    expect(loopback('localhost', origin).ok).toBe(true),
  );

  it.each(['http://evil.example.com', 'null', 'http://localhost.evil.com', 'file://', 'http://localhost:80/path'])(
    'refuses Origin %s',
    (origin) => expect(loopback('localhost', origin)).toMatchObject({ ok: false, message: expect.stringMatching(/Origin/) }),
  );

  it('checks no Host when bound to all interfaces, but still checks Origin', () => {
    const open = createGuard({ bindHost: '0.0.0.0', allowedHosts: [], allowedOrigins: [] });
    expect(open('mcp.internal:3001', null).ok).toBe(true);
    expect(open('mcp.internal:3001', 'http://evil.example.com').ok).toBe(false);
  });

  it('accepts configured hosts and origins, and then checks Host everywhere', () => {
    const configured = createGuard({
      bindHost: '0.0.0.0',
      allowedHosts: ['mcp.internal'],
      allowedOrigins: ['https://app.example.com'],
    });
    expect(configured('mcp.internal:3001', 'https://app.example.com').ok).toBe(true);
    expect(configured('other.internal', null).ok).toBe(false);
  });
});
