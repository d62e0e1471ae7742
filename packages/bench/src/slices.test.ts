import { describe, expect, it } from 'vitest';
import { sliceNumber, sliceOrder } from './slices.js';

describe('saturation slices', () => {
  const servers = ['a', 'b', 'c', 'd'];

  it('visits every server once a slice', () => {
    for (let slice = 1; slice <= 9; slice++) expect([...sliceOrder(servers, slice)].sort()).toEqual(servers);
  });

  it('turns the order so no server is always first, last, or after the same one', () => {
    const orders = Array.from({ length: 8 }, (_, i) => sliceOrder(servers, i + 1));
    expect(new Set(orders.map((o) => o[0]))).toEqual(new Set(servers));
    expect(new Set(orders.map((o) => o.at(-1)))).toEqual(new Set(servers));
    const before = new Set(orders.map((o) => o[o.indexOf('b') - 1]));
    expect(before.size).toBeGreaterThan(1);
    expect(sliceOrder(servers, 1)).toEqual(['a', 'b', 'c', 'd']);
    expect(sliceOrder(servers, 2)).toEqual(['d', 'c', 'b', 'a']);
    expect(sliceOrder(servers, 3)).toEqual(['b', 'c', 'd', 'a']);
  });

  it('numbers slices across the run, so a pair is always two servers of one slice', () => {
    expect(sliceNumber(1, 1, 5)).toBe(1);
    expect(sliceNumber(1, 5, 5)).toBe(5);
    expect(sliceNumber(2, 1, 5)).toBe(6);
    expect(sliceNumber(3, 5, 5)).toBe(15);
  });

  it('has nothing to order without servers', () => {
    expect(sliceOrder([], 3)).toEqual([]);
  });
});
