// `pnpm bench:all --target … --tool`: a person measures their own MCP server, whose surface is
// not this project's. Two foreign servers are started here, built on the MCP SDK as anyone would
// build one, stateless, with no /health: "own" serves an `echo` tool and a resource, "lacking"
// only a `reverse` tool. `own` must pass the gate and be measured (without server CPU and memory),
// `lacking` must fail the gate because tools/list does not list `echo`.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { CallToolRequestSchema, ListToolsRequestSchema, ReadResourceRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '@mcp-runtimes/registry';
import { runPlan } from '../plan/command.js';
import type { BenchResults } from '../results.js';

const CLI = join(REPO_ROOT, 'packages/bench/dist/cli.js');
const RESOURCE = 'file:///notes/today.txt';

interface ForeignServer {
  url: string;
  stop: () => Promise<void>;
}

/** An MCP server on the SDK's low-level API: `tool` echoes its `text` argument; /health is a 404 like any unknown path. */
async function startForeignServer(tool: 'echo' | 'reverse'): Promise<ForeignServer> {
  const mcpServer = () => {
    const server = new Server({ name: `foreign-${tool}`, version: '1.0.0' }, { capabilities: { tools: {}, resources: {} } });
    server.setRequestHandler(ListToolsRequestSchema, () => ({
      tools: [{ name: tool, description: `${tool}es its text`, inputSchema: { type: 'object', properties: { text: { type: 'string' } }, required: ['text'] } }],
    }));
    server.setRequestHandler(CallToolRequestSchema, (request) => {
      const text = String(request.params.arguments?.text ?? '');
      if (request.params.name !== tool) return { content: [{ type: 'text', text: `no tool ${request.params.name}` }], isError: true };
      return { content: [{ type: 'text', text: tool === 'echo' ? text : [...text].reverse().join('') }] };
    });
    server.setRequestHandler(ReadResourceRequestSchema, (request) => ({
      contents: [{ uri: request.params.uri, mimeType: 'text/plain', text: 'buy milk' }],
    }));
    return server;
  };
  const readBody = (req: IncomingMessage) =>
    new Promise<unknown>((resolve, reject) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => resolve(body === '' ? undefined : (JSON.parse(body) as unknown)));
      req.on('error', reject);
    });
  const http: HttpServer = createServer((req, res) => {
    if (req.url !== '/mcp') {
      res.writeHead(404).end();
      return;
    }
    // Stateless, as the SDK documents it: a server and a transport per request.
    void (async () => {
      const server = mcpServer();
      const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
      res.on('close', () => void transport.close().then(() => server.close()));
      await server.connect(transport);
      await transport.handleRequest(req, res, await readBody(req));
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    stop: () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}

describe('pnpm bench:all --target --tool: a server with its own surface and no /health', () => {
  const servers: ForeignServer[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'mcp-own-server-'));
  let run: { code: number | null; stdout: string; stderr: string };
  let results: BenchResults;

  beforeAll(async () => {
    const [own, lacking] = await Promise.all([startForeignServer('echo'), startForeignServer('reverse')]);
    servers.push(own, lacking);
    const args = ['--quick', '--target', `own=${own.url},lacking=${lacking.url}`, '--tool', 'echo', '--tool-args', '{"text":"hi there"}', '--expect-text', 'hi', '--resource', RESOURCE, '--rates', '100', '--duration', '1', '--out', dir];
    // Asynchronously: the servers answer from this process while the run goes on.
    run = await new Promise((resolve) => {
      execFile(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 240_000 }, (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
      });
    });
    results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as BenchResults;
  });

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('gates each target on the declared tool, and fails the one that does not list it', () => {
    expect(results.gates.map((g) => [g.server, g.passed])).toEqual([
      ['own', true],
      ['lacking', false],
    ]);
    const lacking = results.gates.find((g) => g.server === 'lacking')?.failures.join('\n') ?? '';
    expect(lacking).toContain('tools/list lists the tool "echo"');
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.stdout).toContain('lacking (2025-11-25) failed its gate');
    expect(run.stdout).toContain('tools/list lists the tool "echo"');
  });

  it('runs the scenarios that can call the tool, with zero errors and no server CPU', () => {
    expect(results.settings.scenarios).toEqual(['simple-tool', 'resources', 'concurrent-calls', 'session']);
    expect(results.measurements.map((m) => `${m.server} ${m.scenario}`)).toEqual(['own simple-tool', 'own resources', 'own concurrent-calls', 'own session']);
    for (const m of results.measurements) {
      expect(m.requests, m.scenario).toBeGreaterThan(0);
      expect(m.errorRate, m.scenario).toBe(0);
      expect(m.serverUsage, m.scenario).toEqual({ cpuSeconds: 0, peakRssBytes: 0 });
      expect(m.generatorUsage.cpuSeconds, m.scenario).toBeGreaterThan(0);
    }
    // The resources scenario read one resource of theirs: no empty rows for this project's four.
    expect(results.measurements.find((m) => m.scenario === 'resources')?.ops).toBeUndefined();
    expect(Object.keys(results.measurements.find((m) => m.scenario === 'session')?.ops ?? {})).toEqual(['initialize', 'initialized', 'tools_list', 'tools_call']);
    expect(results.failures).toEqual([]);
    expect(results.environment.remote?.unmeasured).toEqual({ own: 'has no /health', lacking: 'has no /health' });
    expect(results.environment.remote?.call).toMatchObject({ tool: 'echo', arguments: { text: 'hi there' }, resource: RESOURCE, expectText: 'hi' });
    expect(Object.keys(results.environment.remote?.call?.notRun ?? {})).toEqual(['batch', 'parallel-tasks', 'agents']);
    expect(run.stdout).toMatch(/not run with --tool: batch \(it calls this project's batch_process tool\)/);
  });

  it('says in the report that the server CPU and memory were not measured, and what was called', () => {
    const markdown = readFileSync(join(dir, 'RESULTS.md'), 'utf8');
    expect(markdown).toContain('server CPU and memory not measured: own has no /health');
    expect(markdown).toContain('Server CPU and memory not measured: own has no /health.');
    expect(markdown).toContain("Every tool call was the targets' own `echo`");
    expect(markdown).toContain('Not run with it: batch');
    // Its CPU table says "not measured", never a measured-looking zero.
    expect(markdown).not.toMatch(/\b0 req\/CPU-s/);
  });

  it('refuses to plan cores for a target without server CPU, in words', () => {
    const plan = runPlan(['--rate', '1000', '--results', join(dir, 'results.json')]);
    expect(plan.code, plan.out).toBe(0);
    expect(plan.out).toContain('cannot plan cores: server CPU and memory not measured (own has no /health)');
    expect(plan.out).not.toContain('NaN');
  });
});
