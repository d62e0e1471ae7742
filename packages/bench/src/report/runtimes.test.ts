import { describe, expect, it } from 'vitest';
import { buildReport } from './build.js';
import { fixtureResults } from './fixture.js';
import { renderMarkdown } from './markdown.js';

/** Three runtimes' own servers and one stack that is not a runtime's own (hono). */
function run() {
  const results = fixtureResults([
    { name: 'node-http', mcp: [1000, 900, 800], raw: [30000, 29000, 28000], p99At: { 100: 2, 400: 3 } },
    { name: 'node-http@node26', mcp: [1100, 990, 880], raw: [31000, 30000, 29000], p99At: { 100: 2, 400: 3 } },
    { name: 'bun', mcp: [2000, 1800, 1600], raw: [60000, 58000, 56000], p99At: { 100: 1, 400: 1 } },
    { name: 'hono', mcp: [900, 800, 700], raw: [25000, 24000, 23000], p99At: {} },
  ]);
  results.environment.runtimes = { node24: '24.22.3', node26: '26.12.1', bun: '1.4.5' };
  results.unsupported = [{ server: 'uws@node24', runtime: 'node24', reason: 'uws: cannot start: no native build for Node ABI 137' }];
  return results;
}

describe('the Runtimes section', () => {
  const md = renderMarkdown(buildReport(run()));
  const section = md.slice(md.indexOf('## Runtimes'), md.indexOf('\n## ', md.indexOf('## Runtimes') + 3));

  it("sets each runtime's own server side by side, with its exact version and its ratio to the best paired by round", () => {
    expect(section).toContain('| Node.js 24 (maintenance LTS) 24.22.3 | node-http |');
    expect(section).toContain('| Node.js 26 (active LTS) 26.12.1 | node-http@node26 |');
    expect(section).toContain('| Bun 1.4.5 | bun |');
    // Bun leads every round by the same factor: its paired ratio is exactly 1, node-http's 0.5.
    expect(section).toMatch(/\| bun \| 1,800 ±[\d,]+ \| 1\.00 ±0\.00× \|/);
    expect(section).toMatch(/\| node-http \| 900 ±[\d,]+ \| 0\.50 ±0\.00× \|/);
    // Hono is a framework on Node, not a runtime's own server.
    expect(section).not.toContain('| hono |');
  });

  it('says what could not run where, in its own words', () => {
    expect(section).toContain('- uws@node24 on Node.js 24 (maintenance LTS): uws: cannot start: no native build for Node ABI 137');
  });

  it("lists what a runtime, not the server, decides about slow clients, from the registry", () => {
    expect(section).toContain('- bun: uSockets cuts off slow headers at a fixed 10 s');
  });

  it('pairs p99 at the common load and memory against the lowest, by round', () => {
    const curved = fixtureResults([
      { name: 'node-http', mcp: [1000, 900, 800], raw: [30000, 29000, 28000], p99At: {}, curve: { p99: [2, 4, 8], commonP99: 6 } },
      { name: 'bun', mcp: [2000, 1800, 1600], raw: [60000, 58000, 56000], p99At: {}, curve: { p99: [1, 2, 4], commonP99: 2 } },
    ]);
    const text = renderMarkdown(buildReport(curved));
    expect(text).toMatch(/\| node-http \|[^\n]*\| 6\.00 ms ±0\.00 \| 3\.00 ±0\.00× \| 100\.0 MiB \| 1\.00 ±0\.00× \|/);
    expect(text).toMatch(/\| bun \|[^\n]*\| 2\.00 ms ±0\.00 \| 1\.00 ±0\.00× \| 100\.0 MiB \| 1\.00 ±0\.00× \|/);
  });

  it('is left out of a run with a single runtime and nothing unsupported', () => {
    const one = fixtureResults([{ name: 'node-http', mcp: [1000, 900, 800], raw: [30000, 29000, 28000], p99At: {} }]);
    expect(renderMarkdown(buildReport(one))).not.toContain('## Runtimes');
  });
});
