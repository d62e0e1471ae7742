// From raw measurements to report rows: one case per scenario (× rate, × op), one cell per
// server with the repeats summarised, and a winner only where the data can tell.
import type { BenchResults, Figures, Measurement } from './results.js';
import { SCENARIOS } from './scenarios.js';
import { overlaps, summarise, type Summary } from './stats.js';

/** A generator using this share of its core or more may be the bottleneck: no verdict from that row. */
export const GENERATOR_BOUND = 0.7;

/** Report order: the scenario list's order, then rate (curve: the common load, then fractions); saturation rows under `saturation`. */
function order(m: Measurement): number {
  const id = m.scenario.startsWith('saturation') ? 'saturation' : m.scenario.replace(/-raw$/, '');
  const within = m.load ? (m.load.of === 'slowest' ? 0 : 1 + m.load.fraction * 1000) : (m.rate ?? 0);
  return SCENARIOS.findIndex((s) => s.id === id) * 1e7 + (isRawEcho(m.scenario) ? 1 : 0) + within * 10;
}

/** A measurement of the stack's raw JSON echo (no MCP): at saturation, or at an MCP curve point's rate. */
export function isRawEcho(scenario: string): boolean {
  return scenario === 'saturation-raw' || scenario === 'latency-raw';
}

export interface Case {
  key: string;
  scenario: string;
  /** The MCP wiring; none for the raw echo. */
  wiring?: string;
  rate?: number;
  /** A latency-curve point: offered rates differ per server, so its case is the fraction. */
  fraction?: number;
  of?: 'own' | 'slowest';
  op?: string;
}

export interface Cell {
  server: string;
  runs: number;
  rps: Summary;
  avg: Summary;
  p50: Summary;
  p95: Summary;
  p99: Summary;
  /** Highest latency seen in any run. */
  max: number;
  bytesPerSecond: Summary;
  errors: { http: number; jsonrpc: number; tool: number; check: number };
  requests: number;
  errorRate: number;
  droppedIterations: number;
  iterationP50?: Summary;
  serverCpuSeconds: Summary;
  requestsPerCpuSecond: Summary;
  peakRssBytes: number;
  /** The highest share of its core the load generator used in any run. */
  generatorUtilisation: number;
  /** How busy the server was: its CPU seconds over the wall seconds, mean over the runs. */
  serverUtilisation: number;
  /** Offered arrival rate (open model), mean over the runs. */
  offered?: Summary;
  /** Dropped over offered requests, over all runs (open model). */
  droppedShare?: number;
}

export type Better = 'higher' | 'lower';

export interface Winner {
  server: string | null;
  /** How much better than the runner-up, as a fraction (0.15 = 15%). */
  margin: number;
  /**
   * `clear`: CIs do not overlap; `tie`: they do; `single`: one run each, no CI; `only`: one server;
   * `generator-bound`: the generator may have been the bottleneck, so neither a winner nor a tie.
   */
  verdict: 'clear' | 'tie' | 'single' | 'only' | 'none' | 'generator-bound';
}

export function caseKey(c: Omit<Case, 'key'>): string {
  return [
    c.scenario,
    c.wiring ? `[${c.wiring}]` : '',
    c.rate !== undefined ? `@${c.rate}` : '',
    c.fraction !== undefined ? `~${c.fraction}×${c.of}` : '',
    c.op ? `:${c.op}` : '',
  ].join('');
}

/** A case with its key. */
export function caseOf(c: Omit<Case, 'key'>): Case {
  return { key: caseKey(c), ...c };
}

/** A measurement's wiring: runs from before wirings existed measured the official one. */
export function wiringOf(m: Measurement): string | undefined {
  return m.scenario === 'saturation-raw' ? undefined : (m.wiring ?? 'official');
}

/** Wirings in report order: the run's main wirings, then the compared ones, then any other found. */
export function wiringsOf(results: BenchResults): string[] {
  const found = new Set(results.measurements.flatMap((m) => wiringOf(m) ?? []));
  const listed = [...(results.settings.wirings ?? []), ...(results.settings.compare ?? [])];
  return [...new Set([...listed.filter((w) => found.has(w)), ...found])];
}

/** Every case present in the measurements, in the order they were measured. */
export function cases(results: BenchResults): Case[] {
  const seen = new Map<string, Case>();
  const add = (c: Omit<Case, 'key'>) => {
    const key = caseKey(c);
    if (!seen.has(key)) seen.set(key, { key, ...c });
  };
  const wirings = wiringsOf(results);
  const rank = (m: Measurement) => order(m) + wirings.indexOf(wiringOf(m) ?? '') * 1e5;
  const sorted = [...results.measurements].sort((a, b) => rank(a) - rank(b));
  for (const m of sorted) {
    const wiring = wiringOf(m);
    const w = wiring ? { wiring } : {};
    const at = m.load ? { fraction: m.load.fraction, of: m.load.of } : m.rate !== undefined ? { rate: m.rate } : {};
    add({ scenario: m.scenario, ...w, ...at });
    for (const op of Object.keys(m.ops ?? {})) add({ scenario: m.scenario, ...w, ...at, op });
  }
  return [...seen.values()];
}

