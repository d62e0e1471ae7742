/**
 * The contract: every tool, resource and prompt gives the same result on every server, over
 * every protocol it speaks, as the shared package gives in-process (timing fields aside).
 */
import type { McpClient as Client } from '@mcp-runtimes/client';
import { createMcpServer, createMcpServerV2, LIMITS, SERVER_INFO } from '@mcp-runtimes/tools';
import { Client as SdkClient } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODERN, referenceSdkOf, SDK, startFleet, thrownAnswer, startPeerFleet, withConnection, withoutEraEnvelope, withoutTiming } from './harness.js';
import { expectOursOrDeclared, uncheckedDifferences } from './peer-differences.js';

interface Operation {
  name: string;
  run(client: Client): Promise<unknown>;
}

const call = (name: string, args: Record<string, unknown>) => (client: Client) =>
  client.callTool({ name, arguments: args });

const OPERATIONS: Operation[] = [
  { name: 'tools/list', run: (c) => c.listTools() },
  { name: 'resources/list', run: (c) => c.listResources() },
  { name: 'resources/templates/list', run: (c) => c.listResourceTemplates() },
  { name: 'prompts/list', run: (c) => c.listPrompts() },
  { name: 'agent_task (defaults)', run: call('agent_task', { task: 'summarise the report' }) },
  {
    name: 'agent_task (high, delay, payload, agent)',
    run: call('agent_task', { task: 'plan', complexity: 'high', delay_ms: 20, payload_bytes: 4096, agent_id: 'agent-42' }),
  },
  {
    name: 'batch_process',
    run: call('batch_process', {
      tasks: [
        { task: 'fetch', complexity: 'low' },
        { task: 'parse', complexity: 'medium', payload_bytes: 100 },
        { task: 'rank', complexity: 'high', delay_ms: 5, agent_id: 'ranker' },
      ],
    }),
  },
  {
    name: 'parallel_agent_tasks',
    run: call('parallel_agent_tasks', {
      tasks: Array.from({ length: 10 }, (_, i) => ({ task: `sub-${i}`, delay_ms: 10, complexity: 'medium' })),
      max_concurrency: 4,
    }),
  },
  {
    name: 'batch_process with progress',
    run: async (c) => {
      const progress: unknown[] = [];
      const result = await c.callTool(
        { name: 'batch_process', arguments: { tasks: [{ task: 'a' }, { task: 'b' }] } },
        undefined,
        { onprogress: (p) => progress.push(p) },
      );
      return { result, progress };
    },
  },
  { name: 'agent status', run: (c) => c.readResource({ uri: 'agent://agent-42/status' }) },
  { name: 'benchmark small', run: (c) => c.readResource({ uri: 'benchmark://small/data' }) },
  { name: 'benchmark medium', run: (c) => c.readResource({ uri: 'benchmark://medium/data' }) },
  { name: 'benchmark large', run: (c) => c.readResource({ uri: 'benchmark://large/data' }) },
  {
    name: 'agent_communication prompt',
    run: (c) =>
      c.getPrompt({
        name: 'agent_communication',
        arguments: { from_agent: 'planner', to_agent: 'booker', message: 'Book the 9:15', intent: 'delegate' },
      }),
  },
  { name: 'invalid arguments', run: call('agent_task', { task: 'x', delay_ms: LIMITS.agentTaskDelayMs + 1 }) },
  // SDK v1 answers an isError result, SDK v2 a JSON-RPC error (-32602): each pass's reference is its own SDK's.
  {
    name: 'unknown tool',
    run: (c) => c.callTool({ name: 'no_such_tool', arguments: {} }).catch(thrownAnswer),
  },
  {
    name: 'unknown resource',
    run: (c) => c.readResource({ uri: 'benchmark://huge/data' }).catch(thrownAnswer),
  },
];

/**
 * What the shared package answers in-process on one SDK: on the SDK this pass's wiring runs, the
 * reference every server must match (in 2026-07-28 too, once the era's envelope is set aside);
 * a peer is held to the one of the SDK it serves the surface with.
 */
async function reference(sdk: 'v1' | 'v2'): Promise<Map<string, unknown>> {
  const server = sdk === 'v2' ? createMcpServerV2() : createMcpServer();
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new SdkClient({ name: 'reference', version: '0' });
  await client.connect(clientSide);
  const results = new Map<string, unknown>();
  for (const op of OPERATIONS) results.set(op.name, withoutTiming(await op.run(client)));
  await client.close();
  return results;
}

const fleet = await startFleet();
const peers = await startPeerFleet();
/** The reference of each SDK a server here is held to: this pass's, and each peer's. */
const references = new Map<'v1' | 'v2', Map<string, unknown>>();
let expected: Map<string, unknown>;

