import { describe, expect, it } from 'vitest';
import { fixtureResults, withPeers, type FixtureServer } from '../report/fixture.js';
import { planFor, plans } from './capacity.js';
import { operatingPoints } from './operating-points.js';
import { checkWorkload, type Workload } from './workload.js';

// Fixture points of `fast` (official wiring): the curve at 5,000/s (p99 2 ms), 10,000/s (8 ms) and
// 11,000/s (40 ms), simple-tool at 1,000/s (3 ms), saturation at 10,000/s (50 ms); every run 4 CPU s
// over 5 s and 100 MiB.
const FAST: FixtureServer = { name: 'fast', mcp: [10_000, 10_000], raw: [20_000, 20_000], p99At: { 1000: 3 }, curve: { p99: [2, 8, 40], commonP99: 1.5 } };
const SLOW: FixtureServer = { name: 'slow', mcp: [4_000, 4_000], raw: [20_000, 20_000], p99At: { 1000: 6 }, curve: { p99: [4, 30, 60], commonP99: 4 } };
const workload = (w: Partial<Workload>): Workload => checkWorkload({ callsPerSecond: 25_000, toolMs: 0, p99TargetMs: 10, pricePerCoreHour: null, ...w });
const pointsOf = (server: string, generator = {}) => operatingPoints(fixtureResults([FAST, SLOW], [1000], 'official', generator)).filter((p) => p.server === server);

