// The Peers section: our servers beside MCP servers built on other stacks, measured in the same
// rounds under the same rules, and seed 000's Uvicorn-vs-Hypercorn headline reproduced.
import { peerEntry, type PeerDifference } from '@mcp-runtimes/registry';
import { PEER_WIRING } from '../results.js';
import { scenario } from '../scenarios.js';
import type { Summary } from '../stats.js';
import { generatorBound, GENERATOR_BOUND, rank, type Case, type Cell } from '../summarise.js';
import { primaryKey, type Ctx } from './context.js';
import { pairedRatio } from './paired.js';
import { inWiring, type RunSummary } from './summary.js';
import { bytes, ms, num, percent, winnerText, withCi } from './format.js';
import { busy, caseTitle, cpuShares } from './labels.js';
import type { Block, Section } from './model.js';

/** One column of the comparison: one of our servers in one wiring, or a peer in its own configuration. */
export interface Entrant {
  server: string;
  wiring: string;
  label: string;
  peer: boolean;
}

/** The peers measured in this run, in the run's order. */
export function peersOf(ctx: Ctx): string[] {
  return (ctx.results.settings.peers ?? []).filter((p) => ctx.results.measurements.some((m) => m.server === p));
}

/** The run's cells and runs, summarised once (the summary model). */
type Cells = Pick<RunSummary, 'cell' | 'runs'>;

function cellOf(cells: Cells, c: Case, e: Entrant): Cell | null {
  return cells.cell(inWiring(c, e.wiring), e.server);
}

/** The rows the peers can be set beside: every scenario of the primary wiring, one row per rate, no per-op rows, no curve. */
function comparedCases(ctx: Ctx): Case[] {
  return ctx.cases.filter((c) => c.wiring === ctx.primary && !c.op && c.fraction === undefined && c.scenario !== 'latency');
}

function ratioText(s: Summary): string {
  return s.n === 0 ? 'n/a' : `${withCi(s, (v) => num(v, 2))}×`;
}

/** The best peer of a case by mean req/s, and its cell. */
export function bestPeer(ctx: Ctx, cells: Cells, c: Case): { peer: string; cell: Cell } | null {
  const found = peersOf(ctx).flatMap((peer) => {
    const x = cells.cell(inWiring(c, PEER_WIRING), peer);
    return x ? [{ peer, cell: x }] : [];
  });
  return found.sort((a, b) => b.cell.rps.mean - a.cell.rps.mean)[0] ?? null;
}

/** Ours (one server, one wiring) over the best peer at a case, paired by round. */
export function overBestPeer(ctx: Ctx, cells: Cells, c: Case, server: string, wiring: string): { peer: string; ratio: Summary; bound: boolean } | null {
  const best = bestPeer(ctx, cells, c);
  const mine = cells.cell(inWiring(c, wiring), server);
  if (!best || !mine) return null;
  const ratio = pairedRatio(cells.runs(inWiring(c, wiring), server), cells.runs(inWiring(c, PEER_WIRING), best.peer), (m) => m.rps);
  return { peer: best.peer, ratio, bound: generatorBound([mine, best.cell]) };
}

