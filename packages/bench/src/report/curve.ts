// The latency curve's section and the figures the recommendation takes from it: p99 at the load
// common to every server, and each server's knee. Only rows where the server, not the
// generator, was the bottleneck count.
import { scenario } from '../scenarios.js';
import { generatorBound, GENERATOR_BOUND, rank, type Case, type Cell, type Winner } from '../summarise.js';
import { cellsOf, type Ctx } from './context.js';
import { tailGapBlocks } from './curve-gap.js';
import { ms, num, percent, winnerText } from './format.js';
import type { Block, Section } from './model.js';
import { lineChart } from './svg.js';

/** The knee also needs under this share of the offered requests dropped. */
export const KNEE_DROPPED = 0.01;

export interface Knee {
  server: string;
  /** Highest offered rate (mean over rounds) that held; null when even the lowest did not. */
  rate: number | null;
  fraction: number | null;
  p99: number | null;
  saturationRps: number;
}

/** The primary wiring's curve cases: the common load first, then the fractions rising. */
export function curveCases(ctx: Ctx): Case[] {
  return ctx.cases.filter((c) => c.scenario === 'latency' && c.wiring === ctx.primary);
}

export function commonCase(ctx: Ctx): Case | undefined {
  return curveCases(ctx).find((c) => c.of === 'slowest');
}

export function p99Bound(ctx: Ctx): number {
  return ctx.results.settings.curve?.p99BoundMs ?? 10;
}

/** A point held: p99 under the bound, under 1% dropped, no error, and the generator not the bottleneck. */
export function held(x: Cell, boundMs: number): boolean {
  return x.p99.mean < boundMs && (x.droppedShare ?? 1) < KNEE_DROPPED && x.errorRate === 0 && x.generatorUtilisation < GENERATOR_BOUND;
}

/** Each server's knee: the highest of its own fractions that held (every lower one need not). */
export function knees(ctx: Ctx): Knee[] {
  const own = curveCases(ctx).filter((c) => c.of === 'own');
  if (own.length === 0) return [];
  const bound = p99Bound(ctx);
  return ctx.servers.flatMap((server, i) => {
    const points = own.flatMap((c) => {
      const x = cellsOf(ctx, c.key)[i];
      return x ? [{ c, x }] : [];
    });
    if (points.length === 0) return [];
    const saturationRps = ctx.results.measurements.find((m) => m.server === server && m.load?.of === 'own' && m.wiring === ctx.primary)?.load?.saturationRps ?? NaN;
    const best = points.filter((p) => held(p.x, bound)).at(-1);
    return [
      best
        ? { server, rate: best.x.offered?.mean ?? NaN, fraction: best.c.fraction ?? null, p99: best.x.p99.mean, saturationRps }
        : { server, rate: null, fraction: null, p99: null, saturationRps },
    ];
  });
}

function loadLabel(c: Case): string {
  return c.of === 'slowest' ? `${percent(c.fraction ?? NaN, 0)} of the slowest's saturation` : `${percent(c.fraction ?? NaN, 0)} of its own`;
}

export function curveSection(ctx: Ctx): Section {
  const cases = curveCases(ctx);
  if (cases.length === 0) return { id: 'curve', title: 'Latency vs load', blocks: [] };
  const bound = p99Bound(ctx);
  const rows: string[][] = [];
  for (const c of cases) {
    const cells = cellsOf(ctx, c.key);
    const bounded = generatorBound(cells);
    cells.forEach((x) => {
      if (!x) return;
      rows.push([
        loadLabel(c),
        x.server,
        num(x.offered?.mean ?? NaN),
        num(x.rps.mean),
        ms(x.p50.mean),
        ms(x.p99.mean),
        ms(x.max),
        percent(x.droppedShare ?? NaN, 2),
        percent(x.errorRate, 2),
        percent(x.serverUtilisation, 0),
        `${percent(x.generatorUtilisation, 0)}${bounded ? ' †' : ''}`,
      ]);
    });
  }
  const common = commonCase(ctx);
  const commonCells = common ? cellsOf(ctx, common.key) : [];
  const kneeRows = knees(ctx).map((k) => [
    k.server,
    num(k.saturationRps),
    k.rate === null ? `none held (p99 ≥ ${ms(bound)} or ≥ 1% dropped at ${percent(curveCases(ctx).find((c) => c.of === 'own')?.fraction ?? NaN, 0)})` : num(k.rate),
    k.fraction === null ? '—' : percent(k.fraction, 0),
    k.p99 === null ? '—' : ms(k.p99),
  ]);
  const series = ctx.servers.map((server, i) => ({
    name: server,
    points: cases
      .filter((c) => c.of === 'own')
      .flatMap((c) => {
        const x = cellsOf(ctx, c.key)[i];
        return x && x.offered ? [[x.offered.mean, x.p99.mean] as [number, number]] : [];
      }),
  }));
  const oha = ctx.results.environment.versions.oha ?? 'oha';
  const curveRounds = new Set(ctx.results.measurements.filter((m) => m.scenario === 'latency').map((m) => m.round)).size;
  return {
    id: 'curve',
    title: 'Latency vs load, to each server\'s knee (open loop)',
    blocks: [
      {
        kind: 'text',
        text: `${scenario('latency').about} ${ctx.primary} wiring; ${oha}, ${ctx.results.settings.connections} requests in flight at most, ${ctx.results.settings.curve?.seconds ?? '?'} s a point, servers interleaved in ${curveRounds} round(s) after saturation. *Dropped* is the share of requests due in the run that were never answered in it (sent late because every slot was busy, or still in flight): past the knee it grows. *Server* and *generator* are the share of one core each used (CPU seconds over the run's seconds); † marks a row where the generator used ≥ ${percent(GENERATOR_BOUND, 0)} of its core, from which no verdict is drawn.`,
      },
      { kind: 'table', head: ['Load', 'Server', 'Offered/s', 'Answered/s', 'p50', 'p99', 'Max', 'Dropped', 'Errors', 'Server CPU', 'Generator CPU'], rows },
      ...(common && commonCells.some(Boolean)
        ? [{ kind: 'text' as const, text: `**p99 at the common load** (${loadLabel(common)}): ${lowestP99(rank(commonCells, (x) => x.p99, 'lower'))}.` }]
        : []),
      ...(kneeRows.length
        ? [
            { kind: 'text' as const, text: `**Each server's knee**: the highest offered rate at which p99 stayed under ${ms(bound)} with under ${percent(KNEE_DROPPED, 0)} dropped, no error, and the generator under ${percent(GENERATOR_BOUND, 0)} of its core (means over the rounds).` },
            { kind: 'table' as const, head: ['Server', 'Saturation (closed, 50 in flight)', 'Knee (req/s)', 'of its saturation', 'p99 there'], rows: kneeRows },
          ]
        : []),
      ...tailGapBlocks(ctx),
      { kind: 'chart', id: 'curve-p99', alt: 'p99 latency vs offered rate per server', svg: lineChart({ id: 'curve-p99', title: 'p99 latency vs offered rate, open loop (ms, log scale)', xLabel: 'offered requests / s', yLabel: 'ms', series, logY: true }) },
    ] as Block[],
  };
}

function lowestP99(w: Winner): string {
  return w.verdict === 'only' ? `only ${w.server} was measured there` : `lowest is ${winnerText(w)}`;
}
