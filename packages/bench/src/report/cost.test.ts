import { describe, expect, it } from 'vitest';
import { buildReport } from './build.js';
import { fixtureResults, type FixtureServer } from './fixture.js';
import { renderMarkdown } from './markdown.js';

const FAST: FixtureServer = { name: 'fast', mcp: [10_000, 10_000], raw: [20_000, 20_000], p99At: { 1000: 3 }, curve: { p99: [2, 8, 40], commonP99: 1.5 } };
const SLOW: FixtureServer = { name: 'slow', mcp: [4_000, 4_000], raw: [20_000, 20_000], p99At: { 1000: 6 }, curve: { p99: [4, 30, 60], commonP99: 4 } };

/** `slow` spends twice the CPU of `fast` on every measurement. */
function run(generator: Record<string, number> = {}) {
  const results = fixtureResults([FAST, SLOW], [1000], 'official', generator);
  for (const m of results.measurements.filter((x) => x.server === 'slow')) {
    m.serverUsage = { ...m.serverUsage, cpuSeconds: 8 };
    m.requestsPerCpuSecond = m.requests / 8;
  }
  return results;
}

function section(md: string): string {
  const start = md.indexOf('## Cost per call');
  return md.slice(start, md.indexOf('\n## ', start + 3));
}

describe('the Cost section', () => {
  it('gives CPU per call at the fixed rate and at saturation, and cores and memory at the p99 bound', () => {
    const text = section(renderMarkdown(buildReport(run())));
    // fast at 1,000/s: 5,000 calls over 4 CPU s = 800 µs; at saturation 50,000 over 4 = 80 µs;
    // it held p99 under 10 ms up to the curve's 10,000/s: 0.10 cores per 1,000 calls/s.
    expect(text).toMatch(/\| fast \(official\) \| 800 ±0 \| 80 ±0 \| 0\.10 \| 100\.0 MiB \| latency curve, 100% of its saturation, 10,000 calls\/s, p99 8\.00 ms \|/);
    expect(text).toMatch(/\| slow \(official\) \| 1,600 ±0 \| 400 ±0 \| 0\.50 \| 100\.0 MiB \| latency curve, [^|]*2,000 calls\/s, p99 4\.00 ms \|/);
    expect(text.indexOf('| fast (official)')).toBeLessThan(text.indexOf('| slow (official)'));
  });

  it('names the cheapest per call where every server kept up and the intervals allow', () => {
    expect(section(renderMarkdown(buildReport(run())))).toContain(
      "**Cheapest per call at 1,000 calls/s**: **fast (official)**: every other one's calls per CPU-second over its, paired by round, lies below 1 (slow (official) 0.50× (0.50–0.50)).",
    );
  });

  it('names none from a fixed rate where the generator was busy', () => {
    const text = section(renderMarkdown(buildReport(run({ 'simple-tool': 0.8 }))));
    expect(text).not.toContain('Cheapest per call');
  });
});
