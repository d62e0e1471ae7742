import type { FloorResult } from './floor/mcp-floor.js';
import type { ReliabilityResults, ReliabilitySettings } from './reliability/model.js';
import type { StudyResults, StudySettings } from './studies/model.js';
import type { SizedRate } from './fixed-rates.js';

// The shape of a benchmark run as written to results.json: every figure in the report is
// computed from these records, and every record is one measurement that really ran.

export interface Latency {
  avg: number;
  min: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  max: number;
}

/** Failures by class (DESIGN.md): transport/HTTP status, JSON-RPC error, tool isError, wrong body. */
export interface Errors {
  http: number;
  jsonrpc: number;
  tool: number;
  check: number;
}

/** One row's worth of figures from one measurement (a whole scenario, or one `op` of it). */
export interface Figures {
  requests: number;
  rps: number;
  latencyMs: Latency;
  bytesPerSecond: number;
}

export interface ProcessUsage {
  cpuSeconds: number;
  /** Highest resident set size sampled during the measurement (bytes). */
  peakRssBytes: number;
}

export interface Measurement extends Figures {
  server: string;
  /** Scenario id (`simple-tool`, …, `saturation-mcp`, `saturation-raw`). */
  scenario: string;
  /** The server's MCP wiring (MCP_WIRING); none for the raw echo. Runs before wirings existed were `official`. */
  wiring?: string;
  /** Offered arrival rate (open model), if any. */
  rate?: number;
  /** A latency-curve point: the offered rate as a fraction of a measured saturation. */
  load?: CurveLoad;
  /**
   * The pairing unit: measurements of different servers with the same number were taken side by
   * side. A round for k6 and the latency curve; for saturation, a slice, numbered across the run.
   */
  round: number;
  /** Saturation: the round whose server start the slice measured (absent in runs before slices). */
  launch?: number;
  tool: 'k6' | 'wrk' | 'h2load' | 'oha';
  /** Concurrency the generator held (VUs, connections × streams), if closed. */
  concurrency?: number;
  protocol: string;
  startedAt: string;
  durationSeconds: number;
  errors: Errors;
  errorRate: number;
  droppedIterations: number;
  iterations?: { count: number; rate: number; durationMs: Latency };
  /** Per-op figures for scenarios that mix several requests. */
  ops?: Record<string, Figures>;
  serverUsage: ProcessUsage;
  /** requests / server CPU seconds. */
  requestsPerCpuSecond: number;
  generatorUsage: { cpuSeconds: number; utilisation: number };
  /** Background CPU (in cores) measured just before this measurement. */
  backgroundCpu: number;
}

/**
 * Where a latency-curve point sits: `own` is a fraction of this server's saturation (its knee),
 * `slowest` of the slowest server's (one rate common to every server).
 */
export interface CurveLoad {
  fraction: number;
  of: 'own' | 'slowest';
  /** The saturation (req/s, mean over the rounds) the fraction was taken of. */
  saturationRps: number;
}

/** The latency curve: open loop (oha), each server offered fractions of its own saturation. */
export interface CurveSettings {
  fractions: number[];
  /** The common load, as a fraction of the slowest server's saturation. */
  commonFraction: number;
  seconds: number;
  /** The knee is the highest rate with p99 under this bound and under 1% dropped. */
  p99BoundMs: number;
  /** Own fractions at which the stack's raw echo is offered the MCP wiring's rate too (none in runs before it was measured). */
  rawFractions?: number[];
}

export interface GateResult {
  server: string;
  wiring?: string;
  round: number;
  passed: boolean;
  /** Failed checks, or why the server could not be gated. */
  failures: string[];
}

export interface UnsupportedRuntime {
  /** The server on that runtime, as measured elsewhere: `uws@node24`. */
  server: string;
  runtime: string;
  /** What it said when it could not start. */
  reason: string;
}

export interface ServerFailure {
  server: string;
  wiring?: string;
  round: number;
  stage: 'start' | 'gate' | 'measure' | 'stop' | 'study' | 'reliability';
  message: string;
}

