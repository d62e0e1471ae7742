import { describe, expect, it } from 'vitest';
import type { SizedRate } from '../fixed-rates.js';
import { fixtureResults } from './fixture.js';
import { fixedRatesText, methodSection } from './method.js';

const sized: SizedRate[] = [
  { scenario: 'simple-tool', rate: 600, preferred: 1000, generatorCpuPerIteration: 0.0004, generatorStartupCpu: 0.15, generatorBound: 750, serverBound: 4000, slowest: { server: 'deno', rps: 8000 }, setBy: 'generator' },
  { scenario: 'session', rate: 150, preferred: 250, generatorCpuPerIteration: 0.0002, generatorStartupCpu: 0.1, generatorBound: 1583, serverBound: 187, slowest: { server: 'deno', rps: 1500 }, setBy: 'server' },
  { scenario: 'batch', rate: 1000, preferred: 1000, generatorCpuPerIteration: 0.0001, generatorStartupCpu: 0.1, generatorBound: 3167, serverBound: 4000, slowest: { server: 'deno', rps: 8000 }, setBy: 'preferred' },
];

describe('how this was measured', () => {
  const results = fixtureResults([{ name: 'node-http', mcp: [1000, 1010, 990], raw: [30000, 31000, 29000], p99At: { 100: 4, 400: 9 } }]);

  it('says each sized rate and what set it', () => {
    const text = JSON.stringify(methodSection({ ...results, sizedRates: sized }));
    expect(text).toContain('simple-tool 600/s, set by k6 (400 µs of its CPU an iteration');
    expect(text).toContain("session 150/s, set by the slowest server (50% of deno's 1,500 calls/s at saturation");
    expect(text).toContain('batch 1,000/s, its own');
    expect(fixedRatesText({ ...results, sizedRates: sized })).toBe('sized to this machine (simple-tool 600/s, session 150/s, batch 1,000/s)');
  });

  it('says the rates were given when nothing was sized', () => {
    expect(fixedRatesText(results)).toMatch(/^as given \(/);
    expect(JSON.stringify(methodSection(results))).not.toContain('Fixed rates sized');
  });
});
