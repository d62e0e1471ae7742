// Builds the report (sections of text, tables and charts) from one run's raw results.
import type { BenchResults, Measurement } from '../results.js';
import type { StudySettings } from '../studies/model.js';
import { HEADLINE_SCENARIO, SCENARIOS, scenario } from '../scenarios.js';
import { summarise } from '../stats.js';
import { caseKey, generatorBound, GENERATOR_BOUND, rank, wiringOf, type Better, type Case, type Cell } from '../summarise.js';
import { cellsOf, peakRss, primaryKey, protocolOf, reportContext, type Ctx } from './context.js';
import { curveSection } from './curve.js';
import { callCostBlocks } from './call-cost.js';
import { engineSettingsSection } from './engine-settings.js';
import { floorBlocks } from './floor.js';
import { floorProfileBlocks } from './floor-profile.js';
import { bytes, ms, num, percent, winnerText, withCi } from './format.js';
import type { Block, Report, Section } from './model.js';
import { busy, caseTitle, roundsText } from './labels.js';
import { peersSection } from './peers.js';
import { runtimesSection } from './runtimes.js';
import { frameworksSection } from './frameworks.js';
import { costSection } from './cost.js';
import { sdkSection } from './sdk.js';
import { recommend } from './recommend.js';
import { answerSection } from './answer.js';
import { summariseRun, type RunSummary } from './summary.js';
import { barChart, lineChart } from './svg.js';
import { coldStartSection } from './studies/coldstart.js';
import { layersSection } from './studies/layers.js';
import { multiplexSection } from './studies/multiplex.js';
import { overheadSection } from './studies/overhead.js';
import { reliabilitySection } from './reliability.js';
import { fixedRatesText, methodSection } from './method.js';

/** A result within this fraction of the generator's ceiling may be the generator's limit. */
export const GENERATOR_MARGIN = 0.1;

export function buildReport(results: BenchResults): Report {
  const ctx = reportContext(results);
  const summary = summariseRun(ctx);
  // A studies-only run (--scenarios none) has no load measurements to pick a runtime from.
  const loaded = results.measurements.length > 0 || results.gates.length > 0;
  const sections: Section[] = [
    ...(loaded ? [answerSection(summary)] : []),
    header(ctx, summary),
    ...(loaded
      ? [
          { id: 'pick', title: 'Which runtime should I pick?', blocks: recommend(ctx, summary) },
          overview(ctx),
          runtimesSection(ctx, summary),
          frameworksSection(ctx, summary),
          engineSettingsSection(ctx, summary),
          costSection(ctx, summary),
          saturation(ctx),
          curveSection(ctx),
          latencyVsRate(ctx),
          agentPattern(ctx),
          multiplexing(ctx),
          resourcesAndMemory(ctx),
          sdkSection(ctx),
          peersSection(ctx, summary),
        ]
      : []),
    ...(results.studies
      ? [layersSection(results.studies), multiplexSection(results.studies), overheadSection(results.studies), coldStartSection(results.studies)]
      : []),
    ...(results.reliability ? [reliabilitySection(results.reliability)] : []),
    perScenario(ctx),
    gatesAndFailures(ctx),
    methodSection(ctx.results),
  ].filter((s) => s.blocks.length > 0);
  return { title: 'mcp-runtimes benchmark', sections };
}

function studiesLine(st: StudySettings): string {
  return `${st.studies.join(', ')}: ${st.runs} runs + ${st.warmupRuns} warm-up per configuration, tool delay ${st.delayMs} ms, N = ${st.counts.join(', ')}, simulated start-up ${st.startupDelayMs} ms`;
}

