import { PassThrough } from 'node:stream';
import { createMcpServer } from '@mcp-runtimes/tools';
import { afterEach, describe, expect, it } from 'vitest';
import { LineTransport } from './line-transport.js';

/** A LineTransport serving the real surface over two in-memory pipes, and a reader of its answers. */
async function serve(maxLineBytes = 1024 * 1024) {
  const input = new PassThrough();
  const output = new PassThrough();
  const transport = new LineTransport(input, output, maxLineBytes);
  const server = createMcpServer();
  await server.connect(transport);
  const answers: Record<string, unknown>[] = [];
  let waiting: (() => void) | undefined;
  let rest = '';
  output.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) answers.push(JSON.parse(line) as Record<string, unknown>);
    waiting?.();
  });
  const next = async (count: number) => {
    while (answers.length < count) await new Promise<void>((resolve) => (waiting = resolve));
    return answers.slice(0, count);
  };
  return { input, transport, server, next };
}

const call = (id: number | string, args: Record<string, unknown>) =>
  `${JSON.stringify({ jsonrpc: '2.0', id, method: 'tools/call', params: { name: 'agent_task', arguments: args } })}\n`;

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

describe('LineTransport', () => {
  it('answers concurrent calls as they finish, whatever order they came in', async () => {
    const s = await serve();
    close = () => s.server.close();
    s.input.write(call(1, { task: 'slow', delay_ms: 60 }) + call(2, { task: 'fast' }));
    const [first, second] = await s.next(2);
    expect(first).toMatchObject({ id: 2, result: { structuredContent: { task: 'fast' } } });
    expect(second).toMatchObject({ id: 1, result: { structuredContent: { task: 'slow' } } });
  });

  it('reassembles a message split across chunks, and one chunk holding several', async () => {
    const s = await serve();
    close = () => s.server.close();
    const text = call(7, { task: 'split' });
    s.input.write(text.slice(0, 10));
    s.input.write(text.slice(10) + call(8, { task: 'b' }).trimEnd());
    s.input.write('\n');
    const answers = await s.next(2);
    expect(answers.map((a) => a.id).sort()).toEqual([7, 8]);
  });

  it('answers a line that is not JSON, not JSON-RPC, or a batch with a JSON-RPC error and keeps serving', async () => {
    const s = await serve();
    close = () => s.server.close();
    s.input.write('{not json\n');
    s.input.write('{"jsonrpc":"1.0","id":5,"method":"x"}\n');
    s.input.write('[{"jsonrpc":"2.0","id":6,"method":"ping"}]\n');
    s.input.write(call(9, { task: 'after' }));
    const [parse, invalid, batch, ok] = await s.next(4);
    expect(parse).toMatchObject({ id: null, error: { code: -32700 } });
    expect(invalid).toMatchObject({ id: 5, error: { code: -32600 } });
    expect(batch).toMatchObject({ id: null, error: { code: -32600, message: expect.stringContaining('batch') } });
    expect(ok).toMatchObject({ id: 9, result: { structuredContent: { task: 'after' } } });
  });

  it('refuses an over-long line without closing the pipe', async () => {
    const s = await serve(200);
    close = () => s.server.close();
    s.input.write(call(1, { task: 'x'.repeat(150) }).slice(0, 120));
    s.input.write(`${'y'.repeat(300)}\n`);
    s.input.write(call(2, { task: 'next' }));
    const [refused, ok] = await s.next(2);
    expect(refused).toMatchObject({ id: null, error: { code: -32600, message: expect.stringContaining('200 bytes') } });
    expect(ok).toMatchObject({ id: 2 });
  });

  it('counts requests in flight until their answers are written, so shutdown can wait for them', async () => {
    const s = await serve();
    close = () => s.server.close();
    s.input.write(call('a', { task: 'wait', delay_ms: 50 }));
    s.input.write('{"jsonrpc":"2.0","method":"notifications/initialized"}\n');
    await new Promise((r) => setTimeout(r, 10));
    expect(s.transport.inFlight).toBe(1);
    let drained = false;
    const drain = s.transport.drain().then(() => (drained = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(drained).toBe(false);
    await drain;
    expect(s.transport.inFlight).toBe(0);
    expect(await s.next(1)).toMatchObject([{ id: 'a' }]);
  });
});
