// "Which runtime should I pick?", written from the measured data only: every sentence below
// is chosen by a comparison of this run's figures, never fixed text about a runtime, and only
// from rows where the server, not the load generator, was the bottleneck. Who leads on
// throughput and on the tail comes from the run summary's ratios paired by round, as on the
// first screen, so the two never disagree.
import { SERVERS } from '@mcp-runtimes/registry';
import { SCENARIOS } from '../scenarios.js';
import { caseKey, generatorBound, GENERATOR_BOUND, type Cell } from '../summarise.js';
import { knees, p99Bound } from './curve.js';
import { bytes, ms, num, percent } from './format.js';
import type { Block } from './model.js';
import { cellsOf, peakRss, primaryKey, type Ctx, onOtherRuntime } from './context.js';
import { isClear, separate } from './paired.js';
import { bestPeer, overBestPeer } from './peers.js';
import { rowOf, type RunSummary } from './summary.js';
import { saturationUnits } from './labels.js';

export function recommend(ctx: Ctx, summary: RunSummary): Block[] {
  const items: string[] = [];
  const verdicts: string[] = [];
  const present = (cells: (Cell | null)[]) => cells.filter((x): x is Cell => x !== null);
  const notCited: string[] = [];
  /** A row the recommendation may cite: the generator stayed under GENERATOR_BOUND of its core. */
  const citable = (cells: Cell[], what: string) => {
    if (!generatorBound(cells)) return true;
    notCited.push(what);
    return false;
  };

  const mcp = present(cellsOf(ctx, primaryKey(ctx, 'saturation-mcp')));
  const raw = present(cellsOf(ctx, primaryKey(ctx, 'saturation-raw')));
  const units = saturationUnits(summary.rounds);
  const fastest = separate(summary.ours.throughput);
  if (mcp.length > 1 && fastest && citable(mcp, 'saturation')) {
    const slowest = [...mcp].sort((a, b) => a.rps.mean - b.rps.mean)[0] as Cell;
    const best = rowOf(summary.ours, fastest.best)?.saturation as Cell;
    const spread = best.rps.mean / slowest.rps.mean;
    if (isClear(fastest)) {
      items.push(`**Most MCP calls per second: ${fastest.best}** — ${num(best.rps.mean)} req/s at saturation (${ctx.primary} wiring), ${num((spread - 1) * 100, 0)}% more than the slowest (${slowest.server}, ${num(slowest.rps.mean)}); paired by round over ${units}, every other server's ratio to it stays below 1.`);
      verdicts.push(fastest.best);
    } else {
      items.push(`**Throughput at saturation (${ctx.primary} wiring): no clear winner** — ${mcp.map((x) => `${x.server} ${num(x.rps.mean)}`).join(', ')} req/s; paired by round over ${units}, ${fastest.close.join(', ')} cannot be told from ${fastest.best} (${fastest.close.some((s) => summary.ours.throughput.ratios.get(s)?.ci95) ? 'the 95% interval of the ratio reaches 1' : 'one round: no interval'}).`);
    }
  }

  // The raw echo's generator may be at its limit (uWS's echo outruns wrk's core): ratios only when it is not.
  if (mcp.length > 0 && raw.length > 0 && citable(raw, 'the raw echo')) {
    const ratios = mcp.flatMap((m) => {
      const r = raw.find((x) => x.server === m.server);
      return r ? [{ server: m.server, ratio: m.rps.mean / r.rps.mean, raw: r.rps.mean }] : [];
    });
    if (ratios.length > 0) {
      const lo = Math.min(...ratios.map((r) => r.ratio));
      const hi = Math.max(...ratios.map((r) => r.ratio));
      const rawSpread = Math.max(...ratios.map((r) => r.raw)) / Math.min(...ratios.map((r) => r.raw));
      const mcpSpread = Math.max(...mcp.map((m) => m.rps.mean)) / Math.min(...mcp.map((m) => m.rps.mean));
      items.push(
        hi < 0.25
          ? `**MCP, not the HTTP stack, sets the ceiling.** With MCP on top, each stack keeps only ${percent(lo)}–${percent(hi)} of its raw JSON-echo throughput; raw stacks differ ${num(rawSpread, 1)}× but MCP servers only ${num(mcpSpread, 1)}×. Speeding up the per-request MCP work buys more than switching runtime.`
          : `**The HTTP stack matters.** MCP keeps ${percent(lo)}–${percent(hi)} of each stack's raw JSON-echo throughput, so the stack's own speed (raw spread ${num(rawSpread, 1)}×) carries through to MCP (spread ${num(mcpSpread, 1)}×).`,
      );
    }
  }

  const wiringGain = wiringRatios(ctx);
  if (wiringGain) {
    items.push(
      `**How you wire MCP matters more than the runtime.** At saturation the ${wiringGain.better} wiring serves ${num(wiringGain.lo, 1)}–${num(wiringGain.hi, 1)}× the calls of the ${wiringGain.baseline} wiring on the same server (${wiringGain.perServer}); see the saturation section and the ablation in docs/design.md for what each change buys.`,
    );
  }

  const peerLine = againstBestPeer(ctx, summary, notCited);
  if (peerLine) items.push(peerLine);

  const common = summary.common;
  const commonCells = common ? present(cellsOf(ctx, common.key)) : [];
  const lowest = separate(summary.ours.tail);
  if (common && lowest && commonCells.length > 1 && citable(commonCells, 'the latency curve at the common load')) {
    const rate = num(commonCells[0]?.offered?.mean ?? NaN);
    const list = commonCells.map((x) => `${x.server} ${ms(x.p99.mean)}`).join(', ');
    const anyInterval = lowest.close.some((s) => summary.ours.tail.ratios.get(s)?.ci95);
    items.push(
      isClear(lowest)
        ? `**Lowest tail latency at a common load: ${lowest.best}** — p99 at ${rate} calls/s (${percent(common.fraction ?? NaN, 0)} of the slowest server's saturation), open loop: ${list}.`
        : `**Tail latency at a common load** (${rate} calls/s, ${percent(common.fraction ?? NaN, 0)} of the slowest server's saturation, open loop): ${list} p99 — ${anyInterval ? `no clear winner (paired by round, ${lowest.close.join(', ')} cannot be told from ${lowest.best})` : 'one round, no interval to tell them apart'}.`,
    );
    if (isClear(lowest)) verdicts.push(lowest.best);
  }
  const kneeList = knees(ctx);
  if (kneeList.length > 0) {
    const sorted = [...kneeList].sort((a, b) => (b.rate ?? 0) - (a.rate ?? 0));
    items.push(
      `**Most load before the knee** (p99 under ${ms(p99Bound(ctx))}, under 1% dropped, open loop): ${sorted
        .map((k) => (k.rate === null ? `${k.server} held none of its points` : `${k.server} ${num(k.rate)} calls/s (${percent(k.fraction ?? NaN, 0)} of its saturation, p99 ${ms(k.p99 ?? NaN)})`))
        .join(', ')}.`,
    );
  }

  const agents = SCENARIOS.find((s) => s.id === 'agents');
  const agentCells = present(cellsOf(ctx, primaryKey(ctx, 'agents')));
  if (agents?.idealRps && agentCells.length > 0 && citable(agentCells, agents.title)) {
    const of = agentCells.map((x) => ({ server: x.server, share: x.rps.mean / (agents.idealRps as number) }));
    const min = Math.min(...of.map((o) => o.share));
    items.push(
      min >= 0.9
        ? `**Agents awaiting an LLM: any of them.** With ${agents.vus} agents each awaiting ${agents.env?.DELAY_MS} ms, every server reaches ${percent(min, 0)} or more of the ideal ${num(agents.idealRps)} req/s: when tools wait on I/O, the runtime hardly matters.`
        : `**Agents awaiting an LLM:** share of the ideal ${num(agents.idealRps)} req/s — ${of.map((o) => `${o.server} ${percent(o.share, 1)}`).join(', ')}; ${of
            .filter((o) => o.share < 0.9)
            .map((o) => o.server)
            .join(', ')} stayed under 90%, where the server's own per-call cost shows even in I/O-bound work.`,
    );
  }

  const fan = SCENARIOS.find((s) => s.id === 'concurrent-calls');
  const fanCells = present(cellsOf(ctx, primaryKey(ctx, 'concurrent-calls')));
  if (fan?.idealIterationMs && fanCells.length > 0 && citable(fanCells, fan.title)) {
    const waves = fanCells.map((x) => ({ server: x.server, waves: (x.iterationP50?.mean ?? NaN) / (fan.idealIterationMs as number) }));
    const best = [...waves].sort((a, b) => a.waves - b.waves)[0];
    items.push(
      `**Many concurrent calls from one agent:** all of an agent's calls finished in ${waves.map((w) => `${num(w.waves, 1)} waves on ${w.server}`).join(', ')} (1.0 = truly concurrent)${best ? `; ${best.server} came closest` : ''}.`,
    );
  }

  const rss = ctx.servers
    .map((s) => ({ server: s, peak: peakRss(ctx, s) }))
    .filter((r) => r.peak > 0)
    .sort((a, b) => a.peak - b.peak);
  if (rss.length > 1) {
    items.push(`**Smallest memory: ${rss[0]?.server}** — peak RSS ${bytes(rss[0]?.peak ?? 0)} vs ${rss.slice(1).map((r) => `${r.server} ${bytes(r.peak)}`).join(', ')}.`);
  }

  // A server measured in some wirings but not others names the ones it missed.
  // A server on another runtime is the Runtimes section's (unsupported ones are listed there).
  const failed = ctx.results.settings.servers.filter((s) => !onOtherRuntime(s)).flatMap((s) => {
    if (!ctx.servers.includes(s)) return [s];
    const missed = [...new Set(ctx.results.gates.filter((g) => g.server === s && !g.passed).map((g) => g.wiring ?? 'official'))];
    return missed.length > 0 ? [`${s} (in ${missed.join(', ')})`] : [];
  });
  const errored = ctx.results.measurements.filter((m) => m.errorRate > 0 && ctx.servers.includes(m.server)).map((m) => m.server);
  if (failed.length > 0) items.push(`**Not measured:** ${failed.join(', ')} failed to start or failed the correctness gate (see below).`);
  else if (errored.length === 0) items.push('**Correctness:** every server passed the gate and answered every measured request without an error.');
  else items.push(`**Errors under load:** ${[...new Set(errored)].join(', ')} returned errors in some runs (see the error rates below).`);

  if (notCited.length > 0) {
    items.push(`**Not cited here:** ${notCited.join(', ')}: the load generator used ≥ ${percent(GENERATOR_BOUND, 0)} of its core there, so those rows may measure the generator, not the servers.`);
  }

  const counts = new Map<string, number>();
  for (const v of verdicts) counts.set(v, (counts.get(v) ?? 0) + 1);
  const leader = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  const opening =
    leader && leader[1] === verdicts.length && verdicts.length > 0
      ? `On this machine, **${leader[0]}** is the pick for raw MCP performance: it wins ${verdicts.length === 1 ? 'the throughput comparison' : 'both throughput and tail latency'}, every other server's ratio to it paired by round with its 95% interval on the worse side of 1.`
      : `On this machine no runtime is clearly ahead on both throughput and tail latency: ${choiceByOffer(ctx.results.environment.remote ? [] : ctx.servers)}`;
  return [{ kind: 'text', text: opening }, { kind: 'list', items }];
}