function header({ results }: Ctx, summary: RunSummary): Section {
  const e = results.environment;
  const s = results.settings;
  const minutes = (Date.parse(results.finishedAt) - Date.parse(results.startedAt)) / 60000;
  return {
    id: 'run',
    title: 'This run',
    blocks: [
      {
        kind: 'text',
        text: `\`${s.command}\` on ${e.date.slice(0, 10)}, commit \`${e.gitSha.slice(0, 12)}\`${e.gitDirty ? ' (with uncommitted changes)' : ''}, ${num(minutes, 1)} minutes. Figures are means over ${roundsText(summary.rounds)} with ±half the 95% confidence interval (Student's t); a winner is named only where the intervals do not overlap (ratios between servers: where their paired interval leaves out 1). Absolute numbers belong to this machine; compare ratios.`,
      },
      {
        kind: 'table',
        head: ['Machine and software', ''],
        rows: [
          ['CPU', `${e.cpuModel}, ${e.cores} cores, ${bytes(e.memoryBytes)} RAM`],
          ['OS', e.os],
          e.containers
            ? ['Containers', `servers: ${e.containers.server}; load generator: ${e.containers.generator}`]
            : e.remote
              ? ['Targets', `${Object.entries(e.remote.targets).map(([name, what]) => `${name}: ${what}`).join('; ')}; load generator: ${e.remote.generator}`]
              : ['Pinning', e.pinning ? `server on ${e.pinning.server}, load generator on ${e.pinning.generator}` : 'none (not pinned)'],
          ['Node.js', e.runtimes ? `${e.node} runs the benchmark; the servers run on their runtimes below` : e.node],
          ...(e.runtimes ? [['Runtimes', Object.entries(e.runtimes).map(([name, version]) => `${name} ${version}`).join(' · ')]] : []),
          ...(e.engineFlags ? [['Engine flags the servers inherited', Object.entries(e.engineFlags).map(([name, flags]) => `${name}: ${flags}`).join(' · ')]] : []),
          ['Packages and tools', Object.entries(e.versions).map(([k, v]) => (v.startsWith(k) ? v : `${k} ${v}`)).join(' · ')],
          ['Wirings', `${(s.wirings ?? ['official']).join(', ')} in every scenario${s.compare?.length ? `; ${s.compare.join(', ')} ${compareWhere(results)}` : ''}`],
          [
            'Profile',
            `${s.profile}: ${s.durationSeconds} s per k6 run, ${s.scenarios.includes('saturation') ? `saturation in ${s.saturationSlices ?? 1} slice(s) of ${s.saturationSeconds} s a round, ` : ''}${s.warmupSeconds} s warm-up, fixed rates ${fixedRatesText(results)}${
              s.scenarios.includes('saturation') ? `, ${s.connections} in flight at saturation` : ''
            }`,
          ],
          ...(results.studies
            ? [['Studies', studiesLine(results.studies.settings)]]
            : []),
          ...(results.reliability
            ? [['Reliability', `${results.reliability.settings.checks.join(', ')} on the ${results.reliability.settings.wiring} wiring, servers at their default limits`]]
            : []),
        ],
      },
    ],
  };
}

/** Rows comparable across servers: a curve point at each server's own fraction has a rate of its own. */
function comparable(c: Case): boolean {
  return c.of !== 'own';
}

/** A table of one metric across servers, one row per case, with a winner column; each cell says who was busy. */
function metricTable(ctx: Ctx, keys: Case[], pick: (c: Cell) => string, ranked?: { value: (c: Cell) => ReturnType<typeof summarise>; better: Better }): Block {
  return {
    kind: 'table',
    head: ['Scenario', ...ctx.servers, ...(ranked ? ['Winner'] : [])],
    rows: keys.map((c) => {
      const cells = cellsOf(ctx, c.key);
      const row = [caseTitle(c), ...cells.map((x) => (x ? `${pick(x)}${busy(x)}` : 'not measured'))];
      if (ranked) row.push(winnerText(rank(cells, ranked.value, ranked.better)));
      return row;
    }),
  };
}

function overview(ctx: Ctx): Section {
  const rows = ctx.cases.filter((c) => !c.op && comparable(c));
  const blocks: Block[] = [
    {
      kind: 'text',
      text: `Requests per second, every scenario (higher is better), with how busy the server and the load generator each were (share of one core: CPU seconds over wall seconds). Where the generator used ≥ ${percent(GENERATOR_BOUND, 0)} of its core (†) it may have been the bottleneck: no winner or tie is declared from that row. Latency, errors, CPU and memory per scenario are in the tables further down.`,
    },
    metricTable(ctx, rows, (x) => withCi(x.rps, (v) => num(v)), { value: (x) => x.rps, better: 'higher' }),
  ];
  return { id: 'overview', title: 'Overview', blocks };
}

