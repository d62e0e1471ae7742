// Multiplexing: N calls of a tool that awaits `delayMs`, one after another vs all at once, over
// ONE connection (or pool, or pipe). All at once should take one delay; a transport or client
// that serialises shows up as waves = wall / delay above 1.
import { openChannel } from './channels.js';
import type { ChannelSpec, MultiplexSamples, StudySettings } from './model.js';
import { repeat, wallMs } from './timing.js';

export async function measureMultiplex(settings: StudySettings, spec: ChannelSpec): Promise<MultiplexSamples[]> {
  const channel = await openChannel(spec, settings.poolConnections);
  const longest = Math.max(...settings.counts);
  const sequential = new Map(settings.counts.map((n) => [n, [] as number[]]));
  const concurrent = new Map(settings.counts.map((n) => [n, [] as number[]]));
  let taskId = 0;
  const call = () => {
    const task = `mux-${++taskId}`;
    return channel.call(task, settings.delayMs);
  };
  try {
    await repeat(settings.warmupRuns, settings.runs, async (run) => {
      const keep = run >= 0;
      // Alternate which mode goes first, so neither always runs on a freshly idle connection.
      const modes = run % 2 === 0 ? [runSequential, runConcurrent] : [runConcurrent, runSequential];
      for (const mode of modes) await mode(keep);
    });
  } finally {
    await channel.close();
  }

  /** One sequence of `longest` calls: the time to its n-th answer is the sequential wall time of n calls. */
  async function runSequential(keep: boolean) {
    const start = performance.now();
    for (let done = 1; done <= longest; done++) {
      await call();
      if (keep) sequential.get(done)?.push(performance.now() - start);
    }
  }
  async function runConcurrent(keep: boolean) {
    for (const n of settings.counts) {
      const ms = await wallMs(() => Promise.all(Array.from({ length: n }, call)));
      if (keep) concurrent.get(n)?.push(ms);
    }
  }

  const opened = channel.connectionsOpened();
  return settings.counts.flatMap((n) => [
    row(spec, n, 'sequential', sequential.get(n) ?? [], opened),
    row(spec, n, 'concurrent', concurrent.get(n) ?? [], opened),
  ]);
}

function row(spec: ChannelSpec, n: number, mode: MultiplexSamples['mode'], wallMs: number[], opened: number | undefined): MultiplexSamples {
  return { kind: spec.kind, server: spec.server, n, mode, wallMs, ...(opened !== undefined ? { connectionsOpened: opened } : {}) };
}
