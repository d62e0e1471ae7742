import { describe, expect, it } from 'vitest';
import { buildReport } from './build.js';
import { fixtureResults } from './fixture.js';
import { renderMarkdown } from './markdown.js';

// Saturation req/s per round: v2 as documented at about 0.8× v1's, tuned v2 in 2026 at 1.1× its 2025 era.
const run = fixtureResults(
  [
    {
      name: 'node-http',
      mcp: [3000, 3100, 2900],
      raw: [30000, 31000, 29000],
      p99At: { 100: 4, 400: 9 },
      compare: { official: [1000, 1000, 1000], 'v2-official': [800, 800, 800], 'v2-tuned': [2000, 2000, 2000], 'v2-tuned@2026': [2200, 2200, 2200] },
    },
  ],
  [100, 400],
  'tuned',
);

describe('the SDK v1 vs v2 section', () => {
  it('sets each v2 variant beside v1 at saturation, and answers each migration question as a paired ratio', () => {
    const text = renderMarkdown(buildReport(run));
    expect(text).toContain('SDK v1 vs v2, 2025-11-25 vs 2026-07-28');
    expect(text).toContain('v2-tuned@2026 (SDK v2, 2026-07-28)');
    expect(text).toMatch(/SDK v2 over v1, as documented \(2025 era\) \| Saturation \(50 in flight\): req\/s \| 0\.80 ±0\.00×/);
    expect(text).toMatch(/2026-07-28 over 2025-11-25, SDK v2 tuned \| Saturation \(50 in flight\): req\/s \| 1\.10 ±0\.00×/);
    expect(text).toMatch(/SDK v2 over v1, tuned \(2025 era\) \| Saturation \(50 in flight\): req\/s \| 0\.67 ±0\.0\d×/);
  });

  it('is left out of a run without SDK v2', () => {
    const v1Only = fixtureResults([{ name: 'uws', mcp: [1, 1, 1], raw: [2, 2, 2], p99At: { 100: 1, 400: 1 } }]);
    expect(renderMarkdown(buildReport(v1Only))).not.toContain('SDK v1 vs v2');
  });
});
