// Which committed run each generated README block comes from.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchResults } from '../results.js';
import { frameworksTable } from './frameworks-table.js';
import { reproducedText } from './reproduced.js';
import { runtimesTable } from './runtimes-table.js';

/** The committed example run the README's answer is read from (a folder under the repository's root). */
export const RUNTIMES_RUN = 'reports/example-runtimes';
/** The same commit's default run right after it, which the README compares it with. */
export const REPEAT_RUN = 'reports/example-runtimes-repeat';
/** `pnpm bench:frameworks`: every framework beside node:http. */
export const FRAMEWORKS_RUN = 'reports/example-frameworks';

function load(root: string, folder: string): BenchResults {
  return JSON.parse(readFileSync(join(root, folder, 'results.json'), 'utf8')) as BenchResults;
}

export function readmeBlocks(root: string): Record<string, string> {
  const results = load(root, RUNTIMES_RUN);
  return {
    runtimes: runtimesTable(results, RUNTIMES_RUN),
    reproduced: reproducedText(results, RUNTIMES_RUN, load(root, REPEAT_RUN), REPEAT_RUN),
    frameworks: frameworksTable(load(root, FRAMEWORKS_RUN), FRAMEWORKS_RUN),
  };
}
