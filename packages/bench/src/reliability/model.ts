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
