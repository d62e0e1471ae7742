// The run summarised once: each entrant's cells in the cases the first screen, the
// recommendation, the Cost and the Runtimes sections quote, and each comparison's ratios to the
// best paired by round. The sections read this model instead of summarising the runs again.
import { isOurServer, PEERS, runtimeOf, SERVERS, serverEntry } from '@mcp-runtimes/registry';
import { PEER_WIRING, type BenchResults, type Measurement } from '../results.js';
import { HEADLINE_SCENARIO, ratesOf, scenario } from '../scenarios.js';
import { caseOf, cell, generatorBound, GENERATOR_BOUND, measurementsOf, type Case, type Cell } from '../summarise.js';
import { onOtherRuntime, type Ctx } from './context.js';
import { commonCase, KNEE_DROPPED } from './curve.js';
import type { Summary } from '../stats.js';
import { pairedRatio, pairedToBest, separate, type PairedMetric, type Separation } from './paired.js';

/** One server as a comparison sees it: ours in the run's main wiring, a peer in its own configuration. */
export interface Entrant {
  server: string;
  wiring: string;
  peer: boolean;
}

/** An entrant's cells in the cases a comparison reads. */
export interface EntrantFigures {
  entrant: Entrant;
  saturation: Cell | null;
  /** The headline scenario at the run's first fixed rate. */
  atRate: Cell | null;
  /** It answered every call at the fixed rate in time with the generator not the bottleneck: only then is its CPU per call a call's cost. */
  keptUp: boolean;
  /** The latency curve's common load (peers do not run the curve). */
  atCommon: Cell | null;
}

/** A set of entrants compared on four figures, each paired by round against the best of the set. */
export interface Comparison {
  rows: EntrantFigures[];
  /** Calls/s at saturation over the fastest's. */
  throughput: PairedMetric;
  /** Calls per CPU-second at the fixed rate over the cheapest's, among those that kept up there. */
  cheaper: PairedMetric;
  /** p99 at the common load over the lowest's. */
  tail: PairedMetric;
  /** Peak RSS at saturation over the lowest's. */
  memory: PairedMetric;
  /** The load generator used ≥ GENERATOR_BOUND of its core at saturation (or at the common load) for one of them: no verdict on that figure. */
  saturationBound: boolean;
  tailBound: boolean;
}

/** How many pairing units the run has: distinct `round` values, counted from the measurements. */
export interface Rounds {
  saturation: number;
  other: number;
  /** How many times each server was started for the saturation slices, where the runner records it. */
  launches: number | null;
}

/** What the first screen's verdict is decided from. */
export interface VerdictInputs {
  throughput: Separation | null;
  /** The servers throughput cannot tell apart: the fastest and every one whose interval reaches it. */
  contenders: string[];
  /** The contenders compared again among themselves, when throughput leaves more than one. */
  among: Comparison | null;
}

/** A framework over the HTTP stack it sits on, each figure paired by slice (saturation) or round. */
export interface FrameworkFigures {
  server: string;
  /** The server whose HTTP stack it runs on (node-http for Express, Fastify, Hono). */
  over: string;
  /** MCP calls/s at saturation over `over`'s. */
  mcp: Summary;
  /** Raw echo req/s at saturation over `over`'s raw echo: the framework alone. */
  raw: Summary;
  /** Calls per CPU-second at the fixed rate over `over`'s, when both kept up there. */
  cheaper: Summary | null;
}

/** A framework's documented wiring (a peer) over our server on that framework, paired by slice (saturation) or round. */
export interface DocumentedWiringFigures {
  /** Our server on the framework. */
  server: string;
  peer: string;
  /** MCP calls/s at saturation over ours. */
  mcp: Summary;
  /** Calls per CPU-second at the fixed rate over ours, when both kept up there. */
  cheaper: Summary | null;
}

