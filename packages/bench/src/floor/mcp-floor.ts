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

export interface FloorOptions {
  /** A wiring, or a variant of one in the 2026-07-28 era (`v2-tuned@2026`). */
  wiring: string;
  seconds: number;
  inFlight: number;
  /** Seconds run first and discarded, so the JIT has compiled the path. */
  warmupSeconds: number;
}

export interface FloorResult {
  wiring: string;
  inFlight: number;
  seconds: number;
  calls: number;
  callsPerSecond: number;
  /** Main-thread wall time per call, µs (the process runs nothing else). */
  usPerCall: number;
  /** Process CPU per call, µs (includes V8's helper threads). */
  cpuUsPerCall: number;
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
  // A variant (`v2-tuned@2026`): the wiring's handler, called with that era's request.
  const era = eraOf(o.wiring);
  const wiring = wiringOf(o.wiring);
  const body = readFileSync(saturationWire(era).bodyFile, 'utf8');
  const request = JSON.parse(body) as { id: number; params: { arguments: { task: string } } };
  if (!WIRING_NAMES.includes(wiring)) throw new Error(`unknown wiring ${o.wiring}`);
  const handle = WIRINGS[wiring]({ maxBodyBytes: DEFAULT_MAX_BODY_BYTES });
  const incoming = saturationRequest(body, era);

  const run = async (seconds: number) => {
    const deadline = performance.now() + seconds * 1000;
    let calls = 0;
    const caller = async () => {
      while (performance.now() < deadline) {
        const reply = await handle(incoming);
        const text = isTextReply(reply) ? reply.body : await reply.text();
        if (reply.status !== 200) throw new Error(`status ${reply.status}: ${text.slice(0, 200)}`);
        // A sample of the answers: parsing every one would add to what is measured.
        if (calls % 1000 === 0 && !isAgentTaskAnswer(text, request.id, request.params.arguments.task)) {
          throw new Error(`wrong answer: ${text.slice(0, 200)}`);
        }
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
  const { calls, elapsed, cpuUs } = await run(o.seconds);
  const round1 = (n: number) => Math.round(n * 10) / 10;
  return {
    wiring: o.wiring,
    inFlight: o.inFlight,
    seconds: round3(elapsed),
    calls,
    callsPerSecond: Math.round(calls / elapsed),
    usPerCall: round1((elapsed * 1e6) / calls),
    cpuUsPerCall: round1(cpuUs / calls),
  };
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
