// The plan as a person reads it in a terminal or pastes it into a document: Markdown.
import { bytes, ms, num } from '../report/format.js';
import type { BenchResults } from '../results.js';
import type { Plan } from './capacity.js';
import { serverBudgetMs, type Workload } from './workload.js';

function money(v: number | null): string {
  if (v === null) return '—';
  return v >= 1 ? num(v, 2) : v.toPrecision(2);
}

function row(p: Plan, priced: boolean): string[] {
  const name = p.wiring === 'own' ? p.server : `${p.server} (${p.wiring})`;
  if (!p.basis || p.replicas === null) return [name, '—', '—', '—', '—', '—', ...(priced ? ['—'] : []), p.notes.join('; ')];
  const basis = `${p.basis.where}: ${num(p.basis.callsPerSecond)} calls/s, ${p.basis.rounds} round(s)`;
  return [
    name,
    `${num(p.replicas)} (${num(p.perReplica ?? NaN)}/s each)`,
    num(p.coresPer1000 ?? NaN, 2),
    num(p.basis.cpuPerCallUs),
    bytes(p.memoryBytes ?? NaN),
    ms(p.basis.p99Ms),
    ...(priced ? [money(p.costPerMillionCalls)] : []),
    [basis, ...p.notes].join('; '),
  ];
}

function table(head: string[], rows: string[][]): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  return [`| ${head.join(' | ')} |`, `| ${head.map((_, i) => (i === 0 || i === head.length - 1 ? '---' : '---:')).join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}

export function renderPlan(results: BenchResults, source: string, workload: Workload, planned: readonly Plan[]): string {
  const env = results.environment;
  const priced = workload.pricePerCoreHour !== null;
  const runtimes = Object.entries(env.runtimes ?? {}).map(([name, version]) => `${name} ${version}`).join(', ');
  const head = ['server (wiring)', 'replicas = cores', 'cores per 1,000 calls/s', 'server CPU µs/call', 'memory', 'server p99 there', ...(priced ? ['cost per million calls'] : []), 'from'];
  return [
    `# Capacity plan: ${num(workload.callsPerSecond)} calls/s, p99 under ${ms(workload.p99TargetMs)} with a ${ms(workload.toolMs)} tool`,
    '',
    `From ${source}: the run of ${env.date} at ${env.gitSha.slice(0, 7)}${env.gitDirty ? ' (uncommitted changes)' : ''} on ${env.cpuModel}, ` +
      `each server on one core${runtimes ? ` (${runtimes})` : ''}. Each replica is one process on one core, planned at the busiest ` +
      `load this run measured with p99 within ${ms(serverBudgetMs(workload))} (the target less the tool's wait), no error, under 1% dropped ` +
      'and the load generator under 70% of its core. Memory is the replicas\' peak resident memory at that load.' +
      (priced ? ` Cost at ${workload.pricePerCoreHour} per core-hour, cores only.` : ' Give --price per core-hour for cost.'),
    '',
    table(head, planned.map((p) => row(p, priced))),
    '',
    'Figures hold for the machine that measured them (speed differs 3-5× between machines of one kind): run `pnpm bench:all` where you deploy. ' +
      'A tool that burns CPU (not waiting on I/O) adds its own CPU per call, which this plan does not count; nor does it keep a spare replica for failover.',
    '',
  ].join('\n');
}