function saturation(ctx: Ctx): Section {
  const raw = cellsOf(ctx, primaryKey(ctx, 'saturation-raw'));
  const wirings = ctx.wirings.filter((w) => cellsOf(ctx, caseKey({ scenario: 'saturation-mcp', wiring: w })).some(Boolean));
  const mcp = new Map(wirings.map((w) => [w, cellsOf(ctx, caseKey({ scenario: 'saturation-mcp', wiring: w }))]));
  if (wirings.length === 0 && raw.every((x) => !x)) return { id: 'saturation', title: 'Saturation', blocks: [] };
  const flags = generatorFlags(ctx);
  const flag = (server: string, kind: string) => flags.get(`${server}:${kind}`) ?? '';
  const official = mcp.get('official');
  // Side by side: the main wirings and official; the ablation steps have their own table.
  const sideBySide = wirings.filter((w) => w === 'official' || (ctx.results.settings.wirings ?? []).includes(w) || w === ctx.primary);
  const head = ['Server', 'Generator', 'Raw echo req/s'];
  for (const w of sideBySide) head.push(`${w} req/s`, `${w} / raw`, `${w} p50`, `${w} p99`, `${w} server / generator CPU`);
  const gains = official ? sideBySide.filter((w) => w !== 'official') : [];
  for (const w of gains) head.push(`${w} ÷ official`);
  const rows = ctx.servers.map((server, i) => {
    const r = raw[i];
    const tool = ctx.results.measurements.find((x) => x.server === server && x.scenario === 'saturation-raw');
    const row = [server, tool ? `${tool.tool}, ${tool.protocol}, ${tool.concurrency} in flight` : 'n/a', r ? `${withCi(r.rps, (v) => num(v))}${flag(server, 'raw')} (server ${percent(r.serverUtilisation, 0)} · generator ${percent(r.generatorUtilisation, 0)})` : 'not measured'];
    for (const w of sideBySide) {
      const m = mcp.get(w)?.[i];
      row.push(
        m ? withCi(m.rps, (v) => num(v)) + flag(server, `mcp:${w}`) : 'not measured',
        m && r ? percent(m.rps.mean / r.rps.mean) : 'n/a',
        m ? ms(m.p50.mean) : 'n/a',
        m ? ms(m.p99.mean) : 'n/a',
        m ? `${percent(m.serverUtilisation, 0)} / ${percent(m.generatorUtilisation, 0)}` : 'n/a',
      );
    }
    for (const w of gains) {
      const m = mcp.get(w)?.[i];
      const o = official?.[i];
      row.push(m && o ? `${num(m.rps.mean / o.rps.mean, 1)}×` : 'n/a');
    }
    return row;
  });
  const notes = [...flags.values()].length
    ? [{ kind: 'text' as const, text: `† within 10% of the load generator's ceiling (the fastest raw echo it drove in this run) or the generator used ≥ ${percent(GENERATOR_BOUND, 0)} of its core: this figure may be the generator's limit, not the server's, and no winner is declared from it.` }]
    : [];
  const detail = wirings.map((w) => {
    const cells = mcp.get(w) ?? [];
    return {
      kind: 'table' as const,
      head: ['Server', `${w}: req/s`, 'Errors', 'Req per CPU-s', 'Peak RSS', 'Server CPU', 'Generator CPU'],
      rows: cells.flatMap((m) => (m ? [[m.server, withCi(m.rps, (v) => num(v)), percent(m.errorRate, 2), num(m.requestsPerCpuSecond.mean), bytes(m.peakRssBytes), percent(m.serverUtilisation, 0), percent(m.generatorUtilisation, 0)]] : [])),
    };
  });
  return {
    id: 'saturation',
    title: 'Saturation: raw stack vs MCP wirings',
    blocks: [
      {
        kind: 'text',
        text: `${scenario('saturation').about} Each wiring is the same server and the same tools; only how HTTP requests meet the SDK differs (docs/design.md explains each). "/ raw" is how much of the HTTP stack's capacity is left once MCP runs on it.`,
      },
      { kind: 'table', head, rows },
      ...notes,
      ...floorBlocks(ctx, mcp, raw),
      ...callCostBlocks(ctx, mcp),
      ...floorProfileBlocks(ctx),
      ...ablation(ctx, mcp, raw),
      ...detail,
      ...(ctx.servers.length < 2 ? [] : [{
        kind: 'chart' as const,
        id: 'saturation',
        alt: 'Raw echo and MCP saturation throughput per server and wiring',
        svg: barChart({
          id: 'saturation',
          title: 'Saturation throughput: raw echo vs MCP wirings (req/s, log scale)',
          yLabel: 'requests / s',
          categories: ctx.servers,
          series: ['raw JSON echo', ...wirings.map((w) => `MCP, ${w}`)],
          values: ctx.servers.map((_, i) => [raw[i], ...wirings.map((w) => mcp.get(w)?.[i] ?? null)].map((x) => (x ? { value: x.rps.mean, ci: x.rps.ci95 } : null))),
          logY: true,
        }),
      }]),
    ],
  };
}

