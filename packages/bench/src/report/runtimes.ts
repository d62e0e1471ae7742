// The Runtimes section: the same core behind each runtime's own HTTP server (node:http on each
// Node line, Bun.serve, Deno.serve), measured in the same rounds: saturation with each one's
// ratio to the best paired by round, its raw echo, CPU per call at the fixed rate, p99 at the
// curve's common load, memory; and what could not run where.
import { runtimeEntry, runtimeOf, serverEntry } from '@mcp-runtimes/registry';
import { caseOf, type Cell } from '../summarise.js';
import type { Summary } from '../stats.js';
import type { Ctx } from './context.js';
import { bytes, microseconds, ms, num, withCi } from './format.js';
import { cpuShares } from './labels.js';
import type { Block, Section } from './model.js';
import { separate, type PairedMetric } from './paired.js';
import type { RunSummary } from './summary.js';

export function ratioText(ratio: Summary | undefined): string {
  return ratio && ratio.n > 0 ? `${withCi(ratio, (v) => num(v, 2))}×` : 'n/a';
}

function runtimeLabel(ctx: Ctx, server: string): string {
  const runtime = runtimeOf(server);
  const version = ctx.results.environment.runtimes?.[runtime];
  return `${runtimeEntry(runtime).title}${version ? ` ${version}` : ''}`;
}

/** One runtime's figures, as the section and the README's table show them. */
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
  throughput: PairedMetric;
}

/** The runtimes comparison of the run summary, one row per runtime's own server measured, with its raw echo beside. */
export function runtimeComparison(ctx: Ctx, summary: RunSummary): RuntimeComparison {
  const c = summary.runtimes;
  const raw = caseOf({ scenario: 'saturation-raw' });
  return {
    wiring: summary.wiring,
    rate: summary.rate,
    hasCommon: summary.common !== undefined,
    throughput: c.throughput,
    rows: c.rows.map(({ entrant: { server }, saturation, atRate, atCommon }) => ({
      server,
      label: runtimeLabel(ctx, server),
      saturation,
      ratio: c.throughput.ratios.get(server),
      echo: summary.cell(raw, server),
      atRate,
      cheaper: c.cheaper.ratios.get(server),
      atCommon,
      tail: c.tail.ratios.get(server),
      memory: c.memory.ratios.get(server),
    })),
  };
}

export function runtimesSection(ctx: Ctx, summary: RunSummary): Section {
  const { wiring, rate, hasCommon, rows, throughput } = runtimeComparison(ctx, summary);
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
  const verdict = runtimeVerdict(throughput);
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
 * ratio's 95% interval lies wholly below 1 (one round: no interval, no verdict). It is called
 * the fastest only when every other one is.
 */
export function runtimeVerdict(throughput: PairedMetric): string | null {
  const sep = separate(throughput);
  if (!sep || sep.behind.length + sep.close.length === 0) return null;
  const list = (names: string[]) => names.map((s) => `${s} (${num((throughput.ratios.get(s)?.mean ?? NaN) * 100, 0)}%)`).join(', ');
  return [
    sep.close.length === 0
      ? `**Fastest at saturation: ${sep.best}** (${runtimeEntry(runtimeOf(sep.best)).title}).`
      : `**Highest mean at saturation: ${sep.best}** (${runtimeEntry(runtimeOf(sep.best)).title}), not clearly the fastest.`,
    sep.behind.length > 0 ? ` Clearly behind it, paired by round: ${list(sep.behind)}.` : '',
    sep.close.length > 0 ? ` Not separable from it in this run (the paired interval includes 1, or one round only): ${list(sep.close)}.` : '',
  ].join('');
}
