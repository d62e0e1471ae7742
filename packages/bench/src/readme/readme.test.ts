import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readmeBlocks } from './blocks.js';
import { brokenLinks, headingAnchor } from './links.js';
import { syncBlocks } from './sync.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

describe('README', () => {
  it('carries exactly the blocks generated from the committed runs (pnpm readme writes them)', () => {
    const readme = readFileSync(`${ROOT}README.md`, 'utf8');
    expect(syncBlocks(readme, readmeBlocks(ROOT))).toBe(readme);
  });

  it('replaces a block between its markers and refuses a README without them', () => {
    const text = 'a\n<!-- generated: t (pnpm readme; do not edit by hand) -->\nold\n<!-- end generated: t -->\nb\n';
    expect(syncBlocks(text, { t: 'new' })).toBe('a\n<!-- generated: t (pnpm readme; do not edit by hand) -->\nnew\n<!-- end generated: t -->\nb\n');
    expect(() => syncBlocks('a\n', { t: 'new' })).toThrow(/README has no "<!-- generated: t/);
  });

  it('links only to files and headings that exist, in the README and every page of docs/', () => {
    const pages = ['README.md', ...readdirSync(`${ROOT}docs`).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
    expect(pages.length).toBeGreaterThan(5);
    expect(pages.flatMap((page) => brokenLinks(ROOT, page))).toEqual([]);
  });

  it('makes heading anchors as GitHub does', () => {
    expect(headingAnchor('Peers: the stacks users pick instead')).toBe('peers-the-stacks-users-pick-instead');
    expect(headingAnchor('`--target` and MCP_WIRING')).toBe('--target-and-mcp_wiring');
  });

  it('stays a short guide', () => {
    expect(readFileSync(`${ROOT}README.md`, 'utf8').split('\n').length).toBeLessThanOrEqual(300);
  });
});