/** The wirings from official to tuned, in the order each adds one change: what each step buys. */
const ABLATION_STEPS = ['official', 'official-shared-validator', 'tuned-web', 'tuned-listener', 'tuned'];

function ablation(ctx: Ctx, mcp: Map<string, (Cell | null)[]>, raw: (Cell | null)[]): Block[] {
  const steps = ABLATION_STEPS.filter((w) => mcp.has(w));
  if (steps.length < 3) return [];
  const rows: string[][] = [];
  ctx.servers.forEach((server, i) => {
    let previous: Cell | null = null;
    const first = mcp.get(steps[0] as string)?.[i] ?? null;
    for (const step of steps) {
      const m = mcp.get(step)?.[i] ?? null;
      const r = raw[i];
      rows.push([
        server,
        step,
        m ? withCi(m.rps, (v) => num(v)) : 'not measured',
        m && previous ? `${num(m.rps.mean / previous.rps.mean, 2)}×` : '',
        m && first ? `${num(m.rps.mean / first.rps.mean, 1)}×` : '',
        m && r ? percent(m.rps.mean / r.rps.mean) : 'n/a',
        m ? ms(m.p99.mean) : 'n/a',
      ]);
      previous = m;
    }
  });
  return [
    { kind: 'text', text: '**Ablation: what each step from the official wiring to the tuned one buys.** Each step adds one change to the one above it (shared JSON Schema validator; one long-lived server behind the routed transport; no web Request/Response; each request handed to the SDK\'s request handling past its message listener\'s response guards).' },
    { kind: 'table', head: ['Server', 'Wiring step', 'Req/s', '× previous step', '× official', '/ raw', 'p99'], rows },
  ];
}

/** Saturation rows that may measure the generator rather than the server. */
export function generatorFlags(ctx: Ctx): Map<string, string> {
  const flags = new Map<string, string>();
  const sat = ctx.results.measurements.filter((m) => m.scenario.startsWith('saturation'));
  const meanOf = (runs: Measurement[]) => runs.reduce((s, m) => s + m.rps, 0) / runs.length;
  for (const tool of ['wrk', 'h2load']) {
    const runsOf = (server: string, kind: string) =>
      sat.filter((m) => m.tool === tool && m.server === server && (kind === 'raw' ? m.scenario === 'saturation-raw' : m.scenario === 'saturation-mcp' && kind === `mcp:${wiringOf(m)}`));
    // The generator's ceiling: the fastest raw echo (mean over rounds) it drove in this run.
    const ceiling = Math.max(0, ...ctx.servers.map((s) => runsOf(s, 'raw')).filter((r) => r.length > 0).map(meanOf));
    for (const server of ctx.servers) {
      for (const kind of ['raw', ...ctx.wirings.map((w) => `mcp:${w}`)]) {
        const runs = runsOf(server, kind);
        if (runs.length === 0) continue;
        const mean = meanOf(runs);
        const busy = runs.some((m) => m.generatorUsage.utilisation >= GENERATOR_BOUND);
        const isCeiling = kind === 'raw' && mean === ceiling;
        const near = ceiling > 0 && !isCeiling && mean >= ceiling * (1 - GENERATOR_MARGIN);
        if (busy || near) flags.set(`${server}:${kind}`, ' †');
      }
    }
  }
  return flags;
}

