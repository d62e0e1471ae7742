// The demo's plan: every k6 run, in order, that `pnpm bench:all` would make for its k6
// scenarios (gate, warm-up, each scenario and rate, servers interleaved in rounds), written
// as a shell script for the k6 container. The servers run for the whole demo, so each is
// gated and warmed up once, in the first round.
import { onDefaultRuntime, SERVERS } from '@mcp-runtimes/registry';
import { k6RunEnv, WARMUP, warmupEnv } from '../measurement.js';
import type { BenchSettings } from '../results.js';
import { ratesOf, scenario, SCENARIOS } from '../scenarios.js';
import { parseArgs, parseEras, PROTOCOL_TWICE } from '../settings.js';
import type { Era } from '../saturation.js';
import { eraOf, inEra, VARIANT_NAMES } from '../variants.js';

export interface DemoRun {
  /** Names the run's files under k6/: `r1-node-http-simple-tool-500`. */
  id: string;
  kind: 'gate' | 'warmup' | 'measure';
  server: string;
  /** The variant its measurements carry: the wiring, and `@2026` where k6 speaks 2026-07-28. */
  wiring: string;
  round: number;
  scenario?: string;
  rate?: number;
  file: string;
  url: string;
  env: Record<string, string>;
}

/** How the demo's containers were limited, for the report's environment. */
export interface DemoLimits {
  serverCpus: string;
  serverMemory: string;
  k6Cpus: string;
  k6Image: string;
}

export interface DemoPlan {
  settings: BenchSettings;
  /** The compose demo's containers; absent where the servers run elsewhere (`--target`). */
  limits?: DemoLimits;
  runs: DemoRun[];
}

/** The k6 scenarios: saturation needs wrk/h2load, which the demo does not ship. */
export const DEMO_SCENARIOS = SCENARIOS.filter((s) => s.file !== undefined).map((s) => s.id);

/**
 * The demo's settings: bench:all's flags (DEMO_ARGS), its k6 scenarios only, the compose wiring,
 * spoken to in each MCP revision `--protocol` names (default 2025-11-25).
 */
export function demoSettings(args: readonly string[], wiring: string): BenchSettings {
  // The servers run one wiring (DEMO_WIRING, or whatever a target deployed): a flag naming others would mislabel them.
  const chosen = args.filter((a) => a === '--wirings' || a === '--compare');
  if (chosen.length > 0) throw new Error(`${chosen.join(', ')}: the servers run the wiring they were started with (the demo's DEMO_WIRING)`);
  // Each container runs its server on its default runtime: a name on another runtime would mislabel it.
  if (args.includes('--runtimes')) throw new Error("--runtimes: the demo's containers run each server on its default runtime (pnpm bench:all on the host compares runtimes)");
  const { eras, rest } = takeProtocol(args);
  const variants = eras.map((era) => inEra(wiring, era));
  const unspoken = variants.filter((v) => v.endsWith('@2026') && !(VARIANT_NAMES as readonly string[]).includes(v));
  if (unspoken.length > 0) throw new Error(`--protocol 2026-07-28 needs an SDK v2 wiring (DEMO_WIRING=v2-official or v2-tuned), not ${wiring}`);
  const { settings } = parseArgs(['--scenarios', DEMO_SCENARIOS.join(','), '--studies', 'none', '--reliability', 'none', '--wirings', variants.join(','), '--compare', 'none', ...rest]);
  const unsupported = settings.scenarios.filter((id) => !DEMO_SCENARIOS.includes(id));
  if (unsupported.length > 0) throw new Error(`servers the runner does not start get the k6 scenarios only (${DEMO_SCENARIOS.join(', ')}); not ${unsupported.join(', ')}`);
  if (settings.studies.studies.length > 0 || settings.reliability.checks.length > 0) {
    throw new Error('servers the runner does not start get the k6 scenarios only: studies and reliability checks start their own, with pnpm bench:all on the host');
  }
  if (settings.scenarios.length === 0) throw new Error('no k6 scenario to run');
  const elsewhere = settings.servers.filter((s) => s.includes('@'));
  if (args.includes('--servers') && elsewhere.length > 0) {
    throw new Error(`${elsewhere.join(', ')}: the demo's containers run each server on its default runtime (pnpm bench:all on the host compares runtimes)`);
  }
  // The compose file runs every server, the opt-in ones too: measure each unless told which.
  settings.servers = args.includes('--servers') ? settings.servers.filter(onDefaultRuntime) : SERVERS.map((s) => s.name);
  // The compose file runs our servers only: the peers are measured by pnpm bench:all on the host.
  settings.peers = [];
  settings.command = ['docker compose up', ...(args.length > 0 ? [`(DEMO_ARGS=${args.join(' ')})`] : [])].join(' ');
  return settings;
}