export function measurementsOf(results: BenchResults, c: Case, server: string): Measurement[] {
  return results.measurements.filter(
    (m) =>
      m.server === server &&
      m.scenario === c.scenario &&
      wiringOf(m) === c.wiring &&
      (c.fraction !== undefined ? m.load?.fraction === c.fraction && m.load.of === c.of : m.rate === c.rate && !m.load),
  );
}

export function cell(results: BenchResults, c: Case, server: string): Cell | null {
  const runs = measurementsOf(results, c, server);
  if (runs.length === 0) return null;
  const figs: Figures[] = runs.map((m) => (c.op ? (m.ops?.[c.op] as Figures) : m)).filter(Boolean);
  const requests = runs.reduce((s, m) => s + m.requests, 0);
  const errors = runs.reduce(
    (e, m) => ({ http: e.http + m.errors.http, jsonrpc: e.jsonrpc + m.errors.jsonrpc, tool: e.tool + m.errors.tool, check: e.check + m.errors.check }),
    { http: 0, jsonrpc: 0, tool: 0, check: 0 },
  );
  const totalErrors = errors.http + errors.jsonrpc + errors.tool + errors.check;
  return {
    server,
    runs: runs.length,
    rps: summarise(figs.map((f) => f.rps)),
    avg: summarise(figs.map((f) => f.latencyMs.avg)),
    p50: summarise(figs.map((f) => f.latencyMs.p50)),
    p95: summarise(figs.map((f) => f.latencyMs.p95)),
    p99: summarise(figs.map((f) => f.latencyMs.p99)),
    max: Math.max(...figs.map((f) => f.latencyMs.max)),
    bytesPerSecond: summarise(figs.map((f) => f.bytesPerSecond)),
    errors,
    requests,
    errorRate: requests > 0 ? totalErrors / requests : 0,
    droppedIterations: runs.reduce((s, m) => s + m.droppedIterations, 0),
    ...(runs.every((m) => m.iterations) ? { iterationP50: summarise(runs.map((m) => m.iterations?.durationMs.p50 ?? NaN)) } : {}),
    serverCpuSeconds: summarise(runs.map((m) => m.serverUsage.cpuSeconds)),
    requestsPerCpuSecond: summarise(runs.map((m) => m.requestsPerCpuSecond)),
    peakRssBytes: Math.max(...runs.map((m) => m.serverUsage.peakRssBytes)),
    generatorUtilisation: Math.max(...runs.map((m) => m.generatorUsage.utilisation)),
    serverUtilisation: runs.reduce((s, m) => s + (m.durationSeconds > 0 ? m.serverUsage.cpuSeconds / m.durationSeconds : 0), 0) / runs.length,
    ...(runs.every((m) => m.rate !== undefined) ? openModel(runs) : {}),
  };
}

function openModel(runs: Measurement[]): { offered: Summary; droppedShare: number } {
  const offered = runs.reduce((s, m) => s + (m.rate as number) * m.durationSeconds, 0);
  return { offered: summarise(runs.map((m) => m.rate as number)), droppedShare: offered > 0 ? runs.reduce((s, m) => s + m.droppedIterations, 0) / offered : 0 };
}

/** The generator-bound test of a row: any server's generator at GENERATOR_BOUND of its core or more. */
export function generatorBound(cells: readonly (Cell | null)[]): boolean {
  return cells.some((x) => x !== null && x.generatorUtilisation >= GENERATOR_BOUND);
}

/** The winner of a row of cells, refusing a verdict where the generator may have been the bottleneck. */
export function rank(cells: readonly (Cell | null)[], value: (c: Cell) => Summary, better: Better): Winner {
  const present = cells.filter((x): x is Cell => x !== null);
  if (present.length > 1 && generatorBound(present)) return { server: null, margin: 0, verdict: 'generator-bound' };
  return winner(present.map((x) => ({ server: x.server, value: value(x) })), better);
}

/**
 * The best server on one metric. A win is `clear` only when the best one's 95% CI does not
 * overlap the runner-up's; otherwise the data cannot tell them apart.
 */
export function winner(entries: { server: string; value: Summary }[], better: Better): Winner {
  const valid = entries.filter((e) => e.value.n > 0 && Number.isFinite(e.value.mean));
  if (valid.length === 0) return { server: null, margin: 0, verdict: 'none' };
  const sorted = [...valid].sort((a, b) => (better === 'higher' ? b.value.mean - a.value.mean : a.value.mean - b.value.mean));
  const best = sorted[0] as (typeof sorted)[number];
  const second = sorted[1];
  if (!second) return { server: best.server, margin: 0, verdict: 'only' };
  const margin =
    better === 'higher'
      ? best.value.mean / second.value.mean - 1
      : 1 - best.value.mean / second.value.mean;
  if (best.value.n < 2 || second.value.n < 2) return { server: best.server, margin, verdict: 'single' };
  return { server: best.server, margin, verdict: overlaps(best.value.ci95, second.value.ci95) ? 'tie' : 'clear' };
}
