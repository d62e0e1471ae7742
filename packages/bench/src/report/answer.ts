// The report's first screen: the verdict, one table with a row per server measured in the main
// wiring (ours, ours on other runtimes, the peers), and one chart of each one's throughput over
// the fastest's, paired by round. Everything here is read from the run summary.
import { bytes, microseconds, ms, num, percent, withCi } from './format.js';
import { saturationUnits } from './labels.js';
import type { Block, Section } from './model.js';
import { ratioChart } from './ratio-chart.js';
import type { EntrantFigures, RunSummary } from './summary.js';
import { entrantLabel, ratioRange, verdictText } from './verdict.js';

export const ANSWER_TITLE = 'The answer';

/** The table's and the chart's order: the fastest first, by paired ratio; what was not measured at saturation last. */
function ordered(s: RunSummary): EntrantFigures[] {
  const ratio = (r: EntrantFigures) => s.main.throughput.ratios.get(r.entrant.server)?.mean ?? -1;
  return [...s.main.rows].sort((a, b) => ratio(b) - ratio(a));
}

export function answerSection(s: RunSummary): Section {
  const m = s.main;
  const best = m.throughput.best;
  if (best === null) return { id: 'answer', title: ANSWER_TITLE, blocks: [], lead: true };
  const rows = ordered(s);
  const rate = s.rate;
  const commonRate = rows.find((r) => r.atCommon?.offered)?.atCommon?.offered?.mean;
  const notKept = rows.some((r) => r.atRate && !r.keptUp);
  const head = [
    'Server',
    '× fastest (paired, 95%)',
    'Calls per core-second at saturation',
    ...(rate !== undefined ? [`Server CPU µs per call @ ${num(rate)}/s`] : []),
    ...(s.common ? [`p99 at the common load${commonRate !== undefined ? ` (${num(commonRate)}/s)` : ''}`] : []),
    'Peak RSS at saturation',
  ];
  const table = rows.map((r) => {
    const sat = r.saturation;
    const ratio = m.throughput.ratios.get(r.entrant.server);
    return [
      entrantLabel(m, r.entrant.server),
      r.entrant.server === best ? '1 (fastest)' : ratioRange(ratio),
      sat ? withCi(sat.requestsPerCpuSecond, (v) => num(v)) : 'not measured',
      ...(rate !== undefined ? [`${microseconds(r.atRate)}${r.atRate && !r.keptUp ? ' †' : ''}`] : []),
      ...(s.common ? [r.atCommon ? withCi(r.atCommon.p99, ms) : r.entrant.peer ? 'not run (peer)' : 'not measured'] : []),
      sat ? bytes(sat.peakRssBytes) : 'not measured',
    ];
  });
  const blocks: Block[] = [
    { kind: 'text', text: verdictText(s) },
    { kind: 'table', head, rows: table },
    {
      kind: 'chart',
      id: 'answer',
      alt: 'Saturation calls/s of each server over the fastest, paired by round, with 95% intervals',
      svg: ratioChart('answer', `Calls/s at saturation × the fastest (${s.wiring} wiring)`, rows.map((r) => ({ label: entrantLabel(m, r.entrant.server), ratio: m.throughput.ratios.get(r.entrant.server) }))),
    },
    {
      kind: 'text',
      text:
        `× fastest: each server's calls/s at saturation over the fastest's, paired by round (the mean of the per-round ratios over ${saturationUnits(s.rounds)}, with its 95% interval, Student's t); a server is named the fastest only where every other one's interval lies below 1. ` +
        'Calls per core-second: calls answered per second of the server\'s own CPU at saturation. ' +
        (rate !== undefined ? `Server CPU µs per call at ${num(rate)} calls/s, where every server that keeps up does the same work${notKept ? ' († did not keep up there: errors, ≥ 1% dropped or a busy generator, so not a call\'s cost)' : ''}. ` : '') +
        (s.common ? `p99 at the common load: the latency curve's point at ${percent(s.common.fraction ?? NaN, 0)} of the slowest server's saturation, open loop. ` : '') +
        'Figures ± half the 95% interval; the sections below have every scenario.',
    },
  ];
  return { id: 'answer', title: ANSWER_TITLE, blocks, lead: true };
}
