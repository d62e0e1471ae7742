// The "where the time goes" studies: what they are set to, and the samples they record. Every
// figure of their report section is computed from these samples (stats.ts), never stored.

export const STUDY_NAMES = ['layers', 'multiplex', 'overhead', 'coldstart'] as const;
export type StudyName = (typeof STUDY_NAMES)[number];

export interface StudySettings {
  studies: StudyName[];
  /** Measured runs per configuration. */
  runs: number;
  /** Runs before them, discarded. */
  warmupRuns: number;
  /** layers: sequential calls per run (each timed on its own). */
  callsPerRun: number;
  /** layers: warm-up calls per layer at least, whatever the warm-up runs add up to (the JIT needs many). */
  warmupCalls: number;
  /** multiplex, overhead, coldstart: how long the called tool awaits (an LLM or API call). */
  delayMs: number;
  /** coldstart: MCP_STARTUP_DELAY_MS, simulated initialisation on top of the real start-up. */
  startupDelayMs: number;
  /** multiplex and coldstart: how many calls (N). */
  counts: number[];
  /** overhead: calls issued at once per run. */
  overheadCalls: number;
  /** multiplex: connections of the HTTP/1.1 pool (the reference client's default). */
  poolConnections: number;
  /** coldstart: `stdio` and/or HTTP server names started on demand. */
  coldTargets: string[];
}

/** How a study reaches a server: one HTTP/1.1 keep-alive connection, a pool, one HTTP/2 connection, one pipe. */
export type ChannelKind = 'h1-one' | 'h1-pool' | 'h2' | 'stdio';

export interface ChannelSpec {
  kind: ChannelKind;
  /** The server's registry name, or `stdio`. */
  server: string;
  /** HTTP: the MCP endpoint. */
  url?: string;
  /** stdio: the command that starts the server (already pinned if pinning). */
  command?: string[];
}

export type Layer = 'direct' | 'in-process' | 'http-raw' | 'http-mcp';

export interface LayerSamples {
  layer: Layer;
  /** HTTP layers only: which server, wiring and protocol. */
  server?: string;
  wiring?: string;
  protocol?: string;
  /** Mean per-call cost of each measured run, µs. */
  runMeansUs: number[];
  /** Per-call quantiles over every measured call, µs. */
  callP50Us: number;
  callP99Us: number;
  calls: number;
}

export interface MultiplexSamples {
  kind: ChannelKind;
  server: string;
  n: number;
  mode: 'sequential' | 'concurrent';
  /** Wall time of each measured run, ms. */
  wallMs: number[];
  /** HTTP/2: connections the client opened over the whole study (1 means everything shared one). */
  connectionsOpened?: number;
}

export interface OverheadSamples {
  kind: ChannelKind;
  server: string;
  /** `io`: the tool awaits delayMs; `trivial`: it returns at once. */
  calls: 'io' | 'trivial';
  n: number;
  delayMs: number;
  /** Paired by run: the same calls through the SDK Client and written by hand, order alternating. */
  clientMs: number[];
  handWrittenMs: number[];
}

export interface ColdStartRow {
  n: number;
  /** N calls one after another; the first starts the server. */
  sequentialMs: number[];
  /** N calls at once; they share one start-up. */
  coalescedMs: number[];
  /** Start-ups each measured run caused (the larger of its sequential and coalesced runs). */
  startups: number[];
}

export interface ColdStartSamples {
  /** `stdio`, or the name of an HTTP server started by a launcher. */
  target: string;
  wiring?: string;
  /** Spawn to initialized, every start-up of the measured runs, ms. */
  startupMs: number[];
  rows: ColdStartRow[];
}

export interface StudyResults {
  settings: StudySettings;
  layers: LayerSamples[];
  multiplex: MultiplexSamples[];
  overhead: OverheadSamples[];
  coldstart: ColdStartSamples[];
  /** Timer cost (performance.now() back to back), ns: included in the per-call figures. */
  timerNs?: number;
}
