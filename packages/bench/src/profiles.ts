// The profiles a run starts from (default, --standard, --quick, --full): what each measures and
// how long, before any flag changes it.
import { PEERS, SERVERS } from '@mcp-runtimes/registry';
import type { CurveSettings } from './results.js';
import type { ReliabilitySettings } from './reliability/model.js';
import { STUDY_NAMES, type StudySettings } from './studies/model.js';

/** What every profile's studies share: which studies, N, calls per overhead run, the pool size. */
const STUDY_SHAPE = { studies: [...STUDY_NAMES], counts: [1, 5, 10, 20], overheadCalls: 10, poolConnections: 10 };

/**
 * The studies' settings per profile. Full is the rigour of MCP Hangar's write-up (100 runs, a
 * 100 ms tool, a ~500 ms start-up). The default keeps 30 runs but a 10 ms tool, so pnpm bench:all
 * stays under 20 minutes: waves (wall / delay) do not depend on the delay. Quick is CI's smoke
 * test of the pipeline, below the 30 runs a figure needs (the report says so).
 */
export const STUDY_PROFILES: Record<ProfileName, StudySettings> = {
  quick: { ...STUDY_SHAPE, runs: 5, warmupRuns: 2, callsPerRun: 20, warmupCalls: 200, delayMs: 5, startupDelayMs: 0, coldTargets: ['stdio'] },
  // Not in the default run (it pays for the runtimes comparison): pnpm bench:studies runs them at this rigour.
  default: { ...STUDY_SHAPE, studies: [], runs: 30, warmupRuns: 5, callsPerRun: 30, warmupCalls: 500, delayMs: 10, startupDelayMs: 200, coldTargets: ['stdio'] },
  standard: { ...STUDY_SHAPE, studies: [], runs: 30, warmupRuns: 5, callsPerRun: 30, warmupCalls: 500, delayMs: 10, startupDelayMs: 200, coldTargets: ['stdio'] },
  full: {
    ...STUDY_SHAPE,
    runs: 100,
    warmupRuns: 5,
    callsPerRun: 200,
    warmupCalls: 2000,
    delayMs: 100,
    startupDelayMs: 200,
    coldTargets: ['stdio', 'node-http'],
  },
};

/** What every profile's reliability checks share. */
export const RELIABILITY_SHAPE = {
  wiring: 'official',
  overloadFactor: 2,
  shutdownClients: 32,
  soakRate: 200,
  soakWarmupFraction: 0.3,
};

/** The short soaks' V8 flags: 4 MiB semi-spaces and a 96 MiB old space (reliability/model.ts says why). */
const SHORT_SOAK_V8_FLAGS = ['--max-semi-space-size=4', '--max-old-space-size=96'];

/**
 * The reliability checks per profile. pnpm bench:all runs shutdown under load (seconds); overload
 * (about a minute a server) is `pnpm bench:reliability`, and the soak `pnpm bench:soak` (10 minutes
 * a server). CI runs both in their quick profile.
 */
export const RELIABILITY_PROFILES: Record<ProfileName, ReliabilitySettings> = {
  // The short soaks force a full GC every second (reliability/full-gc.ts): their slopes are then
  // -1 to 20 MiB/min here and an McpServer kept per call ~920; the 10-minute soak leaves V8 alone.
  quick: { ...RELIABILITY_SHAPE, checks: ['shutdown'], saturationSeconds: 1, phaseSeconds: 1, overloadSeconds: 2, soakSeconds: 15, soakSlopeBoundMiBPerMin: 100, soakFullGcEveryMs: 1000, soakV8Flags: SHORT_SOAK_V8_FLAGS },
  default: { ...RELIABILITY_SHAPE, checks: ['shutdown'], saturationSeconds: 2, phaseSeconds: 2, overloadSeconds: 5, soakSeconds: 60, soakSlopeBoundMiBPerMin: 20, soakFullGcEveryMs: 1000, soakV8Flags: SHORT_SOAK_V8_FLAGS },
  standard: { ...RELIABILITY_SHAPE, checks: [], saturationSeconds: 2, phaseSeconds: 2, overloadSeconds: 5, soakSeconds: 60, soakSlopeBoundMiBPerMin: 20, soakFullGcEveryMs: 1000, soakV8Flags: SHORT_SOAK_V8_FLAGS },
  full: { ...RELIABILITY_SHAPE, checks: ['overload', 'shutdown'], saturationSeconds: 2, phaseSeconds: 2, overloadSeconds: 5, soakSeconds: 600, soakSlopeBoundMiBPerMin: 2, soakFullGcEveryMs: null, soakV8Flags: [] },
};

/**
 * The latency curve per profile: fractions of each server's own saturation (below, at and past
 * its knee), one common rate at half the slowest server's, and the p99 bound that defines a knee.
 */
