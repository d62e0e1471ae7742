// Which committed run each generated README block comes from.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchResults } from '../results.js';
import { frameworksTable } from './frameworks-table.js';
import { reproducedText } from './reproduced.js';
import { runtimesTable } from './runtimes-table.js';
import { tailTable } from './tail-table.js';

/** The committed default run the README's answer is read from (a folder under the repository's root). */
export const ANSWER_RUN = 'reports/example-full';
/** Two consecutive default runs of one commit, which the README sets side by side. */
export const FIRST_RUN = 'reports/example-runtimes';
export const REPEAT_RUN = 'reports/example-runtimes-repeat';
/** `pnpm bench:frameworks`: every framework beside node:http. */
export const FRAMEWORKS_RUN = 'reports/example-frameworks';

function load(root: string, folder: string): BenchResults {
  return JSON.parse(readFileSync(join(root, folder, 'results.json'), 'utf8')) as BenchResults;
}

export function readmeBlocks(root: string): Record<string, string> {
  const answer = load(root, ANSWER_RUN);
  return {
    runtimes: runtimesTable(answer, ANSWER_RUN),
    tail: tailTable(answer, ANSWER_RUN),
    reproduced: reproducedText(load(root, FIRST_RUN), FIRST_RUN, load(root, REPEAT_RUN), REPEAT_RUN),
    frameworks: frameworksTable(load(root, FRAMEWORKS_RUN), FRAMEWORKS_RUN),
  };
}
