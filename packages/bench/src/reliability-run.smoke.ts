// The overload and soak checks for real in their quick profile, as CI runs them (about two
// minutes): past 2× saturation every answer is right and every exit clean; every server soaked
// at a steady rate with zero errors and its RSS slope within the quick bound; the report's tables.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SERVERS } from '@mcp-runtimes/registry';
import { describe, expect, it } from 'vitest';
import { soakPassed } from './reliability/soak-slope.js';
import type { BenchResults } from './results.js';

const CLI = new URL('../dist/cli.js', import.meta.url);

describe('pnpm bench:reliability / bench:soak --quick', () => {
  it('overloads and soaks every server: no error, clean exits, bounded RSS slope', async () => {
    const out = mkdtempSync(join(tmpdir(), 'mcp-bench-soak-'));
    const args = [CLI.pathname, '--quick', '--scenarios', 'none', '--studies', 'none', '--reliability', 'overload,soak', '--out', out];
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
    expect(results.reliability?.overload.map((o) => o.server)).toEqual(SERVERS.map((s) => s.name));
    for (const o of results.reliability?.overload ?? []) {
      expect(o.phases.map((p) => p.phase), o.server).toEqual(['before', 'overload', 'after']);
      for (const p of o.phases) expect(p.errors, `${o.server} ${p.phase}: ${p.errorSamples.join('; ')}`).toBe(0);
      expect(o.phases[1]?.offered, o.server).toBeGreaterThanOrEqual(Math.floor(o.saturationRps * 2 * (o.phases[1]?.seconds ?? 0)));
      expect(o.exitCode, o.server).toBe(0);
    }
    const { soakSlopeBoundMiBPerMin, soakWarmupFraction, soakSeconds, soakRate } = results.settings.reliability;
    expect(results.reliability?.soak.map((k) => k.server)).toEqual(SERVERS.map((s) => s.name));
    for (const k of results.reliability?.soak ?? []) {
      expect(k.errors, `${k.server}: ${k.errorSamples.join('; ')}`).toBe(0);
      expect(k.ok, k.server).toBe(soakSeconds * soakRate);
      expect(k.rss.length, k.server).toBeGreaterThanOrEqual(soakSeconds - 2);
      expect(soakPassed(k, soakSlopeBoundMiBPerMin, soakWarmupFraction), k.server).toBe(true);
    }
    const markdown = readFileSync(join(out, 'RESULTS.md'), 'utf8');
    expect(markdown).toContain('**Overload.**');
    expect(markdown).toContain('**Soak.**');
  });
});