export interface RunSummary {
  wiring: string;
  rate: number | undefined;
  common: Case | undefined;
  rounds: Rounds;
  /** Everyone measured in the main wiring: ours, ours on other runtimes, and the peers. */
  main: Comparison;
  /** Ours on their default runtime (the scenario sections' servers). */
  ours: Comparison;
  /** Each runtime's own HTTP server, one per runtime. */
  runtimes: Comparison;
  /** Each framework measured, with the stack under it, when that was measured too. */
  frameworks: FrameworkFigures[];
  /** Each of our servers measured beside a peer that wires its framework as the SDK documents. */
  documentedWirings: DocumentedWiringFigures[];
  verdict: VerdictInputs;
  /** A server's cell in a case, summarised once however often it is asked for. */
  cell(c: Case, server: string): Cell | null;
  runs(c: Case, server: string): Measurement[];
}

/** The same case in another wiring (a peer's is its own). */
export function inWiring(c: Case, wiring: string): Case {
  const { key: _key, ...rest } = c;
  return caseOf({ ...rest, wiring });
}

/** The servers of the Runtimes comparison: each runtime's own HTTP server, one per runtime measured. */
export function runtimeEntrants(results: BenchResults): string[] {
  // --target servers are labels: whatever they run, it is not what our registry says.
  if (results.environment.remote) return [];
  const seen = new Set<string>();
  const measured = results.settings.servers.filter((s) => results.measurements.some((m) => m.server === s));
  return measured.filter((server) => {
    if (!isOurServer(server)) return false;
    const runtime = runtimeOf(server);
    if (!serverEntry(server).nativeServer || seen.has(runtime)) return false;
    seen.add(runtime);
    return true;
  });
}

export function countRounds(results: BenchResults): Rounds {
  const saturation = results.measurements.filter((m) => m.scenario.startsWith('saturation'));
  const other = results.measurements.filter((m) => !m.scenario.startsWith('saturation'));
  const launches = new Set(saturation.flatMap((m) => ('launch' in m && typeof m.launch === 'number' ? [m.launch] : [])));
  return {
    saturation: new Set(saturation.map((m) => m.round)).size,
    other: new Set(other.map((m) => m.round)).size,
    launches: launches.size > 0 ? launches.size : null,
  };
}

function keptUp(x: Cell | null): boolean {
  return x !== null && x.errorRate === 0 && (x.droppedShare ?? 0) < KNEE_DROPPED && x.generatorUtilisation < GENERATOR_BOUND;
}

