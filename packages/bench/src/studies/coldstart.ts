// Cold start: N first calls to a server that is not running yet. The reference client's OnDemand
// starts it on first use; calls that arrive while it starts wait for that same start-up (single
// flight), so N at once cost one start-up and one call, not N start-ups.
import { connect, connectStdio, OnDemand } from '@mcp-runtimes/client';
import { launchServer, stdioMain } from '@mcp-runtimes/registry';
import { callAgentTask } from './channels.js';
import type { ColdStartRow, ColdStartSamples, StudySettings } from './model.js';
import { repeat } from './timing.js';
import { wiringOf } from '../variants.js';

interface Started {
  call(task: string): Promise<void>;
  stop(): Promise<void>;
}

export interface ColdTarget {
  /** `stdio`, or an HTTP server's registry name. */
  name: string;
  /** HTTP servers: the MCP wiring. */
  wiring?: string;
}

export async function measureColdStart(settings: StudySettings, target: ColdTarget, serverPrefix: string[]): Promise<ColdStartSamples> {
  const env = { MCP_STARTUP_DELAY_MS: String(settings.startupDelayMs) };
  const startupMs: number[] = [];
  let measuring = false;
  let taskId = 0;

  const start = async (): Promise<Started> => {
    const began = performance.now();
    const started = target.name === 'stdio' ? await startStdio() : await startHttp();
    if (measuring) startupMs.push(performance.now() - began);
    return started;
  };
  const startStdio = async (): Promise<Started> => {
    const [command, ...args] = [...serverPrefix, process.execPath, stdioMain()];
    const pipe = await connectStdio({ command: command as string, args, env, clientName: 'mcp-runtimes-bench' });
    return { call: (task) => callAgentTask(pipe.client, task, settings.delayMs), stop: () => pipe.close() };
  };
  const startHttp = async (): Promise<Started> => {
    const server = await launchServer(target.name, { prefix: serverPrefix, env: { ...env, MCP_WIRING: wiringOf(target.wiring ?? 'official') } });
    const connection = await connect(server.url, { clientName: 'mcp-runtimes-bench', connections: Math.max(...settings.counts) }).catch(
      async (error: unknown) => {
        await server.stop();
        throw error;
      },
    );
    return {
      call: (task) => callAgentTask(connection.client, task, settings.delayMs),
      stop: async () => {
        await connection.close();
        await server.stop();
      },
    };
  };
  const firstCall = async (lazy: OnDemand<Started>) => (await lazy.get()).call(`cold-${++taskId}`);

  const longest = Math.max(...settings.counts);
  const rows = new Map(settings.counts.map((n): [number, ColdStartRow] => [n, { n, sequentialMs: [], coalescedMs: [], startups: [] }]));
  await repeat(settings.warmupRuns, settings.runs, async (run) => {
    measuring = run >= 0;
    // One after another: the time to the n-th answer is the sequential wall time of n calls.
    const sequential = new OnDemand(start, (s) => s.stop());
    const began = performance.now();
    const sequentialAt = new Map<number, number>();
    for (let done = 1; done <= longest; done++) {
      await firstCall(sequential);
      sequentialAt.set(done, performance.now() - began);
    }
    const sequentialStartups = sequential.startups;
    await sequential.stop();

    for (const n of settings.counts) {
      const row = rows.get(n) as ColdStartRow;
      // N = 1 at once is the same single call as N = 1 one after another: not started twice.
      let coalescedMs = sequentialAt.get(1) as number;
      let startups = sequentialStartups;
      if (n > 1) {
        const coalesced = new OnDemand(start, (s) => s.stop());
        const t0 = performance.now();
        await Promise.all(Array.from({ length: n }, () => firstCall(coalesced)));
        coalescedMs = performance.now() - t0;
        startups = Math.max(startups, coalesced.startups);
        await coalesced.stop();
      }
      if (run < 0) continue;
      row.sequentialMs.push(sequentialAt.get(n) as number);
      row.coalescedMs.push(coalescedMs);
      row.startups.push(startups);
    }
  });
  return { target: target.name, ...(target.wiring ? { wiring: target.wiring } : {}), startupMs, rows: [...rows.values()] };
}
