// Which committed run each generated README block comes from.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchResults } from '../results.js';
import { runtimesTable } from './runtimes-table.js';

/** The committed example run the README's answer is read from (a folder under the repository's root). */
export const RUNTIMES_RUN = 'reports/example-runtimes';

export function readmeBlocks(root: string): Record<string, string> {
  const results = JSON.parse(readFileSync(join(root, RUNTIMES_RUN, 'results.json'), 'utf8')) as BenchResults;
  return { runtimes: runtimesTable(results, RUNTIMES_RUN) };
}
