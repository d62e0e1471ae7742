// The run's settings: a profile (profiles.ts), then the flags on top, parsed and checked.
import { baseName, PEERS, RUNTIME_NAMES, runtimeOf, SERVERS, type RuntimeName } from '@mcp-runtimes/registry';
import { serversOnRuntimes } from './runtimes.js';
import { parseTargets } from './demo/targets.js';
import { parseTargetCall, type TargetCall, type TargetCallFlag } from './remote/target-call.js';
import { ERAS, VARIANT_NAMES } from './variants.js';
import type { Era } from './saturation.js';
import type { BenchSettings, CurveSettings } from './results.js';
import { SCENARIOS, scenario } from './scenarios.js';
import { RELIABILITY_CHECKS, type ReliabilitySettings } from './reliability/model.js';
import { STUDY_NAMES, type StudySettings } from './studies/model.js';
import { CURVE_PROFILES, DEFAULT_SERVERS, PROFILES, RELIABILITY_PROFILES, RELIABILITY_SHAPE, STUDY_PROFILES, type Profile, type ProfileName } from './profiles.js';

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
  --raw-fractions a,b  of those, where the stack's raw echo is offered the MCP rate too (default ${CURVE_PROFILES.default.rawFractions?.join(',')})
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
      case '--raw-fractions':
        curveOf(settings).rawFractions = value()
          .split(',')
          .map((f) => fraction('--raw-fractions', f));
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
