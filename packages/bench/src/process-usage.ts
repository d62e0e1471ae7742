// CPU seconds and peak RSS of a running process, read from /proc (Linux): what the server
// spent on a measurement, independent of the load generator.
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import type { ProcessUsage } from './results.js';

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ: 100 on every Linux ABI). */
const TICKS_PER_SECOND = 100;

export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may contain spaces) start at ")"; utime is field 14.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

export function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
  return kib ? Number(kib) * 1024 : 0;
}

/** Samples a process while a measurement runs; `stop()` returns what it used meanwhile. */
export function watchProcess(pid: number, intervalMs = 200): { stop(): ProcessUsage } {
  const startCpu = safe(() => cpuSeconds(pid), 0);
  let peak = safe(() => rssBytes(pid), 0);
  let lastCpu = startCpu;
  const timer = setInterval(() => {
    peak = Math.max(peak, safe(() => rssBytes(pid), 0));
    lastCpu = safe(() => cpuSeconds(pid), lastCpu);
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      peak = Math.max(peak, safe(() => rssBytes(pid), 0));
      lastCpu = safe(() => cpuSeconds(pid), lastCpu);
      return { cpuSeconds: round3(lastCpu - startCpu), peakRssBytes: peak };
    },
  };
}

/** Fraction of all cores busy over `ms`, in cores (e.g. 0.3 = a third of one core). */
export async function busyCores(ms = 500): Promise<number> {
  const read = () => {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const ticks = line.trim().split(/\s+/).slice(1).map(Number);
    const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
    return { total: ticks.reduce((a, b) => a + b, 0), idle };
  };
  const a = read();
  await new Promise((r) => setTimeout(r, ms));
  const b = read();
  const total = b.total - a.total;
  if (total <= 0) return 0;
  return round3(((total - (b.idle - a.idle)) / total) * cpus().length);
}

function safe<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback; // the process may have exited between samples
  }
}

export function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** Waits (up to 10 s) until the machine is quiet: under a quarter of a core busy. */
export async function waitForQuiet(): Promise<number> {
  let busy = await busyCores(300);
  for (let i = 0; i < 20 && busy > 0.25; i++) busy = await busyCores(500);
  return busy;
}
