// The overload and soak checks for real in their quick profile, as CI runs them (about two
// minutes): past 2× saturation every answer is right and every exit clean; every server soaked
// at a steady rate with zero errors and its RSS slope within the quick bound; the report's tables.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVERS } from '@mcp-runtimes/registry';
import { describe, expect, it } from 'vitest';
import { soakPassed } from './reliability/soak-slope.js';
import { runCli } from './smoke-run.js';

describe('pnpm bench:reliability / bench:soak --quick', () => {
  it('overloads and soaks every server: no error, clean exits, bounded RSS slope', async () => {
    // Every server, the opt-in ones too: the default run leaves them out, the suites do not.
    const run = await runCli(['--quick', '--scenarios', 'none', '--studies', 'none', '--reliability', 'overload,soak', '--servers', SERVERS.map((s) => s.name).join(',')]);
    expect(run.code, run.log).toBe(0);
    const results = run.results();
    const { out } = run;
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
