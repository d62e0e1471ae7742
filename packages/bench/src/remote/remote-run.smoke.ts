// `pnpm bench:all --target`: the runner measures servers it did not start. Two of ours are
// started here (as a deployment would run them, outside the runner), and "broken" is a raw JSON
// echo, which answers /health but not MCP: its gate must fail and it must not be measured.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchServer, REPO_ROOT, type RunningServer } from '@mcp-runtimes/registry';
import type { BenchResults } from '../results.js';
import { REMOTE_WIRING } from './run.js';

const CLI = join(REPO_ROOT, 'packages/bench/dist/cli.js');

describe('pnpm bench:all --target, against servers the runner did not start', () => {
  const servers: RunningServer[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'mcp-remote-'));
  let run: ReturnType<typeof spawnSync>;
  let results: BenchResults;

  beforeAll(async () => {
    const [hono, nodeHttp2, echo] = await Promise.all([
      launchServer('hono', { env: { MCP_WIRING: 'v2-tuned' }, prefix: ['taskset', '-c', '0'] }),
      launchServer('node-http2', { env: { MCP_WIRING: 'tuned' }, prefix: ['taskset', '-c', '0'] }),
      launchServer('uws', { program: 'echo' }),
    ]);
    servers.push(hono, nodeHttp2, echo);
    const targets = `edge=${hono.url},secure=${nodeHttp2.urls['h2-tls']},broken=${echo.url}`;
    const args = ['--quick', '--target', targets, '--scenarios', 'simple-tool,agents', '--rates', '200', '--duration', '1', '--warmup', '1', '--out', dir];
    run = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 180_000 });
    results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as BenchResults;
  });

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('gates every target, measures those that passed, and exits 1 for the one that failed', () => {
    expect(results.gates.map((g) => [g.server, g.passed])).toEqual([
      ['edge', true],
      ['secure', true],
      ['broken', false],
    ]);
    expect(results.measurements.map((m) => `${m.server} ${m.scenario}`)).toEqual(['edge simple-tool', 'edge agents', 'secure simple-tool', 'secure agents']);
    expect(results.failures).toEqual([]);
    expect(run.status, String(run.stdout) + String(run.stderr)).toBe(1);
    expect(String(run.stdout)).toContain('broken failed its gate');
  });

  it('takes each server\'s CPU and memory from its /health, and the generator\'s from k6 here', () => {
    for (const m of results.measurements) {
      const label = `${m.server} ${m.scenario}`;
      expect(m.requests, label).toBeGreaterThan(0);
      expect(m.errorRate, label).toBe(0);
      expect(m.wiring, label).toBe(REMOTE_WIRING);
      expect(m.serverUsage.cpuSeconds, label).toBeGreaterThan(0);
      expect(m.serverUsage.peakRssBytes, label).toBeGreaterThan(10 * 1024 * 1024);
      expect(m.generatorUsage.cpuSeconds, label).toBeGreaterThan(0);
      expect(m.backgroundCpu, label).toBeNull(); // not measurable from here: NaN, written as null
    }
    expect(results.measurements.find((m) => m.server === 'secure')?.protocol).toBe('tls (h2 if offered)');
    expect(results.measurements.find((m) => m.server === 'edge')?.protocol).toBe('http1');
    // What each target said it runs, from its /health.
    expect(results.environment.remote?.targets.edge).toMatch(/runtime hono, wiring v2-tuned, SDK v2/);
    expect(results.environment.remote?.targets.secure).toMatch(/^https:.*runtime node-http2, wiring tuned/);
    expect(results.settings.servers).toEqual(['edge', 'secure', 'broken']);
    expect(results.settings.peers).toEqual([]);
    expect(Object.keys(results.environment.versions)).toEqual(['k6']);
  });

  it('writes the report bench:all writes, saying where the servers ran', () => {
    const markdown = readFileSync(join(dir, 'RESULTS.md'), 'utf8');
    expect(markdown).toContain('| Targets |');
    expect(markdown).toContain('did not start (`--target`)');
    expect(markdown).toMatch(/broken \| FAILED/);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toContain('<svg');
  });

  it('refuses flags that only apply to servers it starts, and a target it cannot use', () => {
    const refused = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 30_000 });
    const servers = refused(['--target', 'a=http://127.0.0.1:1/mcp', '--servers', 'uws']);
    expect(servers.status).toBe(2);
    expect(servers.stderr).toMatch(/--servers only apply to servers the runner starts/);
    const saturation = refused(['--target', 'a=http://127.0.0.1:1/mcp', '--scenarios', 'saturation']);
    expect(saturation.status).toBe(2);
    expect(saturation.stderr).toMatch(/k6 scenarios only/);
    const bad = refused(['--target', 'a=ftp://127.0.0.1/mcp']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/not http: or https:/);
  });
});
