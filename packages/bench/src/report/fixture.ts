// Synthetic results with known numbers, for the report's unit tests (never for a report).
import { RELIABILITY_PROFILES, STUDY_PROFILES } from '../profiles.js';
import { PEER_WIRING, type BenchResults, type Measurement } from '../results.js';

export interface FixtureServer {
  name: string;
  /** Requests/s of each round's MCP saturation run. */
  mcp: number[];
  raw: number[];
  p99At: Record<number, number>;
  /** Saturation req/s per round of wirings measured at saturation only. */
  compare?: Record<string, number[]>;
  /** Latency curve: p99 (ms) at each of CURVE_FRACTIONS of its own saturation, and at the common load; dropped share per fraction. */
  curve?: { p99: number[]; dropped?: number[]; commonP99: number; rawP99?: number[] };
}

/** The fixture's curve: fractions of each server's own saturation; the common load is half the slowest's. */
export const CURVE_FRACTIONS = [0.5, 1, 1.1];

/** Generator utilisation per scenario id (default 0.2): a row at 0.7 or more is generator-bound. */
export type FixtureGenerator = Record<string, number>;

/** Every scenario in `wiring` (as a run of that wiring); `compare` wirings at saturation only. */
export function fixtureResults(servers: FixtureServer[], rates = [100, 400], wiring = 'official', generator: FixtureGenerator = {}): BenchResults {
  const measurements: Measurement[] = [];
  const base = (server: string, scenario: string, round: number, rps: number, p99 = 5): Measurement => ({
    server,
    scenario,
    ...(scenario === 'saturation-raw' ? {} : { wiring }),
    round,
    tool: scenario.startsWith('saturation') ? (server === 'node-http2' ? 'h2load' : 'wrk') : 'k6',
    protocol: server === 'node-http2' ? 'h2-tls' : 'http1',
    startedAt: '2026-11-21T00:00:00.000Z',
    durationSeconds: 5,
    requests: rps * 5,
    rps,
    latencyMs: { avg: p99 / 3, min: 0.5, p50: p99 / 4, p90: p99 / 2, p95: p99 / 1.5, p99, max: p99 * 2 },
    bytesPerSecond: rps * 400,
    errors: { http: 0, jsonrpc: 0, tool: 0, check: 0 },
    errorRate: 0,
    droppedIterations: 0,
    iterations: { count: rps * 5, rate: rps, durationMs: { avg: 60, min: 50, p50: 55, p90: 70, p95: 80, p99: 90, max: 100 } },
    serverUsage: { cpuSeconds: 4, peakRssBytes: 100 * 1024 * 1024 },
    requestsPerCpuSecond: Math.round((rps * 5) / 4),
    generatorUsage: { cpuSeconds: 1, utilisation: generator[scenario] ?? 0.2 },
    backgroundCpu: 0.05,
  });
  const rounds = Math.max(...servers.map((s) => s.mcp.length));
  for (let round = 1; round <= rounds; round++) {
    for (const s of servers) {
      const i = round - 1;
      for (const rate of rates) measurements.push({ ...base(s.name, 'simple-tool', round, rate, s.p99At[rate] ?? 5), rate });
      measurements.push({ ...base(s.name, 'agents', round, 380 + i), concurrency: 100 });
      measurements.push({ ...base(s.name, 'concurrent-calls', round, 300 + i), concurrency: 5 });
      measurements.push({
        ...base(s.name, 'resources', round, 250 + i),
        ops: { small: { requests: 500, rps: 100, latencyMs: base('', '', 0, 0).latencyMs, bytesPerSecond: 1e5 } },
      });
      measurements.push({ ...base(s.name, 'saturation-mcp', round, s.mcp[i] as number, 50), concurrency: 50 });
      measurements.push({ ...base(s.name, 'saturation-raw', round, s.raw[i] as number, 2), concurrency: 50 });
      for (const [other, rps] of Object.entries(s.compare ?? {})) {
        measurements.push({ ...base(s.name, 'saturation-mcp', round, rps[i] as number, 500), wiring: other, concurrency: 50 });
      }
    }
  }
  const saturationOf = (s: FixtureServer) => s.mcp.reduce((a, b) => a + b, 0) / s.mcp.length;
  const slowest = Math.min(...servers.map(saturationOf));
  for (let round = 1; round <= rounds; round++) {
    for (const s of servers) {
      if (!s.curve) continue;
      const own = saturationOf(s);
      const point = (rate: number, p99: number, dropped: number, load: Measurement['load']): Measurement => ({
        ...base(s.name, 'latency', round, rate * (1 - dropped), p99),
        tool: 'oha',
        rate,
        load,
        droppedIterations: Math.round(rate * 5 * dropped),
      });
      measurements.push(point(Math.round(slowest / 2), s.curve.commonP99, 0, { fraction: 0.5, of: 'slowest', saturationRps: slowest }));
      CURVE_FRACTIONS.forEach((fraction, j) =>
        measurements.push(point(Math.round(own * fraction), s.curve?.p99[j] ?? NaN, s.curve?.dropped?.[j] ?? 0, { fraction, of: 'own', saturationRps: own })),
      );
      // The raw echo at the same rates, where the fixture gives its p99.
      s.curve.rawP99?.forEach((p99, j) => {
        const fraction = CURVE_FRACTIONS[j] as number;
        measurements.push({ ...point(Math.round(own * fraction), p99, 0, { fraction, of: 'own', saturationRps: own }), scenario: 'latency-raw' });
      });
    }
  }
  return {
    schema: 1,
    environment: {
      date: '2026-11-21T00:00:00.000Z',
      gitSha: '0123456789abcdef',
      gitDirty: false,
      node: 'v20.20.2',
      os: 'Linux test',
      cpuModel: 'Test CPU',
      cores: 2,
      memoryBytes: 24 * 1024 ** 3,
      versions: { '@modelcontextprotocol/sdk': '1.32.2', k6: 'k6 v1.8.1' },
      pinning: { server: 'core 0', generator: 'core 1' },
    },
    settings: {
      profile: 'default',
      servers: servers.map((s) => s.name),
      scenarios: ['simple-tool', 'resources', 'concurrent-calls', 'agents', 'latency', 'saturation'],
      repeats: rounds,
      durationSeconds: 5,
      warmupSeconds: 3,
      saturationSeconds: 5,
      rates,
      connections: 50,
      wirings: [wiring],
      compare: [...new Set(servers.flatMap((s) => Object.keys(s.compare ?? {})))],
      curve: { fractions: CURVE_FRACTIONS, commonFraction: 0.5, seconds: 5, p99BoundMs: 10, rawFractions: CURVE_FRACTIONS },
      studies: { ...STUDY_PROFILES.default, studies: [] },
      reliability: { ...RELIABILITY_PROFILES.default, checks: [] },
      command: 'pnpm bench:all',
    },
    gates: servers.map((s) => ({ server: s.name, round: 1, passed: true, failures: [] })),
    failures: [],
    measurements,
    startedAt: '2026-11-21T00:00:00.000Z',
    finishedAt: '2026-11-21T00:15:00.000Z',
  };
}

