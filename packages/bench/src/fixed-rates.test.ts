import { describe, expect, it } from 'vitest';
import { calibrationRates, generatorCost, GENERATOR_SHARE, roundRateDown, SERVER_SHARE, sizeRate } from './fixed-rates.js';

describe('rates sized to the machine', () => {
  it('rounds down to a rate that reads well', () => {
    expect(roundRateDown(1000)).toBe(1000);
    expect(roundRateDown(999)).toBe(800);
    expect(roundRateDown(1290)).toBe(1200);
    expect(roundRateDown(437)).toBe(400);
    expect(roundRateDown(175)).toBe(150);
    expect(roundRateDown(0.3)).toBe(1);
  });

  it('keeps the preferred rate where k6 and the slowest server have room', () => {
    const r = sizeRate({ scenario: 'batch', preferred: 1000, requestsPerIteration: 1, generatorCpuPerIteration: 0.0002, generatorStartupCpu: 0, durationSeconds: 3, slowest: { server: 'x', rps: 8000 } });
    expect(r).toMatchObject({ rate: 1000, setBy: 'preferred', generatorBound: Math.round(GENERATOR_SHARE / 0.0002), serverBound: 4000 });
  });

  it('lowers the rate to what k6 drives within its share of a core', () => {
    // 0.4 ms of k6 an iteration and 0.15 s to start: (0.35 × 3 - 0.15) / (0.0004 × 3) = 750/s → 600/s.
    const r = sizeRate({ scenario: 'simple-tool', preferred: 1000, requestsPerIteration: 1, generatorCpuPerIteration: 0.0004, generatorStartupCpu: 0.15, durationSeconds: 3, slowest: { server: 'x', rps: 8000 } });
    expect(r.setBy).toBe('generator');
    expect(r.generatorBound).toBe(750);
    expect(r.rate).toBe(600);
    expect((0.15 + r.rate * 3 * r.generatorCpuPerIteration) / 3).toBeLessThanOrEqual(GENERATOR_SHARE);
  });

  it('lowers the rate to a share of the slowest server, counting every request of an iteration', () => {
    const r = sizeRate({ scenario: 'session', preferred: 250, requestsPerIteration: 4, generatorCpuPerIteration: 0.0001, generatorStartupCpu: 0.1, durationSeconds: 3, slowest: { server: 'slow', rps: 1500 } });
    expect(r.serverBound).toBe(Math.round((SERVER_SHARE * 1500) / 4));
    expect(r.setBy).toBe('server');
    expect(r.rate).toBe(150);
    expect(r.slowest.server).toBe('slow');
  });

  it('times k6 at a quarter and a half of the preferred rate', () => {
    expect(calibrationRates(1000)).toEqual([250, 500]);
    expect(calibrationRates(150)).toEqual([30, 60]);
    expect(calibrationRates(40)).toEqual([20, 40]);
  });

  it("separates k6's start-up from its cost per iteration", () => {
    const cost = generatorCost({ cpuSeconds: 0.15 + 250 * 0.0004, iterations: 250 }, { cpuSeconds: 0.15 + 1000 * 0.0004, iterations: 1000 });
    expect(cost?.startupCpu).toBeCloseTo(0.15, 6);
    expect(cost?.cpuPerIteration).toBeCloseTo(0.0004, 9);
    // Noise that makes the longer run cheaper: all of it counted per iteration, never a negative cost.
    expect(generatorCost({ cpuSeconds: 0.3, iterations: 250 }, { cpuSeconds: 0.29, iterations: 1000 })).toEqual({ startupCpu: 0, cpuPerIteration: 0.3 / 250 });
    expect(generatorCost({ cpuSeconds: 0.3, iterations: 250 }, { cpuSeconds: 0.5, iterations: 250 })).toBeNull();
  });
});
