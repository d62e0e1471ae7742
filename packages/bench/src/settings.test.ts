import { describe, expect, it } from 'vitest';
import { estimateSeconds } from './estimate.js';
import { PROFILES, STUDY_PROFILES } from './profiles.js';
import { parseArgs } from './settings.js';
import { PEERS } from '@mcp-runtimes/registry';

describe('parseArgs', () => {
  it('defaults to every server and scenario with the default profile', () => {
    const { settings, pin, outDir } = parseArgs([]);
    expect(settings.servers).toEqual(['node-http', 'node-http2', 'hono', 'uws', 'bun', 'deno', 'node-http@node22', 'node-http@node26']);
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

  it('has a standard profile: our servers and two more Node lines, tuned, the question of which runtime, within 15 minutes', () => {
    const { settings } = parseArgs(['--standard']);
    expect(settings.profile).toBe('standard');
    expect(settings.servers).toEqual(['node-http', 'node-http2', 'hono', 'uws', 'bun', 'deno', 'node-http@node22', 'node-http@node26']);
    expect(settings).toMatchObject({ peers: [], compare: [], wirings: ['tuned'], scenarios: ['simple-tool', 'latency', 'saturation'] });
    expect(estimateSeconds(settings)).toBeLessThanOrEqual(15 * 60);
    expect(() => parseArgs(['--standard', '--quick'])).toThrow(/choose one profile/);
  });

  it('sizes the fixed rates to the machine unless --rates gives them, and slices saturation', () => {
    expect(parseArgs([]).settings.rateSizing).toBe('machine');
    expect(parseArgs(['--rates', '800']).settings.rateSizing).toBe('as-given');
    expect(parseArgs([]).settings.saturationSlices).toBe(PROFILES.default.saturationSlices);
    expect(parseArgs(['--slices', '6']).settings.saturationSlices).toBe(6);
    expect(() => parseArgs(['--slices', '0'])).toThrow(/--slices must be a positive integer/);
  });

  it('takes servers on runtimes, and --runtimes puts each server on each of them it runs on', () => {
    expect(parseArgs(['--servers', 'node-http@node26,bun,node-http']).settings.servers).toEqual(['node-http', 'node-http@node26', 'bun']);
    expect(parseArgs(['--servers', 'node-http,uws,bun', '--runtimes', 'node22,node24,bun']).settings.servers).toEqual([
      'node-http@node22',
      'node-http',
      'uws@node22',
      'uws@node24',
      'bun',
    ]);
    expect(() => parseArgs(['--servers', 'bun@node24'])).toThrow(/bun does not run on node24/);
    expect(() => parseArgs(['--runtimes', 'node18'])).toThrow(/unknown runtime "node18"/);
    expect(() => parseArgs(['--servers', 'bun', '--runtimes', 'deno'])).toThrow(/none of the servers runs on these/);
  });

  it('refuses unknown names and bad numbers with a clear message', () => {
    expect(() => parseArgs(['--servers', 'koa'])).toThrow(/unknown server "koa": known are/);
    expect(() => parseArgs(['--scenarios', 'nope'])).toThrow(/unknown scenario "nope"/);
    expect(() => parseArgs(['--repeats', '0'])).toThrow(/--repeats must be a positive integer/);
    expect(() => parseArgs(['--duration'])).toThrow(/--duration needs a value/);
    expect(() => parseArgs(['--frobnicate'])).toThrow(/unknown option --frobnicate/);
  });

  it('runs the studies only when asked (pnpm bench:studies), at 30+5 runs, 100+5 with --full, and alone with --scenarios none', () => {
    expect(parseArgs([]).settings.studies).toMatchObject({ studies: [], runs: 30, warmupRuns: 5, counts: [1, 5, 10, 20] });
    expect(parseArgs(['--studies', 'all']).settings.studies.studies).toEqual(['layers', 'multiplex', 'overhead', 'coldstart']);
    const full = parseArgs(['--full', '--scenarios', 'none', '--studies', 'multiplex,layers', '--delay', '50']).settings;
    expect(full.profile).toBe('full');
    expect(full.scenarios).toEqual([]);
    expect(full.studies).toMatchObject({ studies: ['layers', 'multiplex'], runs: 100, warmupRuns: 5, delayMs: 50 });
    expect(full.repeats).toBe(PROFILES.default.repeats);
    expect(STUDY_PROFILES.full.delayMs).toBe(100);
    expect(parseArgs(['--studies', 'none']).settings.studies.studies).toEqual([]);
    expect(() => parseArgs(['--scenarios', 'none', '--studies', 'none', '--reliability', 'none'])).toThrow(/nothing to run/);
    expect(() => parseArgs(['--studies', 'speed'])).toThrow(/unknown study "speed"/);
  });

  it("estimates the default profile, runtimes, peers and SDK v2 included, within 37 minutes and the quick one under 7.5", () => {
    expect(parseArgs([]).settings.peers).toEqual(['py-uvicorn', 'fastmcp', 'hono-mcp']);
    expect(estimateSeconds(parseArgs([]).settings)).toBeLessThanOrEqual(37 * 60);
    expect(estimateSeconds(parseArgs(['--quick']).settings)).toBeLessThan(7.5 * 60);
  });

  it('selects peers: all, none, or some in the registry\'s order', () => {
    expect(parseArgs(['--peers', 'none']).settings.peers).toEqual([]);
    expect(parseArgs(['--peers', 'all']).settings.peers).toEqual(PEERS.map((p) => p.name));
    expect(parseArgs(['--peers', 'hono-mcp,py-uvicorn']).settings.peers).toEqual(['py-uvicorn', 'hono-mcp']);
    expect(() => parseArgs(['--peers', 'express'])).toThrow(/unknown peer "express": known are py-uvicorn/);
    // Fewer peers, a shorter run.
    expect(estimateSeconds(parseArgs(['--peers', 'none']).settings)).toBeLessThan(estimateSeconds(parseArgs([]).settings));
  });
});
