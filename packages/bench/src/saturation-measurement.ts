// One saturation run of a live server, with its CPU and memory watched, as a Measurement.
import { errorRate, perCpu } from './measurement.js';
import { round3, watchProcess } from './process-usage.js';
import type { Figures, Measurement, ProcessUsage } from './results.js';
import { saturateListener, saturationTool, type SaturationResult } from './saturation.js';
import type { Toolchain } from './toolchain.js';
import type { LiveServer } from './live-servers.js';

export type SaturationRun = SaturationResult & { usage: ProcessUsage; tool: 'wrk' | 'h2load'; protocol: string };

/** Saturates a live server for `seconds` with `concurrency` requests in flight, watching its process. */
export async function saturateOnce(
  tools: Pick<Toolchain, 'wrk' | 'h2load'>,
  live: Pick<LiveServer, 'pid' | 'saturationUrl' | 'saturationListener' | 'era'>,
  seconds: number,
  concurrency: number,
  prefix: string[],
): Promise<SaturationRun> {
  const watch = watchProcess(live.pid);
  const options = { url: live.saturationUrl, seconds, concurrency, prefix, era: live.era };
  const result = await saturateListener(tools, live.saturationListener, options);
  return { ...result, usage: watch.stop(), tool: saturationTool(live.saturationListener), protocol: live.saturationListener };
}

export interface SaturationAt {
  server: string;
  scenario: 'saturation-mcp' | 'saturation-raw';
  /** The pairing unit: the slice's number across the run. */
  round: number;
  /** The round whose server start it was measured on. */
  launch: number;
  background: number;
  wiring?: string;
}

export function saturationMeasurement(m: SaturationRun, at: SaturationAt): Measurement {
  const figures: Figures = { requests: m.requests, rps: m.rps, latencyMs: m.latencyMs, bytesPerSecond: m.bytesPerSecond };
  return {
    ...figures,
    server: at.server,
    scenario: at.scenario,
    ...(at.wiring !== undefined ? { wiring: at.wiring } : {}),
    round: at.round,
    launch: at.launch,
    tool: m.tool,
    concurrency: m.concurrency,
    protocol: m.protocol,
    startedAt: new Date().toISOString(),
    durationSeconds: round3(m.durationSeconds),
    errors: m.errors,
    errorRate: errorRate(m.errors, m.requests),
    droppedIterations: 0,
    serverUsage: m.usage,
    requestsPerCpuSecond: perCpu(m.requests, m.usage),
    generatorUsage: { cpuSeconds: round3(m.generatorCpuSeconds), utilisation: round3(m.generatorCpuSeconds / m.durationSeconds) },
    backgroundCpu: at.background,
  };
}
