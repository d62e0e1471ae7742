// The run's settings: a profile (default or --quick), then flags on top.
import { baseName, onDefaultRuntime, PEERS, RUNTIME_NAMES, runtimeOf, SERVERS, type RuntimeName } from '@mcp-runtimes/registry';
import { serversOnRuntimes } from './runtimes.js';
import { parseTargets } from './demo/targets.js';
import { parseTargetCall, type TargetCall, type TargetCallFlag } from './remote/target-call.js';
import { ERAS, VARIANT_NAMES } from './variants.js';
import type { Era } from './saturation.js';
import type { BenchSettings, CurveSettings } from './results.js';
import { HEADLINE_SCENARIO, ratesOf, SCENARIOS, scenario } from './scenarios.js';
import { RELIABILITY_CHECKS, type ReliabilitySettings } from './reliability/model.js';
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
const RELIABILITY_SHAPE = {
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
  default: { fractions: [0.25, 0.5, 0.75, 1.1], commonFraction: 0.5, seconds: 2.5, p99BoundMs: 10 },
  // The standard run: the common load, and a quarter, half and three quarters of each server's own saturation.
  standard: { fractions: [0.25, 0.5, 0.75], commonFraction: 0.5, seconds: 2.5, p99BoundMs: 10 },
  // CI's smoke run: the common load and one point past every knee, to keep it under 4 minutes.
  quick: { fractions: [1.1], commonFraction: 0.5, seconds: 1, p99BoundMs: 10 },
};

type ProfileName = 'quick' | 'standard' | 'default' | 'full';

/** What a profile sets; scenarios: all unless it says. */
interface Profile {
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
    peers: PEERS.map((p) => p.name),
  },
} as const satisfies Record<'quick' | 'standard' | 'default', Profile>;

export interface CliOptions {
  settings: BenchSettings;
  outDir: string | null;
  /** Re-render the report of an earlier run from its results.json, measuring nothing. */
  from: string | null;
  pin: boolean;
  help: boolean;
  /** `--target name=URL,…`: measure these running servers instead of starting ours (remote/run.ts). */
  targets: Record<string, string> | null;
  /** With --target: accept any TLS certificate. */
  insecure: boolean;
  /** With --target: the MCP revisions k6 speaks to them, each measured on its own. */
  eras: Era[];
  /** With --target: the targets' own tool to call (--tool …), instead of this project's. */
  call: TargetCall | null;
}

