// The MCP path's tail beside its HTTP stack's own: at the curve points where the stack's raw JSON
// echo was offered the same rate right after the MCP server, each server's p99 over the echo's,
// paired by round, and whether the MCP path stays within the targets a reference server sets.
import type { Measurement } from '../results.js';
import { summarise } from '../stats.js';
import { caseOf, measurementsOf } from '../summarise.js';
import type { Ctx } from './context.js';
import { ms, num, percent, withCi } from './format.js';
import { pairedRatio } from './paired.js';
import type { Block } from './model.js';

/** At most this many times the stack's own p99: the MCP path may add work, not a tail of its own. */
export const TAIL_GAP_BOUND = 3;
/** And under this p99 (ms), so that half of a server's saturation is a load it can be sized for. */
export const TAIL_TARGET_MS = 5;
/** The targets hold up to this share of a server's saturation; past it, the gap is shown, not judged. */
export const TAIL_TARGET_FRACTION = 0.5;

export interface TailGap {
  server: string;
  fraction: number;
  rate: number;
  mcpP99: number;
  rawP99: number;
  /** MCP p99 over raw echo p99, paired by round. */
  ratio: ReturnType<typeof pairedRatio>;
  /** Within TAIL_GAP_BOUND of the echo and under TAIL_TARGET_MS (means over the rounds); null past TAIL_TARGET_FRACTION. */
  met: boolean | null;
}

const mean = (runs: readonly Measurement[], value: (m: Measurement) => number) => summarise(runs.map(value)).mean;

/** Every (server, fraction) of the primary wiring's curve with the raw echo measured beside it. */
export function tailGaps(ctx: Ctx): TailGap[] {
  const raw = ctx.cases.filter((c) => c.scenario === 'latency-raw' && c.wiring === ctx.primary && c.fraction !== undefined);
  return raw.flatMap((r) => {
    const mcpCase = caseOf({ scenario: 'latency', wiring: r.wiring, fraction: r.fraction, of: r.of });
    return ctx.servers.flatMap((server) => {
      const echo = measurementsOf(ctx.results, r, server);
      const mcp = measurementsOf(ctx.results, mcpCase, server);
      if (echo.length === 0 || mcp.length === 0) return [];
      const p99 = (m: Measurement) => m.latencyMs.p99;
      const mcpP99 = mean(mcp, p99);
      const rawP99 = mean(echo, p99);
      const ratio = pairedRatio(mcp, echo, p99);
      return [{ server, fraction: r.fraction as number, rate: mean(mcp, (m) => m.rate ?? 0), mcpP99, rawP99, ratio, met: (r.fraction as number) > TAIL_TARGET_FRACTION ? null : ratio.mean <= TAIL_GAP_BOUND && mcpP99 < TAIL_TARGET_MS }];
    });
  });
}

/** The gap as a table and a sentence on the targets; null where no raw echo was measured beside the curve. */
export function tailGapTable(ctx: Ctx): { head: string[]; rows: string[][]; verdict: string } | null {
  const gaps = tailGaps(ctx);
  if (gaps.length === 0) return null;
  const rows = gaps.map((g) => [
    g.server,
    `${percent(g.fraction, 0)} of its own`,
    num(g.rate),
    ms(g.mcpP99),
    ms(g.rawP99),
    withCi(g.ratio, (v) => `${v.toFixed(1)}×`),
    g.met === null ? '—' : g.met ? 'yes' : 'no',
  ]);
  const judged = gaps.filter((g) => g.met !== null);
  const missed = judged.filter((g) => !g.met);
  const verdict =
    judged.length === 0
      ? 'no point was at or below that load'
      : missed.length === 0
        ? 'every server met it'
        : `${missed.length} of ${judged.length} did not (${missed.map((g) => g.server).join(', ')})`;
  return { head: ['Server', 'Load', 'Offered/s', 'MCP p99', 'Raw echo p99', 'MCP / raw (95% CI)', 'Met'], rows, verdict };
}

/** What *Met* means, in a sentence. */
export const TAIL_TARGETS_TEXT = `at up to ${percent(TAIL_TARGET_FRACTION, 0)} of a server's saturation, p99 at most ${TAIL_GAP_BOUND}× the same stack's raw echo at the same rate (paired by round, mean) and under ${ms(TAIL_TARGET_MS)}`;

export function tailGapBlocks(ctx: Ctx): Block[] {
  const table = tailGapTable(ctx);
  if (table === null) return [];
  return [
    {
      kind: 'text',
      text: `**The MCP path's tail beside its HTTP stack's own.** At these points the same stack's raw JSON echo (no MCP) was offered the MCP server's rate right after it, in the same round, so the gap is what the MCP path adds. *Met*: ${TAIL_TARGETS_TEXT}; ${table.verdict}.`,
    },
    { kind: 'table', head: table.head, rows: table.rows },
  ];
}
