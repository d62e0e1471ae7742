// `pnpm bench:soak --quick` for real, as CI's soak (about a minute): every server at a steady
// rate with zero errors, its RSS slope within the quick bound, and the report's soak table.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SERVERS } from '@mcp-runtimes/registry';
import { describe, expect, it } from 'vitest';
import { soakPassed } from './reliability/soak-slope.js';
import type { BenchResults } from './results.js';

const CLI = new URL('../dist/cli.js', import.meta.url);

describe('pnpm bench:soak --quick', () => {
  it('soaks every server with zero errors and a bounded RSS slope', async () => {
    const out = mkdtempSync(join(tmpdir(), 'mcp-bench-soak-'));
    const args = [CLI.pathname, '--quick', '--scenarios', 'none', '--studies', 'none', '--reliability', 'soak', '--out', out];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      log += c;
      process.stdout.write(c);
    });
    child.stderr.setEncoding('utf8').on('data', (c: string) => (log += c));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code, log).toBe(0);

    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as BenchResults;
    expect(results.failures).toEqual([]);
    const { soakSlopeBoundMiBPerMin, soakWarmupFraction, soakSeconds, soakRate } = results.settings.reliability;
    expect(results.reliability?.soak.map((k) => k.server)).toEqual(SERVERS.map((s) => s.name));
    for (const k of results.reliability?.soak ?? []) {
      expect(k.errors, `${k.server}: ${k.errorSamples.join('; ')}`).toBe(0);
      expect(k.ok, k.server).toBe(soakSeconds * soakRate);
      expect(k.rss.length, k.server).toBeGreaterThanOrEqual(soakSeconds - 2);
      expect(soakPassed(k, soakSlopeBoundMiBPerMin, soakWarmupFraction), k.server).toBe(true);
    }
    expect(readFileSync(join(out, 'RESULTS.md'), 'utf8')).toContain('**Soak.**');
  });
});