export function peersSection(ctx: Ctx, summary: RunSummary): Section {
  const peers = peersOf(ctx);
  const gated = ctx.results.settings.peers ?? [];
  if (gated.length === 0) return { id: 'peers', title: 'Peers', blocks: [] };
  const ours: Entrant[] = ctx.servers.map((server) => ({ server, wiring: ctx.primary, label: `${server} (${ctx.primary})`, peer: false }));
  const theirs: Entrant[] = peers.map((server) => ({ server, wiring: PEER_WIRING, label: server, peer: true }));
  const entrants = [...ours, ...theirs];
  const rows = comparedCases(ctx).filter((c) => theirs.some((e) => cellOf(summary, c, e)));
  const blocks: Block[] = [
    {
      kind: 'text',
      text: `MCP servers a user would otherwise run, each serving the same tools, resources and prompt with the same answers (checked by the same gate), measured in the same rounds after our servers, pinned the same way, with the same warm-up and scenarios (not the latency curve, whose rates are fractions of each of our servers' saturation). Configured as follows:`,
    },
    { kind: 'list', items: gated.map((name) => `**${name}**: ${peerEntry(name)?.about ?? ''}${peers.includes(name) ? '' : ' — **not measured**: ' + peerProblem(ctx, name)}`) },
  ];
  blocks.push(...differences(gated));
  if (rows.length === 0 || peers.length === 0) return { id: 'peers', title: 'Peers', blocks };

  blocks.push(
    { kind: 'text', text: `Requests per second per scenario (higher is better; ± half the 95% interval), with how busy the server and the generator each were; † the generator used ≥ ${percent(GENERATOR_BOUND, 0)} of its core (no verdict from that row).` },
    entrantTable(summary, rows, entrants, (x) => `${withCi(x.rps, (v) => num(v))}${(x.droppedShare ?? 0) >= 0.01 ? `, ${percent(x.droppedShare ?? 0, 0)} dropped` : ''}`, { value: (x) => x.rps, better: 'higher' }),
    { kind: 'text', text: 'p99 latency per scenario (lower is better); at a fixed arrival rate a server that keeps up shows it here rather than in req/s.' },
    entrantTable(summary, rows, entrants, (x) => withCi(x.p99, ms), { value: (x) => x.p99, better: 'lower' }),
  );

  const sat = ctx.cases.find((c) => c.key === primaryKey(ctx, 'saturation-mcp'));
  if (sat) {
    const wirings = ctx.wirings.filter((w) => ctx.servers.some((s) => summary.cell(inWiring(sat, w), s)));
    const atSaturation: Entrant[] = [
      ...wirings.flatMap((wiring) => ctx.servers.map((server) => ({ server, wiring, label: `${server} (${wiring})`, peer: false }))),
      ...theirs,
    ];
    blocks.push(
      { kind: 'text', text: `At saturation (${ctx.results.settings.connections} in flight, as fast as each answers): throughput, tail, work per CPU-second and peak memory, our servers in every wiring measured beside each peer.` },
      {
        kind: 'table',
        head: ['Server', 'Req/s', 'p99', 'Req per CPU-s', 'Peak RSS', 'Server · generator'],
        rows: atSaturation.flatMap((e) => {
          const x = cellOf(summary, sat, e);
          return x ? [[e.label, withCi(x.rps, (v) => num(v)), ms(x.p99.mean), withCi(x.requestsPerCpuSecond, (v) => num(v)), bytes(x.peakRssBytes), cpuShares(x)]] : [];
        }),
      },
    );
    const ratioRows = [sat, ...rows.filter((c) => c !== sat)];
    blocks.push(
      { kind: 'text', text: 'Ours over the best peer of each row (its req/s; paired by round, mean of the per-round ratios ± half the 95% interval; above 1 ours serves more). Pairing removes the drift between rounds, not the effect of order within one (the peers always follow our servers). The `official` wiring is warmed by 1 s of saturation only, the others by the k6 warm-up and the scenarios before. † the generator used ≥ 70% of its core in one of the two: no conclusion from that cell.' },
      {
        kind: 'table',
        head: ['Scenario', 'Best peer', ...wirings.flatMap((w) => ctx.servers.map((s) => `${s} (${w})`))],
        rows: ratioRows.flatMap((c) => {
          const best = bestPeer(ctx, summary, c);
          if (!best) return [];
          const cols = wirings.flatMap((w) =>
            ctx.servers.map((s) => {
              if (c !== sat && w !== ctx.primary) return '—';
              const r = overBestPeer(ctx, summary, c, s, w);
              return r ? `${ratioText(r.ratio)}${r.bound ? ' †' : ''}` : 'not measured';
            }),
          );
          return [[caseTitle(c, false), `${best.peer} (${num(best.cell.rps.mean)} req/s)`, ...cols]];
        }),
      },
    );
  }
  blocks.push(...seedHeadline(ctx, summary));
  return { id: 'peers', title: 'Peers: the stacks users pick instead', blocks };
}

/**
 * Where the peers answer differently from ours by design: declared in the registry and held
 * true by the contract suites (each must still be observed). Peers with the same list share rows.
 */
function differences(peers: readonly string[]): Block[] {
  const groups = new Map<readonly PeerDifference[], string[]>();
  for (const name of peers) {
    const list = peerEntry(name)?.differences;
    if (list && list.length > 0) groups.set(list, [...(groups.get(list) ?? []), name]);
  }
  if (groups.size === 0) return [];
  return [
    {
      kind: 'text',
      text: 'Where a peer answers differently from our servers (its own error texts, status codes, schemas): declared in the registry and checked by the contract and bad-input suites of `pnpm test` (not by this run), which run against every peer: a declared difference that disappears, or one not declared, fails them. Every other operation of the contract, every tool result and checksum among them, gives the same answer.',
    },
    {
      kind: 'table',
      head: ['Peer', 'Check', 'What it answers instead'],
      rows: [...groups.entries()].flatMap(([list, names]) => list.map((d) => [names.join(', '), d.check, `${d.answer}${d.only ? ` (over HTTP/${d.only})` : ''}`])),
    },
  ];
}

function entrantTable(cells: Cells, rows: Case[], entrants: Entrant[], pick: (x: Cell) => string, ranked: { value: (x: Cell) => Summary; better: 'higher' | 'lower' }): Block {
  return {
    kind: 'table',
    head: ['Scenario', ...entrants.map((e) => e.label), 'Best'],
    rows: rows.map((c) => {
      const row = entrants.map((e) => cellOf(cells, c, e));
      const named = row.map((x, i) => (x ? { ...x, server: (entrants[i] as Entrant).label } : null));
      return [caseTitle(c, false), ...row.map((x) => (x ? `${pick(x)}${busy(x)}` : 'not measured')), winnerText(rank(named, ranked.value, ranked.better))];
    }),
  };
}

