import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { busyCores, cpuSeconds, rssBytes, watchProcess } from './process-usage.js';

describe('process usage from /proc', () => {
  it('reads CPU time and RSS of a live process', () => {
    expect(cpuSeconds(process.pid)).toBeGreaterThan(0);
    expect(rssBytes(process.pid)).toBeGreaterThan(10 * 1024 * 1024);
  });

  it('charges a busy child with about the CPU it burned, and sees its memory grow', async () => {
    const child = spawn(process.execPath, [
      '-e',
      // Burns a fixed amount of CPU, not of wall time: on a loaded CI machine the child may get
      // only part of a core, and the test is about what /proc charges, not about scheduling.
      'const a=[]; const cpu=()=>{const u=process.cpuUsage(); return (u.user+u.system)/1e6}; while(cpu()<0.5){a.push(Buffer.alloc(1<<16,1)); if(a.length>800)a.length=0}',
    ]);
    await new Promise((r) => setTimeout(r, 50));
    const watch = watchProcess(child.pid as number, 50);
    await new Promise((r) => child.once('exit', r));
    const usage = watch.stop();
    expect(usage.cpuSeconds).toBeGreaterThan(0.3);
    expect(usage.cpuSeconds).toBeLessThan(2);
    expect(usage.peakRssBytes).toBeGreaterThan(20 * 1024 * 1024);
  });

  it('measures background CPU in cores', async () => {
    const cores = await busyCores(100);
    expect(cores).toBeGreaterThanOrEqual(0);
    expect(cores).toBeLessThanOrEqual((await import('node:os')).cpus().length);
  });
});