/** `--protocol a,b` out of the flags (bench:all takes it for --target only). */
function takeProtocol(args: readonly string[]): { eras: Era[]; rest: string[] } {
  const at = args.indexOf('--protocol');
  if (at < 0) return { eras: ['2025-11-25'], rest: [...args] };
  if (args.lastIndexOf('--protocol') !== at) throw new Error(PROTOCOL_TWICE);
  const value = args[at + 1];
  if (value === undefined || value.startsWith('--')) throw new Error('--protocol needs a value');
  return { eras: parseEras(value), rest: [...args.slice(0, at), ...args.slice(at + 2)] };
}

export function demoPlan(settings: BenchSettings, targets: Record<string, string>): DemoPlan {
  const runs: DemoRun[] = [];
  for (let round = 1; round <= settings.repeats; round++) {
    for (const server of settings.servers) {
      const url = targets[server];
      if (!url) throw new Error(`no target URL for server "${server}"`);
      for (const wiring of settings.wirings) {
        // Each era of a server is gated and measured on its own, as the runner does its variants.
        const era = eraOf(wiring);
        const at = (what: string) => `r${round}-${inEra(server, era)}-${what}`;
        const base = { server, wiring, round, url };
        if (round === 1) {
          runs.push({ ...base, id: at('gate'), kind: 'gate', file: 'gate.js', env: { MODE: 'gate', PROTOCOL: era } });
          if (settings.warmupSeconds > 0) {
            runs.push({ ...base, id: at('warmup'), kind: 'warmup', file: WARMUP.file, env: { ...warmupEnv(settings.warmupSeconds), PROTOCOL: era } });
          }
        }
        for (const id of settings.scenarios) {
          const sc = scenario(id);
          for (const rate of ratesOf(sc, settings.rates)) {
            runs.push({
              ...base,
              id: at(rate === undefined ? id : `${id}-${rate}`),
              kind: 'measure',
              scenario: id,
              ...(rate !== undefined ? { rate } : {}),
              file: sc.file as string,
              env: { ...k6RunEnv(sc, settings.durationSeconds, rate), PROTOCOL: era },
            });
          }
        }
      }
    }
  }
  return { settings, runs };
}

const SAFE = /^[A-Za-z0-9._:/,@=-]*$/;

function quoted(value: string): string {
  if (!SAFE.test(value)) throw new Error(`unsafe value in the demo plan: ${JSON.stringify(value)}`);
  return `'${value}'`;
}

/**
 * plan.sh for the k6 container (POSIX sh: the k6 image has busybox). Each run writes
 * k6/<id>.json (summary), .code, .times (its CPU), .started and .log; a server that fails its
 * gate is not measured. It exits 0 whatever the runs did: the report says what failed.
 */
export function planScript(plan: DemoPlan): string {
  const lines = plan.runs.map((r) => {
    // The node:http2 container's certificate is self-made for localhost, not its service name.
    const tls = r.url.startsWith('https:') ? { INSECURE: '1' } : {};
    const env = Object.entries({ BASE_URL: r.url, ...r.env, ...tls }).flatMap(([k, v]) => ['-e', quoted(`${k}=${v}`)]);
    // A failed gate skips the server in that MCP revision only.
    const gated = inEra(r.server, eraOf(r.wiring));
    return ['run', quoted(r.id), quoted(gated), r.kind, ...env, quoted(r.file)].join(' ');
  });
  return `#!/bin/sh
# Written by the demo's plan service (packages/bench/src/demo/plan.ts) for the k6 container:
# every k6 run of the comparison, in order. Usage: sh plan.sh RESULTS_DIR (cwd: loadtests/).
set -u
OUT=\${1:?usage: plan.sh RESULTS_DIR}
K6=\${K6:-k6}
mkdir -p "$OUT/k6"
failed=" "
total=${plan.runs.length}
n=0

run() {
  id=$1 server=$2 kind=$3
  shift 3
  n=$((n + 1))
  case "$failed" in *" $server "*) echo "[$n/$total] $id: skipped, $server failed its gate"; return 0 ;; esac
  date -u +%Y-%m-%dT%H:%M:%SZ > "$OUT/k6/$id.started"
  ( "$K6" run --quiet --no-color -e SUMMARY_PATH="$OUT/k6/$id.json" "$@" > "$OUT/k6/$id.log" 2>&1
    rc=$?
    times > "$OUT/k6/$id.times"
    exit $rc )
  rc=$?
  echo "$rc" > "$OUT/k6/$id.code"
  echo "[$n/$total] $id: k6 exited $rc"
  sed -n '1,3p' "$OUT/k6/$id.log" | sed 's/^/    /'
  if [ "$kind" = gate ] && [ "$rc" != 0 ]; then
    failed="$failed$server "
    echo "    $server failed its gate: it will not be measured (k6/$id.log)"
  fi
  return 0
}

${lines.join('\n')}
date -u +%Y-%m-%dT%H:%M:%SZ > "$OUT/k6/done"
`;
}