describe('capacity plan', () => {
  it('finds every measured load of the headline call, with its CPU per call and memory', () => {
    const points = pointsOf('fast');
    expect(points.map((p) => Math.round(p.callsPerSecond)).sort((a, b) => a - b)).toEqual([1000, 2000, 5000, 10_000, 10_000, 11_000]);
    const curve = points.find((p) => p.where === 'latency curve, 50% of its saturation');
    expect(curve).toMatchObject({ rounds: 2, p99Ms: 2, peakRssBytes: 100 * 2 ** 20, inFlight: 50, flaws: [] });
    expect(curve?.cpuPerCallUs).toBeCloseTo((8 / (5000 * 5 * 2)) * 1e6, 6);
  });

  it('plans on the busiest load that met the target, and names the next that did not', () => {
    const plan = planFor(pointsOf('fast'), workload({ pricePerCoreHour: 0.05 }));
    expect(plan.basis?.where).toBe('latency curve, 100% of its saturation');
    expect(plan.ceiling?.where).toBe('latency curve, 110% of its saturation');
    expect(plan).toMatchObject({ replicas: 3, coresPer1000: 0.1, memoryBytes: 3 * 100 * 2 ** 20 });
    expect(plan.perReplica).toBeCloseTo(25_000 / 3, 6);
    expect(plan.costPerHour).toBeCloseTo(0.15, 9);
    expect(plan.costPerMillionCalls).toBeCloseTo((0.15 / (25_000 * 3600)) * 1e6, 9);
    expect(plan.notes).toEqual([]);
  });

  it("leaves the server only what the tool's wait does not take of the target", () => {
    const plan = planFor(pointsOf('fast'), workload({ toolMs: 5 }));
    expect(plan.basis?.where).toBe('latency curve, 50% of its saturation');
    expect(plan.replicas).toBe(5);
    // The fixture's mean latency is a third of its p99.
    expect(plan.inFlightPerReplica).toBeCloseTo((5000 * (5 + 2 / 3)) / 1000, 6);
  });

  it('says when the calls in flight go past what was measured', () => {
    const plan = planFor(pointsOf('fast'), workload({ toolMs: 1000, p99TargetMs: 2000 }));
    expect(plan.notes.join()).toMatch(/calls in flight per replica, past the 50 measured/);
  });

  it('never plans on a point with a busy generator, errors or drops', () => {
    const plan = planFor(pointsOf('fast', { latency: 0.8 }), workload({}));
    expect(plan.basis?.where).toBe('simple-tool at 1,000/s');
    expect(plan.replicas).toBe(25);
    const points = pointsOf('fast', { latency: 0.8 });
    expect(points.find((p) => p.where.startsWith('latency curve, 100%'))?.flaws).toEqual(['the load generator used 80% of its core']);
  });

  it('has no plan, and says why, when no measured load met the target', () => {
    const plan = planFor(pointsOf('fast'), workload({ p99TargetMs: 1 }));
    expect(plan).toMatchObject({ basis: null, replicas: null, costPerMillionCalls: null });
    expect(plan.notes).toEqual(['no measured load kept p99 within 1 ms (the lowest: 1.5 ms, latency curve, the common load (50% of the slowest\'s saturation))']);
  });

  it('says when even the busiest measured load met the target', () => {
    const plan = planFor(pointsOf('fast'), workload({ p99TargetMs: 100 }));
    expect(plan.basis?.where).toBe('latency curve, 110% of its saturation');
    expect(plan.notes).toContain('the busiest load measured met the target: one replica may serve more');
  });

  it('ranks by cores, plans peers from what they were measured at, and puts the unplannable last', () => {
    const results = withPeers(fixtureResults([FAST, SLOW], [1000]), [{ name: 'peer', mcp: [900, 900] }]);
    const ranked = plans(operatingPoints(results), workload({ p99TargetMs: 100 }));
    expect(ranked.map((p) => `${p.server}/${p.wiring}`)).toEqual(['fast/official', 'slow/official', 'peer/own']);
    expect(ranked[2]?.basis?.where).toBe('saturation (closed loop)');
    const strict = plans(operatingPoints(results), workload({ p99TargetMs: 5 }));
    expect(strict.at(-1)).toMatchObject({ server: 'peer', basis: null });
  });

  it('plans on the set-rate loads where there are any, never on the closed loop at saturation', () => {
    const dropping: FixtureServer = { ...SLOW, curve: { p99: [4, 30, 60], dropped: [0, 0.05, 0.1], commonP99: 4 } };
    const points = operatingPoints(fixtureResults([FAST, dropping], [1000])).filter((p) => p.server === 'slow');
    // Saturation (4,000/s, p99 50 ms) met a 55 ms target, but the curve's 4,000/s dropped 5%.
    const plan = planFor(points, workload({ p99TargetMs: 55 }));
    expect(plan.basis?.where).toBe('latency curve, 50% of its saturation');
    expect(plan.ceiling?.where).toBe('latency curve, 100% of its saturation');
    const onlyClosed = planFor(points.filter((p) => !p.openLoop), workload({ p99TargetMs: 55 }));
    expect(onlyClosed.basis?.where).toBe('saturation (closed loop)');
    expect(onlyClosed.notes).toContain('closed loop at saturation (50 in flight): its p99 is timed from each send, not corrected for coordinated omission');
  });

  it('plans no cores for a target whose own CPU was not measured, and says so', () => {
    const results = fixtureResults([FAST, SLOW], [1000]);
    results.environment.remote = { targets: { fast: 'http://h/mcp', slow: 'http://i/mcp' }, generator: 'k6', unmeasured: { slow: 'has no /health' } };
    const ranked = plans(operatingPoints(results), workload({}));
    expect(ranked.find((p) => p.server === 'fast')?.replicas).toBe(3);
    expect(ranked.at(-1)).toMatchObject({ server: 'slow', basis: null, replicas: null, coresPer1000: null, memoryBytes: null });
    expect(ranked.at(-1)?.notes).toEqual(['cannot plan cores: server CPU and memory not measured (slow has no /health)']);
  });

  it('refuses a workload it cannot plan', () => {
    expect(() => workload({ callsPerSecond: 0 })).toThrow(/--rate must be a positive number/);
    expect(() => workload({ toolMs: 20, p99TargetMs: 20 })).toThrow(/leaves the server no time/);
    expect(() => workload({ pricePerCoreHour: -1 })).toThrow(/--price must be 0 or more/);
  });
});
