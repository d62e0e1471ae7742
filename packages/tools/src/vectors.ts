// Test vectors of the surface, made by the real TypeScript code: a peer in another language
// (peers/python-surface) must reproduce every one. vectors.test.ts keeps vectors.json current.
//   regenerate: UPDATE_VECTORS=1 pnpm --filter @mcp-runtimes/tools test
//   (or, built: node packages/tools/dist/vectors.js)
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { describeResult, type TaskResult } from './agent-task.js';
import { BENCHMARK_DATA_BYTES, COMPLEXITY_ROUNDS, type BenchmarkDataType, type Complexity } from './limits.js';
import { renderAgentCommunication, type AgentCommunicationArgs } from './prompt.js';
import { agentStatus, benchmarkData, benchmarkDataResources } from './resources.js';
import { createMcpServer, SERVER_INFO, SERVER_INSTRUCTIONS } from './server.js';
import { combineChecksums, deterministicText, fnv1a, simulateWork, toHex } from './work.js';

export const VECTORS_PATH = fileURLToPath(new URL('../vectors.json', import.meta.url));

/** Tasks that stress the port: non-ASCII, astral (two UTF-16 units), a lone surrogate, NUL, the longest. */
const TASKS = [
  'summarise',
  'plan a trip',
  'a',
  ' ',
  '0',
  'say "hi"\n\ttabbed',
  'naïve café',
  '日本語のタスク',
  '😀',
  'a😀b𝄞c',
  '\ud800',
  '\u0000',
  'x'.repeat(1_000),
];

const TEXT_SIZES = [0, 1, 2, 35, 36, 37, 100, 65_536, 65_556, 65_557, 100_000];
const TEXT_SEEDS = ['x', 'y', '', 'benchmark:small', '😀'];
/** Texts up to this size are stored whole; longer ones by length, hash and ends. */
const WHOLE_TEXT = 128;

const PROMPTS: AgentCommunicationArgs[] = [
  { from_agent: 'planner', to_agent: 'booker', message: 'Book the 9:15 train', intent: 'delegate' },
  { from_agent: 'a', to_agent: 'b', message: 'no intent given' },
  { from_agent: 'A_1', to_agent: 'z-9', message: 'multi\nline 😀 é', intent: 'report' },
];

const TOOL_CALLS: { name: string; arguments: Record<string, unknown> }[] = [
  { name: 'agent_task', arguments: { task: 'plan a trip' } },
  {
    name: 'agent_task',
    arguments: { task: 'naïve 😀', complexity: 'high', payload_bytes: 300, agent_id: 'agent-7' },
  },
  { name: 'agent_task', arguments: { task: 'wait', complexity: 'medium', delay_ms: 1, payload_bytes: 1 } },
  {
    name: 'batch_process',
    arguments: {
      tasks: [
        { task: 'a' },
        { task: 'b', complexity: 'high', payload_bytes: 10 },
        { task: 'c', agent_id: 'x_1', delay_ms: 1 },
      ],
    },
  },
  { name: 'batch_process', arguments: { tasks: [{ task: '日本語', complexity: 'medium', payload_bytes: 37 }] } },
  {
    name: 'parallel_agent_tasks',
    arguments: {
      tasks: Array.from({ length: 5 }, (_, i) => ({
        task: `t${i}`,
        payload_bytes: i * 3,
        complexity: i % 2 ? 'medium' : 'low',
      })),
      max_concurrency: 2,
    },
  },
  { name: 'parallel_agent_tasks', arguments: { tasks: [{ task: 'solo', agent_id: 'p' }] } },
];

function hashOf(text: string): string {
  return toHex(fnv1a(text));
}

/** A text as a vector: whole when short, else its length, hash and both ends. */
function textVector(text: string) {
  if (text.length <= WHOLE_TEXT) return { length: text.length, text };
  return { length: text.length, fnv1a: hashOf(text), head: text.slice(0, 64), tail: text.slice(-64) };
}

/** Each tool call through an in-memory MCP client, as a client sees it, without the clock's elapsed_ms. */
async function toolResults() {
  const server = createMcpServer();
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: 'vectors', version: '0' });
  await client.connect(clientSide);
  try {
    const results = [];
    for (const call of TOOL_CALLS) {
      const result = (await client.callTool(call)) as CallToolResult;
      const { elapsed_ms: _elapsed, ...structuredContent } = result.structuredContent ?? {};
      results.push({ call, content: result.content, structuredContent });
    }
    return results;
  } finally {
    await client.close();
  }
}

export async function buildVectors() {
  const complexities = Object.keys(COMPLEXITY_ROUNDS) as Complexity[];
  const work = TASKS.flatMap((task) =>
    complexities.map((complexity) => ({ task, complexity, ...simulateWork(task, complexity) })),
  );
  const checksumLists = [[], ['a'], ['a', 'b'], ['b', 'a'], work.slice(0, 5).map((w) => w.checksum)];
  const result: TaskResult = {
    agent_id: 'agent-0',
    task: 'say "hi"',
    complexity: 'low',
    rounds: 1_000,
    checksum: '0badf00d',
    delay_ms: 0,
    payload_bytes: 0,
  };
  return {
    server: { ...SERVER_INFO, instructions: SERVER_INSTRUCTIONS },
    fnv1a: TASKS.map((text) => ({ text, hash: fnv1a(text) })),
    simulateWork: work,
    combineChecksums: checksumLists.map((checksums) => ({ checksums, checksum: combineChecksums(checksums) })),
    deterministicText: TEXT_SEEDS.flatMap((seed) =>
      TEXT_SIZES.map((bytes) => ({ bytes, seed, ...textVector(deterministicText(bytes, seed)) })),
    ),
    describeResult: [result, { ...result, agent_id: 'x_1', task: '😀', complexity: 'high' as const, rounds: 200_000 }].map(
      (r) => ({ result: r, text: describeResult(r) }),
    ),
    agentStatus: ['agent-0', 'agent-7', 'a', 'A_b-9', 'x'.repeat(64)].map((agentId) => ({
      agentId,
      status: agentStatus(agentId),
      text: JSON.stringify(agentStatus(agentId)),
    })),
    benchmarkData: (Object.keys(BENCHMARK_DATA_BYTES) as BenchmarkDataType[]).map((testType) => ({
      testType,
      ...textVector(benchmarkData(testType)),
    })),
    benchmarkDataResources: benchmarkDataResources(),
    prompt: PROMPTS.map((args) => ({ args, ...renderAgentCommunication(args) })),
    tools: await toolResults(),
  };
}

/** Pretty JSON with every object's keys sorted, so the file is stable whatever built it. */
export function stableJson(value: unknown): string {
  const sorted = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sorted)
      : v !== null && typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v)
              .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
              .map(([k, x]) => [k, sorted(x)]),
          )
        : v;
  return `${JSON.stringify(sorted(value), null, 2)}\n`;
}

export async function writeVectors(path = VECTORS_PATH): Promise<void> {
  writeFileSync(path, stableJson(await buildVectors()));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await writeVectors();
  console.log(`wrote ${VECTORS_PATH}`);
}
