// The Runtimes section: the same core behind each runtime's own HTTP server (node:http on each
// Node line, Bun.serve, Deno.serve), measured in the same rounds: saturation with each one's
// ratio to the best paired by round, its raw echo, CPU per call at the fixed rate, p99 at the
// curve's common load, memory; and what could not run where.
import { baseName, runtimeEntry, runtimeOf, SERVERS, serverEntry } from '@mcp-runtimes/registry';
import type { Measurement } from '../results.js';
import { caseKey, cell, measurementsOf, type Case, type Cell } from '../summarise.js';
import { HEADLINE_SCENARIO } from '../scenarios.js';
import type { Summary } from '../stats.js';
import { commonCase } from './curve.js';
import { pairedRatio } from './peers.js';
import { primaryKey, type Ctx } from './context.js';
import { bytes, ms, num, withCi } from './format.js';
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

function caseOf(key: string, rest: Omit<Case, 'key'>): Case {
  return { key, ...rest };
}

/** Each server over the best (highest mean of `value`) at a case, paired by round, with its 95% interval. */
function overBest(ctx: Ctx, c: Case, servers: readonly string[], value: (m: Measurement) => number): Map<string, Summary> {
  const mean = (s: string) => {
    const runs = measurementsOf(ctx.results, c, s);
    return runs.length === 0 ? -Infinity : runs.reduce((sum, m) => sum + value(m), 0) / runs.length;
  };
  const best = [...servers].filter((s) => mean(s) > -Infinity).sort((a, b) => mean(b) - mean(a))[0];
  if (!best) return new Map();
  const theirs = measurementsOf(ctx.results, c, best);
  return new Map(servers.map((s) => [s, pairedRatio(measurementsOf(ctx.results, c, s), theirs, value)]));
}

/** Calls per second of the server's own CPU: what a call costs, upside down (higher is cheaper). */
const callsPerCpuSecond = (m: Measurement) => (m.serverUsage.cpuSeconds > 0 ? m.requests / m.serverUsage.cpuSeconds : 0);

function ratioText(ratio: Summary | undefined): string {
  return ratio && ratio.n > 0 ? `${withCi(ratio, (v) => num(v, 2))}×` : 'n/a';
}

function runtimeLabel(ctx: Ctx, server: string): string {
  const runtime = runtimeOf(server);
  const version = ctx.results.environment.runtimes?.[runtime];
  return `${runtimeEntry(runtime).title}${version ? ` ${version}` : ''}`;
}

function microseconds(x: Cell | null): string {
  return x && x.requestsPerCpuSecond.n > 0 ? withCi({ ...x.requestsPerCpuSecond, mean: 1e6 / x.requestsPerCpuSecond.mean, ci95: x.requestsPerCpuSecond.ci95 ? [1e6 / x.requestsPerCpuSecond.ci95[1], 1e6 / x.requestsPerCpuSecond.ci95[0]] : null }, (v) => num(v, 0)) : 'not measured';
}

export function runtimesSection(ctx: Ctx): Section {
  const servers = runtimeEntrants(ctx);
  const unsupported = ctx.results.unsupported ?? [];
  if (servers.length < 2 && unsupported.length === 0) return { id: 'runtimes', title: 'Runtimes', blocks: [] };
  const wiring = ctx.primary;
  const saturation = caseOf(primaryKey(ctx, 'saturation-mcp'), { scenario: 'saturation-mcp', wiring });
  const raw = caseOf(primaryKey(ctx, 'saturation-raw'), { scenario: 'saturation-raw' });
  const rate = ctx.results.settings.rates[0];
  const fixed = rate === undefined ? undefined : caseOf(caseKey({ scenario: HEADLINE_SCENARIO, wiring, rate }), { scenario: HEADLINE_SCENARIO, wiring, rate });
  const common = commonCase(ctx);
  const ratios = overBest(ctx, saturation, servers, (m) => m.rps);
  const cheaper = fixed ? overBest(ctx, fixed, servers, callsPerCpuSecond) : new Map<string, Summary>();
  const blocks: Block[] = [];
  if (servers.length >= 2) {
    blocks.push(
      {
        kind: 'text',
        text: `The same core (wiring ${wiring}) behind each runtime's own HTTP server, in the same interleaved rounds: node:http on each Node line, Bun.serve, Deno.serve. "× best" is each one's saturation over the fastest's, paired by round (the rounds' drift cancels), with its 95% interval. CPU per call is the server's CPU time over the calls it answered${fixed ? `; at ${num(rate ?? 0)} calls/s every runtime that keeps up does the same work, so its CPU per call is what a call costs there, and "calls per CPU-second × best" compares that cost paired by round` : ''}.`,
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
          ...(common ? ['p99 at the common load (curve)'] : []),
          'Peak RSS at saturation',
          'Server · generator CPU (saturation)',
        ],
        rows: servers.map((server) => {
          const sat = cell(ctx.results, saturation, server);
          const echo = cell(ctx.results, raw, server);
          const atRate = fixed ? cell(ctx.results, fixed, server) : null;
          const atCommon = common ? cell(ctx.results, common, server) : null;
          const ratio = ratios.get(server);
          return [
            runtimeLabel(ctx, server),
            server,
            sat ? withCi(sat.rps, (v) => num(v)) : 'not measured',
            ratioText(ratio),
            echo ? withCi(echo.rps, (v) => num(v)) : 'not measured',
            microseconds(sat),
            ...(fixed ? [microseconds(atRate), ratioText(cheaper.get(server)), atRate ? withCi(atRate.p99, ms) : 'not measured'] : []),
            ...(common ? [atCommon ? withCi(atCommon.p99, ms) : 'not measured'] : []),
            sat ? bytes(sat.peakRssBytes) : 'not measured',
            sat ? cpuShares(sat) : '',
          ];
        }),
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
function runtimeVerdict(servers: readonly string[], ratios: Map<string, Summary>): string | null {
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
