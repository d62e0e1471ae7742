import type { ProcessFigures } from '../core/endpoint.js';

/**
 * The server process's CPU time and memory for /health, read through Node's process API (Bun
 * and Deno provide it too). A figure a runtime does not provide reads 0 rather than failing
 * /health.
 */
export function processUsage(): ProcessFigures {
  return {
    cpu_seconds: figure(() => {
      const cpu = process.cpuUsage();
      return (cpu.user + cpu.system) / 1e6;
    }),
    rss_bytes: figure(() => process.memoryUsage.rss()),
    peak_rss_bytes: figure(() => process.resourceUsage().maxRSS * 1024),
  };
}

function figure(read: () => number): number {
  try {
    const value = read();
    return Number.isFinite(value) ? value : 0;
  } catch {
    return 0;
  }
}
