// The MCP floor: a wiring's whole handler (JSON parsing, the SDK's validation and dispatch, the
// tool, the serialised answer) called in process with no HTTP stack, N calls in flight. No
// server built on that wiring can answer faster than this, whatever its HTTP stack: with the
// raw echo, it bounds what a tuned server's saturation can reach (see `ceiling`).
import { readFileSync } from 'node:fs';
import { DEFAULT_MAX_BODY_BYTES, isTextReply, WIRING_NAMES, WIRINGS, type Incoming } from '@mcp-runtimes/server-kit';
import { isAgentTaskAnswer } from '../agent-answer.js';
import { round3 } from '../process-usage.js';
import { saturationRequest as saturationWire, type Era } from '../saturation.js';
import { eraOf, wiringOf } from '../variants.js';
import { profileWhile, type ProfileSummary } from './cpu-profile.js';
import { measureAllocation } from './heap-allocation.js';
import { FLOOR_STAGES, isFloorStage, type FloorStage } from './stages.js';

export interface FloorOptions {
  /** A wiring, a variant of one in the 2026-07-28 era (`v2-tuned@2026`), or a stage of a call (FLOOR_STAGES). */
  wiring: string;
  seconds: number;
  inFlight: number;
  /** Seconds run first and discarded, so the JIT has compiled the path. */
  warmupSeconds: number;
  /** Where to keep a CPU profile of one more run as long as the measured one (profiling slows it, so it is not the one measured). */
  profile?: string;
}

export interface FloorResult {
  wiring: string;
  /** The Node version it ran on. */
  node?: string;
  inFlight: number;
  seconds: number;
  calls: number;
  callsPerSecond: number;
  /** Main-thread wall time per call, µs (the process runs nothing else). */
  usPerCall: number;
  /** Process CPU per call, µs (includes V8's helper threads). */
  cpuUsPerCall: number;
  /** Bytes allocated on V8's heap per call (V8's heap statistics around every collection). */
  heapBytesPerCall?: number;
  /** Garbage collections per 1,000 calls, and the main thread's pause in them per call (µs). */
  collectionsPer1000Calls?: number;
  gcPauseUsPerCall?: number;
  /** Where that run's time went, when a profile was asked for. */
  profile?: ProfileSummary;
}

/** The saturation request (the body and headers wrk and h2load send) as the core sees it, without HTTP. */
function saturationRequest(body: string, era: Era): Incoming {
  const headers: Record<string, string> = saturationWire(era).headers;
  return {
    method: 'POST',
    path: '/mcp',
    header: (name) => headers[name],
    readBody: async () => body,
    onAbort: () => () => {},
    toRequest: () => new Request('http://localhost/mcp', { method: 'POST', headers, body }),
  };
}

export async function measureFloor(o: FloorOptions): Promise<FloorResult> {
  // A variant (`v2-tuned@2026`): the wiring's handler, called with that era's request; a stage takes the 2025 era's.
  const era = eraOf(isFloorStage(o.wiring) ? 'tuned' : o.wiring);
  const body = readFileSync(saturationWire(era).bodyFile, 'utf8');
  const oneCall = isFloorStage(o.wiring) ? await stageCall(o.wiring, body) : wiringCall(o.wiring, body, era);

  const run = async (seconds: number) => {
    const deadline = performance.now() + seconds * 1000;
    let calls = 0;
    const caller = async () => {
      while (performance.now() < deadline) {
        await oneCall(calls);
        calls++;
      }
    };
    const cpu = process.cpuUsage();
    const start = performance.now();
    await Promise.all(Array.from({ length: o.inFlight }, caller));
    const elapsed = (performance.now() - start) / 1000;
    const used = process.cpuUsage(cpu);
    return { calls, elapsed, cpuUs: used.user + used.system };
  };

  if (o.warmupSeconds > 0) await run(o.warmupSeconds);
  const { value, allocation } = await measureAllocation(() => run(o.seconds));
  const { calls, elapsed, cpuUs } = value;
  const profiled = o.profile === undefined ? undefined : (await profileWhile(o.profile, () => run(o.seconds))).summary;
  const round1 = (n: number) => Math.round(n * 10) / 10;
  return {
    wiring: o.wiring,
    node: process.version,
    inFlight: o.inFlight,
    seconds: round3(elapsed),
    calls,
    callsPerSecond: Math.round(calls / elapsed),
    usPerCall: round1((elapsed * 1e6) / calls),
    cpuUsPerCall: round1(cpuUs / calls),
    heapBytesPerCall: Math.round(allocation.bytes / calls),
    collectionsPer1000Calls: round1((allocation.collections * 1000) / calls),
    gcPauseUsPerCall: round1((allocation.pauseMs * 1000) / calls),
    ...(profiled ? { profile: profiled } : {}),
  };
}

/** One call of a wiring's handler with the saturation request; every 1,000th answer is checked. */
function wiringCall(name: string, body: string, era: Era): (call: number) => Promise<void> {
  const wiring = wiringOf(name);
  if (!WIRING_NAMES.includes(wiring)) throw new Error(`unknown wiring ${name}`);
  const handle = WIRINGS[wiring]({ maxBodyBytes: DEFAULT_MAX_BODY_BYTES });
  const incoming = saturationRequest(body, era);
  const request = JSON.parse(body) as { id: number; params: { arguments: { task: string } } };
  return async (call) => {
    const reply = await handle(incoming);
    const text = isTextReply(reply) ? reply.body : await reply.text();
    if (reply.status !== 200) throw new Error(`status ${reply.status}: ${text.slice(0, 200)}`);
    // A sample of the answers: parsing every one would add to what is measured.
    if (call % 1000 === 0 && !isAgentTaskAnswer(text, request.id, request.params.arguments.task)) {
      throw new Error(`wrong answer: ${text.slice(0, 200)}`);
    }
  };
}

/** One call of a stage, built from the request and the tuned wiring's answer to it. */
async function stageCall(stage: FloorStage, body: string): Promise<() => Promise<void>> {
  const reply = await WIRINGS.tuned({ maxBodyBytes: DEFAULT_MAX_BODY_BYTES })(saturationRequest(body, eraOf('tuned')));
  const answer = isTextReply(reply) ? reply.body : await reply.text();
  return FLOOR_STAGES[stage]({ body, answer });
}

/**
 * The most a server could reach if an MCP call cost its HTTP stack exactly what the raw echo
 * costs and the MCP work exactly the floor: one over the sum of the two per-request times.
 * Real servers pay more (an MCP answer is larger, and the generator idles between answers).
 */
export function ceiling(rawRps: number, floorCallsPerSecond: number): { rps: number; shareOfRaw: number } {
  const rps = 1 / (1 / rawRps + 1 / floorCallsPerSecond);
  return { rps: Math.round(rps), shareOfRaw: rps / rawRps };
}
