// The Runtimes section: the same core behind each runtime's own HTTP server (node:http on each
// Node line, Bun.serve, Deno.serve), measured in the same rounds: saturation with each one's
// ratio to the best paired by round, its raw echo, CPU per call at the fixed rate, p99 at the
// curve's common load, memory; and what could not run where.
import { baseName, runtimeEntry, runtimeOf, SERVERS, serverEntry } from '@mcp-runtimes/registry';
import type { Measurement } from '../results.js';
import { caseOf, cell, measurementsOf, type Case, type Cell } from '../summarise.js';
import { HEADLINE_SCENARIO } from '../scenarios.js';
import type { Summary } from '../stats.js';
import { commonCase } from './curve.js';
import { pairedRatio } from './peers.js';
import type { Ctx } from './context.js';
import { bytes, microseconds, ms, num, withCi } from './format.js';
import { cpuShares } from './labels.js';
import type { Block, Section } from './model.js';

/** The servers compared: each runtime's own HTTP server, one per runtime measured. */
export function runtimeEntrants(ctx: Ctx): string[] {
  // --target servers are labels: whatever they run, it is not what our registry says.
  if (ctx.results.environment.remote) return [];
  const seen = new Set<string>();
  const measured = ctx.results.settings.servers.filter((s) => ctx.results.measurements.some((m) => m.server === s));
  return measured.filter((server) => {
    if (!SERVERS.some((s) => s.name === baseName(server))) return false;
    const runtime = runtimeOf(server);
    if (!serverEntry(server).nativeServer || seen.has(runtime)) return false;
    seen.add(runtime);
    return true;
  });
}

/**
 * Each server over the best at a case, paired by round, with its 95% interval: the best is the
 * highest mean of `value`, or the lowest where lower is better (latency, memory).
 */
function overBest(ctx: Ctx, c: Case, servers: readonly string[], value: (m: Measurement) => number, better: 'higher' | 'lower' = 'higher'): Map<string, Summary> {
  const mean = (s: string) => {
    const runs = measurementsOf(ctx.results, c, s);
    return runs.length === 0 ? Number.NaN : runs.reduce((sum, m) => sum + value(m), 0) / runs.length;
  };
  const sign = better === 'higher' ? -1 : 1;
  const best = [...servers].filter((s) => Number.isFinite(mean(s))).sort((a, b) => sign * (mean(a) - mean(b)))[0];
  if (!best) return new Map();
  const theirs = measurementsOf(ctx.results, c, best);
  return new Map(servers.map((s) => [s, pairedRatio(measurementsOf(ctx.results, c, s), theirs, value)]));
}

/** Calls per second of the server's own CPU: what a call costs, upside down (higher is cheaper). */
const callsPerCpuSecond = (m: Measurement) => (m.serverUsage.cpuSeconds > 0 ? m.requests / m.serverUsage.cpuSeconds : 0);

export function ratioText(ratio: Summary | undefined): string {
  return ratio && ratio.n > 0 ? `${withCi(ratio, (v) => num(v, 2))}×` : 'n/a';
}

function runtimeLabel(ctx: Ctx, server: string): string {
  const runtime = runtimeOf(server);
  const version = ctx.results.environment.runtimes?.[runtime];
  return `${runtimeEntry(runtime).title}${version ? ` ${version}` : ''}`;
}


/** One runtime's figures, computed once for the section and for the README's table. */
export interface RuntimeRow {
  server: string;
  /** "Node.js 24 (maintenance LTS) 24.22.3". */
  label: string;
  saturation: Cell | null;
  /** Saturation over the fastest's, paired by round. */
  ratio: Summary | undefined;
  echo: Cell | null;
  /** The headline scenario at the run's first fixed rate. */
  atRate: Cell | null;
  /** Calls per CPU-second at the fixed rate over the cheapest's, paired by round. */
  cheaper: Summary | undefined;
  /** The latency curve's common load. */
  atCommon: Cell | null;
  /** p99 at the common load over the lowest's, paired by round. */
  tail: Summary | undefined;
  /** Peak RSS at saturation over the lowest's, paired by round. */
  memory: Summary | undefined;
}

export interface RuntimeComparison {
  wiring: string;
  /** The fixed rate of `atRate`, if the run had one. */
  rate: number | undefined;
  hasCommon: boolean;
  rows: RuntimeRow[];
  ratios: Map<string, Summary>;
}

/** The runtimes comparison's figures: one row per runtime's own server measured. */
export function runtimeComparison(ctx: Ctx): RuntimeComparison {
  const servers = runtimeEntrants(ctx);
  const wiring = ctx.primary;
  const saturation = caseOf({ scenario: 'saturation-mcp', wiring });
  const raw = caseOf({ scenario: 'saturation-raw' });
  const rate = ctx.results.settings.rates[0];
  const fixed = rate === undefined ? undefined : caseOf({ scenario: HEADLINE_SCENARIO, wiring, rate });
  const common = commonCase(ctx);
  const ratios = overBest(ctx, saturation, servers, (m) => m.rps);
  const cheaper = fixed ? overBest(ctx, fixed, servers, callsPerCpuSecond) : new Map<string, Summary>();
  const tails = common ? overBest(ctx, common, servers, (m) => m.latencyMs.p99, 'lower') : new Map<string, Summary>();
  const memories = overBest(ctx, saturation, servers, (m) => m.serverUsage.peakRssBytes, 'lower');
  return {
    wiring,
    rate: fixed ? rate : undefined,
    hasCommon: common !== undefined,
    ratios,
    rows: servers.map((server) => ({
      server,
      label: runtimeLabel(ctx, server),
      saturation: cell(ctx.results, saturation, server),
      ratio: ratios.get(server),
      echo: cell(ctx.results, raw, server),
      atRate: fixed ? cell(ctx.results, fixed, server) : null,
      cheaper: cheaper.get(server),
      atCommon: common ? cell(ctx.results, common, server) : null,
      tail: tails.get(server),
      memory: memories.get(server),
    })),
  };
}