export const USAGE = `pnpm bench:all [-- options]

  --standard           which runtime, in about 15 minutes: our servers and node-http on two more Node lines, tuned wiring,
                       saturation, the headline scenario and the latency curve (no peers or compared wirings)
  --quick              the CI smoke profile: 1 round, 1 s per k6 run and per saturation, no warm-up, one rate (about 6 min)
  --full               the studies at full rigour: 100 runs, a 100 ms tool (pnpm bench:layers etc. use it)
  --scenarios none     skip the load scenarios (run only studies)
  --studies a,b|all|none  where-the-time-goes studies (default none: pnpm bench:studies runs all: ${STUDY_NAMES.join(', ')})
  --reliability a,b|none  reliability checks (default ${RELIABILITY_PROFILES.default.checks.join(',')}; known: ${RELIABILITY_CHECKS.join(', ')})
  --soak-seconds S     seconds of soak per server (default ${RELIABILITY_PROFILES.default.soakSeconds}, full ${RELIABILITY_PROFILES.full.soakSeconds}, quick ${RELIABILITY_PROFILES.quick.soakSeconds})
  --soak-rate N        the soak's steady offered rate, req/s (default ${RELIABILITY_SHAPE.soakRate})
  --runs N             measured runs per study configuration (default ${STUDY_PROFILES.default.runs}, full ${STUDY_PROFILES.full.runs}; warm-up ${STUDY_PROFILES.default.warmupRuns} more)
  --delay MS           the studies' tool delay (default ${STUDY_PROFILES.default.delayMs}, full ${STUDY_PROFILES.full.delayMs})
  --servers a,b        servers to measure, each on its default runtime or as <server>@<runtime> (default: all:
                       ${DEFAULT_SERVERS.join(', ')}, and ${PROFILES.default.runtimeVariants.join(', ')};
                       also known: ${SERVERS.filter((s) => s.optIn).map((s) => s.name).join(', ')})
  --runtimes a,b       the runtimes to measure the servers on: each server on each of these it runs on (known:
                       ${RUNTIME_NAMES.join(', ')}; default: each server's own, and the runtimes comparison above)
  --peers a,b|all|none other stacks' MCP servers measured beside ours (default ${PROFILES.default.peers.join(', ')}; all: ${PEERS.map((p) => p.name).join(', ')})
  --scenarios a,b      scenarios (default: all: ${SCENARIOS.map((s) => s.id).join(', ')})
  --duration S         seconds per k6 measurement (default ${PROFILES.default.durationSeconds})
  --saturation S       seconds of each saturation slice (wrk/h2load; default ${PROFILES.default.saturationSeconds})
  --slices N           saturation slices a round, every server once in each (default ${PROFILES.default.saturationSlices})
  --warmup S           seconds of warm-up after each start, discarded (default ${PROFILES.default.warmupSeconds})
  --repeats N          rounds; servers interleave within each (default ${PROFILES.default.repeats})
  --rates a,b          the headline scenario's arrival rates (req/s); with it, no rate is sized to the machine and every
                       fixed-rate scenario runs at its own (default: each sized to this run, at most ${PROFILES.default.rates.join(',')})
  --connections N      requests in flight during saturation and the latency curve (default ${PROFILES.default.connections})
  --fractions a,b      the latency curve's offered rates, as fractions of each server's saturation (default ${CURVE_PROFILES.default.fractions.join(',')})
  --curve-seconds S    seconds per latency-curve point (default ${CURVE_PROFILES.default.seconds})
  --p99-bound MS       a server's knee is its highest rate with p99 under this and < 1% dropped (default ${CURVE_PROFILES.default.p99BoundMs})
  --wirings a,b        MCP wirings measured in every scenario (default ${PROFILES.default.wirings.join(',')}; known: ${VARIANT_NAMES.join(', ')}; <wiring>@2026 speaks 2026-07-28 to an SDK v2 wiring)
  --compare a,b|none   wirings measured at saturation (beside the raw echo) and in the headline scenario (default ${PROFILES.default.compare.join(',')});
                       pnpm bench:ablation compares every step from official to tuned
  --target a=URL,b=URL measure servers already running (a deployment, a cluster): the gate and the k6 scenarios
                       only, each server's CPU and memory from its /health; the names label the report
  --insecure           with --target: accept any TLS certificate (the Helm chart's node:http2 makes its own)
  --protocol a,b       with --target: the MCP revisions k6 speaks, each gated and measured (default 2025-11-25;
                       known: ${ERAS.join(', ')}; 2026-07-28 needs an SDK v2 server)
  --tool NAME          with --target: your server's own tool, called in every scenario that can (not agent_task);
                       the gate checks it is listed and answers without isError
  --tool-args JSON     with --tool: its arguments, a JSON object (default {})
  --resource URI       with --tool: a resource of yours, read by the gate and the resources scenario
  --expect-text TEXT   with --tool: text each answer must hold
  --out DIR            write the report here (default reports/<timestamp>, and reports/latest)
  --no-pin             do not pin server and generator to separate cores
  --from FILE          only re-render the report of FILE (a results.json) into its folder or --out
`;

