// The stdio entry serves the same surface as the HTTP servers, answers bad lines with JSON-RPC
// errors, multiplexes one pipe, and answers what it has read before it exits.
import { spawn } from 'node:child_process';
import { connect, connectStdio, type StdioConnection } from '@mcp-runtimes/client';
import { launchServer, stdioMain, type RunningServer } from '@mcp-runtimes/registry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SDK, WIRING, withoutTiming } from './harness.js';

let stdio: StdioConnection;
let http: RunningServer;

beforeAll(async () => {
  [stdio, http] = await Promise.all([
    connectStdio({ command: process.execPath, args: [stdioMain()] }),
    // The stdio entry runs SDK v1 (2025-11-25): it is compared with the same SDK over HTTP.
    launchServer('node-http', { env: { MCP_WIRING: SDK === 'v2' ? 'official' : WIRING } }),
  ]);
});
afterAll(async () => {
  await stdio?.close();
  await http?.stop();
});

describe('stdio server', () => {
  it('lists the same tools, resources and prompts as an HTTP server, and computes the same results', async () => {
    const viaHttp = await connect(http.url);
    try {
      for (const list of ['listTools', 'listResourceTemplates', 'listPrompts'] as const) {
        expect(await stdio.client[list]()).toEqual(await viaHttp.client[list]());
      }
      const args = { name: 'agent_task', arguments: { task: 'same', complexity: 'medium', payload_bytes: 64 } };
      const viaClient = withoutTiming(await viaHttp.client.callTool(args));
      expect(withoutTiming(await stdio.client.callTool(args))).toEqual(viaClient);
      // Hand-written JSON-RPC on the client's own HTTP connection gets the same answer.
      const handWritten = await viaHttp.request('tools/call', args);
      expect(handWritten.id).toBe('raw-1');
      expect(withoutTiming(handWritten.result)).toEqual(viaClient);
    } finally {
      await viaHttp.close();
    }
  });

  it('multiplexes one pipe: a fast call is answered while a slow one is still running', async () => {
    const order: string[] = [];
    await Promise.all(
      ['slow', 'fast'].map(async (task) => {
        await stdio.client.callTool({ name: 'agent_task', arguments: { task, delay_ms: task === 'slow' ? 150 : 0 } });
        order.push(task);
      }),
    );
    expect(order).toEqual(['fast', 'slow']);
  });

  it('carries hand-written JSON-RPC on the same pipe beside the SDK client', async () => {
    const [answer, viaClient] = await Promise.all([
      stdio.request('tools/call', { name: 'agent_task', arguments: { task: 'raw' } }),
      stdio.client.callTool({ name: 'agent_task', arguments: { task: 'sdk' } }),
    ]);
    expect(answer).toMatchObject({ id: 'raw-1', result: { structuredContent: { task: 'raw' } } });
    expect(viaClient).toMatchObject({ structuredContent: { task: 'sdk' } });
    expect(await stdio.request('no/such/method')).toMatchObject({ error: { code: -32601 } });
  });

  it('answers bad lines with JSON-RPC errors, and every request it read before stdin closed; exits 0', async () => {
    const child = spawn(process.execPath, [stdioMain()], { stdio: ['pipe', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    const call = { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'agent_task', arguments: { task: 'last', delay_ms: 100 } } };
    child.stdin.end(`{oops\n{"jsonrpc":"2.0","id":2}\n${JSON.stringify(call)}\n`);
    const code = await new Promise((resolve) => child.once('exit', resolve));
    const answers = out.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(code).toBe(0);
    expect(answers).toEqual([
      expect.objectContaining({ id: null, error: expect.objectContaining({ code: -32700 }) }),
      expect.objectContaining({ id: 2, error: expect.objectContaining({ code: -32600 }) }),
      expect.objectContaining({ id: 1, result: expect.objectContaining({ structuredContent: expect.objectContaining({ task: 'last' }) }) }),
    ]);
  });
});
