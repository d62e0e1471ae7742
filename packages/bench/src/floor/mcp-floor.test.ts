import { describe, expect, it } from 'vitest';
import { ceiling, measureFloor } from './mcp-floor.js';

describe('measureFloor', () => {
  it.each(['tuned', 'official'])('calls the %s wiring without HTTP and counts right answers', async (wiring) => {
    const floor = await measureFloor({ wiring, seconds: 0.3, inFlight: 10, warmupSeconds: 0 });
    expect(floor.calls).toBeGreaterThan(10);
    expect(Math.abs(floor.callsPerSecond * floor.seconds - floor.calls)).toBeLessThan(floor.calls * 0.01);
    expect(floor.usPerCall).toBeGreaterThan(0);
    expect(floor.cpuUsPerCall).toBeGreaterThan(0);
  });

  it("runs each stage of a call on its own, each leaving less garbage than the whole handler", async () => {
    const whole = await measureFloor({ wiring: 'tuned', seconds: 0.3, inFlight: 10, warmupSeconds: 0.1 });
    expect(whole.heapBytesPerCall).toBeGreaterThan(1000);
    for (const stage of ['tool', 'json']) {
      const part = await measureFloor({ wiring: stage, seconds: 0.3, inFlight: 10, warmupSeconds: 0.1 });
      expect(part.calls, stage).toBeGreaterThan(10);
      expect(part.heapBytesPerCall, stage).toBeGreaterThan(0);
      expect(part.heapBytesPerCall, stage).toBeLessThan(whole.heapBytesPerCall as number);
    }
  });

  it('refuses a wiring that does not exist', async () => {
    await expect(measureFloor({ wiring: 'fastest', seconds: 0.1, inFlight: 1, warmupSeconds: 0 })).rejects.toThrow('unknown wiring fastest');
  });
});

describe('ceiling', () => {
  it('adds the per-request times of the raw echo and of the floor', () => {
    // 10 µs of HTTP + 30 µs of MCP = 40 µs a request: 25,000 req/s, a quarter of the raw 100,000.
    const { rps, shareOfRaw } = ceiling(100_000, 100_000 / 3);
    expect(rps).toBe(25_000);
    expect(shareOfRaw).toBeCloseTo(0.25, 9);
  });
});