export function parseArgs(argv: readonly string[]): CliOptions {
  const args = argv.filter((a) => a !== '--');
  const chosen = (['--quick', '--standard', '--full'] as const).filter((p) => args.includes(p));
  if (chosen.length > 1) throw new Error(`${chosen.join(' and ')}: choose one profile`);
  const profileName: ProfileName = chosen[0] === '--quick' ? 'quick' : chosen[0] === '--standard' ? 'standard' : chosen[0] === '--full' ? 'full' : 'default';
  const profile: Profile = PROFILES[profileName === 'full' ? 'default' : profileName];
  const settings: BenchSettings = {
    profile: profileName,
    servers: [...DEFAULT_SERVERS, ...profile.runtimeVariants],
    peers: [...profile.peers],
    scenarios: [...(profile.scenarios ?? SCENARIOS.map((s) => s.id))],
    repeats: profile.repeats,
    durationSeconds: profile.durationSeconds,
    warmupSeconds: profile.warmupSeconds,
    saturationSeconds: profile.saturationSeconds,
    saturationSlices: profile.saturationSlices,
    rates: [...profile.rates],
    rateSizing: 'machine',
    connections: profile.connections,
    wirings: [...profile.wirings],
    compare: [...profile.compare],
    curve: structuredClone(CURVE_PROFILES[profileName === 'quick' || profileName === 'standard' ? profileName : 'default']),
    studies: structuredClone(STUDY_PROFILES[profileName]),
    reliability: structuredClone(RELIABILITY_PROFILES[profileName]),
    command: ['pnpm bench:all', ...args].join(' '),
  };
  let outDir: string | null = null;
  let from: string | null = null;
  let pin = true;
  let help = false;
  let targets: Record<string, string> | null = null;
  let insecure = false;
  let eras: Era[] | null = null;
  const targetCallFlags: [TargetCallFlag, string][] = [];
  let runtimes: RuntimeName[] | null = null;
  for (let i = 0; i < args.length; i++) {
    const flag = args[i] as string;
    const value = () => {
      const v = args[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--quick':
      case '--standard':
      case '--full':
        break;
      case '--servers':
        settings.servers = serverList(value());
        break;
      case '--runtimes':
        runtimes = list(value(), RUNTIME_NAMES, 'runtime') as RuntimeName[];
        break;
      case '--peers': {
        const v = value();
        settings.peers = v === 'none' ? [] : v === 'all' ? PEERS.map((p) => p.name) : list(v, PEERS.map((p) => p.name), 'peer');
        break;
      }
      case '--scenarios': {
        const v = value();
        settings.scenarios = v === 'none' ? [] : list(v, SCENARIOS.map((s) => s.id), 'scenario');
        break;
      }
      case '--studies': {
        const v = value();
        settings.studies.studies = v === 'none' ? [] : v === 'all' ? [...STUDY_NAMES] : (list(v, STUDY_NAMES, 'study') as StudySettings['studies']);
        break;
      }
      case '--reliability': {
        const v = value();
        settings.reliability.checks = v === 'none' ? [] : (list(v, RELIABILITY_CHECKS, 'reliability check') as ReliabilitySettings['checks']);
        break;
      }
      case '--soak-seconds':
        settings.reliability.soakSeconds = positive(flag, value());
        break;
      case '--soak-rate':
        settings.reliability.soakRate = positive(flag, value());
        break;
      case '--runs':
        settings.studies.runs = positive(flag, value());
        break;
      case '--delay':
        settings.studies.delayMs = positive(flag, value());
        break;
      case '--duration':
        settings.durationSeconds = positive(flag, value());
        break;
      case '--saturation':
        settings.saturationSeconds = positive(flag, value());
        break;
      case '--warmup':
        settings.warmupSeconds = positive(flag, value(), true);
        break;
      case '--repeats':
        settings.repeats = positive(flag, value());
        break;
      case '--connections':
        settings.connections = positive(flag, value());
        break;
      case '--rates':
        settings.rates = value()
          .split(',')
          .map((r) => positive('--rates', r));
        settings.rateSizing = 'as-given';
        break;
      case '--slices':
        settings.saturationSlices = positive(flag, value());
        break;
      case '--fractions':
        curveOf(settings).fractions = value()
          .split(',')
          .map((f) => fraction('--fractions', f));
        break;
      case '--curve-seconds':
        curveOf(settings).seconds = positive(flag, value());
        break;
      case '--p99-bound':
        curveOf(settings).p99BoundMs = positive(flag, value());
        break;
      case '--wirings':
        settings.wirings = list(value(), VARIANT_NAMES, 'wiring', false);
        break;
      case '--compare': {
        const v = value();
        settings.compare = v === 'none' ? [] : list(v, VARIANT_NAMES, 'wiring', false);
        break;
      }
      case '--out':
        outDir = value();
        break;
      case '--from':
        from = value();
        break;
      case '--target': {
        const more = parseTargets(value(), '--target');
        const twice = Object.keys(more).filter((name) => targets && name in targets);
        if (twice.length > 0) throw new Error(`--target: "${twice.join('", "')}" is named twice`);
        targets = { ...(targets ?? {}), ...more };
        break;
      }
      case '--insecure':
        insecure = true;
        break;
      case '--protocol':
        if (eras) throw new Error(PROTOCOL_TWICE);
        eras = parseEras(value());
        break;
      case '--tool':
      case '--tool-args':
      case '--resource':
      case '--expect-text':
        targetCallFlags.push([flag, value()]);
        break;
      case '--no-pin':
        pin = false;
        break;
      case '--help':
      case '-h':
        help = true;
        break;
      default:
        throw new Error(`unknown option ${flag}\n\n${USAGE}`);
    }
  }
  for (const id of settings.scenarios) scenario(id);
  // The curve's rates are fractions of the saturation the rounds measure.
  if (settings.scenarios.includes('latency') && !settings.scenarios.includes('saturation')) {
    settings.scenarios = SCENARIOS.map((s) => s.id).filter((id) => id === 'saturation' || settings.scenarios.includes(id));
  }
  if (settings.scenarios.length === 0 && settings.studies.studies.length === 0 && settings.reliability.checks.length === 0) {
    throw new Error('nothing to run: no scenario, no study and no reliability check');
  }
  settings.compare = settings.compare.filter((w) => !settings.wirings.includes(w));
  if (runtimes) {
    settings.servers = serversOnRuntimes(settings.servers, runtimes);
    if (settings.servers.length === 0) throw new Error(`--runtimes ${runtimes.join(',')}: none of the servers runs on these`);
  }
  if (insecure && !targets) throw new Error('--insecure applies to --target only');
  if (eras && !targets) throw new Error('--protocol applies to --target only (our servers: --wirings <wiring>@2026)');
  const call = parseTargetCall(targetCallFlags, targets !== null);
  return { settings, outDir, from, pin, help, targets, insecure, eras: eras ?? ['2025-11-25'], call };
}

export const PROTOCOL_TWICE = '--protocol given twice: name every revision in one, e.g. --protocol 2025-11-25,2026-07-28';

/** `--protocol`'s value: MCP revisions, in the order given (the first is the report's primary). */
export function parseEras(raw: string): Era[] {
  return list(raw, ERAS, 'MCP revision', false) as Era[];
}

/** `--servers`: registry names, each alone (its default runtime) or as <server>@<runtime>, in the order given. */
function serverList(raw: string): string[] {
  const items = [...new Set(raw.split(',').map((s) => s.trim()).filter(Boolean))];
  if (items.length === 0) throw new Error('no server given');
  for (const item of items) runtimeOf(item); // throws on an unknown server, runtime, or one it does not run on
  // The registry's order (servers, then runtimes), so rounds interleave the same way whatever order was typed.
  const rank = (item: string) => SERVERS.findIndex((s) => s.name === baseName(item)) * 100 + RUNTIME_NAMES.indexOf(runtimeOf(item));
  return items.sort((a, b) => rank(a) - rank(b));
}

function list(raw: string, known: readonly string[], what: string, knownOrder = true): string[] {
  const items = raw.split(',').map((s) => s.trim()).filter(Boolean);
  for (const item of items) {
    if (!known.includes(item)) throw new Error(`unknown ${what} "${item}": known are ${known.join(', ')}`);
  }
  if (items.length === 0) throw new Error(`no ${what} given`);
  // Keep the registry's order so rounds interleave the same way whatever order was typed.
  return knownOrder ? known.filter((k) => items.includes(k)) : [...new Set(items)];
}

/** The curve's discarded warm-up after each start, at the common rate: the run's warm-up, at most 2 s. */
export function curveWarmupSeconds(settings: BenchSettings): number {
  return Math.max(1, Math.min(settings.warmupSeconds, 2));
}

function curveOf(settings: BenchSettings): CurveSettings {
  return settings.curve as CurveSettings;
}

function fraction(flag: string, raw: string): number {
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0 || n > 3) throw new Error(`${flag} takes fractions of saturation in (0, 3], got "${raw}"`);
  return n;
}

