import { describe, expect, it } from 'vitest';
import { PROFILES, estimateSeconds, parseArgs } from './settings.js';

describe('parseArgs', () => {
  it('defaults to every server and scenario with the default profile', () => {
    const { settings, pin, outDir } = parseArgs([]);
    expect(settings.servers).toEqual(['node-http', 'node-http2', 'hono', 'uws']);
    expect(settings.scenarios).toContain('saturation');
    expect(settings.repeats).toBe(PROFILES.default.repeats);
    expect(pin).toBe(true);
    expect(outDir).toBeNull();
  });

  it('applies --quick, then flags on top, keeping registry order', () => {
    const { settings, pin } = parseArgs(['--', '--quick', '--servers', 'uws,node-http', '--rates', '50,100', '--no-pin']);
    expect(settings.profile).toBe('quick');
    expect(settings.durationSeconds).toBe(PROFILES.quick.durationSeconds);
    expect(settings.servers).toEqual(['node-http', 'uws']);
    expect(settings.rates).toEqual([50, 100]);
    expect(pin).toBe(false);
  });

  it('refuses unknown names and bad numbers with a clear message', () => {
    expect(() => parseArgs(['--servers', 'express'])).toThrow(/unknown server "express": known are/);
    expect(() => parseArgs(['--scenarios', 'nope'])).toThrow(/unknown scenario "nope"/);
    expect(() => parseArgs(['--repeats', '0'])).toThrow(/--repeats must be a positive integer/);
    expect(() => parseArgs(['--duration'])).toThrow(/--duration needs a value/);
    expect(() => parseArgs(['--frobnicate'])).toThrow(/unknown option --frobnicate/);
  });

  it('estimates the default profile under 20 minutes and the quick one under 4', () => {
    expect(estimateSeconds(parseArgs([]).settings)).toBeLessThan(20 * 60);
    expect(estimateSeconds(parseArgs(['--quick']).settings)).toBeLessThan(4 * 60);
  });
});
