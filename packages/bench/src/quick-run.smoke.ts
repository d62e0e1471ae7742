// `pnpm bench:all --quick` for real, as CI's smoke test: it must finish in under 4 minutes
// with a complete report: every server × scenario measured, no gate failed, no error.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SERVERS } from '@mcp-runtimes/registry';
import { describe, expect, it } from 'vitest';
import type { BenchResults } from './results.js';
import { SCENARIOS } from './scenarios.js';

const CLI = new URL('../dist/cli.js', import.meta.url);

describe('pnpm bench:all --quick', () => {
  it('measures every server in every scenario and writes the whole report, in under 4 minutes', async () => {
    const out = mkdtempSync(join(tmpdir(), 'mcp-bench-quick-'));
    const started = Date.now();
    const child = spawn(process.execPath, [CLI.pathname, '--quick', '--out', out], { stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      log += c;
      process.stdout.write(c);
    });
    child.stderr.setEncoding('utf8').on('data', (c: string) => (log += c));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    const seconds = (Date.now() - started) / 1000;
    expect(code, log).toBe(0);
    expect(seconds).toBeLessThan(4 * 60);

    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as BenchResults;
    expect(results.failures).toEqual([]);
    for (const server of SERVERS.map((s) => s.name)) {
      const wirings = [...results.settings.wirings, ...results.settings.compare];
      expect(results.gates.filter((g) => g.server === server).map((g) => [g.wiring, g.passed])).toEqual(wirings.map((w) => [w, true]));
      for (const sc of SCENARIOS) {
        const ids = sc.model === 'saturation' ? ['saturation-mcp', 'saturation-raw'] : [sc.id];
        for (const id of ids) {
          const runs = results.measurements.filter((m) => m.server === server && m.scenario === id);
          const expected = sc.model === 'open' ? results.settings.rates.length : id === 'saturation-mcp' ? wirings.length : 1;
          expect(runs.length, `${server} × ${id}`).toBe(expected);
          for (const m of runs) {
            expect(m.requests, `${server} × ${id} requests`).toBeGreaterThan(0);
            expect(m.bytesPerSecond, `${server} × ${id} bytes`).toBeGreaterThan(0);
            for (const [op, f] of Object.entries(m.ops ?? {})) {
              expect(f.requests, `${server} × ${id}:${op} requests`).toBeGreaterThan(0);
              // The initialized notification is answered 202 with no body.
              if (op !== 'initialized') expect(f.bytesPerSecond, `${server} × ${id}:${op} bytes`).toBeGreaterThan(0);
            }
            expect(m.errorRate, `${server} × ${id} errors`).toBe(0);
            expect(m.serverUsage.cpuSeconds, `${server} × ${id} server CPU`).toBeGreaterThan(0);
            expect(m.serverUsage.peakRssBytes).toBeGreaterThan(0);
            expect(Number.isFinite(m.latencyMs.p99)).toBe(true);
          }
        }
      }
    }
    const markdown = readFileSync(join(out, 'RESULTS.md'), 'utf8');
    // No table cell without a figure.
    expect(markdown).not.toMatch(/\| (not measured|n\/a) \|/);
    expect(markdown).toContain('## Which runtime should I pick?');
    for (const chart of ['throughput', 'saturation', 'latency-p50', 'latency-p99', 'cpu', 'memory']) {
      expect(existsSync(join(out, 'charts', `${chart}.svg`)), chart).toBe(true);
    }
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('<svg class="chart" id="throughput"');
  });
});
