// The reliability checks as the probe runs them, pinned to the generator's core, against a
// server the runner started (and whose pid it passed, to read its memory from /proc).
import { isAgentTaskAnswer } from '../agent-answer.js';
import { rssBytes } from '../process-usage.js';
import { createSender, openLoop, type Target } from './open-loop.js';
import type { PhaseResult, ReliabilitySettings, ShutdownResult, SoakResult } from './model.js';

/** agent_task call number n, and the check that an answer is that call's. */
function agentCall(prefix: string) {
  return (n: number) => {
    const task = `${prefix}-${n}`;
    const body = JSON.stringify({ jsonrpc: '2.0', id: n, method: 'tools/call', params: { name: 'agent_task', arguments: { task } } });
    return { body, check: (text: string) => isAgentTaskAnswer(text, n, task) };
  };
}

const sampler = (pid: number) => () => {
  try {
    return rssBytes(pid);
  } catch {
    return 0;
  }
};

/** Half saturation, twice saturation, half again: normal latency, overload, and the return to normal. */
export async function overload(target: Target, pid: number, s: ReliabilitySettings, saturationRps: number): Promise<PhaseResult[]> {
  const sender = createSender(target, 4096);
  const common = { call: agentCall('overload'), sampleRss: sampler(pid) };
  try {
    const half = Math.max(1, Math.round(saturationRps / 2));
    const phases: PhaseResult[] = [];
    phases.push(await openLoop(sender, { ...common, phase: 'before', rate: half, seconds: s.phaseSeconds }));
    phases.push(await openLoop(sender, { ...common, phase: 'overload', rate: Math.round(saturationRps * s.overloadFactor), seconds: s.overloadSeconds }));
    phases.push(await openLoop(sender, { ...common, phase: 'after', rate: half, seconds: s.phaseSeconds }));
    return phases;
  } finally {
    await sender.close();
  }
}

/** Closed-loop clients calling; SIGTERM to the server after `warmMs`; each client stops at its first refused request. */
export async function shutdownUnderLoad(
  target: Target,
  pid: number,
  s: ReliabilitySettings,
  warmMs = 1000,
): Promise<Pick<ShutdownResult, 'clients' | 'received' | 'refused' | 'broken' | 'exitMs'>> {
  const sender = createSender(target, s.shutdownClients);
  const call = agentCall('shutdown');
  let received = 0;
  let refused = 0;
  let broken = 0;
  let next = 0;
  const client = async () => {
    for (;;) {
      const { body, check } = call(next++);
      let answer: { status: number; body: string };
      try {
        answer = await sender.post(body);
      } catch {
        refused++;
        return;
      }
      if (answer.status === 200 && check(answer.body)) received++;
      else broken++;
    }
  };
  try {
    const clients = Array.from({ length: s.shutdownClients }, client);
    await new Promise((resolve) => setTimeout(resolve, warmMs));
    const signalled = performance.now();
    process.kill(pid, 'SIGTERM');
    await Promise.all(clients);
    while (alive(pid)) await new Promise((resolve) => setTimeout(resolve, 10));
    return { clients: s.shutdownClients, received, refused, broken, exitMs: Math.round(performance.now() - signalled) };
  } finally {
    await sender.close();
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A steady rate for a long time, RSS sampled every second. */
export async function soak(target: Target, pid: number, s: ReliabilitySettings): Promise<Omit<SoakResult, 'server' | 'wiring' | 'protocol' | 'exitCode'>> {
  const sender = createSender(target, 256);
  const rss: [number, number][] = [];
  const start = performance.now();
  const sample = sampler(pid);
  const timer = setInterval(() => rss.push([Math.round((performance.now() - start) / 100) / 10, sample()]), 1000);
  try {
    const phase = await openLoop(sender, { phase: 'soak', rate: s.soakRate, seconds: s.soakSeconds, call: agentCall('soak') });
    return { rate: s.soakRate, seconds: s.soakSeconds, ok: phase.ok, errors: phase.errors + phase.shed, errorSamples: phase.errorSamples, p99Ms: phase.p99Ms, rss };
  } finally {
    clearInterval(timer);
    await sender.close();
  }
}
