import { describe, expect, it } from 'vitest';
import { parseTimes, runGenerator } from './generator.js';

describe('runGenerator', () => {
  it('returns output, exit code and the CPU the child burned', async () => {
    const run = await runGenerator(
      [process.execPath, '-e', 'const cpu=()=>{const u=process.cpuUsage(); return (u.user+u.system)/1e6}; while(cpu()<0.3); console.log("done"); process.exit(3)'],
      { timeoutMs: 10_000 }, // burns CPU time, not wall time: a loaded CI core must not fail it
    );
    expect(run.code).toBe(3);
    expect(run.stdout.trim()).toBe('done');
    expect(run.cpuSeconds).toBeGreaterThan(0.2);
    expect(run.cpuSeconds).toBeLessThan(run.wallSeconds + 0.5);
  });

  it('kills a generator that outlives its time limit', async () => {
    const run = await runGenerator(['sleep', '30'], { timeoutMs: 200 });
    expect(run.code).not.toBe(0);
    expect(run.wallSeconds).toBeLessThan(5);
  });

  it('parses bash times output', () => {
    expect(parseTimes('0m0.010s 0m0.002s\n1m2.500s 0m0.250s\n')).toBeCloseTo(62.75, 6);
  });
});
