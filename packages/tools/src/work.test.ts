import { describe, expect, it } from 'vitest';
import { COMPLEXITY_ROUNDS } from './limits.js';
import { combineChecksums, deterministicText, fnv1a, simulateWork } from './work.js';

describe('work', () => {
  it('fnv1a matches the reference vectors', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });

  it('simulateWork is deterministic and depends on task and complexity', () => {
    const a = simulateWork('summarise', 'low');
    expect(simulateWork('summarise', 'low')).toEqual(a);
    expect(a.rounds).toBe(COMPLEXITY_ROUNDS.low);
    expect(a.checksum).toMatch(/^[0-9a-f]{8}$/);
    expect(simulateWork('summarise', 'high').checksum).not.toBe(a.checksum);
    expect(simulateWork('summarize', 'low').checksum).not.toBe(a.checksum);
  });

  it('combineChecksums depends on order', () => {
    expect(combineChecksums(['a', 'b'])).not.toBe(combineChecksums(['b', 'a']));
  });

  it('deterministicText has exactly the requested size, seeded', () => {
    for (const size of [0, 1, 37, 65_536, 65_537, 1_048_576]) {
      expect(deterministicText(size, 'x')).toHaveLength(size);
    }
    expect(deterministicText(100, 'x')).toBe(deterministicText(100, 'x'));
    expect(deterministicText(100, 'x')).not.toBe(deterministicText(100, 'y'));
  });
});