function latencyVsRate(ctx: Ctx): Section {
  // The scenario measured at the run's --rates (others have one fixed rate of their own).
  const rated = ctx.cases.filter((c) => c.rate !== undefined && !c.op && c.wiring === ctx.primary && scenario(c.scenario).rate === undefined);
  if (rated.length === 0) return { id: 'latency', title: 'Body-checked calls at fixed rates', blocks: [] };
  const id = rated[0]?.scenario as string;
  const rows: string[][] = [];
  for (const c of rated) {
    cellsOf(ctx, c.key).forEach((x, i) => {
      if (!x) return;
      rows.push([
        `${num(c.rate as number)}/s`,
        ctx.servers[i] as string,
        withCi(x.rps, (v) => num(v)),
        withCi(x.p50, ms),
        withCi(x.p95, ms),
        withCi(x.p99, ms),
        ms(x.max),
        num(x.droppedIterations),
        percent(x.errorRate, 2),
        percent(x.serverUtilisation, 0),
        `${percent(x.generatorUtilisation, 0)}${x.generatorUtilisation >= GENERATOR_BOUND ? ' †' : ''}`,
      ]);
    });
  }
  return {
    id: 'latency',
    title: 'Body-checked calls at fixed rates (k6)',
    blocks: [
      {
        kind: 'text',
        text: `${scenario(id).title}, ${ctx.primary} wiring: k6 starts requests at a constant rate whatever the latency (constant-arrival-rate) and checks every answer's body; requests it could not start in time are dropped iterations. Its rates are kept where k6 has headroom on its core (it costs ~0.3 ms of CPU a call); the curve above, from oha, goes to each server's knee. † marks a generator at ≥ ${percent(GENERATOR_BOUND, 0)} of its core.`,
      },
      { kind: 'table', head: ['Offered', 'Server', 'Achieved req/s', 'p50', 'p95', 'p99', 'Max', 'Dropped', 'Errors', 'Server CPU', 'Generator CPU'], rows },
      ...latencyCharts(ctx, rated),
    ],
  };
}

/** Latency against the arrival rate where there are several rates; at one rate, p50 and p99 per server as bars. */
function latencyCharts(ctx: Ctx, rated: Case[]): Block[] {
  if (rated.length < 2) {
    const c = rated[0] as Case;
    const cells = cellsOf(ctx, c.key);
    if (cells.filter(Boolean).length < 2) return [];
    const title = `p50 and p99 latency at ${num(c.rate ?? NaN)} calls/s (ms, log scale)`;
    return [
      {
        kind: 'chart',
        id: 'latency-at-rate',
        alt: title,
        svg: barChart({
          id: 'latency-at-rate',
          title,
          yLabel: 'ms',
          categories: ctx.servers.filter((_, i) => cells[i]),
          series: ['p50', 'p99'],
          values: cells.flatMap((x) => (x ? [[{ value: x.p50.mean, ci: x.p50.ci95 }, { value: x.p99.mean, ci: x.p99.ci95 }]] : [])),
          logY: true,
        }),
      },
    ];
  }
  const series = (pick: (x: Cell) => number) =>
    ctx.servers.map((server, i) => ({
      name: server,
      points: rated.flatMap((c) => {
        const x = cellsOf(ctx, c.key)[i];
        return x ? [[c.rate as number, pick(x)] as [number, number]] : [];
      }),
    }));
  return [
    { kind: 'chart', id: 'latency-p50', alt: 'p50 latency vs arrival rate', svg: lineChart({ id: 'latency-p50', title: 'p50 latency vs arrival rate (ms, log scale)', xLabel: 'offered requests / s', yLabel: 'ms', series: series((x) => x.p50.mean), logY: true }) },
    { kind: 'chart', id: 'latency-p99', alt: 'p99 latency vs arrival rate', svg: lineChart({ id: 'latency-p99', title: 'p99 latency vs arrival rate (ms, log scale)', xLabel: 'offered requests / s', yLabel: 'ms', series: series((x) => x.p99.mean), logY: true }) },
  ];
}

function agentPattern(ctx: Ctx): Section {
  const sc = SCENARIOS.find((s) => s.id === 'agents');
  const cells = cellsOf(ctx, primaryKey(ctx, 'agents'));
  if (!sc?.idealRps || cells.every((x) => !x)) return { id: 'agents', title: '', blocks: [] };
  const ideal = sc.idealRps;
  return {
    id: 'agents',
    title: 'The agent pattern: how close to ideal',
    blocks: [
      { kind: 'text', text: `${sc.about} (${ctx.primary} wiring)` },
      {
        kind: 'table',
        head: ['Server', 'Req/s', 'Ideal', 'Of ideal', 'p50', 'p99', 'Errors'],
        rows: cells.flatMap((x) => (x ? [[x.server, withCi(x.rps, (v) => num(v)), num(ideal), percent(x.rps.mean / ideal), ms(x.p50.mean), ms(x.p99.mean), percent(x.errorRate, 2)]] : [])),
      },
    ],
  };
}

