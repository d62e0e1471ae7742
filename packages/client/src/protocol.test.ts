import { describe, expect, it } from 'vitest';
import { isProtocol, modernRequest } from './protocol.js';

describe('modernRequest', () => {
  it('merges the 2026-07-28 claims into params._meta and repeats method and name in headers', () => {
    const { params, headers } = modernRequest('tools/call', { name: 'agent_task', arguments: { task: 'x' }, _meta: { progressToken: 7 } });
    expect(params).toEqual({
      name: 'agent_task',
      arguments: { task: 'x' },
      _meta: {
        progressToken: 7,
        'io.modelcontextprotocol/protocolVersion': '2026-07-28',
        'io.modelcontextprotocol/clientCapabilities': {},
        'io.modelcontextprotocol/clientInfo': { name: 'mcp-runtimes-client', version: '0.1.0' },
      },
    });
    expect(headers).toEqual({ 'mcp-protocol-version': '2026-07-28', 'mcp-method': 'tools/call', 'mcp-name': 'agent_task' });
  });

  it('names a resource by its uri, and a method without a name not at all', () => {
    expect(modernRequest('resources/read', { uri: 'agent://a/status' }).headers['mcp-name']).toBe('agent://a/status');
    expect(modernRequest('tools/list').headers).not.toHaveProperty('mcp-name');
  });

  it('knows the two eras only', () => {
    expect(['2025-11-25', '2026-07-28'].every(isProtocol)).toBe(true);
    expect(isProtocol('2025-06-18')).toBe(false);
  });
});
