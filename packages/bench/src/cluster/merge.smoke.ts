// What k6-operator does with `parallelism: 2`, without a cluster: two k6 runners, each given its
// execution segment of one scenario (as the operator passes them), started together against one
// server, each printing its summary to stdout as the chart's runners do; then cluster:merge on
// their two logs, as on `kubectl logs` of the runner pods.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchServer, REPO_ROOT, type RunningServer } from '@mcp-runtimes/registry';
import { errors, LOADTESTS } from '../k6.js';
import { findTool } from '../toolchain.js';
import { summariesIn, type MergedSummary } from './merge.js';

const RATE = 200;
const SEGMENTS = ['0:1/2', '1/2:1'];

function runner(k6: string, url: string, segment: string): Promise<string> {
  // No REST API (two runners here, one a pod there); no fixed port.
  const args = ['run', '--quiet', '--no-color', '--address', '', `--execution-segment=${segment}`, '--execution-segment-sequence=0,1/2,1'];
  const env = { BASE_URL: url, SUMMARY_PATH: '/dev/stdout', MODE: 'open', RATE: String(RATE), DURATION: '2s', K6_NO_USAGE_REPORT: 'true' };
  const k6Args = [...args, ...Object.entries(env).flatMap(([k, v]) => ['-e', `${k}=${v}`]), 'simple-tool.js'];
  // stdout a pipe, as a container's is (Node's own stdio is a socket, which /dev/stdout cannot be opened on).
  const child = spawn('bash', ['-c', 'set -o pipefail; "$@" 2>&1 | cat', 'runner', k6, ...k6Args], { cwd: LOADTESTS });
  let log = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (log += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (log += c));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(log) : reject(new Error(`k6 ${segment} exited ${code}:\n${log}`))));
  });
}

describe('cluster:merge on the logs of two segmented k6 runners', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mcp-merge-'));
  let server: RunningServer;
  let logs: string[] = [];
  let merge: ReturnType<typeof spawnSync>;

  beforeAll(async () => {
    server = await launchServer('node-http', { env: { MCP_WIRING: 'tuned' } });
    const k6 = findTool('k6');
    expect(k6, 'k6 (scripts/install-load-tools.sh)').not.toBeNull();
    logs = await Promise.all(SEGMENTS.map((segment) => runner(k6 as string, server.url, segment)));
    const files = logs.map((log, i) => {
      const file = join(dir, `runner-${i + 1}.log`);
      writeFileSync(file, log);
      return file;
    });
    merge = spawnSync(process.execPath, [join(REPO_ROOT, 'packages/bench/dist/cluster/merge-cli.js'), '--out', join(dir, 'merged.json'), ...files], { encoding: 'utf8' });
  });

  afterAll(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('each runner carried its half of the arrival rate and printed one summary', () => {
    const own = logs.map((log) => summariesIn(log));
    for (const found of own) expect(found).toHaveLength(1);
    for (const [s] of own) expect(s?.metrics.iterations?.values.rate).toBeGreaterThan((RATE / 2) * 0.8);
    for (const [s] of own) expect(s?.metrics.iterations?.values.rate).toBeLessThan((RATE / 2) * 1.2);
  });

  it('merges them into the whole run: every request counted, the rate offered, percentiles bounded', () => {
    expect(merge.status, `${merge.stdout}${merge.stderr}`).toBe(0);
    const merged = JSON.parse(readFileSync(join(dir, 'merged.json'), 'utf8')) as MergedSummary;
    const parts = logs.map((log) => summariesIn(log)[0]);
    const count = (name: string) => parts.reduce((sum, s) => sum + (s?.metrics[name]?.values.count ?? 0), 0);
    expect(merged.runners).toBe(2);
    expect(merged.metrics.mcp_duration?.values.count).toBe(count('mcp_duration'));
    expect(merged.metrics.iterations?.values.rate).toBeGreaterThan(RATE * 0.8);
    expect(merged.metrics.iterations?.values.rate).toBeLessThan(RATE * 1.2);
    const [lo, hi] = merged.bounds.mcp_duration?.['p(99)'] ?? [NaN, NaN];
    const own = parts.map((s) => s?.metrics.mcp_duration?.values['p(99)']);
    expect([lo, hi]).toEqual([Math.min(...(own as number[])), Math.max(...(own as number[]))]);
    expect(errors(merged)).toEqual({ http: 0, jsonrpc: 0, tool: 0, check: 0 });
    expect(String(merge.stdout)).toMatch(/2 runners/);
    expect(String(merge.stdout)).toMatch(/p99 [\d.]+(–[\d.]+)?/);
    expect(String(merge.stdout)).toMatch(/server +[\d.]+ CPU s/);
  });

  it('refuses a log without a summary: a runner\'s load would be missing', () => {
    const empty = join(dir, 'empty.log');
    writeFileSync(empty, 'k6 was killed\n');
    const refused = spawnSync(process.execPath, [join(REPO_ROOT, 'packages/bench/dist/cluster/merge-cli.js'), empty], { encoding: 'utf8' });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/no k6 summary/);
  });
});