/**
 * When speed does not decide: what each measured server offers (the registry's). Nothing for
 * `--target` servers: their names are labels, whatever they run (the Targets row says what).
 */
function choiceByOffer(servers: readonly string[]): string {
  const offers = servers.flatMap((name) => {
    const entry = SERVERS.find((s) => s.name === name);
    return entry ? [`${entry.offers}: ${name}`] : [];
  });
  return offers.length === servers.length && offers.length > 0
    ? `choose by what else you need (${offers.join('; ')}).`
    : 'choose by what else you need from the stack; these figures do not separate them.';
}

/** The primary wiring's saturation throughput over the official wiring's, per server. */
function wiringRatios(ctx: Ctx): { better: string; baseline: string; lo: number; hi: number; perServer: string } | null {
  const baseline = 'official';
  if (ctx.primary === baseline || !ctx.wirings.includes(baseline)) return null;
  const better = cellsOf(ctx, primaryKey(ctx, 'saturation-mcp'));
  const base = cellsOf(ctx, caseKey({ scenario: 'saturation-mcp', wiring: baseline }));
  const ratios = ctx.servers.flatMap((server, i) => {
    const b = better[i];
    const o = base[i];
    return b && o && o.rps.mean > 0 ? [{ server, ratio: b.rps.mean / o.rps.mean }] : [];
  });
  if (ratios.length === 0) return null;
  return {
    better: ctx.primary,
    baseline,
    lo: Math.min(...ratios.map((r) => r.ratio)),
    hi: Math.max(...ratios.map((r) => r.ratio)),
    perServer: ratios.map((r) => `${r.server} ${num(r.ratio, 1)}×`).join(', '),
  };
}

