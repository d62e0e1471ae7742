// What the reliability checks are told, and what each one measured. Figures are computed from
// these at render time; nothing here is a verdict the report cannot re-derive.

export const RELIABILITY_CHECKS = ['overload', 'shutdown', 'soak'] as const;
export type ReliabilityCheck = (typeof RELIABILITY_CHECKS)[number];

export interface ReliabilitySettings {
  checks: ReliabilityCheck[];
  /** The wiring the checks run: official by default, which a Node generator can drive past 2× saturation. */
  wiring: string;
  /** Offered load in the overload phase, as a multiple of the saturation measured just before. */
  overloadFactor: number;
  /** Seconds of saturation measured (after 1 s of warm-up) to set the overload rate. */
  saturationSeconds: number;
  /** Seconds at half saturation before and after the overload: the normal latency, and the return to it. */
  phaseSeconds: number;
  overloadSeconds: number;
  /** Closed-loop clients calling when SIGTERM comes. */
  shutdownClients: number;
  soakSeconds: number;
  /** Steady offered rate of the soak (requests per second). */
  soakRate: number;
  /** Share of the soak discarded as warm-up before the RSS slope is fitted. */
  soakWarmupFraction: number;
  /** An RSS slope after warm-up above this fails the soak (MiB per minute). */
  soakSlopeBoundMiBPerMin: number;
  /**
   * A full GC forced in the soaked server this often (ms), so a short soak sees what the server
   * holds rather than garbage V8 has not collected yet; null leaves V8 alone (the 10-minute soak).
   */
  soakFullGcEveryMs: number | null;
  /**
   * V8 flags for the soaked server, where its runtime is V8. A forced GC alone does not keep a short
   * soak's RSS still on Node 24 or Deno: what is live stays flat (~26 MB on node-http at 200/s) while
   * V8 grows its young generation to its maximum over the first ~10 s, which a 15 s soak reads as
   * ~300 MiB/min. A small young generation keeps RSS on what the server holds; a capped old space
   * does the same where no GC can be forced (Deno), and a leak then ends the server instead.
   */
  soakV8Flags: string[];
}

/** One phase of open-loop load: what was offered and what came back. */
export interface PhaseResult {
  phase: string;
  targetRate: number;
  seconds: number;
  offered: number;
  /** 200 with the right answer to the right request. */
  ok: number;
  /** 503 with Retry-After: refused at once by MCP_MAX_IN_FLIGHT. */
  shed: number;
  /** Anything else: another status, a wrong body, a broken connection, no answer. */
  errors: number;
  errorSamples: string[];
  /** Latency of the answered (ok) requests, ms. */
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Latency of the shed answers, ms (they must be quick). */
  shedP99Ms: number;
  peakRssBytes: number;
}

export interface OverloadResult {
  server: string;
  wiring: string;
  protocol: string;
  maxInFlight: number;
  saturationRps: number;
  phases: PhaseResult[];
  exitCode: number | null;
}

export interface ShutdownResult {
  server: string;
  wiring: string;
  protocol: string;
  clients: number;
  /** Complete, correct answers the clients received. */
  received: number;
  /** Requests the clients could not place (connection refused or closed before sending). */
  refused: number;
  /** Answers that started but broke, or were wrong. */
  broken: number;
  /** What the server said at exit: requests it took on and answered. */
  accepted: number | null;
  answered: number | null;
  exitCode: number | null;
  /** From SIGTERM to exit. */
  exitMs: number;
  deadlineMs: number;
}

export interface SoakResult {
  server: string;
  wiring: string;
  protocol: string;
  rate: number;
  seconds: number;
  ok: number;
  errors: number;
  errorSamples: string[];
  p99Ms: number;
  /** Server RSS every second: [seconds since start, bytes]. */
  rss: [number, number][];
  exitCode: number | null;
}

export interface ReliabilityResults {
  settings: ReliabilitySettings;
  overload: OverloadResult[];
  shutdown: ShutdownResult[];
  soak: SoakResult[];
}
