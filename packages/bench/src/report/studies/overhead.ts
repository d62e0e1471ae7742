// Report section: the reference client's cost over hand-written JSON-RPC on the same connection.
import type { OverheadSamples, StudyResults } from '../../studies/model.js';
import { summarise } from '../../stats.js';
import { num, percent } from '../format.js';
import type { Block, Section } from '../model.js';
import { barChart } from '../svg.js';
import { channelLabel } from './multiplex.js';
import { meanCi, msOf, runsNote, statisticsTable } from './stats-table.js';

/** Per run: client wall − hand-written wall (paired: same connection, same calls, back to back). */
export function differences(r: OverheadSamples): number[] {
  return r.clientMs.map((c, i) => c - (r.handWrittenMs[i] ?? NaN));
}

/** Whether the 95% CI of the mean difference contains zero. */
export function indistinguishable(r: OverheadSamples): boolean {
  const ci = summarise(differences(r)).ci95;
  return ci !== null && ci[0] <= 0 && ci[1] >= 0;
}

export function overheadSection(studies: StudyResults): Section {
  const rows = studies.overhead;
  if (rows.length === 0) return { id: 'overhead', title: 'Framework overhead: reference client vs hand-written JSON-RPC', blocks: [] };
  const what = (r: OverheadSamples) => (r.calls === 'io' ? `${r.n} × ${r.delayMs} ms tool at once` : `${r.n} × trivial tool at once`);
  const verdict = (r: OverheadSamples) => {
    const d = summarise(differences(r));
    const relative = d.mean / summarise(r.handWrittenMs).mean;
    return indistinguishable(r) ? 'indistinguishable from zero' : `${d.mean > 0 ? '+' : ''}${msOf(d.mean)} (${d.mean > 0 ? '+' : ''}${percent(relative)})`;
  };
  const blocks: Block[] = [
    {
      kind: 'text',
      text: 'The same calls sent through the reference client (the SDK `Client`: request and result schemas, Protocol bookkeeping) and as hand-written JSON-RPC on the same connection or pipe, paired run by run with the order alternating. **Overhead** is the mean of the per-run differences with its 95% CI: where the CI contains 0, the client costs nothing measurable. At the I/O boundary (the tool awaits) that is the goal; the trivial calls show the client\'s own per-call cost with nothing to hide behind.',
    },
    ...runsNote(studies.settings),
    {
      kind: 'table',
      head: ['transport', 'calls', 'reference client', 'hand-written', 'overhead (mean ±95% CI)', 'overhead %', 'verdict'],
      rows: rows.map((r) => {
        const d = summarise(differences(r));
        return [
          channelLabel(r.kind, r.server),
          what(r),
          meanCi(r.clientMs, msOf),
          meanCi(r.handWrittenMs, msOf),
          meanCi(differences(r), msOf),
          percent(d.mean / summarise(r.handWrittenMs).mean),
          verdict(r),
        ];
      }),
    },
    {
      kind: 'chart',
      id: 'overhead',
      alt: 'Reference client overhead over hand-written JSON-RPC, % with 95% CI',
      svg: barChart({
        id: 'overhead',
        title: 'Client overhead over hand-written JSON-RPC (% of the hand-written wall time, 95% CI)',
        yLabel: '%',
        categories: [...new Set(rows.map((r) => channelLabel(r.kind, r.server)))],
        series: ['I/O-bound calls', 'trivial calls'],
        values: [...new Set(rows.map((r) => channelLabel(r.kind, r.server)))].map((label) =>
          (['io', 'trivial'] as const).map((calls) => {
            const r = rows.find((x) => channelLabel(x.kind, x.server) === label && x.calls === calls);
            if (!r) return null;
            const base = summarise(r.handWrittenMs).mean;
            const d = summarise(differences(r));
            const pct = (v: number) => (v / base) * 100;
            return { value: Math.max(0, pct(d.mean)), ci: d.ci95 ? [pct(d.ci95[0]), pct(d.ci95[1])] : null };
          }),
        ),
      }),
    },
    { kind: 'text', text: `Statistics of the per-run difference (reference client − hand-written), ${num(rows[0]?.clientMs.length ?? 0)} pairs each:` },
    statisticsTable(rows.map((r) => ({ label: `${channelLabel(r.kind, r.server)}, ${what(r)}`, samples: differences(r) })), msOf),
  ];
  return { id: 'overhead', title: 'Framework overhead: reference client vs hand-written JSON-RPC', blocks };
}