function positive(flag: string, raw: string, zeroOk = false): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < (zeroOk ? 0 : 1)) throw new Error(`${flag} must be a ${zeroOk ? 'non-negative' : 'positive'} integer, got "${raw}"`);
  return n;
}

/** Seconds the run will take, roughly: printed up front so nobody waits blind. */
export function estimateSeconds(s: BenchSettings): number {
  // Calibrated on this machine against measured default and quick runs: the start/gate, raw-echo
  // and layers shares come from them (the README names the default run and its two durations).
  const k6Overhead = 0.25;
  const slices = s.saturationSlices ?? 1;
  // Sizing the fixed rates: k6 timed twice (1 s and 2 s) on one server of each load protocol, each open scenario.
  const openScenarios = s.scenarios.filter((id) => scenario(id).model === 'open').length;
  const sizing = s.rateSizing === 'machine' && s.scenarios.includes('saturation') ? 2 * openScenarios * (3 + 2 * k6Overhead) : 0;
  // One start in one wiring: start, warm-up, every scenario. A peer has no raw echo and no curve.
  const perStart = (peer: boolean) =>
    s.scenarios.reduce((sum, id) => {
      const sc = scenario(id);
      // The MCP server's run, plus the raw echo's (start, 1 s warm-up, run) shared by the wirings.
      if (sc.model === 'saturation') return sum + slices * (s.saturationSeconds + SLICE_OVERHEAD) + (peer ? 0 : (slices * (s.saturationSeconds + SLICE_OVERHEAD) + 3) / s.wirings.length);
      // Its own start and gate, the warm-up, then each point (the common one too) and oha's start.
      if (sc.model === 'curve') return sum + (s.curve && !peer ? 2 + curveWarmupSeconds(s) + (s.curve.fractions.length + 1) * (s.curve.seconds + 0.1) : 0);
      const runs = ratesOf(sc, s.rates).length;
      return sum + runs * (s.durationSeconds + k6Overhead);
    }, 2 + s.warmupSeconds);
  // Compared wirings: start, gate, the k6 warm-up, saturation, and the headline scenario's runs.
  const headline = s.scenarios.includes(HEADLINE_SCENARIO) ? ratesOf(scenario(HEADLINE_SCENARIO), s.rates).length * (s.durationSeconds + k6Overhead) : 0;
  const compared = headline > 0 || s.scenarios.includes('saturation');
  const perCompared = (s.scenarios.includes('saturation') ? slices * (s.saturationSeconds + SLICE_OVERHEAD) : 0) + headline + (compared ? 2 + s.warmupSeconds + (s.warmupSeconds > 0 ? k6Overhead : 0) : 0);
  // A server on another runtime than its default: its main wirings as compared ones, and its raw echo.
  const onOtherRuntime = s.servers.filter((name) => !onDefaultRuntime(name)).length;
  const echo = s.scenarios.includes('saturation') ? slices * (s.saturationSeconds + SLICE_OVERHEAD) + 3 : 0;
  const curve = s.curve && s.scenarios.includes('latency') ? (2 + curveWarmupSeconds(s) + (s.curve.fractions.length + 1) * (s.curve.seconds + 0.1)) * s.wirings.length : 0;
  const ours =
    (perStart(false) * s.wirings.length + perCompared * s.compare.length) * (s.servers.length - onOtherRuntime) +
    (perCompared * s.wirings.length + echo + curve) * onOtherRuntime;
  const peers = perStart(true) * (s.peers ?? []).length;
  const main = s.scenarios.length === 0 ? 0 : (ours + peers) * s.repeats;
  // The MCP floor of every wiring measured, once after the rounds: a start, 1 s of warm-up, the measurement.
  const floor = s.scenarios.includes('saturation') ? (1 + 1 + s.saturationSeconds * slices) * (s.wirings.length + s.compare.length) : 0;
  return Math.round(main + sizing + floor + estimateStudySeconds(s) + estimateReliabilitySeconds(s));
}

