// What every report section reads: the run, its servers and cases, and the summarised cells.
import { isOurServer, onDefaultRuntime } from '@mcp-runtimes/registry';
import type { BenchResults } from '../results.js';
import { caseKey, cases, cell, isRawEcho, wiringsOf, type Case, type Cell } from '../summarise.js';

export interface Ctx {
  results: BenchResults;
  servers: string[];
  cases: Case[];
  grid: Map<string, (Cell | null)[]>;
  /** Every wiring measured, main ones first. */
  wirings: string[];
  /** The wiring measured in every scenario, which the scenario sections and the recommendation read. */
  primary: string;
}

/** Our servers' sections read only their measurements; the peers have a section of their own. */
export function reportContext(results: BenchResults): Ctx {
  const peers = new Set(results.settings.peers ?? []);
  const ours = { ...results, measurements: results.measurements.filter((m) => !peers.has(m.server)) };
  // A server on another runtime than its default is in the Runtimes section (and saturation's
  // tables), not in every scenario's: it runs only the runtimes comparison's cases.
  const servers = results.settings.servers.filter((s) => ours.measurements.some((m) => m.server === s) && !onOtherRuntime(s));
  const all = cases(ours);
  const wirings = wiringsOf(ours);
  return {
    results,
    servers,
    cases: all,
    grid: new Map(all.map((c) => [c.key, servers.map((s) => cell(ours, c, s))])),
    wirings,
    primary: wirings[0] ?? 'official',
  };
}

/** The key of a scenario's case in the primary wiring (the raw echo has no wiring). */
export function primaryKey(ctx: Ctx, scenario: string): string {
  return caseKey(scenario === 'saturation-raw' ? { scenario } : { scenario, wiring: ctx.primary });
}

export function cellsOf(ctx: Ctx, key: string): (Cell | null)[] {
  return ctx.grid.get(key) ?? ctx.servers.map(() => null);
}

/** A server's highest resident memory over the run's MCP measurements (the raw echo is another process). */
export function peakRss(ctx: Ctx, server: string): number {
  const runs = ctx.results.measurements.filter((m) => m.server === server && !isRawEcho(m.scenario));
  return Math.max(0, ...runs.map((m) => m.serverUsage.peakRssBytes));
}

/** How a server's load was carried in a scenario (its load listener), as the measurements recorded it. */
export function protocolOf(ctx: Ctx, server: string, scenario: string): string {
  return ctx.results.measurements.find((m) => m.server === server && m.scenario === scenario)?.protocol ?? '';
}

/** One of our servers named on a runtime other than its default (`node-http@node26`); a --target label never is. */
export function onOtherRuntime(name: string): boolean {
  return isOurServer(name) && name.includes('@') && !onDefaultRuntime(name);
}
