// The Frameworks section: each web framework (Hono, Express, Fastify) beside the node:http
// server it sits on, in the same slices: what the framework costs with MCP in the path and on a
// raw JSON echo, paired by slice with 95% intervals, CPU per call at the fixed rate, memory.
import { PEERS, SERVERS, serverEntry } from '@mcp-runtimes/registry';
import { HEADLINE_SCENARIO } from '../scenarios.js';
import { caseOf } from '../summarise.js';
import type { Summary } from '../stats.js';
import type { Ctx } from './context.js';
import { documentedWiringTable } from './documented-wirings.js';
import { bytes, microseconds, num, withCi } from './format.js';
import type { Section } from './model.js';
import { ratioText } from './runtimes.js';
import type { FrameworkFigures, RunSummary } from './summary.js';

/**
 * What the framework takes of the stack's throughput: "57% (44–71%)", "none: 20% faster (3–37%)"
 * where it beats the stack alone, or "not separable from it" where the paired interval reaches 1.
 */
export function frameworkCost(ratio: Summary): string {
  if (ratio.n === 0) return 'n/a';
  const pct = (share: number) => num(share * 100, 0);
  if (!ratio.ci95) return `${pct(1 - ratio.mean)}% (one slice)`;
  const [low, high] = ratio.ci95;
  if (low <= 1 && high >= 1) return 'not separable from it';
  if (low > 1) return `none: ${pct(ratio.mean - 1)}% faster (${pct(low - 1)}–${pct(high - 1)}%)`;
  return `${pct(1 - ratio.mean)}% (${pct(1 - high)}–${pct(1 - low)}%)`;
}

export function frameworkTable(summary: RunSummary): { head: string[]; rows: string[][] } | null {
  if (summary.frameworks.length === 0) return null;
  const saturation = caseOf({ scenario: 'saturation-mcp', wiring: summary.wiring });
  const raw = caseOf({ scenario: 'saturation-raw' });
  const rate = summary.rate;
  const row = (server: string, f: FrameworkFigures | null) => {
    const sat = summary.cell(saturation, server);
    const echo = summary.cell(raw, server);
    const atRate = rate === undefined ? null : summary.cell(caseOf({ scenario: HEADLINE_SCENARIO, wiring: summary.wiring, rate }), server);
    return [
      serverEntry(server).title,
      sat ? withCi(sat.rps, (v) => num(v)) : 'not measured',
      f ? ratioText(f.mcp) : '1 (the stack)',
      f ? frameworkCost(f.mcp) : '',
      echo ? withCi(echo.rps, (v) => num(v)) : 'not measured',
      f ? ratioText(f.raw) : '1 (the stack)',
      microseconds(sat),
      ...(rate === undefined ? [] : [microseconds(atRate), f ? (f.cheaper ? ratioText(f.cheaper) : 'not compared (one did not keep up)') : '1 (the stack)']),
      sat ? bytes(sat.peakRssBytes) : 'not measured',
    ];
  };
  const stacks = [...new Set(summary.frameworks.map((f) => f.over))];
  return {
    head: [
      'Server',
      'MCP calls/s at saturation',
      '× node:http (paired)',
      'the framework costs',
      'Raw echo req/s',
      'raw × node:http (paired)',
      'Server CPU µs per call, saturation',
      ...(rate === undefined ? [] : [`Server CPU µs per call @ ${num(rate)}/s`, 'calls per CPU-second × node:http (paired)']),
      'Peak RSS at saturation',
    ],
    rows: stacks.flatMap((over) => [row(over, null), ...summary.frameworks.filter((f) => f.over === over).map((f) => row(f.server, f))]),
  };
}

export function frameworksSection(ctx: Ctx, summary: RunSummary): Section {
  const section: Section = { id: 'frameworks', title: 'Frameworks', blocks: [] };
  const table = frameworkTable(summary);
  const documented = documentedWiringTable(summary);
  if (table === null && documented === null) return section;
  if (table !== null) {
    section.blocks.push(
      {
        kind: 'text',
        text: `Each framework hands the request to the same core (wiring ${summary.wiring}) and runs on the same node:http server, so what separates it from node:http alone is the framework: its routing, its request and reply objects, its body parser. Each ratio is the framework's figure over node:http's, paired by saturation slice (or round, at the fixed rate), with its 95% interval; "costs" is the share of node:http's throughput the framework takes, with MCP in the path and on a raw JSON echo.`,
      },
      { kind: 'table', ...table },
    );
  }
  if (documented !== null) {
    section.blocks.push(
      {
        kind: 'text',
        text: `**As the SDK's documentation wires each framework.** SDK v2's serving guides wire each framework with its adapter package and \`createMcpHandler\`, a new server for every request (peers named sdk-*, each in its own configuration): what a server copied from the documentation costs beside ours on the same framework in the ${summary.wiring} wiring, each ratio paired by slice (or round) with its 95% interval. Where a guide's server answers differently from ours, each difference is declared and listed under Peers.`,
      },
      { kind: 'table', ...documented },
    );
  }
  const measuredPeers = ctx.results.settings.peers ?? [];
  const left = [
    ...SERVERS.filter((s) => s.framework && !ctx.servers.includes(s.name)).map((s) => s.name),
    ...PEERS.filter((p) => p.documentedWiringOf !== undefined && !measuredPeers.includes(p.name)).map((p) => p.name),
  ];
  if (left.length > 0) {
    section.blocks.push({ kind: 'text', text: `Not in this run: ${left.join(', ')}. \`pnpm bench:frameworks\` sets every framework beside node:http, and each beside the SDK guide's wiring of it.` });
  }
  return section;
}