export function runtimesSection(ctx: Ctx): Section {
  const { wiring, rate, hasCommon, rows, ratios } = runtimeComparison(ctx);
  const servers = rows.map((r) => r.server);
  const unsupported = ctx.results.unsupported ?? [];
  if (servers.length < 2 && unsupported.length === 0) return { id: 'runtimes', title: 'Runtimes', blocks: [] };
  const fixed = rate !== undefined;
  const blocks: Block[] = [];
  if (servers.length >= 2) {
    blocks.push(
      {
        kind: 'text',
        text: `The same core (wiring ${wiring}) behind each runtime's own HTTP server, in the same interleaved rounds: node:http on each Node line, Bun.serve, Deno.serve. "× best" is each one's saturation over the fastest's, paired by round (the rounds' drift cancels), with its 95% interval; p99 and memory are paired the same way against the lowest. CPU per call is the server's CPU time over the calls it answered${fixed ? `; at ${num(rate ?? 0)} calls/s every runtime that keeps up does the same work, so its CPU per call is what a call costs there, and "calls per CPU-second × best" compares that cost paired by round` : ''}.`,
      },
      {
        kind: 'table',
        head: [
          'Runtime',
          'Server',
          'MCP calls/s at saturation',
          '× best (paired)',
          'Raw echo req/s',
          'Server CPU µs per call, saturation',
          ...(fixed ? [`Server CPU µs per call @ ${num(rate ?? 0)}/s`, 'calls per CPU-second × best (paired)', `p99 @ ${num(rate ?? 0)}/s`] : []),
          ...(hasCommon ? ['p99 at the common load (curve)', 'p99 × lowest (paired)'] : []),
          'Peak RSS at saturation',
          'RSS × lowest (paired)',
          'Server · generator CPU (saturation)',
        ],
        rows: rows.map((r) => [
          r.label,
          r.server,
          r.saturation ? withCi(r.saturation.rps, (v) => num(v)) : 'not measured',
          ratioText(r.ratio),
          r.echo ? withCi(r.echo.rps, (v) => num(v)) : 'not measured',
          microseconds(r.saturation),
          ...(fixed ? [microseconds(r.atRate), ratioText(r.cheaper), r.atRate ? withCi(r.atRate.p99, ms) : 'not measured'] : []),
          ...(hasCommon ? [r.atCommon ? withCi(r.atCommon.p99, ms) : 'not measured', ratioText(r.tail)] : []),
          r.saturation ? bytes(r.saturation.peakRssBytes) : 'not measured',
          ratioText(r.memory),
          r.saturation ? cpuShares(r.saturation) : '',
        ]),
      },
    );
  }
  const verdict = runtimeVerdict(servers, ratios);
  if (verdict) blocks.splice(1, 0, { kind: 'text', text: verdict });
  if (unsupported.length > 0) {
    blocks.push({ kind: 'text', text: 'Could not run (it was started, and said why):' }, { kind: 'list', items: unsupported.map((u) => `${u.server} on ${runtimeEntry(u.runtime).title}: ${u.reason}`) });
  }
  const declared = servers.length > 0 ? ctx.servers.map(serverEntry).filter((e, i, all) => e.slowClients && all.indexOf(e) === i) : [];
  if (declared.length > 0) {
    blocks.push(
      { kind: 'text', text: 'Where a runtime, not the server, decides how slow clients are cut off (measured by the slow-clients suite; the others cut off headers at MCP_HEADERS_TIMEOUT_MS and close the connection after a 408):' },
      {
        kind: 'list',
        items: declared.map((e) => {
          const headers = e.slowClients?.headers;
          const parts = [
            headers ? ('never' in headers ? headers.never : headers.why) : '',
            e.slowClients?.bodyConnectionLeftOpen ?? '',
          ].filter(Boolean);
          return `${e.name}: ${parts.join('; ')}`;
        }),
      },
    );
  }
  return { id: 'runtimes', title: 'Runtimes', blocks };
}

/**
 * The fastest at saturation, and whether each other runtime is clearly behind it: its paired
 * ratio's 95% interval lies wholly below 1 (one round: no interval, no verdict).
 */
export function runtimeVerdict(servers: readonly string[], ratios: Map<string, Summary>): string | null {
  const best = servers.find((s) => ratios.get(s)?.mean === 1 && ratios.get(s)?.n);
  if (!best) return null;
  const others = servers.filter((s) => s !== best && (ratios.get(s)?.n ?? 0) > 0);
  const behind = others.filter((s) => (ratios.get(s)?.ci95?.[1] ?? 1) < 1);
  const close = others.filter((s) => !behind.includes(s));
  const list = (names: string[]) => names.map((s) => `${s} (${num((ratios.get(s)?.mean ?? NaN) * 100, 0)}%)`).join(', ');
  return [
    `**Fastest at saturation: ${best}** (${runtimeEntry(runtimeOf(best)).title}).`,
    behind.length > 0 ? ` Clearly behind it, paired by round: ${list(behind)}.` : '',
    close.length > 0 ? ` Not separable from it in this run (the paired interval includes 1, or one round only): ${list(close)}.` : '',
  ].join('');
}
