// The correctness gate must fail a server that answers wrongly: k6 really checks bodies.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { gateServer } from './k6.js';
import { requireToolchain } from './toolchain.js';

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A fake MCP endpoint: `/health` is fine, every call gets what `answer` makes of it. */
async function fake(answer: (message: { id?: number; method: string }) => unknown): Promise<string> {
  server = createServer((req, res) => {
    if (req.url === '/health') return res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    let body = '';
    req.on('data', (c: Buffer) => (body += c));
    req.on('end', () => {
      const message = JSON.parse(body) as { id?: number; method: string };
      if (message.id === undefined) return res.writeHead(202).end();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer(message)));
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`;
}

describe('the correctness gate', () => {
  const { k6 } = requireToolchain(['k6']);

  it('fails a server whose answers have the right shape but the wrong content, naming the checks', async () => {
    const url = await fake((m) => ({ jsonrpc: '2.0', id: m.id, result: { content: [{ type: 'text', text: 'ok' }], structuredContent: {} } }));
    const gate = await gateServer(k6, 'fake', 1, url, []);
    expect(gate.passed).toBe(false);
    expect(gate.failures.join('\n')).toContain('simple-tool › agent_task: answered correctly');
    expect(gate.failures.join('\n')).toContain('batch › batch_process: answered correctly');
  }, 60_000);

  it('fails a server that routes an answer to the wrong request id', async () => {
    const url = await fake((m) => ({ jsonrpc: '2.0', id: (m.id ?? 0) + 1, result: {} }));
    const gate = await gateServer(k6, 'fake', 1, url, []);
    expect(gate.passed).toBe(false);
    expect(gate.failures.length).toBeGreaterThan(3);
  }, 60_000);

  it('fails a server that answers JSON-RPC errors', async () => {
    const url = await fake((m) => ({ jsonrpc: '2.0', id: m.id, error: { code: -32603, message: 'nope' } }));
    const gate = await gateServer(k6, 'fake', 1, url, []);
    expect(gate.passed).toBe(false);
  }, 60_000);
});
