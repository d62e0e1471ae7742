import { describe, expect, it } from 'vitest';
import { createTurns } from './turns.js';

/** Holds the loop for `ms`, as a CPU-bound request does. */
function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

describe('createTurns', () => {
  it('lets a request go ahead at once while the turn has room', () => {
    const turns = createTurns(50);
    expect(turns.enter()).toBeUndefined();
    expect(turns.enter()).toBeUndefined();
    expect(turns.waiting).toBe(0);
  });

  it('past the slice, requests wait for later turns and run oldest first', async () => {
    const turns = createTurns(5);
    const ran: number[] = [];
    const run = async (n: number) => {
      await turns.enter();
      busy(3);
      ran.push(n);
    };
    expect(turns.enter()).toBeUndefined(); // a request that spends this turn
    busy(6);
    const all = Promise.all([0, 1, 2, 3, 4, 5].map(run));
    expect(turns.waiting).toBe(6);
    await all;
    expect(ran).toEqual([0, 1, 2, 3, 4, 5]);
    expect(turns.waiting).toBe(0);
  });

  it('the loop goes round between turns: a timer due meanwhile fires before the backlog is done', async () => {
    const turns = createTurns(5);
    const events: string[] = [];
    setTimeout(() => events.push('timer'), 0);
    expect(turns.enter()).toBeUndefined();
    busy(6);
    await Promise.all(
      Array.from({ length: 20 }, async (_, n) => {
        await turns.enter();
        busy(2);
        events.push(`request ${n}`);
      }),
    );
    // 20 × 2 ms cannot fit one 5 ms turn: the timer must come before the last request.
    const timerAt = events.indexOf('timer');
    expect(timerAt).toBeGreaterThanOrEqual(0);
    expect(timerAt).toBeLessThan(events.length - 1);
    expect(events.filter((e) => e !== 'timer')).toEqual(Array.from({ length: 20 }, (_, n) => `request ${n}`));
  });
});
