// What every report section reads: the run, its servers and cases, and the summarised cells.
import type { BenchResults } from '../results.js';
import { cases, cell, type Case, type Cell } from '../summarise.js';

export interface Ctx {
  results: BenchResults;
  servers: string[];
  cases: Case[];
  grid: Map<string, (Cell | null)[]>;
}

export function reportContext(results: BenchResults): Ctx {
  const servers = results.settings.servers.filter((s) => results.measurements.some((m) => m.server === s));
  const all = cases(results);
  return { results, servers, cases: all, grid: new Map(all.map((c) => [c.key, servers.map((s) => cell(results, c, s))])) };
}

export function cellsOf(ctx: Ctx, key: string): (Cell | null)[] {
  return ctx.grid.get(key) ?? ctx.servers.map(() => null);
}

/** A server's highest resident memory over the run's MCP measurements (the raw echo is another process). */
export function peakRss(ctx: Ctx, server: string): number {
  const runs = ctx.results.measurements.filter((m) => m.server === server && m.scenario !== 'saturation-raw');
  return Math.max(0, ...runs.map((m) => m.serverUsage.peakRssBytes));
}