function multiplexing(ctx: Ctx): Section {
  const sc = SCENARIOS.find((s) => s.id === 'concurrent-calls');
  const cells = cellsOf(ctx, primaryKey(ctx, 'concurrent-calls'));
  if (!sc?.idealIterationMs || cells.every((x) => !x)) return { id: 'multiplexing', title: '', blocks: [] };
  const ideal = sc.idealIterationMs;
  return {
    id: 'multiplexing',
    title: 'Many concurrent calls from one agent',
    blocks: [
      { kind: 'text', text: `${sc.about} (${ctx.primary} wiring) "Waves" is the median time for all of an agent's calls divided by one delay: 1.0 means they truly ran at once.` },
      {
        kind: 'table',
        head: ['Server', 'Protocol', 'All calls done (p50)', 'Ideal', 'Waves', 'Calls/s', 'p99 per call'],
        rows: cells.flatMap((x) =>
          x
            ? [[x.server, protocolOf(ctx, x.server, 'concurrent-calls'), ms(x.iterationP50?.mean ?? NaN), ms(ideal), num((x.iterationP50?.mean ?? NaN) / ideal, 2), withCi(x.rps, (v) => num(v)), ms(x.p99.mean)]]
            : [],
        ),
      },
    ],
  };
}

/** The demo's containers and remote targets report their own CPU and memory; the runner reads /proc of what it starts. */
function fromHealth({ results }: Ctx): boolean {
  return results.environment.containers !== undefined || results.environment.remote !== undefined;
}

function resourcesAndMemory(ctx: Ctx): Section {
  const peak = ctx.servers.map((s) => peakRss(ctx, s));
  const rows = ctx.cases.filter((c) => !c.op && c.scenario !== 'saturation-raw' && comparable(c));
  return {
    id: 'cpu-memory',
    title: 'CPU and memory',
    blocks: [
      {
        kind: 'text',
        text: `Server CPU seconds and peak resident memory, ${fromHealth(ctx) ? "as each server's /health reported them before and after each measurement" : 'read from /proc while each measurement ran'} (the load generator is a separate process on its own core). Requests per CPU-second is what a core of that server buys you.`,
      },
      // A --target without /health reports no CPU time: its cell says so instead of "0 req/CPU-s".
      metricTable(ctx, rows, (x) => (x.requestsPerCpuSecond.mean > 0 ? `${num(x.requestsPerCpuSecond.mean)} req/CPU-s, ${bytes(x.peakRssBytes)}` : 'not measured'), { value: (x) => x.requestsPerCpuSecond, better: 'higher' }),
      ...(peak.filter((p) => p > 0).length < 2 ? [] : [{
        kind: 'chart' as const,
        id: 'memory',
        alt: 'Peak RSS per server',
        svg: barChart({
          id: 'memory',
          title: 'Peak resident memory over all scenarios (MiB)',
          yLabel: 'MiB',
          categories: ctx.servers.filter((_, i) => (peak[i] ?? 0) > 0),
          series: ['peak RSS'],
          values: peak.flatMap((p) => (p > 0 ? [[{ value: p / 1024 ** 2 }]] : [])),
        }),
      }]),
    ],
  };
}

