import { describe, expect, it } from 'vitest';
import type { PhaseResult, ReliabilityResults } from '../reliability/model.js';
import { RELIABILITY_PROFILES } from '../profiles.js';
import { soakPassed } from '../reliability/soak-slope.js';
import { reliabilitySection } from './reliability.js';

const phase = (name: string, over: Partial<PhaseResult> = {}): PhaseResult => ({
  phase: name,
  targetRate: 100,
  seconds: 2,
  offered: 200,
  ok: 200,
  shed: 0,
  errors: 0,
  errorSamples: [],
  p50Ms: 2,
  p99Ms: 5,
  maxMs: 9,
  shedP99Ms: 0,
  peakRssBytes: 100 * 2 ** 20,
  ...over,
});

const MiB = 2 ** 20;
const results: ReliabilityResults = {
  settings: { ...RELIABILITY_PROFILES.default, checks: ['overload', 'shutdown', 'soak'] },
  overload: [
    {
      server: 'a',
      wiring: 'official',
      protocol: 'http1',
      maxInFlight: 256,
      saturationRps: 500,
      phases: [phase('before'), phase('overload', { seconds: 5, offered: 5000, ok: 2500, shed: 2500, p99Ms: 800, shedP99Ms: 3, peakRssBytes: 180 * MiB }), phase('after', { errors: 1, errorSamples: ['502 bad'] })],
      exitCode: 0,
    },
  ],
  shutdown: [
    { server: 'a', wiring: 'official', protocol: 'http1', clients: 32, received: 99, refused: 32, broken: 0, accepted: 100, answered: 100, exitCode: 0, exitMs: 120, deadlineMs: 10_000 },
  ],
  soak: [
    { server: 'a', wiring: 'official', protocol: 'http1', rate: 200, seconds: 60, ok: 12_000, errors: 0, errorSamples: [], p99Ms: 4, rss: Array.from({ length: 60 }, (_, t) => [t, 100 * MiB + t * 1024] as [number, number]), exitCode: 0 },
  ],
};

describe('reliabilitySection', () => {
  const section = reliabilitySection(results);
  const tables = section.blocks.filter((b) => b.kind === 'table');

  it('shows offered, held, shed, errors, p99 and peak RSS of the overload, from the phases', () => {
    expect(tables[0]?.kind === 'table' && tables[0].rows[0]).toEqual([
      'a', '500/s', '1,000/s', '500/s', '2,500 (50.0%)', '1', '800 ms', '3.0 ms', '180.0 MiB', '5.0 ms → 5.0 ms', '0',
    ]);
    expect(section.blocks.some((b) => b.kind === 'list' && b.items[0] === 'a (after): 502 bad')).toBe(true);
  });

  it('counts as lost what the server accepted and no client received complete', () => {
    expect(tables[1]?.kind === 'table' && tables[1].rows[0]?.slice(0, 5)).toEqual(['a', '100', '100', '99', '**1**']);
  });

  it('fits the soak slope and passes a flat one, fails errors and a steep one', () => {
    expect(tables[2]?.kind === 'table' && tables[2].rows[0]?.at(-1)).toBe('pass');
    const soak = results.soak[0] as ReliabilityResults['soak'][number];
    expect(soakPassed({ ...soak, errors: 1 }, 4, 0.3)).toBe(false);
    const steep = { ...soak, rss: soak.rss.map(([t]) => [t, 100 * MiB + t * MiB] as [number, number]) };
    expect(soakPassed(steep, 4, 0.3)).toBe(false); // 60 MiB/min
    expect(section.blocks.some((b) => b.kind === 'chart' && b.id === 'soak-rss')).toBe(true);
  });
});
