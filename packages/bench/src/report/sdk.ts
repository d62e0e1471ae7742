// SDK v1 against SDK v2, and the 2025-11-25 era against 2026-07-28, on each server: at
// saturation and in the headline scenario, paired by round, beside the MCP floor of each wiring.
import type { Measurement } from '../results.js';
import { HEADLINE_SCENARIO, scenario } from '../scenarios.js';
import { caseKey, cell, generatorBound, GENERATOR_BOUND, measurementsOf, type Case, type Cell } from '../summarise.js';
import { eraOf, sdkOfVariant, settingOf } from '../variants.js';
import type { Ctx } from './context.js';
import { bytes, ms, num, percent, withCi } from './format.js';
import { cpuShares } from './labels.js';
import type { Block, Section } from './model.js';
import { pairedRatio } from './paired.js';

/** The questions a user migrating asks, each a pair of variants measured in the same rounds: `a` over `b`. */
const PAIRS = [
  { question: 'SDK v2 over v1, as documented (2025 era)', a: 'v2-official', b: 'official' },
  { question: 'SDK v2 over v1, tuned (2025 era)', a: 'v2-tuned', b: 'tuned' },
  { question: '2026-07-28 over 2025-11-25, SDK v2 as documented', a: 'v2-official@2026', b: 'v2-official' },
  { question: '2026-07-28 over 2025-11-25, SDK v2 tuned', a: 'v2-tuned@2026', b: 'v2-tuned' },
  { question: 'Tuned over documented, SDK v2 (2025 era)', a: 'v2-tuned', b: 'v2-official' },
  { question: 'Tuned over documented, SDK v2 in 2026-07-28', a: 'v2-tuned@2026', b: 'v2-official@2026' },
] as const;

function caseIn(scenarioId: string, wiring: string, rate?: number): Case {
  const c = { scenario: scenarioId, wiring, ...(rate === undefined ? {} : { rate }) };
  return { key: caseKey(c), ...c };
}

/** The headline scenario's first rate (the one every compared wiring ran). */
function headlineRate(ctx: Ctx): number | undefined {
  return ctx.results.measurements.find((m) => m.scenario === HEADLINE_SCENARIO && m.rate !== undefined && !m.load)?.rate;
}

function label(variant: string): string {
  return `${variant} (SDK ${sdkOfVariant(variant) ?? '?'}, ${eraOf(variant)})`;
}

export function sdkSection(ctx: Ctx): Section {
  // An engine setting's variant is the Engine settings section's, not a step between SDKs.
  const variants = ctx.wirings.filter((w) => sdkOfVariant(w) !== undefined && settingOf(w) === undefined);
  if (!variants.some((w) => sdkOfVariant(w) === 'v2')) return { id: 'sdk', title: 'SDK v1 vs v2', blocks: [] };
  const rate = headlineRate(ctx);
  const cases: { title: string; of: (wiring: string) => Case }[] = [
    { title: `Saturation (${ctx.results.settings.connections} in flight)`, of: (w) => caseIn('saturation-mcp', w) },
    ...(rate === undefined ? [] : [{ title: `${scenario(HEADLINE_SCENARIO).title} @ ${num(rate)}/s`, of: (w: string) => caseIn(HEADLINE_SCENARIO, w, rate) }]),
  ];
  const floors = new Map((ctx.results.floor ?? []).map((f) => [f.wiring, f]));
  const blocks: Block[] = [
    {
      kind: 'text',
      text:
        'The same servers on SDK v1 (`@modelcontextprotocol/sdk`, 2025-11-25) and SDK v2 (`@modelcontextprotocol/server`, both eras on one endpoint), ' +
        'each measured in the same rounds: `<wiring>@2026` is the same server spoken to in 2026-07-28 (every request carries its `_meta` claims and `Mcp-Method`/`Mcp-Name` headers; no initialize). ' +
        '`v2-official` is `createMcpHandler` as documented (a server per request; its 2025-era answers always SSE-framed); `v2-tuned` borrows a long-lived server from a pool per exchange. ' +
        `Floor: the wiring's handler in process, no HTTP (calls/s). Server · generator: the share of one core each used; † the generator used ≥ ${percent(GENERATOR_BOUND, 0)} of its core (no verdict from that row).`,
    },
  ];
  for (const { title, of } of cases) {
    const rows = variants.flatMap((w) =>
      ctx.servers.flatMap((server) => {
        const x = cell(ctx.results, of(w), server);
        if (!x) return [];
        const floor = floors.get(w);
        return [[server, label(w), withCi(x.rps, (v) => num(v)), ms(x.p50.mean), ms(x.p99.mean), withCi(x.requestsPerCpuSecond, (v) => num(v)), bytes(x.peakRssBytes), cpuShares(x), floor && title.startsWith('Saturation') ? num(floor.callsPerSecond) : '—']];
      }),
    );
    if (rows.length === 0) continue;
    blocks.push(
      { kind: 'text', text: `**${title}.**` },
      { kind: 'table', head: ['Server', 'Wiring', 'Req/s', 'p50', 'p99', 'Req per CPU-s', 'Peak RSS', 'Server · generator', 'Floor calls/s'], rows },
    );
  }
  const ratioRows = PAIRS.flatMap((pair) =>
    cases.flatMap(({ title, of }) => {
      const saturationCase = title.startsWith('Saturation');
      // At a fixed arrival rate both serve the rate: what differs is the CPU a call costs and the tail.
      const value = (m: Measurement) => (saturationCase ? m.rps : m.requestsPerCpuSecond);
      const cols = ctx.servers.map((server) => {
        const a = measurementsOf(ctx.results, of(pair.a), server);
        const b = measurementsOf(ctx.results, of(pair.b), server);
        if (a.length === 0 || b.length === 0) return 'not measured';
        const ratio = pairedRatio(a, b, value);
        const cells = [cell(ctx.results, of(pair.a), server), cell(ctx.results, of(pair.b), server)].filter((x): x is Cell => x !== null);
        return ratio.n === 0 ? 'n/a' : `${withCi(ratio, (v) => num(v, 2))}×${generatorBound(cells) ? ' †' : ''}`;
      });
      return cols.every((c) => c === 'not measured') ? [] : [[pair.question, saturationCase ? `${title}: req/s` : `${title}: req per CPU-s`, ...cols]];
    }),
  );
  if (ratioRows.length > 0) {
    blocks.push(
      { kind: 'text', text: 'Each question as a ratio, paired by round (mean of the per-round ratios ± half the 95% interval; above 1 the first serves more, or spends less CPU a call). At saturation the ratio is of req/s; at the headline\'s fixed rate, where both keep up, of requests per server CPU-second.' },
      { kind: 'table', head: ['Question', 'Measured', ...ctx.servers], rows: ratioRows },
    );
  }
  return { id: 'sdk', title: 'SDK v1 vs v2, 2025-11-25 vs 2026-07-28', blocks };
}

