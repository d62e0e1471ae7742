import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { fullGcEnv } from './full-gc.js';

/** How many major GCs a Node process started with `env` runs in `ms` while allocating nothing to speak of. */
async function majorGcsIn(env: Record<string, string>, ms: number): Promise<number> {
  const script = `
    const { PerformanceObserver, constants } = require('node:perf_hooks');
    let major = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.detail.kind === constants.NODE_PERFORMANCE_GC_MAJOR) major++;
    }).observe({ entryTypes: ['gc'] });
    setTimeout(() => console.log(major), ${ms});
  `;
  const child = spawn(process.execPath, ['-e', script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  await new Promise((resolve) => child.once('exit', resolve));
  return Number(out.trim());
}

describe('fullGcEnv', () => {
  it('makes a Node process run a full GC at the interval asked', async () => {
    expect(await majorGcsIn(fullGcEnv(100), 1000)).toBeGreaterThanOrEqual(5);
  });

  it('leaves V8 alone when no interval is asked', async () => {
    expect(fullGcEnv(null)).toEqual({});
    expect(await majorGcsIn(fullGcEnv(null), 500)).toBe(0);
  });
});
