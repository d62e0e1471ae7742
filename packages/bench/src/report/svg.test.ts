import { describe, expect, it } from 'vitest';
import { barChart, formatTick, legend, lineChart, textWidth, W } from './svg.js';

describe('charts', () => {
  it('formats axis ticks compactly without eating significant zeros', () => {
    expect(formatTick(100_000)).toBe('100k');
    expect(formatTick(1_000)).toBe('1k');
    expect(formatTick(1_500)).toBe('1.5k');
    expect(formatTick(2_000_000)).toBe('2M');
    expect(formatTick(250)).toBe('250');
    expect(formatTick(0.05)).toBe('0.05');
    expect(formatTick(0)).toBe('0');
  });

  it('draws one bar per measured value, with its CI, and skips what was not measured', () => {
    const svg = barChart({
      id: 't',
      title: 'T',
      yLabel: 'req/s',
      categories: ['a', 'b'],
      series: ['x', 'y'],
      values: [
        [{ value: 10, ci: [9, 11] }, { value: 20 }],
        [null, { value: 5 }],
      ],
    });
    expect(svg.match(/class="bar"/g)).toHaveLength(3);
    expect(svg.match(/class="ci"/g)).toHaveLength(1);
    expect(svg).toContain('<title>y · b: 5</title>');
  });

  it('draws a line per series through its points, escaping names', () => {
    const svg = lineChart({ id: 'l', title: 'L', xLabel: 'x', yLabel: 'y', series: [{ name: 'a<b', points: [[1, 2], [2, 4]] }], logY: true });
    expect(svg.match(/class="line"/g)).toHaveLength(1);
    expect(svg).toContain('a&lt;b');
    expect(svg).not.toContain('NaN');
  });

  it('wraps a legend onto rows rather than running past the chart or over itself', () => {
    const names = Array.from({ length: 11 }, (_, i) => `server-number-${i}`);
    const { svg, height } = legend(names, 16, 0, W - 32);
    expect(height).toBeGreaterThan(18);
    const items = [...svg.matchAll(/<text class="label" x="([\d.]+)" y="(\d+)"[^>]*>([^<]+)</g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), width: textWidth(m[3] as string, 12) }));
    expect(items).toHaveLength(11);
    for (const item of items) expect(item.x + item.width).toBeLessThanOrEqual(W - 16);
    for (const [i, a] of items.entries()) for (const b of items.slice(i + 1)) if (a.y === b.y) expect(b.x).toBeGreaterThan(a.x + a.width);
  });

  it('gives each category a row of its own, however many there are', () => {
    const categories = Array.from({ length: 14 }, (_, i) => `a long scenario name ${i}`);
    const svg = barChart({ id: 'many', title: 'Many', yLabel: 'req/s', categories, series: ['x'], values: categories.map((_, i) => [{ value: i + 1 }]) });
    const ys = [...svg.matchAll(/<text class="label" x="[\d.]+" y="([\d.]+)" text-anchor="end" font-size="12">a long/g)].map((m) => Number(m[1]));
    expect(ys).toHaveLength(14);
    for (let i = 1; i < ys.length; i++) expect((ys[i] as number) - (ys[i - 1] as number)).toBeGreaterThanOrEqual(14);
  });
});
