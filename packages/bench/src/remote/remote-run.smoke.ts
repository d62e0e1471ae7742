// `pnpm bench:all --target`: the runner measures servers it did not start. Two of ours are
// started here (as a deployment would run them, outside the runner), and "broken" is a raw JSON
// echo, which answers /health but not MCP: its gate must fail and it must not be measured. k6
// speaks both MCP revisions: the SDK v1 server must fail the 2026-07-28 gate, the SDK v2 one pass both.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchServer, REPO_ROOT, type RunningServer } from '@mcp-runtimes/registry';
import type { BenchResults } from '../results.js';
import { REMOTE_WIRING, remoteVariant } from './run.js';

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
    const args = ['--quick', '--target', targets, '--protocol', '2025-11-25,2026-07-28', '--scenarios', 'simple-tool,agents', '--rates', '200', '--duration', '1', '--warmup', '1', '--out', dir];
    run = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 180_000 });
    results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as BenchResults;
  });

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('gates every target in each revision, measures what passed, and exits 1 for what failed', () => {
    const modern = remoteVariant('2026-07-28');
    expect(results.settings.wirings).toEqual([REMOTE_WIRING, modern]);
    expect(results.gates.map((g) => [g.server, g.wiring, g.passed])).toEqual([
      ['edge', REMOTE_WIRING, true],
      ['edge', modern, true],
      ['secure', REMOTE_WIRING, true],
      ['secure', modern, false], // SDK v1 does not speak 2026-07-28
      ['broken', REMOTE_WIRING, false],
      ['broken', modern, false],
    ]);
    expect(results.measurements.map((m) => `${m.server} ${m.wiring} ${m.scenario}`)).toEqual([
      `edge ${REMOTE_WIRING} simple-tool`,
      `edge ${REMOTE_WIRING} agents`,
      `edge ${modern} simple-tool`,
      `edge ${modern} agents`,
      `secure ${REMOTE_WIRING} simple-tool`,
      `secure ${REMOTE_WIRING} agents`,
    ]);
    expect(results.failures).toEqual([]);
    expect(run.status, String(run.stdout) + String(run.stderr)).toBe(1);
    expect(String(run.stdout)).toContain('broken (2025-11-25) failed its gate');
    expect(String(run.stdout)).toContain('secure (2026-07-28) failed its gate');
  });

  it('takes each server\'s CPU and memory from its /health, and the generator\'s from k6 here', () => {
    for (const m of results.measurements) {
      const label = `${m.server} ${m.scenario}`;
      expect(m.requests, label).toBeGreaterThan(0);
      expect(m.errorRate, label).toBe(0);
      expect([REMOTE_WIRING, remoteVariant('2026-07-28')], label).toContain(m.wiring);
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
    // Per revision: what passed, what failed where; and no winner from a row only one target ran.
    expect(markdown).toMatch(/\| secure \| passed \(deployed\); FAILED \(deployed@2026\): /);
    expect(markdown).toContain('**Not measured:** secure (in deployed@2026), broken failed');
    expect(markdown).toContain('— (only edge measured)');
    expect(markdown).toContain("as each server's /health reported them");
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
    const era = refused(['--target', 'a=http://127.0.0.1:1/mcp', '--protocol', '2024-11-05']);
    expect(era.status).toBe(2);
    expect(era.stderr).toMatch(/unknown MCP revision "2024-11-05"/);
    const bad = refused(['--target', 'a=ftp://127.0.0.1/mcp']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/not http: or https:/);
  });
});
