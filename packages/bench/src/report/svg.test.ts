import { describe, expect, it } from 'vitest';
import { barChart, formatTick, lineChart } from './svg.js';

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
});