/** What a saturation slice adds to its seconds: the generator's start and the server going idle. */
const SLICE_OVERHEAD = 0.2;

/** The reliability checks' share: server start-ups, a saturation measurement, the phases, the soak. */
export function estimateReliabilitySeconds(s: BenchSettings): number {
  const r = s.reliability;
  let perServer = 0;
  if (r.checks.includes('overload')) perServer += 2 + 1 + r.saturationSeconds + 2 * r.phaseSeconds + r.overloadSeconds + 1;
  if (r.checks.includes('shutdown')) perServer += 2 + 1 + 1;
  if (r.checks.includes('soak')) perServer += 2 + r.soakSeconds;
  return perServer * s.servers.filter(onDefaultRuntime).length;
}

/** The studies' share of the estimate: mostly waiting on the tool's delay and on start-ups. */
export function estimateStudySeconds(s: BenchSettings): number {
  const st = s.studies;
  const runs = st.runs + st.warmupRuns;
  const delay = st.delayMs / 1000;
  const longest = Math.max(...st.counts);
  const startup = 0.35 + st.startupDelayMs / 1000;
  let seconds = 0;
  if (st.studies.includes('layers')) {
    const targets = s.servers.filter(onDefaultRuntime).length * (s.wirings.length + s.compare.length);
    // Two servers and a probe started per target; a raw and an MCP call of 1-3 ms each per call.
    const calls = Math.max(st.warmupCalls, st.warmupRuns * st.callsPerRun) + st.runs * st.callsPerRun;
    seconds += 2 + targets * (3 + (calls * 3) / 1000);
  }
  if (st.studies.includes('multiplex')) {
    const waves = (perCall: (n: number) => number) => st.counts.reduce((sum, n) => sum + perCall(n), 0);
    const channel = (perCall: (n: number) => number) => 1 + runs * (longest + waves(perCall)) * delay;
    seconds += channel((n) => n) + channel((n) => Math.ceil(n / st.poolConnections)) + 2 * channel(() => 1);
  }
  if (st.studies.includes('overhead')) seconds += 3 * (1 + runs * 2 * (delay + 0.01));
  if (st.studies.includes('coldstart')) {
    seconds += st.coldTargets.length * runs * (st.counts.length * startup + (longest + st.counts.length - 1) * delay);
  }
  return seconds;
}
