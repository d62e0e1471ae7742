// Layers: the same trivial tools/call, sequentially at concurrency 1, through ever more of the
// stack: the tool function alone; the SDK's Client and McpServer in one process over an in-memory
// transport; the same stack's raw JSON echo over HTTP (no MCP); the server over HTTP with the
// reference client.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { createFetch, connect } from '@mcp-runtimes/client';
import { createMcpServer, runAgentTask } from '@mcp-runtimes/tools';
import { quantileSorted } from '../stats.js';
import { callAgentTask, toolArguments } from './channels.js';
import type { Layer, LayerSamples, StudySettings } from './model.js';
import { repeat } from './timing.js';

const TASK = 'layers';

export interface LayerTarget {
  server: string;
  wiring: string;
  /** How the reference client and the raw request reach it. */
  protocol: 'http1' | 'h2c';
  mcpUrl: string;
  echoUrl: string;
}

/** Times every call of every run; per run its mean, over all runs the per-call quantiles. */
async function measure(settings: StudySettings, layer: Layer, oneCall: () => Promise<void>): Promise<LayerSamples> {
  for (let i = settings.warmupRuns * settings.callsPerRun; i < settings.warmupCalls; i++) await oneCall();
  const perCall: number[] = [];
  const runMeansUs = await repeat(settings.warmupRuns, settings.runs, async (run) => {
    let total = 0;
    for (let i = 0; i < settings.callsPerRun; i++) {
      const start = performance.now();
      await oneCall();
      const us = (performance.now() - start) * 1000;
      total += us;
      if (run >= 0) perCall.push(us);
    }
    return total / settings.callsPerRun;
  });
  perCall.sort((a, b) => a - b);
  return { layer, runMeansUs, callP50Us: quantileSorted(perCall, 0.5), callP99Us: quantileSorted(perCall, 0.99), calls: perCall.length };
}

/** The two layers without HTTP: the same for every server, so measured once. */
export async function measureLocalLayers(settings: StudySettings): Promise<LayerSamples[]> {
  const input = { task: TASK, complexity: 'low' as const, delay_ms: 0, payload_bytes: 0, agent_id: 'agent-0' };
  const direct = await measure(settings, 'direct', async () => {
    const { result } = await runAgentTask(input);
    if (result.task !== TASK) throw new Error('wrong direct result');
  });

  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const server = createMcpServer();
  const client = new Client({ name: 'mcp-runtimes-bench', version: '0.1.0' });
  await server.connect(serverSide);
  await client.connect(clientSide);
  try {
    const inProcess = await measure(settings, 'in-process', () => callAgentTask(client, TASK, 0));
    return [direct, inProcess];
  } finally {
    await client.close();
    await server.close();
  }
}

/** The two HTTP layers of one server: its raw echo, and MCP through the reference client. */
export async function measureHttpLayers(settings: StudySettings, target: LayerTarget): Promise<LayerSamples[]> {
  const http = target.protocol === 'h2c' ? ('2' as const) : ('1.1' as const);
  const where = { server: target.server, wiring: target.wiring, protocol: target.protocol };

  const echo = createFetch(target.echoUrl, { http, connections: 1 });
  const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: toolArguments(TASK, 0) });
  let raw: LayerSamples;
  try {
    raw = await measure(settings, 'http-raw', async () => {
      const response = await echo.fetch(target.echoUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const text = await response.text();
      if (response.status !== 200 || text !== body) throw new Error(`raw echo answered ${response.status}: ${text.slice(0, 100)}`);
    });
  } finally {
    await echo.close();
  }

  const connection = await connect(target.mcpUrl, { http, connections: 1, clientName: 'mcp-runtimes-bench' });
  try {
    const mcp = await measure(settings, 'http-mcp', () => callAgentTask(connection.client, TASK, 0));
    return [
      { ...raw, ...where },
      { ...mcp, ...where },
    ];
  } finally {
    await connection.close();
  }
}
