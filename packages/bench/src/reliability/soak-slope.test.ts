import { describe, expect, it } from 'vitest';
import { soakSlope } from './soak-slope.js';

const MiB = 2 ** 20;

describe('soakSlope', () => {
  it('fits MiB per minute after the warm-up, ignoring the warm-up ramp', () => {
    // 0-30 s: a steep warm-up; then +1 MiB every 10 s = 6 MiB/min, with noise that averages out.
    const rss: [number, number][] = [];
    for (let t = 0; t <= 100; t++) {
      const base = t < 30 ? t * 3 * MiB : 90 * MiB + ((t - 30) / 10) * MiB;
      rss.push([t, base + (t % 2 === 0 ? 0.2 : -0.2) * MiB]);
    }
    expect(soakSlope({ rss }, 0.3)).toBeCloseTo(6, 1);
  });

  it('is flat for flat memory, and NaN with too few samples', () => {
    expect(soakSlope({ rss: [[0, MiB], [1, MiB], [2, MiB], [3, MiB]] }, 0)).toBe(0);
    expect(soakSlope({ rss: [[0, MiB]] }, 0)).toBeNaN();
  });
});
