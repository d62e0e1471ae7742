import { describe, expect, it } from 'vitest';
import type { Cell } from '../summarise.js';
import { summarise } from '../stats.js';
import { microseconds } from './format.js';

const cellOf = (callsPerCpuSecond: number[]) => ({ requestsPerCpuSecond: summarise(callsPerCpuSecond) }) as Cell;

describe('server CPU per call', () => {
  it('inverts calls per CPU-second with its interval', () => {
    expect(microseconds(cellOf([1000, 1000, 1000]))).toBe('1,000 ±0');
  });

  it('says there is no upper bound when the interval of calls per CPU-second reaches 0', () => {
    const text = microseconds(cellOf([1560, 1668, 3079, 400]));
    expect(text).toMatch(/^\d[\d,]* \(95% CI: ≥ [\d,]+, no upper bound\)$/);
    expect(text).not.toContain('-');
  });
});