beforeAll(async () => {
  for (const sdk of new Set([SDK, ...(peers?.servers ?? []).map((p) => referenceSdkOf(p.name))])) references.set(sdk, await reference(sdk));
  expected = references.get(SDK) as Map<string, unknown>;
});

afterAll(async () => {
  await fleet.stop(); // also asserts each server exits 0 on SIGTERM
  await peers?.stop();
});

describe.each(fleet.targets)('$label', (target) => {
  it('gives the reference result for every tool, resource and prompt', async () => {
    await withConnection(target, async ({ client }) => {
      for (const op of OPERATIONS) {
        const answer = await op.run(client);
        expect(withoutTiming(MODERN ? withoutEraEnvelope(answer) : answer), op.name).toEqual(expected.get(op.name));
      }
    });
  });

  it.runIf(MODERN)('names itself in every 2026-07-28 result', async () => {
    await withConnection(target, async ({ client }) => {
      for (const answer of [await client.listTools(), await client.callTool({ name: 'agent_task', arguments: { task: 'x' } })]) {
        expect(answer._meta?.['io.modelcontextprotocol/serverInfo']).toEqual(SERVER_INFO);
      }
    });
  });

  it('serves many concurrent calls from one client, each with its own answer', async () => {
    await withConnection(target, async ({ client, connectionsOpened }) => {
      const tasks = Array.from({ length: 40 }, (_, i) => `concurrent-${i}`);
      const results = await Promise.all(
        tasks.map((task) => client.callTool({ name: 'agent_task', arguments: { task, delay_ms: 50 } })),
      );
      results.forEach((result, i) => {
        expect((result.structuredContent as { task: string }).task).toBe(tasks[i]);
      });
      // Over HTTP/2 every call was a stream of one connection.
      if (target.transport.http === '2') expect(connectionsOpened()).toBe(1);
    });
  });
});

function withoutIsErrorFalse(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutIsErrorFalse);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([k, v]) => !(k === 'isError' && v === false)).map(([k, v]) => [k, withoutIsErrorFalse(v)]));
}

/** An operation's answer, or the error it threw, as comparable data. */
async function answerOf(op: Operation, client: Client): Promise<unknown> {
  try {
    return withoutTiming(await op.run(client));
  } catch (error) {
    return { thrown: (error as Error).message };
  }
}

describe.each(peers?.targets ?? [])('peer $label', (target) => {
  it('gives the reference result for every tool, resource and prompt, or the difference it declares', async () => {
    await withConnection(target, async ({ client }) => {
      for (const op of OPERATIONS) {
        const answer = await answerOf(op, client);
        // `isError: false` means what its absence means; it is checked on its own below.
        expectOursOrDeclared(target.server.name, `contract: ${op.name}`, { status: 200, text: JSON.stringify(answer) }, () =>
          expect(withoutIsErrorFalse(answer), `${target.label}: ${op.name}`).toEqual(references.get(referenceSdkOf(target.server.name))?.get(op.name)),
        );
      }
      const plain = await answerOf(OPERATIONS.find((op) => op.name === 'agent_task (defaults)') as Operation, client);
      expectOursOrDeclared(target.server.name, 'contract: successful results omit isError', { status: 200, text: JSON.stringify(plain) }, () =>
        expect(plain).not.toHaveProperty('isError'),
      );
    });
  });

  it('serves many concurrent calls from one client, each with its own answer', async () => {
    await withConnection(target, async ({ client, connectionsOpened }) => {
      const tasks = Array.from({ length: 40 }, (_, i) => `concurrent-${i}`);
      const results = await Promise.all(tasks.map((task) => client.callTool({ name: 'agent_task', arguments: { task, delay_ms: 50 } })));
      results.forEach((result, i) => expect((result.structuredContent as { task: string }).task).toBe(tasks[i]));
      if (target.transport.http === '2') expect(connectionsOpened()).toBe(1);
    });
  });
});

it.runIf(peers !== null)('checks every difference the peers declare for the contract', () => {
  expect(uncheckedDifferences('contract', peers?.servers.map((s) => s.name) ?? [])).toEqual([]);
});

it('serves the same surface everywhere: the reference itself is not trivial', () => {
  // Guards the comparison above against passing on empty results.
  expect((expected.get('tools/list') as { tools: unknown[] }).tools).toHaveLength(3);
  expect(JSON.stringify(expected.get('benchmark large')).length).toBeGreaterThan(1_000_000);
  expect((expected.get('batch_process with progress') as { progress: unknown[] }).progress).toHaveLength(2);
  expect(expected.get('invalid arguments')).toMatchObject({ isError: true });
});
