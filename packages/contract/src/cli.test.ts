/** The reference client's CLI, as the README shows it, against real servers. */
import { execFile } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { certificatePath, launchServer, stdioMain, type RunningServer } from '@mcp-runtimes/registry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('./cli.js', import.meta.resolve('@mcp-runtimes/client')));
const execFileAsync = promisify(execFile);

async function mcpRuntimes(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [cli, ...args], { timeout: 20_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** A port nothing listens on: bound by us, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let http1: RunningServer;
let http2: RunningServer;
beforeAll(async () => {
  [http1, http2] = await Promise.all([launchServer('uws'), launchServer('node-http2')]);
});
afterAll(async () => {
  await Promise.all([http1.stop(), http2.stop()]);
});

describe('mcp-runtimes CLI', () => {
  it('calls a tool and prints its result', async () => {
    const { code, stdout } = await mcpRuntimes('call', http1.url, 'agent_task', '{"task":"x","complexity":"medium"}');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ structuredContent: { task: 'x', complexity: 'medium' } });
  });

  it('runs concurrent calls on one HTTP/2 connection over TLS with the project certificate', async () => {
    const url = http2.urls['h2-tls'] as string;
    const { code, stdout } = await mcpRuntimes('call', url, 'agent_task', '{"task":"y"}', '--http2', '--ca', certificatePath(), '--concurrent', '20');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ calls: 20, errors: 0 });
  });

  it('starts a stdio server and calls it over the pipe', async () => {
    const { code, stdout } = await mcpRuntimes('call', `stdio:${process.execPath} ${stdioMain()}`, 'agent_task', '{"task":"piped"}', '--concurrent', '5');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ calls: 5, errors: 0, first: { structuredContent: { task: 'piped' } } });
  });

  it('prints progress over h2c', async () => {
    const { code, stderr } = await mcpRuntimes('call', http2.urls.h2c as string, 'batch_process', '{"tasks":[{"task":"a"},{"task":"b"}]}', '--http2', '--progress');
    expect(code).toBe(0);
    expect(stderr).toMatch(/progress 1\/2[\s\S]*progress 2\/2/);
  });

  it('lists, reads and renders', async () => {
    const list = await mcpRuntimes('list', http1.url);
    expect(JSON.parse(list.stdout).tools).toHaveLength(3);
    const read = await mcpRuntimes('read', http1.url, 'benchmark://small/data');
    expect(JSON.parse(read.stdout).contents[0].text).toHaveLength(1024);
    const prompt = await mcpRuntimes('prompt', http1.url, 'agent_communication', '{"from_agent":"a","to_agent":"b","message":"hi"}');
    expect(prompt.code).toBe(0);
  });

  it('exits 1 on a tool error, 2 on bad usage or no server', async () => {
    expect((await mcpRuntimes('call', http1.url, 'agent_task', '{}')).code).toBe(1);
    expect((await mcpRuntimes('read', http1.url, 'benchmark://huge/data')).code).toBe(1);
    const usage = await mcpRuntimes('call', http1.url, 'agent_task', 'not json');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/JSON_ARGS must be a JSON object/);
    const refused = await mcpRuntimes('call', `http://127.0.0.1:${await closedPort()}/mcp`, 'agent_task');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/ECONNREFUSED/);
  });
});
