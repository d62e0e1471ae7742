// The README's tail-latency table, generated from a committed run with the raw echo beside the curve.
import type { BenchResults } from '../results.js';
import { reportContext } from '../report/context.js';
import { TAIL_TARGETS_TEXT, tailGapTable } from '../report/curve-gap.js';
import { markdownTable } from './markdown-table.js';
import { runLine } from './runtimes-table.js';

export function tailTable(results: BenchResults, folder: string): string {
  const ctx = reportContext(results);
  const table = tailGapTable(ctx);
  if (table === null) throw new Error(`${folder} measured no raw echo beside its latency curve: it cannot give the tail table`);
  return [
    `${runLine(results, folder)} Open loop (oha), \`${ctx.primary}\` wiring; the same stack's raw JSON echo offered the same rate right after each server, in the same round.`,
    '',
    markdownTable(table.head, table.rows),
    '',
    `**Met** means ${TAIL_TARGETS_TEXT}: ${table.verdict}.`,
  ].join('\n');
}
