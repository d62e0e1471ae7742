import { describe, expect, it } from 'vitest';
import { buildReport } from './build.js';
import { fixtureResults, withPeers } from './fixture.js';
import { frameworkCost } from './frameworks.js';
import { renderMarkdown } from './markdown.js';

const sectionOf = (md: string) => md.slice(md.indexOf('## Frameworks'), md.indexOf('\n## ', md.indexOf('## Frameworks') + 3));

describe('the Frameworks section', () => {
  // Every round drifts alike, so each framework's paired ratio to node:http is exact.
  const results = fixtureResults([
    { name: 'node-http', mcp: [1000, 900, 800], raw: [30000, 27000, 24000], p99At: { 100: 2, 400: 3 } },
    { name: 'express', mcp: [500, 450, 400], raw: [15000, 13500, 12000], p99At: { 100: 2, 400: 3 } },
    { name: 'fastify', mcp: [900, 810, 720], raw: [27000, 24300, 21600], p99At: { 100: 2, 400: 3 } },
    { name: 'bun', mcp: [2000, 1800, 1600], raw: [60000, 54000, 48000], p99At: { 100: 1, 400: 1 } },
  ]);
  const section = sectionOf(renderMarkdown(buildReport(results)));

  it('sets each framework measured beside the node:http server under it, paired, with and without MCP', () => {
    expect(section).toMatch(/\| node:http \(HTTP\/1\.1\) \| 900 ±[\d,]+ \| 1 \(the stack\) \|/);
    expect(section).toMatch(/\| Express 5 on node:http \| 450 ±[\d,]+ \| 0\.50 ±0\.00× \| 50% \(50–50%\) \| 13,500 ±[\d,]+ \| 0\.50 ±0\.00× \|/);
    expect(section).toMatch(/\| Fastify 5 on node:http \| 810 ±[\d,]+ \| 0\.90 ±0\.00× \| 10% \(10–10%\) \|/);
    // Bun is a runtime, not a framework: it has no row here.
    expect(section).not.toContain('Bun.serve');
    // Hono was not in this run: the section says so and how to measure it.
    expect(section).toContain('Not in this run: hono, sdk-express, sdk-fastify, sdk-hono. `pnpm bench:frameworks`');
  });

  it('has no rows when no framework or its stack was measured', () => {
    const without = fixtureResults([{ name: 'bun', mcp: [2000, 1800], raw: [60000, 54000], p99At: {} }, { name: 'express', mcp: [500, 450], raw: [15000, 13500], p99At: {} }]);
    expect(renderMarkdown(buildReport(without))).not.toContain('| Express 5 on node:http |');
  });

  it("states a framework's cost as a share of the stack's throughput, or level where the interval reaches 1", () => {
    expect(frameworkCost({ n: 3, mean: 0.8, ci95: [0.7, 0.9] } as never)).toBe('20% (10–30%)');
    expect(frameworkCost({ n: 3, mean: 0.95, ci95: [0.85, 1.05] } as never)).toBe('not separable from it');
    expect(frameworkCost({ n: 1, mean: 0.5, ci95: null } as never)).toBe('50% (one slice)');
    expect(frameworkCost({ n: 3, mean: 1.2, ci95: [1.03, 1.37] } as never)).toBe('none: 20% faster (3–37%)');
  });

  it("sets each framework's documented wiring beside ours on it, paired by slice, with the differences it declares", () => {
    // The guide's Express serves a quarter of ours in every round; its Fastify was not measured.
    const run = withPeers(results, [{ name: 'sdk-express', mcp: [125, 112.5, 100] }]);
    const md = sectionOf(renderMarkdown(buildReport(run)));
    expect(md).toContain("**As the SDK's documentation wires each framework.**");
    expect(md).toMatch(/\| Express 5 on node:http \| 450 ±[\d,]+ \| 113 ±[\d,]+ \| 0\.25 ±0\.00× \|/);
    expect(md).not.toMatch(/\| Fastify 5 on node:http \| 810 ±[\d,]+ \| not measured/);
    expect(md).toContain('Not in this run: hono, sdk-fastify, sdk-hono.');
    // Without the peers, the section has no such table and names them.
    expect(section).not.toContain("**As the SDK's documentation wires each framework.**");
    expect(section).toContain('sdk-express, sdk-fastify, sdk-hono');
  });

  it("sets a framework beside the guide's wiring of it even when the stack under it was not measured", () => {
    const alone = withPeers(fixtureResults([{ name: 'fastify', mcp: [900, 810, 720], raw: [27000, 24300, 21600], p99At: {} }]), [{ name: 'sdk-fastify', mcp: [90, 81, 72] }]);
    const md = sectionOf(renderMarkdown(buildReport(alone)));
    expect(md).not.toContain('| node:http (HTTP/1.1) |');
    expect(md).toMatch(/\| Fastify 5 on node:http \| 810 ±[\d,]+ \| 81 ±[\d,]+ \| 0\.10 ±0\.00× \|/);
  });
});
