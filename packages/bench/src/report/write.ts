// Writes a run's report folder: results.json (raw), RESULTS.md, report.html, charts/*.svg.
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { BenchResults } from '../results.js';
import { buildReport } from './build.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';

export function writeReport(results: BenchResults, dir: string): { markdown: string; html: string; json: string } {
  // The charts folder is the report's own: a chart the report no longer draws must not linger there.
  rmSync(join(dir, 'charts'), { recursive: true, force: true });
  mkdirSync(join(dir, 'charts'), { recursive: true });
  const report = buildReport(results);
  const json = join(dir, 'results.json');
  const markdown = join(dir, 'RESULTS.md');
  const html = join(dir, 'report.html');
  writeFileSync(json, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(markdown, renderMarkdown(report));
  writeFileSync(html, renderHtml(report));
  for (const section of report.sections) {
    for (const block of section.blocks) {
      if (block.kind === 'chart') writeFileSync(join(dir, 'charts', `${block.id}.svg`), `${block.svg}\n`);
    }
  }
  return { markdown, html, json };
}

/** Points reports/latest at the newest run (a relative link, so the folder can move). */
export function linkLatest(dir: string): void {
  const latest = join(dirname(dir), 'latest');
  rmSync(latest, { force: true, recursive: false });
  symlinkSync(basename(dir), latest);
}
