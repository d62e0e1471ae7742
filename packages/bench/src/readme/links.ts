// The documentation's relative links: each must reach a file of the repository, and a heading
// of it where the link names one.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

/** GitHub's heading anchor: lower case, punctuation but `-` and `_` dropped, spaces to dashes. */
export function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}_ -]/gu, '')
    .replace(/ /g, '-');
}

/** The anchors of a Markdown text's headings (outside code blocks). */
export function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    const heading = fenced ? null : /^#{1,6} (.+)$/.exec(line);
    if (heading?.[1]) anchors.add(headingAnchor(heading[1]));
  }
  return anchors;
}

/** Every relative link of `file` (repository-relative) that leads nowhere, with why. */
export function brokenLinks(root: string, file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const broken: string[] = [];
  for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
    if (!target || /^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
    const [path = '', fragment] = target.split('#');
    const resolved = path === '' ? file : normalize(join(dirname(file), path));
    const absolute = join(root, resolved);
    if (!existsSync(absolute)) {
      broken.push(`${file}: ${target} (no ${resolved})`);
      continue;
    }
    if (fragment && resolved.endsWith('.md') && statSync(absolute).isFile() && !anchorsOf(readFileSync(absolute, 'utf8')).has(fragment)) {
      broken.push(`${file}: ${target} (no heading #${fragment} in ${resolved})`);
    }
  }
  return broken;
}