export const CURVE_PROFILES: Record<'quick' | 'standard' | 'default', CurveSettings> = {
  // Points at 0.1 and 1.0 only with --fractions (1.1 is past every knee already), and 2.5 s a point
  // (thousands of calls even at the lowest rate): they keep the runtimes in the curve within 35 minutes.
  // The stack's raw echo is offered the MCP rate at half of each server's saturation, the load a
  // deployment is sized for (--raw-fractions for more points).
  default: { fractions: [0.25, 0.5, 0.75, 1.1], commonFraction: 0.5, seconds: 2.5, p99BoundMs: 10, rawFractions: [0.5] },
  // The standard run: the common load, and a quarter, half and three quarters of each server's own
  // saturation, 2 s a point (the raw echo's point keeps it within 15 minutes).
  standard: { fractions: [0.25, 0.5, 0.75], commonFraction: 0.5, seconds: 2, p99BoundMs: 10, rawFractions: [0.5] },
  // CI's smoke run: the common load and one point past every knee (the raw echo there too), to keep it under 4 minutes.
  quick: { fractions: [1.1], commonFraction: 0.5, seconds: 1, p99BoundMs: 10, rawFractions: [1.1] },
};

export type ProfileName = 'quick' | 'standard' | 'default' | 'full';

/** What a profile sets; scenarios: all unless it says. */
export interface Profile {
  durationSeconds: number;
  warmupSeconds: number;
  saturationSeconds: number;
  saturationSlices: number;
  repeats: number;
  rates: readonly number[];
  connections: number;
  wirings: readonly string[];
  compare: readonly string[];
  runtimeVariants: readonly string[];
  peers: readonly string[];
  scenarios?: readonly string[];
}

/** The servers a run measures unless told which: every one not marked opt-in. */
export const DEFAULT_SERVERS: readonly string[] = SERVERS.filter((s) => !s.optIn).map((s) => s.name);

/**
 * Every peer but the SDK guides' framework servers: those ride the same path as the other Node
 * peers, are held to the contract by the suites, and are measured by `pnpm bench:frameworks`.
 */
const QUICK_PEERS = PEERS.filter((p) => p.documentedWiringOf === undefined).map((p) => p.name);

/** How the default and standard profiles measure: they differ only in what they measure. */
const MEASURED = {
  // 3 s k6 runs and 2 s of warm-up: with SDK v2, the runtimes and the peers beside v1, the default
  // run stays within 35 minutes here.
  durationSeconds: 3,
  warmupSeconds: 2,
  // Saturation in four 1 s slices a round, every server once in each: a ratio between two
  // servers is then taken seconds apart, and 3 rounds give 12 pairs.
  saturationSeconds: 1,
  saturationSlices: 4,
  repeats: 3,
  // The most the headline offers: k6 checks every body (~0.3 ms of its core a call), so a run
  // sizes it down to its machine (fixed-rates.ts); the latency curve, oha's, goes further.
  rates: [1000],
  connections: 50,
  wirings: ['tuned'],
  // The runtimes comparison: node:http on the other supported Node lines beside its default (Bun
  // and Deno are servers of their own), at saturation, in the headline scenario and the curve.
  runtimeVariants: ['node-http@node22', 'node-http@node26'],
} as const;

export const PROFILES = {
  default: {
    ...MEASURED,
    // At saturation and in the headline scenario: SDK v1's documented wiring and SDK v2's tuned one
    // (SDK v2's documented wiring and the 2026-07-28 era: pnpm bench:sdk, or --compare).
    compare: ['official', 'v2-tuned'],
    // One Python peer (both run the same app; py-hypercorn differs only in its ASGI server): --peers all.
    peers: ['py-uvicorn', 'fastmcp', 'hono-mcp'],
  },
  // `--standard` (pnpm bench:standard): the question "which runtime?" in about 15 minutes. Our
  // servers and node-http on Node 22 and 26 in the tuned wiring, at saturation (the slices pair
  // them), in the headline scenario and the latency curve; no compared wirings, peers or other scenarios.
  standard: {
    ...MEASURED,
    compare: [],
    peers: [],
    scenarios: ['simple-tool', 'latency', 'saturation'],
  },
  quick: {
    // A smoke run, not a measurement: 1 s per k6 run, 1 s of saturation, no warm-up, so that
    // with the peers, Bun, Deno and one other Node line it stays near 6 minutes.
    durationSeconds: 1,
    warmupSeconds: 0,
    saturationSeconds: 1,
    saturationSlices: 1,
    repeats: 1,
    rates: [500],
    connections: 50,
    wirings: ['tuned'],
    // One SDK v2 variant in the 2026-07-28 era: its gate, body, headers and floor are exercised.
    compare: ['official', 'v2-tuned@2026'],
    // One other Node line, so the runtimes comparison is exercised.
    runtimeVariants: ['node-http@node26'],
    peers: QUICK_PEERS,
  },
} as const satisfies Record<'quick' | 'standard' | 'default', Profile>;