function peerProblem(ctx: Ctx, peer: string): string {
  const failed = ctx.results.gates.filter((g) => g.server === peer && !g.passed);
  if (failed.length > 0) return `failed the gate: ${[...new Set(failed.flatMap((g) => g.failures))].join('; ')}`;
  const failure = ctx.results.failures.find((f) => f.server === peer);
  return failure ? `${failure.stage}: ${failure.message.split('\n')[0]}` : 'no measurement';
}

/** The seed's four: HTTP/1.1 and HTTP/2 in Python (its own) and in Node (ours). */
const SEED_HEADLINE = [
  { server: 'py-uvicorn', http: 'HTTP/1.1' },
  { server: 'py-hypercorn', http: 'HTTP/2 (TLS)' },
  { server: 'node-http', http: 'HTTP/1.1' },
  { server: 'node-http2', http: 'HTTP/2 (TLS)' },
] as const;

/**
 * Seed 000 compared Uvicorn (HTTP/1.1) with Hypercorn (HTTP/2) at 100 concurrent agent_task
 * calls and found HTTP/1.1 faster. The `agents` scenario is that load: 100 in flight, each
 * call awaiting a simulated LLM.
 */
export function seedHeadline(ctx: Ctx, cells: Cells): Block[] {
  const agents = ctx.cases.find((c) => c.key === primaryKey(ctx, 'agents'));
  if (!agents) return [];
  const rows = SEED_HEADLINE.flatMap(({ server, http }) => {
    const wiring = peerEntry(server) !== undefined ? PEER_WIRING : ctx.primary;
    const x = cells.cell(inWiring(agents, wiring), server);
    return x ? [{ server, wiring, http, x, label: wiring === PEER_WIRING ? server : `${server} (${ctx.primary})` }] : [];
  });
  if (rows.length === 0) return [];
  const blocks: Block[] = [
    { kind: 'text', text: `**Seed 000's headline, reproduced.** ${scenario('agents').about} Seed 000 ran 100 concurrent calls with Uvicorn and Hypercorn and found HTTP/1.1 ahead (+15.8% req/s); here beside our node:http and node:http2. As in the seed, each pair is cleartext HTTP/1.1 (Uvicorn, node:http) against HTTP/2 over TLS with ALPN (Hypercorn, node:http2), so TLS is part of the difference.` },
    {
      kind: 'table',
      head: ['Server', 'HTTP', 'Req/s', 'Mean', 'p95', 'p99', 'Errors', 'Server · generator'],
      rows: rows.map(({ label, http, x }) => [label, http, withCi(x.rps, (v) => num(v, 1)), ms(x.avg.mean), ms(x.p95.mean), ms(x.p99.mean), percent(x.errorRate, 2), `${percent(x.serverUtilisation, 0)} · ${percent(x.generatorUtilisation, 0)}`]),
    },
  ];
  const verdicts = [
    ['py-uvicorn', 'py-hypercorn', 'Python'],
    ['node-http', 'node-http2', 'Node'],
  ].flatMap(([h1, h2, stack]) => {
    const a = rows.find((r) => r.server === h1);
    const b = rows.find((r) => r.server === h2);
    return a && b ? [http1VersusHttp2(cells, agents, stack as string, a, b)] : [];
  });
  if (verdicts.length > 0) blocks.push({ kind: 'text', text: `Does the seed's "HTTP/1.1 beats HTTP/2" hold at this load? ${verdicts.join(' ')} (The ideal is ${num(scenario('agents').idealRps ?? NaN)} req/s: a server near it has little room to differ.)` });
  return blocks;
}

/**
 * HTTP/1.1 over HTTP/2 on one stack, paired by round as the ratio table is: ahead only when the
 * 95% interval of the per-round ratios leaves out 1.
 */
function http1VersusHttp2(cells: Cells, c: Case, stack: string, h1: { server: string; wiring: string; x: Cell }, h2: { server: string; wiring: string; x: Cell }): string {
  if (generatorBound([h1.x, h2.x])) return `${stack}: no verdict, the generator used ≥ ${percent(GENERATOR_BOUND, 0)} of its core.`;
  const ratio = pairedRatio(cells.runs(inWiring(c, h1.wiring), h1.server), cells.runs(inWiring(c, h2.wiring), h2.server), (m) => m.rps);
  const p99 = `p99 ${ms(h1.x.p99.mean)} vs ${ms(h2.x.p99.mean)}`;
  const by = `HTTP/1.1 ÷ HTTP/2 = ${ratioText(ratio)} in req/s, paired by round`;
  if (!ratio.ci95) return `${stack}: ${by} (one round: no interval; ${p99}).`;
  if (ratio.ci95[0] > 1) return `${stack}: **yes, HTTP/1.1 is ahead** (${by}, interval above 1; ${p99}).`;
  if (ratio.ci95[1] < 1) return `${stack}: **no, HTTP/2 is ahead** (${by}, interval below 1; ${p99}).`;
  return `${stack}: **no difference the data can tell** (${by}, interval across 1; ${p99}).`;
}