/** Where each of our servers stands against the best peer at saturation, in each wiring measured. */
function againstBestPeer(ctx: Ctx, summary: RunSummary, notCited: string[]): string | null {
  const sat = ctx.cases.find((c) => c.key === primaryKey(ctx, 'saturation-mcp'));
  const best = sat ? bestPeer(ctx, summary, sat) : null;
  if (!sat || !best) return null;
  const parts: string[] = [];
  let bound = false;
  for (const wiring of ctx.wirings) {
    const ratios = ctx.servers.flatMap((server) => {
      const r = overBestPeer(ctx, summary, sat, server, wiring);
      if (r?.bound) bound = true;
      return r && !r.bound && r.ratio.n > 0 ? [`${server} ${num(r.ratio.mean, 1)}×${r.ratio.ci95 ? ` (${num(r.ratio.ci95[0], 1)}–${num(r.ratio.ci95[1], 1)})` : ''}`] : [];
    });
    if (ratios.length > 0) parts.push(`${wiring} wiring: ${ratios.join(', ')}`);
  }
  if (bound) notCited.push('some of our servers against the best peer at saturation');
  if (parts.length === 0) return null;
  return `**Against the best peer** (${best.peer}, ${num(best.cell.rps.mean)} req/s at saturation), ours serve, paired by round with 95% intervals — ${parts.join('; ')}. The Peers section has every scenario.`;
}