function perScenario(ctx: Ctx): Section {
  const blocks: Block[] = [];
  for (const c of ctx.cases) {
    const cells = cellsOf(ctx, c.key);
    // A curve point at each server's own fraction compares different loads: figures, no winner.
    const row = (label: string, show: (x: Cell) => string, value?: (x: Cell) => ReturnType<typeof summarise>, better: Better = 'lower') => [
      label,
      ...cells.map((x) => (x ? show(x) : 'not measured')),
      value && comparable(c) ? winnerText(rank(cells, value, better)) : '',
    ];
    const rows = [
      row('Requests/s', (x) => withCi(x.rps, (v) => num(v)), (x) => x.rps, 'higher'),
      row('Avg latency', (x) => withCi(x.avg, ms), (x) => x.avg),
      row('p50 latency', (x) => withCi(x.p50, ms), (x) => x.p50),
      row('p95 latency', (x) => withCi(x.p95, ms), (x) => x.p95),
      row('p99 latency', (x) => withCi(x.p99, ms), (x) => x.p99),
      row('Max latency', (x) => ms(x.max)),
      row('Error rate', (x) => `${percent(x.errorRate, 2)}${errorClasses(x)}`),
      row('Throughput', (x) => `${bytes(x.bytesPerSecond.mean)}/s`, (x) => x.bytesPerSecond, 'higher'),
    ];
    if (!c.op) {
      rows.push(row('Server CPU', (x) => `${num(x.serverCpuSeconds.mean, 2)} s`));
      rows.push(row('Req per CPU-s', (x) => withCi(x.requestsPerCpuSecond, (v) => num(v)), (x) => x.requestsPerCpuSecond, 'higher'));
      rows.push(row('Peak RSS', (x) => bytes(x.peakRssBytes)));
      rows.push(row('Server CPU busy', (x) => percent(x.serverUtilisation, 0)));
      rows.push(row('Generator CPU', (x) => `${percent(x.generatorUtilisation, 0)}${x.generatorUtilisation >= GENERATOR_BOUND ? ' † generator-bound' : ''}`));
      if (c.rate !== undefined || c.fraction !== undefined) {
        rows.push(row('Offered req/s', (x) => withCi(x.offered, (v) => num(v))));
        rows.push(row('Dropped', (x) => `${num(x.droppedIterations)} (${percent(x.droppedShare ?? NaN, 2)})`));
      }
    }
    blocks.push({ kind: 'text', text: `**${caseTitle(c)}**${generatorBound(cells) ? ` — generator-bound: it used ≥ ${percent(GENERATOR_BOUND, 0)} of its core, so no winner or tie is declared` : ''}` });
    blocks.push({ kind: 'table', head: ['Metric', ...ctx.servers, 'Winner'], rows });
  }
  return { id: 'scenarios', title: 'Every scenario in detail', blocks };
}

/** Where the compared wirings ran, as measured (runs before the headline scenario joined them had saturation only). */
function compareWhere({ settings, measurements }: BenchResults): string {
  const compared = new Set(settings.compare ?? []);
  const inHeadline = measurements.some((m) => compared.has(m.wiring ?? 'official') && m.scenario === HEADLINE_SCENARIO);
  return inHeadline ? 'at saturation and in the headline scenario' : 'at saturation only';
}

function errorClasses(x: Cell): string {
  const e = x.errors;
  const parts = [
    e.http && `${num(e.http)} HTTP`,
    e.jsonrpc && `${num(e.jsonrpc)} JSON-RPC`,
    e.tool && `${num(e.tool)} isError`,
    e.check && `${num(e.check)} wrong body`,
  ].filter(Boolean);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

function gatesAndFailures({ results }: Ctx): Section {
  const gates = [...results.settings.servers, ...(results.settings.peers ?? [])].map((server) => {
    const g = results.gates.filter((x) => x.server === server);
    const wirings = [...new Set(g.map((x) => x.wiring ?? 'official'))];
    const failed = g.filter((x) => !x.passed);
    if (g.length === 0) return [server, 'not gated (did not start)'];
    if (failed.length === 0) return [server, `passed (${g.length}×: ${wirings.join(', ')})`];
    if (wirings.length === 1) return [server, `FAILED: ${failed.flatMap((x) => x.failures).join('; ')}`];
    // Gated in several wirings (or MCP revisions): which passed, and what failed in which.
    const each = wirings.map((w) => {
      const missed = failed.filter((x) => (x.wiring ?? 'official') === w);
      return missed.length === 0 ? `passed (${w})` : `FAILED (${w}): ${missed.flatMap((x) => x.failures).join('; ')}`;
    });
    return [server, each.join('; ')];
  });
  const blocks: Block[] = [
    { kind: 'text', text: 'Before any load, every scenario\'s requests are sent once to each server and peer and every answer\'s body is checked (k6 `gate.js`); one that fails is reported here and not measured (a peer failing it is a finding about the peer, not a failure of the run).' },
    { kind: 'table', head: ['Server', 'Correctness gate'], rows: gates },
  ];
  if (results.failures.length > 0) {
    blocks.push({ kind: 'table', head: ['Server', 'Round', 'Stage', 'What happened'], rows: results.failures.map((f) => [f.wiring ? `${f.server} (${f.wiring})` : f.server, String(f.round), f.stage, f.message.split('\n')[0] as string]) });
  }
  return { id: 'gates', title: 'Correctness gate and failures', blocks };
}
