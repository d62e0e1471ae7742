import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { OnDemand } from './on-demand.js';

describe('OnDemand', () => {
  it('coalesces concurrent first callers into one start-up', async () => {
    let stops = 0;
    const lazy = new OnDemand(
      async () => {
        await sleep(30);
        return { id: Math.random() };
      },
      async () => void stops++,
    );
    const values = await Promise.all(Array.from({ length: 20 }, () => lazy.get()));
    expect(lazy.startups).toBe(1);
    expect(new Set(values).size).toBe(1);
    expect(await lazy.get()).toBe(values[0]);
    await lazy.stop();
    expect(stops).toBe(1);
    await lazy.get();
    expect(lazy.startups).toBe(2);
  });

  it('does not keep a failed start: every waiter sees the failure, the next call starts again', async () => {
    let attempt = 0;
    const lazy = new OnDemand(async () => {
      attempt++;
      await sleep(10);
      if (attempt === 1) throw new Error('port in use');
      return attempt;
    }, async () => {});
    const first = await Promise.allSettled([lazy.get(), lazy.get(), lazy.get()]);
    expect(first.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(await lazy.get()).toBe(2);
    expect(lazy.startups).toBe(2);
  });

  it('stop() waits for a start-up in flight and stops what it started', async () => {
    const stopped: number[] = [];
    const lazy = new OnDemand(async () => {
      await sleep(20);
      return 7;
    }, async (v) => void stopped.push(v));
    void lazy.get();
    await lazy.stop();
    expect(stopped).toEqual([7]);
  });
});
