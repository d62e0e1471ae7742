// The demo's pipeline without containers (no Docker engine here): the plan CLI aimed at local
// servers, its plan.sh run by a POSIX shell with the project's k6 as the k6 container runs it,
// then the report CLI, in both MCP revisions (DEMO_ARGS --protocol, an SDK v2 DEMO_WIRING). "uws"
// is played by a raw JSON echo, so its gate must fail in each revision and it must not be measured.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchServer, REPO_ROOT, type RunningServer } from '@mcp-runtimes/registry';
import type { BenchResults } from '../results.js';
import { findTool } from '../toolchain.js';

const CLI = join(REPO_ROOT, 'packages/bench/dist/demo');
const DEMO_ENV = { DEMO_WIRING: 'v2-tuned', DEMO_SERVER_CPUS: '1', DEMO_SERVER_MEMORY: '512m', DEMO_K6_CPUS: '1', DEMO_K6_IMAGE: 'grafana/k6:test' };

describe('the docker-compose demo pipeline, run locally', () => {
  const servers: RunningServer[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'mcp-demo-'));
  let report: ReturnType<typeof spawnSync>;
  let planLog = '';

  beforeAll(async () => {
    const [nodeHttp, nodeHttp2, echo] = await Promise.all([
      launchServer('node-http', { env: { MCP_WIRING: 'v2-tuned' } }),
      launchServer('node-http2', { env: { MCP_WIRING: 'v2-tuned' } }),
      launchServer('uws', { program: 'echo' }),
    ]);
    servers.push(nodeHttp, nodeHttp2, echo);
    const targets = `node-http=${nodeHttp.url},node-http2=${nodeHttp2.urls['h2-tls']},uws=${echo.url}`;
    const env = { ...process.env, ...DEMO_ENV, DEMO_TARGETS: targets };
    const args = ['--quick', '--servers', 'node-http,node-http2,uws', '--scenarios', 'simple-tool,resources', '--rates', '200', '--duration', '1', '--warmup', '1', '--protocol', '2025-11-25,2026-07-28'];
    const plan = spawnSync(process.execPath, [join(CLI, 'plan-cli.js'), dir, ...args], { env, encoding: 'utf8' });
    expect(plan.status, plan.stderr).toBe(0);
    const k6 = findTool('k6');
    expect(k6, 'k6 (scripts/install-load-tools.sh)').not.toBeNull();
    const run = spawnSync('sh', [join(dir, 'plan.sh'), dir], {
      cwd: join(REPO_ROOT, 'loadtests'),
      env: { ...process.env, K6: k6 as string, K6_NO_USAGE_REPORT: 'true' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    planLog = `${run.stdout}${run.stderr}`;
    expect(run.status, planLog).toBe(0);
    report = spawnSync(process.execPath, [join(CLI, 'report-cli.js'), dir], { encoding: 'utf8' });
  });

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('gates every server and measures only those that passed', () => {
    const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as BenchResults;
    expect(results.gates.map((g) => [g.server, g.wiring, g.passed])).toEqual([
      ['node-http', 'v2-tuned', true],
      ['node-http', 'v2-tuned@2026', true],
      ['node-http2', 'v2-tuned', true],
      ['node-http2', 'v2-tuned@2026', true],
      ['uws', 'v2-tuned', false],
      ['uws', 'v2-tuned@2026', false],
    ]);
    expect(planLog).toContain('uws failed its gate');
    expect(planLog).toContain('uws@2026 failed its gate');
    expect(results.measurements.map((m) => `${m.server} ${m.wiring} ${m.scenario}`)).toEqual([
      'node-http v2-tuned simple-tool',
      'node-http v2-tuned resources',
      'node-http v2-tuned@2026 simple-tool',
      'node-http v2-tuned@2026 resources',
      'node-http2 v2-tuned simple-tool',
      'node-http2 v2-tuned resources',
      'node-http2 v2-tuned@2026 simple-tool',
      'node-http2 v2-tuned@2026 resources',
    ]);
    expect(results.failures).toEqual([]);
    expect(report.status, String(report.stdout)).toBe(1); // a failed gate fails the demo
  });

  it('measures as the runner does, with the server figures from /health', () => {
    const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as BenchResults;
    for (const m of results.measurements) {
      const label = `${m.server} ${m.scenario}`;
      expect(m.requests, label).toBeGreaterThan(0);
      expect(m.errorRate, label).toBe(0);
      expect(['v2-tuned', 'v2-tuned@2026'], label).toContain(m.wiring);
      expect(m.serverUsage.cpuSeconds, label).toBeGreaterThan(0);
      expect(m.serverUsage.peakRssBytes, label).toBeGreaterThan(10 * 1024 * 1024);
      expect(m.generatorUsage.cpuSeconds, label).toBeGreaterThan(0);
      expect(Date.parse(m.startedAt), label).not.toBeNaN();
    }
    expect(results.measurements.find((m) => m.scenario === 'simple-tool')?.rate).toBe(200);
    expect(results.environment.containers).toEqual({ server: 'cpus 1, memory 512m each', generator: 'grafana/k6:test, cpus 1' });
  });

  it('writes the report bench:all writes', () => {
    const markdown = readFileSync(join(dir, 'RESULTS.md'), 'utf8');
    expect(markdown).toContain('| Containers |');
    expect(markdown).toContain('docker-compose demo');
    expect(markdown).toMatch(/uws \| FAILED/);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toContain('<svg');
  });
});