export interface Environment {
  date: string;
  gitSha: string;
  gitDirty: boolean;
  node: string;
  os: string;
  cpuModel: string;
  cores: number;
  memoryBytes: number;
  versions: Record<string, string>;
  /** The exact version of each runtime a server ran on (`node24` → 24.22.3); absent in runs made before runtimes were an axis, when every server ran on the machine's Node. */
  runtimes?: Record<string, string>;
  /** The engine flags the servers inherited from the runner's environment, per runtime ("none" when unset); absent in older runs. */
  engineFlags?: Record<string, string>;
  /** The V8 flags each measured `<wiring>+<setting>` variant's servers were started with; absent when none was measured. */
  engineSettings?: Record<string, string>;
  pinning: { server: string; generator: string } | null;
  /** The docker-compose demo: how the server and k6 containers were limited (no pinning there). */
  containers?: { server: string; generator: string };
  /** `--target`: servers the runner did not start, each as its /health described it, and where k6 ran. */
  remote?: {
    targets: Record<string, string>;
    generator: string;
    /** Targets whose own CPU time and memory were not measured, and why: "has no /health". */
    unmeasured?: Record<string, string>;
    /** `--tool`: the targets' own tool, called instead of this project's agent_task. */
    call?: CustomCall;
  };
}

/** `--tool` with `--target`: a server's own tool (and resource), called in every scenario that can. */
export interface CustomCall {
  tool: string;
  arguments: Record<string, unknown>;
  resource?: string;
  /** Text each answer had to hold. */
  expectText?: string;
  /** The k6 scenarios not run, each with why: they need this project's own tools. */
  notRun: Record<string, string>;
}

export interface BenchSettings {
  profile: string;
  servers: string[];
  /** Peers (other stacks' MCP servers) measured in the same rounds; absent in runs made before them. */
  peers?: string[];
  scenarios: string[];
  repeats: number;
  durationSeconds: number;
  warmupSeconds: number;
  /** Seconds of each saturation slice. */
  saturationSeconds: number;
  /** Saturation slices per round (every server once in each); absent before slices: one a round. */
  saturationSlices?: number;
  rates: number[];
  /**
   * `machine`: each fixed-rate scenario's rate is sized to this run (fixed-rates.ts); `as-given`:
   * the registry's rates and --rates. Absent in runs before sizing: as given.
   */
  rateSizing?: 'machine' | 'as-given';
  connections: number;
  /** MCP wirings measured in every scenario (the first is the one the recommendation reads). */
  wirings: string[];
  /** Wirings measured at saturation only, beside the raw echo: official, and the ablation steps. */
  compare: string[];
  /** The latency curve; absent in runs made before it existed. */
  curve?: CurveSettings;
  /** The "where the time goes" studies (layers, multiplexing, overhead, cold start). */
  studies: StudySettings;
  /** Overload, shutdown under load, soak. */
  reliability: ReliabilitySettings;
  command: string;
}

/** A peer's measurements carry this wiring: the peer's own configuration, not one of ours. */
export const PEER_WIRING = 'own';

/**
 * One of our servers failed its gate, or a start, measurement or stop of ours failed: the run's
 * exit code is 1. A peer failing (its gate, or under load) is a finding about the peer: reported.
 */
export function hasFailures(results: BenchResults): boolean {
  const peers = results.settings.peers ?? [];
  return results.gates.some((g) => !g.passed && !peers.includes(g.server)) || results.failures.some((f) => !peers.includes(f.server));
}

export interface BenchResults {
  schema: 1;
  environment: Environment;
  settings: BenchSettings;
  gates: GateResult[];
  failures: ServerFailure[];
  measurements: Measurement[];
  /** Samples of the studies; absent in runs made before they existed. */
  studies?: StudyResults;
  /** The reliability checks; absent in runs made before they existed. */
  reliability?: ReliabilityResults;
  /**
   * Servers that could not start on a runtime they were asked to run on (an addon with no build
   * for it): measured at the start, not counted as failures, and listed in the report.
   */
  unsupported?: UnsupportedRuntime[];
  /** The MCP floor of each main wiring (no HTTP), measured after the rounds; absent before it existed. */
  floor?: FloorResult[];
  /** The fixed-rate scenarios' rates as sized for this machine; absent when given (or before sizing). */
  sizedRates?: SizedRate[];
  startedAt: string;
  finishedAt: string;
}
