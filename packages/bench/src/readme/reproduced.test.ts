import { describe, expect, it } from 'vitest';
import { fixtureResults, type FixtureServer } from '../report/fixture.js';
import { agreement, moves, pairOrders, rankingAtSaturation, relativeHalfWidth, reproducedText, summaryOf, widest } from './reproduced.js';

const server = (name: string, mcp: number[]): FixtureServer => ({ name, mcp, raw: mcp.map((x) => x * 10), p99At: { 100: 4, 400: 9 } });
const run = (servers: FixtureServer[], sha: string, startedAt: string) => {
  const r = fixtureResults(servers);
  return { ...r, environment: { ...r.environment, gitSha: sha }, startedAt, finishedAt: new Date(Date.parse(startedAt) + 34 * 60_000 + 5_000).toISOString() };
};

describe('a run done twice', () => {
  // Rounds drift together (×1, ×0.8, ×0.6), so the paired ratios are exact: uws 1, node-http 0.5, hono 0.25.
  const first = run([server('node-http', [500, 400, 300]), server('uws', [1000, 800, 600]), server('hono', [250, 200, 150])], 'abcdef1234', '2026-12-07T15:00:00.000Z');
  const second = run([server('node-http', [520, 410, 310]), server('uws', [1000, 820, 600]), server('hono', [240, 210, 150])], 'abcdef1234', '2026-12-07T15:35:00.000Z');

  it('ranks the servers by their paired ratio to the fastest', () => {
    const ranking = rankingAtSaturation(summaryOf(first));
    expect(ranking.order).toEqual(['uws', 'node-http', 'hono']);
    expect(ranking.ratios.get('node-http')?.mean).toBeCloseTo(0.5, 9);
    expect(relativeHalfWidth(ranking.ratios.get('node-http') as NonNullable<ReturnType<typeof ranking.ratios.get>>)).toBeCloseTo(0, 9);
    expect(widest(rankingAtSaturation(summaryOf(second)))?.halfWidth).toBeGreaterThan(0);
  });

  it('says both runs ranked them alike, naming both and the widest interval', () => {
    const text = reproducedText(first, 'reports/a', second, 'reports/b');
    expect(text).toContain('Two consecutive default runs of commit `abcdef1`');
    expect(text).toContain('[reports/a](reports/a/RESULTS.md) (started 15:00 UTC, 34m05s)');
    expect(text).toContain('in the same order');
    expect(text).toMatch(/widest 95% interval of a ratio to the fastest: ±\d/);
  });

  it('names each server whose place changed', () => {
    const swapped = run([server('node-http', [500, 400, 300]), server('uws', [450, 380, 290]), server('hono', [250, 200, 150])], 'abcdef1234', '2026-12-07T15:35:00.000Z');
    expect(moves(rankingAtSaturation(summaryOf(first)), rankingAtSaturation(summaryOf(swapped)))).toEqual([
      { server: 'uws', from: 1, to: 2 },
      { server: 'node-http', from: 2, to: 1 },
    ]);
    expect(reproducedText(first, 'reports/a', swapped, 'reports/b')).toContain('differently: uws 1st then 2nd, node-http 2nd then 1st');
  });

  it('counts the pairs both runs separate alike, in opposite orders, or leave level', () => {
    const swapped = run([server('node-http', [500, 400, 300]), server('uws', [400, 320, 240]), server('hono', [250, 200, 150])], 'abcdef1234', '2026-12-07T15:35:00.000Z');
    // Run 1: uws > node-http > hono, every pair exact. Swapped: node-http ahead of uws in every round.
    const result = agreement(pairOrders(summaryOf(first)), pairOrders(summaryOf(swapped)));
    expect(result.same).toBe(2);
    expect(result.opposite.map((p) => [...p.pair].sort())).toEqual([['node-http', 'uws']]);
    expect(result.level).toBe(0);
    const noisy = run([server('node-http', [500, 400, 300]), server('uws', [450, 420, 290]), server('hono', [250, 200, 150])], 'abcdef1234', '2026-12-07T15:35:00.000Z');
    expect(agreement(pairOrders(summaryOf(first)), pairOrders(summaryOf(noisy))).level).toBe(1);
    expect(reproducedText(first, 'reports/a', swapped, 'reports/b')).toContain('Of the 3 pairs of servers, 2 were separated by their paired interval in both runs in the same order, 1 in opposite orders');
  });
});
