// The README's "Which framework" table, generated from a committed `pnpm bench:frameworks` run.
import type { BenchResults } from '../results.js';
import { reportContext } from '../report/context.js';
import { documentedWiringTable } from '../report/documented-wirings.js';
import { frameworkTable } from '../report/frameworks.js';
import { summariseRun } from '../report/summary.js';
import { markdownTable } from './markdown-table.js';
import { runLine } from './runtimes-table.js';

export function frameworksTable(results: BenchResults, folder: string): string {
  const summary = summariseRun(reportContext(results));
  const table = frameworkTable(summary);
  if (table === null) throw new Error(`${folder} measured no framework beside its stack: it cannot give the frameworks table`);
  const documented = documentedWiringTable(summary);
  return [
    `${runLine(results, folder)} Each framework in front of the same core on node:http, \`${summary.wiring}\` wiring.`,
    '',
    markdownTable(table.head, table.rows),
    ...(documented === null
      ? []
      : ['', "Each framework as SDK v2's serving guide wires it (its adapter and `createMcpHandler`, a server per request) beside ours on the same framework:", '', markdownTable(documented.head, documented.rows)]),
  ].join('\n');
}