export interface FixturePeer {
  name: string;
  /** Saturation req/s per round. */
  mcp: number[];
  /** The agents scenario's req/s per round (default 300 each). */
  agents?: number[];
  /** A peer that failed the gate has no measurements. */
  gateFailure?: string;
}

/** `results` with peers measured in the same rounds (their own configuration), as the runner records them. */
export function withPeers(results: BenchResults, peers: FixturePeer[]): BenchResults {
  const template = results.measurements.find((m) => m.scenario === 'agents') as Measurement;
  const measurements = [...results.measurements];
  for (const p of peers) {
    if (p.gateFailure) continue;
    p.mcp.forEach((rps, i) => {
      const at = { ...template, server: p.name, wiring: PEER_WIRING, round: i + 1, requestsPerCpuSecond: rps };
      measurements.push({ ...at, scenario: 'saturation-mcp', rps, requests: rps * 5, concurrency: 50, latencyMs: { ...template.latencyMs, p99: 80 } });
      const agents = p.agents?.[i] ?? 300;
      measurements.push({ ...at, scenario: 'agents', rps: agents, requests: agents * 5, concurrency: 100 });
    });
  }
  return {
    ...results,
    settings: { ...results.settings, peers: peers.map((p) => p.name) },
    gates: [...results.gates, ...peers.map((p) => ({ server: p.name, round: 1, wiring: PEER_WIRING, passed: !p.gateFailure, failures: p.gateFailure ? [p.gateFailure] : [] }))],
    measurements,
  };
}
