import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BENCHMARK_DATA_BYTES, LIMITS } from './limits.js';
import { toolActivity } from './activity.js';
import { createMcpServer } from './server.js';

let client: Client;

beforeEach(async () => {
  const server = createMcpServer();
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  client = new Client({ name: 'tools-test', version: '0' });
  await client.connect(clientSide);
});

afterEach(async () => {
  await client.close();
});

async function call(name: string, args: Record<string, unknown>) {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

function text(result: CallToolResult, index = 0): string {
  const block = result.content[index];
  if (block?.type !== 'text') throw new Error(`content[${index}] is not text`);
  return block.text;
}

describe('the MCP surface', () => {
  it('lists the three tools with bounded input schemas', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(['agent_task', 'batch_process', 'parallel_agent_tasks']);
    const agentTask = tools.find((t) => t.name === 'agent_task');
    expect(agentTask?.inputSchema.required).toEqual(['task']);
    expect(agentTask?.inputSchema.properties?.delay_ms).toMatchObject({ maximum: LIMITS.agentTaskDelayMs });
    expect(agentTask?.outputSchema).toBeDefined();
  });

  it('agent_task returns a deterministic checksum and the requested payload', async () => {
    const first = await call('agent_task', { task: 'plan a trip', complexity: 'medium', payload_bytes: 300 });
    const second = await call('agent_task', { task: 'plan a trip', complexity: 'medium', payload_bytes: 300 });
    expect(first.isError).toBeFalsy();
    const { elapsed_ms, ...structured } = first.structuredContent as Record<string, unknown>;
    expect(typeof elapsed_ms).toBe('number');
    expect(structured).toEqual({
      agent_id: 'agent-0',
      task: 'plan a trip',
      complexity: 'medium',
      rounds: 20_000,
      checksum: expect.stringMatching(/^[0-9a-f]{8}$/),
      delay_ms: 0,
      payload_bytes: 300,
    });
    expect(text(first)).toContain(String(structured.checksum));
    expect(text(first, 1)).toHaveLength(300);
    expect(second.content).toEqual(first.content);
  });

  it('agent_task awaits its delay', async () => {
    const start = performance.now();
    await call('agent_task', { task: 'wait', delay_ms: 50 });
    expect(performance.now() - start).toBeGreaterThanOrEqual(45);
  });

  it('batch_process runs tasks in order and combines their checksums', async () => {
    const tasks = [
      { task: 'a', complexity: 'low' },
      { task: 'b', complexity: 'high', payload_bytes: 10 },
    ];
    const result = await call('batch_process', { tasks });
    const structured = result.structuredContent as { count: number; checksum: string; results: { task: string }[] };
    expect(structured.count).toBe(2);
    expect(structured.results.map((r) => r.task)).toEqual(['a', 'b']);
    const reversed = await call('batch_process', { tasks: [...tasks].reverse() });
    expect((reversed.structuredContent as { checksum: string }).checksum).not.toBe(structured.checksum);
    expect(text(result, 1)).toHaveLength(10);
  });

  it('parallel_agent_tasks overlaps the delays up to max_concurrency', async () => {
    const tasks = Array.from({ length: 8 }, (_, i) => ({ task: `t${i}`, delay_ms: 50 }));
    const start = performance.now();
    const result = await call('parallel_agent_tasks', { tasks, max_concurrency: 8 });
    const wall = performance.now() - start;
    expect(wall).toBeLessThan(8 * 50);
    expect(result.structuredContent).toMatchObject({ count: 8, max_concurrency: 8 });
  });

  it('reports progress only when asked, and once per task', async () => {
    const progress: number[] = [];
    await client.callTool(
      { name: 'batch_process', arguments: { tasks: [{ task: 'a' }, { task: 'b' }, { task: 'c' }] } },
      undefined,
      { onprogress: (p) => progress.push(p.progress) },
    );
    expect(progress).toEqual([1, 2, 3]);
  });

  it.each([
    ['a missing task', 'agent_task', {}],
    ['an empty task', 'agent_task', { task: '' }],
    ['an unknown complexity', 'agent_task', { task: 'x', complexity: 'extreme' }],
    ['a negative delay', 'agent_task', { task: 'x', delay_ms: -1 }],
    ['a delay over the bound', 'agent_task', { task: 'x', delay_ms: LIMITS.agentTaskDelayMs + 1 }],
    ['a payload over the bound', 'agent_task', { task: 'x', payload_bytes: LIMITS.agentTaskPayloadBytes + 1 }],
    ['a fractional delay', 'agent_task', { task: 'x', delay_ms: 1.5 }],
    ['a task too long', 'agent_task', { task: 'x'.repeat(LIMITS.taskChars + 1) }],
    ['an agent id with a slash', 'agent_task', { task: 'x', agent_id: 'a/b' }],
    ['an empty batch', 'batch_process', { tasks: [] }],
    ['a batch too large', 'batch_process', { tasks: Array(LIMITS.batchTasks + 1).fill({ task: 'x' }) }],
    ['a batch item over the item bound', 'batch_process', { tasks: [{ task: 'x', delay_ms: LIMITS.itemDelayMs + 1 }] }],
    ['a zero concurrency', 'parallel_agent_tasks', { tasks: [{ task: 'x' }], max_concurrency: 0 }],
  ])('rejects %s with a validation error', async (_label, name, args) => {
    const result = await call(name, args);
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/validation/i);
  });

  it('reads an agent status resource deterministically', async () => {
    const result = await client.readResource({ uri: 'agent://agent-7/status' });
    const content = result.contents[0] as { text: string; mimeType: string };
    expect(content.mimeType).toBe('application/json');
    expect(JSON.parse(content.text)).toMatchObject({ agent_id: 'agent-7' });
    expect((await client.readResource({ uri: 'agent://agent-7/status' })).contents).toEqual(result.contents);
  });

  it.each(Object.entries(BENCHMARK_DATA_BYTES))('serves benchmark data "%s" of %i bytes', async (type, bytes) => {
    const result = await client.readResource({ uri: `benchmark://${type}/data` });
    expect((result.contents[0] as { text: string }).text).toHaveLength(bytes);
  });

  it('lists the benchmark data resources and both templates', async () => {
    const { resources } = await client.listResources();
    expect(resources.map((r) => r.uri).sort()).toEqual([
      'benchmark://large/data',
      'benchmark://medium/data',
      'benchmark://small/data',
    ]);
    const { resourceTemplates } = await client.listResourceTemplates();
    expect(resourceTemplates.map((t) => t.uriTemplate).sort()).toEqual([
      'agent://{agent_id}/status',
      'benchmark://{test_type}/data',
    ]);
  });

  it('rejects an unknown test_type and an invalid agent id with JSON-RPC errors', async () => {
    await expect(client.readResource({ uri: 'benchmark://huge/data' })).rejects.toThrow(/Unknown test_type/);
    await expect(client.readResource({ uri: 'agent://a%20b/status' })).rejects.toThrow(/Invalid agent_id/);
  });

  it('renders the agent_communication prompt', async () => {
    const result = await client.getPrompt({
      name: 'agent_communication',
      arguments: { from_agent: 'planner', to_agent: 'booker', message: 'Book the 9:15 train', intent: 'delegate' },
    });
    const content = result.messages[0]?.content as { type: string; text: string };
    expect(content.text).toContain('Agent planner sends you a delegate');
    expect(content.text).toContain('Book the 9:15 train');
    await expect(
      client.getPrompt({ name: 'agent_communication', arguments: { from_agent: 'a', to_agent: 'b', message: '' } }),
    ).rejects.toThrow(/Invalid arguments/);
  });
});

describe('a server built for one request (clientSignal)', () => {
  it.each([
    ['agent_task', { task: 'wait', delay_ms: 5_000 }],
    ['batch_process', { tasks: Array.from({ length: 5 }, () => ({ task: 'wait', delay_ms: 1_000 })) }],
    ['parallel_agent_tasks', { tasks: Array.from({ length: 5 }, () => ({ task: 'wait', delay_ms: 1_000 })) }],
  ])('%s stops when its client leaves, though the SDK never aborts it', async (name, args) => {
    const client = new AbortController();
    const server = createMcpServer({ clientSignal: client.signal });
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await server.connect(serverSide);
    const mcp = new Client({ name: 'tools-test', version: '0' });
    await mcp.connect(clientSide);
    try {
      const before = toolActivity();
      const started = performance.now();
      const result = mcp.callTool({ name, arguments: args });
      setTimeout(() => client.abort(), 50);
      // The SDK turns the tool's abort error into an isError result; what matters is that it ends now.
      await result.catch(() => undefined);
      expect(performance.now() - started).toBeLessThan(800);
      expect(toolActivity().cancelled).toBeGreaterThan(before.cancelled);
    } finally {
      await mcp.close();
    }
  });
});
