import { describe, expect, it } from 'vitest';
import { reportContext } from './context.js';
import { tailGapBlocks, tailGaps } from './curve-gap.js';
import { fixtureResults } from './fixture.js';

describe('the MCP tail beside the raw echo', () => {
  const results = fixtureResults([
    { name: 'node-http', mcp: [1000, 1000, 1000], raw: [30000, 30000, 30000], p99At: {}, curve: { p99: [4, 30, 90], commonP99: 6, rawP99: [2, 3] } },
    { name: 'hono', mcp: [1000, 1000, 1000], raw: [30000, 30000, 30000], p99At: {}, curve: { p99: [12, 30, 90], commonP99: 6, rawP99: [2] } },
    { name: 'bun', mcp: [2000, 2000, 2000], raw: [60000, 60000, 60000], p99At: {}, curve: { p99: [2, 4, 8], commonP99: 2 } },
  ]);
  const ctx = reportContext(results);

  it('pairs each MCP point with the echo at the same fraction and says whether the targets were met', () => {
    const gaps = tailGaps(ctx);
    expect(gaps.map((g) => [g.server, g.fraction])).toEqual([
      ['node-http', 0.5],
      ['hono', 0.5],
      ['node-http', 1],
    ]);
    expect(gaps[0]?.ratio.mean).toBeCloseTo(2);
    expect(gaps[0]?.met).toBe(true);
    // 10× the echo's p99 at saturation: shown, not judged.
    // 6× the echo and over 5 ms at half load.
    expect(gaps[1]?.met).toBe(false);
    expect(gaps[2]?.ratio.mean).toBeCloseTo(10);
    expect(gaps[2]?.met).toBe(null);
  });

  it('shows a table only where the echo was measured', () => {
    const blocks = tailGapBlocks(ctx);
    const table = blocks.find((b) => b.kind === 'table');
    expect(table && 'rows' in table ? table.rows.length : 0).toBe(3);
    expect(blocks[0] && 'text' in blocks[0] ? blocks[0].text : '').toContain('1 of 2 did not (hono)');
    expect(tailGapBlocks(reportContext(fixtureResults([{ name: 'bun', mcp: [1], raw: [1], p99At: {}, curve: { p99: [1, 1, 1], commonP99: 1 } }])))).toEqual([]);
  });
});