export function summariseRun(ctx: Ctx): RunSummary {
  const { results } = ctx;
  const cells = new Map<string, Cell | null>();
  const runsCache = new Map<string, Measurement[]>();
  const runs = (c: Case, server: string): Measurement[] => {
    const key = `${c.key}|${server}`;
    if (!runsCache.has(key)) runsCache.set(key, measurementsOf(results, c, server));
    return runsCache.get(key) ?? [];
  };
  const cellAt = (c: Case, server: string): Cell | null => {
    const key = `${c.key}|${server}`;
    if (!cells.has(key)) cells.set(key, cell(results, c, server));
    return cells.get(key) ?? null;
  };
  const wiring = ctx.primary;
  // The headline's first rate as this run measured it (sized to the machine, or as given).
  const rate = ratesOf(scenario(HEADLINE_SCENARIO), results.settings.rates, results.sizedRates)[0];
  const common = commonCase(ctx);
  const saturation = caseOf({ scenario: 'saturation-mcp', wiring });
  const fixed = rate === undefined ? undefined : caseOf({ scenario: HEADLINE_SCENARIO, wiring, rate });

  const figuresOf = (entrant: Entrant): EntrantFigures => {
    const at = (c: Case | undefined) => (c ? cellAt(inWiring(c, entrant.wiring), entrant.server) : null);
    const atRate = at(fixed);
    return { entrant, saturation: at(saturation), atRate, keptUp: keptUp(atRate), atCommon: at(common) };
  };
  const compare = (rows: EntrantFigures[]): Comparison => {
    const byServer = new Map(rows.map((r) => [r.entrant.server, r]));
    const runsAt = (c: Case | undefined, only: (r: EntrantFigures) => boolean = () => true) => (server: string) => {
      const r = byServer.get(server);
      return c && r && only(r) ? runs(inWiring(c, r.entrant.wiring), server) : [];
    };
    const servers = rows.map((r) => r.entrant.server);
    return {
      rows,
      throughput: pairedToBest(servers, runsAt(saturation), (m) => m.rps, 'higher'),
      cheaper: pairedToBest(servers, runsAt(fixed, (r) => r.keptUp), (m) => m.requestsPerCpuSecond, 'higher'),
      tail: pairedToBest(servers, runsAt(common), (m) => m.latencyMs.p99, 'lower'),
      memory: pairedToBest(servers, runsAt(saturation), (m) => m.serverUsage.peakRssBytes, 'lower'),
      saturationBound: generatorBound(rows.map((r) => r.saturation)),
      tailBound: generatorBound(rows.map((r) => r.atCommon)),
    };
  };

  const measuredIn = (e: Entrant) => results.measurements.some((m) => m.server === e.server && (m.wiring ?? 'official') === e.wiring);
  const ours = ctx.servers.map((server) => ({ server, wiring, peer: false }));
  const elsewhere = results.settings.servers.filter(onOtherRuntime).map((server) => ({ server, wiring, peer: false }));
  const peers = (results.settings.peers ?? []).map((server) => ({ server, wiring: PEER_WIRING, peer: true }));
  const main = compare([...ours, ...elsewhere, ...peers].filter(measuredIn).map(figuresOf));
  const runtimes = compare(runtimeEntrants(results).map((server) => figuresOf({ server, wiring, peer: false })));

  const raw = caseOf({ scenario: 'saturation-raw' });
  const documentedWiring = (server: string): DocumentedWiringFigures[] => {
    const peer = PEERS.find((p) => p.documentedWiringOf === server && (results.settings.peers ?? []).includes(p.name))?.name;
    if (peer === undefined) return [];
    const theirs = (c: Case) => runs(inWiring(c, PEER_WIRING), peer);
    const paired = (c: Case, value: (m: Measurement) => number) => pairedRatio(theirs(c), runs(c, server), value);
    const keptUpBoth = fixed !== undefined && keptUp(cellAt(inWiring(fixed, PEER_WIRING), peer)) && keptUp(cellAt(fixed, server));
    return [
      {
        server,
        peer,
        mcp: paired(saturation, (m) => m.rps),
        cheaper: keptUpBoth && fixed ? paired(fixed, (m) => m.requestsPerCpuSecond) : null,
      },
    ];
  };
  const frameworks = ctx.servers.flatMap((server): FrameworkFigures[] => {
    // A --target label names no server of ours: it has no framework entry.
    const over = SERVERS.find((s) => s.name === server)?.framework?.over;
    if (over === undefined || !ctx.servers.includes(over)) return [];
    const both = (c: Case, value: (m: Measurement) => number) => pairedRatio(runs(c, server), runs(c, over), value);
    const keptUpBoth = fixed !== undefined && keptUp(cellAt(fixed, server)) && keptUp(cellAt(fixed, over));
    return [
      {
        server,
        over,
        mcp: both(saturation, (m) => m.rps),
        raw: both(raw, (m) => m.rps),
        cheaper: keptUpBoth && fixed ? both(fixed, (m) => m.requestsPerCpuSecond) : null,
      },
    ];
  });

  const throughput = main.saturationBound ? null : separate(main.throughput);
  const contenders = throughput ? [throughput.best, ...throughput.close] : [];
  const among = contenders.length > 1 ? compare(main.rows.filter((r) => contenders.includes(r.entrant.server))) : null;
  return {
    wiring,
    rate: fixed ? rate : undefined,
    common,
    rounds: countRounds(results),
    main,
    ours: compare(ours.filter(measuredIn).map(figuresOf)),
    runtimes,
    frameworks,
    documentedWirings: ctx.servers.flatMap(documentedWiring),
    verdict: { throughput, contenders, among },
    cell: cellAt,
    runs,
  };
}

/** A comparison's row of one server. */
export function rowOf(comparison: Comparison, server: string): EntrantFigures | undefined {
  return comparison.rows.find((r) => r.entrant.server === server);
}
