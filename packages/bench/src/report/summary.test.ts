import { describe, expect, it } from 'vitest';
import type { BenchResults } from '../results.js';
import { reportContext } from './context.js';
import { fixtureResults, withPeers } from './fixture.js';
import { isClear, separate } from './paired.js';
import { countRounds, summariseRun } from './summary.js';

/** Round after round the machine drifts threefold, but `fast` always serves twice what `slow` does. */
function drifting(): BenchResults {
  const results = fixtureResults(
    [
      { name: 'fast', mcp: [2000, 4000, 6000], raw: [9000, 9000, 9000], p99At: { 1000: 2 }, curve: { p99: [1, 2, 3], commonP99: 2 } },
      { name: 'slow', mcp: [1000, 2000, 3000], raw: [9000, 9000, 9000], p99At: { 1000: 2 }, curve: { p99: [1, 2, 3], commonP99: 6 } },
    ],
    [1000],
  );
  // `slow` spends twice the CPU of `fast` on every call at the fixed rate.
  for (const m of results.measurements.filter((x) => x.server === 'slow' && x.scenario === 'simple-tool')) {
    m.serverUsage = { ...m.serverUsage, cpuSeconds: 8 };
    m.requestsPerCpuSecond = m.requests / 8;
  }
  return withPeers(results, [{ name: 'peer', mcp: [200, 400, 600] }]);
}

describe('the run summary', () => {
  const summary = summariseRun(reportContext(drifting()));

  it('pairs saturation by round: the drift cancels, where unpaired intervals would overlap', () => {
    const { throughput } = summary.main;
    expect(throughput.best).toBe('fast');
    expect(throughput.ratios.get('slow')?.mean).toBeCloseTo(0.5, 10);
    expect(throughput.ratios.get('slow')?.ci95?.[1]).toBeCloseTo(0.5, 10);
    expect(throughput.ratios.get('peer')?.mean).toBeCloseTo(0.1, 10);
    expect(summary.main.rows.find((r) => r.entrant.server === 'slow')?.saturation?.rps.ci95?.[1]).toBeGreaterThan(4000);
    expect(isClear(separate(throughput))).toBe(true);
    expect(summary.verdict).toMatchObject({ contenders: ['fast'], among: null });
  });

  it('holds one row per server of the main wiring and each peer, with the cells the first screen quotes', () => {
    expect(summary.main.rows.map((r) => [r.entrant.server, r.entrant.wiring, r.entrant.peer])).toEqual([
      ['fast', 'official', false],
      ['slow', 'official', false],
      ['peer', 'own', true],
    ]);
    const slow = summary.main.rows[1];
    // 5,000 calls over 8 CPU seconds at 1,000/s: 625 calls per CPU-second, 1,600 µs a call.
    expect(slow?.atRate?.requestsPerCpuSecond.mean).toBe(625);
    expect(slow?.keptUp).toBe(true);
    expect(slow?.atCommon?.p99.mean).toBe(6);
    expect(summary.main.rows[2]?.atCommon).toBeNull();
  });

  it('pairs CPU per call, p99 at the common load and memory against the best of each', () => {
    expect(summary.main.cheaper.best).toBe('fast');
    expect(summary.main.cheaper.ratios.get('slow')?.mean).toBeCloseTo(0.5, 10);
    expect(summary.main.tail.best).toBe('fast');
    expect(summary.main.tail.ratios.get('slow')?.mean).toBeCloseTo(3, 10);
    expect(separate(summary.main.memory)?.close).toEqual(expect.arrayContaining(['slow', 'peer']));
  });

  it('reads CPU per call at the rate the run sized for the headline, not the most it may offer', () => {
    const results = fixtureResults(
      [
        { name: 'fast', mcp: [2000, 2100, 1900], raw: [9000, 9000, 9000], p99At: { 300: 2, 1000: 3 } },
        { name: 'slow', mcp: [1000, 1100, 900], raw: [9000, 9000, 9000], p99At: { 300: 2, 1000: 3 } },
      ],
      [300, 1000],
    );
    const sized = { ...results, settings: { ...results.settings, rates: [1000] }, sizedRates: [{ scenario: 'simple-tool', rate: 300, preferred: 1000, generatorCpuPerIteration: 0.0007, generatorStartupCpu: 0.25, generatorBound: 362, serverBound: 500, slowest: { server: 'slow', rps: 1000 }, setBy: 'generator' as const }] };
    const at = summariseRun(reportContext(sized));
    expect(at.rate).toBe(300);
    expect(at.main.rows.every((r) => r.atRate?.offered?.mean === 300)).toBe(true);
  });

  it('summarises a cell once, however often it is asked for', () => {
    const c = { key: 'saturation-mcp[official]', scenario: 'saturation-mcp', wiring: 'official' };
    expect(summary.cell(c, 'fast')).toBe(summary.cell(c, 'fast'));
  });

  it('counts rounds from the measurements, and slices where saturation carries its launches', () => {
    expect(countRounds(drifting())).toEqual({ saturation: 3, other: 3, launches: null });
    // Twelve saturation slices from two server starts, numbered as rounds; the settings still say 3 repeats.
    const base = fixtureResults([
      { name: 'a', mcp: Array.from({ length: 12 }, (_, i) => 1000 + i * 100), raw: Array(12).fill(9000), p99At: {} },
      { name: 'b', mcp: Array.from({ length: 12 }, (_, i) => 500 + i * 50), raw: Array(12).fill(9000), p99At: {} },
    ]);
    const sliced: BenchResults = {
      ...base,
      settings: { ...base.settings, repeats: 3 },
      measurements: base.measurements.flatMap((m) =>
        m.scenario.startsWith('saturation') ? [{ ...m, launch: m.round <= 6 ? 1 : 2 }] : m.round <= 3 ? [m] : [],
      ),
    };
    expect(countRounds(sliced)).toEqual({ saturation: 12, other: 3, launches: 2 });
    const s = summariseRun(reportContext(sliced));
    // Every slice pairs, not only the first `repeats`: b serves half of a in each of the twelve.
    expect(s.main.throughput.ratios.get('b')).toMatchObject({ n: 12 });
    expect(s.main.throughput.ratios.get('b')?.mean).toBeCloseTo(0.5, 10);
  });

  it('names no contender apart where the intervals reach 1, and compares those contenders again', () => {
    const tied = fixtureResults([
      { name: 'node-http', mcp: [1000, 1100, 900], raw: [30000, 31000, 29000], p99At: {} },
      { name: 'hono', mcp: [1020, 900, 1080], raw: [28000, 27000, 29000], p99At: {} },
    ]);
    const s = summariseRun(reportContext(tied));
    expect(isClear(s.verdict.throughput)).toBe(false);
    expect(s.verdict.contenders.sort()).toEqual(['hono', 'node-http']);
    expect(s.verdict.among?.rows).toHaveLength(2);
  });
});
