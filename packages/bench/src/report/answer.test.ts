import { describe, expect, it } from 'vitest';
import type { BenchResults } from '../results.js';
import { answerSection } from './answer.js';
import { buildReport } from './build.js';
import { reportContext } from './context.js';
import { fixtureResults, withPeers } from './fixture.js';
import { renderMarkdown } from './markdown.js';
import type { Block } from './model.js';
import { summariseRun } from './summary.js';

function answer(results: BenchResults) {
  const section = answerSection(summariseRun(reportContext(results)));
  const text = (section.blocks[0] as Extract<Block, { kind: 'text' }>).text;
  const table = section.blocks.find((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table');
  const chart = section.blocks.find((b): b is Extract<Block, { kind: 'chart' }> => b.kind === 'chart');
  return { section, text, table, chart };
}

/** bun serves twice node-http and four times the peer in every round; node-http@node26 is as fast as node-http. */
const clear = withPeers(
  fixtureResults(
    [
      { name: 'node-http', mcp: [1000, 1200, 800], raw: [30000, 30000, 30000], p99At: { 1000: 3 }, curve: { p99: [2, 4, 8], commonP99: 6 } },
      { name: 'bun', mcp: [2000, 2400, 1600], raw: [60000, 60000, 60000], p99At: { 1000: 2 }, curve: { p99: [1, 2, 4], commonP99: 2 } },
      { name: 'node-http@node26', mcp: [1000, 1200, 800], raw: [30000, 30000, 30000], p99At: { 1000: 3 }, curve: { p99: [2, 4, 8], commonP99: 6 } },
    ],
    [1000],
  ),
  [{ name: 'hono-mcp', mcp: [500, 600, 400] }],
);

describe('the first screen', () => {
  it('names the fastest where every other paired interval lies below 1, with the closest one', () => {
    const { text } = answer(clear);
    expect(text).toContain('**bun serves the most calls at saturation** (2,000 calls/s in the official wiring): paired by round over 3 rounds, every other server\'s ratio to it stays below 1; the closest, node-http, is at 0.50× (0.50–0.50).');
    expect(text).toContain('bun has clearly the lowest p99 at the common load (2.00 ms at 500 calls/s)');
  });

  it('has one row per server of the main wiring, ours on other runtimes and the peers, fastest first', () => {
    const { table } = answer(clear);
    expect(table?.rows.map((r) => r[0])).toEqual(['bun', 'node-http', 'node-http@node26', 'hono-mcp (peer)']);
    expect(table?.head).toEqual(['Server', '× fastest (paired, 95%)', 'Calls per core-second at saturation', 'Server CPU µs per call @ 1,000/s', 'p99 at the common load (500/s)', 'Peak RSS at saturation']);
    // bun: 10,000 calls over 4 CPU s at saturation; 5,000 over 4 at 1,000/s is 800 µs a call.
    expect(table?.rows[0]).toEqual(['bun', '1 (fastest)', '2,500 ±1,242', '800 ±0', '2.00 ms ±0.00', '100.0 MiB']);
    expect(table?.rows[3]).toEqual(['hono-mcp (peer)', '0.25× (0.25–0.25)', expect.any(String), expect.any(String), 'not run (peer)', '100.0 MiB']);
  });

  it('draws one bar per server with its interval', () => {
    const { chart } = answer(clear);
    expect(chart?.svg.match(/class="bar"/g)).toHaveLength(4);
    expect(chart?.svg).toContain('data-x="hono-mcp (peer)"');
  });

  it('names no winner where an interval reaches 1, and says what separates the contenders', () => {
    const tied = fixtureResults(
      [
        { name: 'node-http', mcp: [1000, 1100, 900], raw: [30000, 31000, 29000], p99At: { 1000: 3 }, curve: { p99: [2, 4, 8], commonP99: 6 } },
        { name: 'hono', mcp: [1020, 900, 1050], raw: [28000, 27000, 29000], p99At: { 1000: 3 }, curve: { p99: [2, 4, 8], commonP99: 2 } },
      ],
      [1000],
    );
    const { text } = answer(tied);
    expect(text).toMatch(/^\*\*No server is clearly fastest at saturation\.\*\* node-http has the highest mean \(1,000 calls\/s in the official wiring\), but paired by round over 3 rounds, hono at [\d.]+× \([\d.]+–[\d.]+\) is not separable from it/);
    expect(text).toContain('What separates them: hono has clearly the lowest p99 at the common load (2.00 ms at 495 calls/s).');
  });

  it('says nothing separates them where no figure does, and names no winner from one round', () => {
    const one = fixtureResults([
      { name: 'node-http', mcp: [1000], raw: [30000], p99At: {} },
      { name: 'uws', mcp: [1500], raw: [70000], p99At: {} },
    ]);
    const { text } = answer(one);
    expect(text).toContain('**No server is clearly fastest at saturation.**');
    expect(text).toContain('node-http at 0.67× (one round: no interval)');
    expect(text).toContain('Nothing else measured here separates them either');
  });

  it('comes first in RESULTS.md, before the contents', () => {
    const md = renderMarkdown(buildReport(clear));
    expect(md.indexOf('## The answer')).toBeLessThan(md.indexOf('- [This run](#this-run)'));
    expect(md).not.toContain('- [The answer]');
  });
});
