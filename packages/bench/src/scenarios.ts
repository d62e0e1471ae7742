// The scenarios the runner knows: one k6 file each under loadtests/ (plus saturation, which
// wrk/h2load drive, and the latency curve, which oha drives). One list, read by the runner, the report and the docker-compose check.

export interface Scenario {
  id: string;
  title: string;
  /** What it shows, for the report. */
  about: string;
  /** k6 file under loadtests/; none for saturation. */
  file?: string;
  model: 'open' | 'closed' | 'saturation' | 'curve';
  /** VUs of a closed-model scenario (k6 `VUS`). */
  vus?: number;
  /**
   * The most an open-model scenario offers (iterations/s); a run sizes it down to the machine
   * (fixed-rates.ts) unless rates are given. Without it: the run's --rates.
   */
  rate?: number;
  /** Requests each iteration sends, where more than one. */
  requestsPerIteration?: number;
  /** Extra k6 `-e` settings. */
  env?: Record<string, string>;
  /** Tags (`op`) reported as their own rows. */
  ops?: string[];
  /** The throughput a server that adds nothing would reach (req/s), where one exists. */
  idealRps?: number;
  /** The iteration time a server that adds nothing would reach (ms), where one exists. */
  idealIterationMs?: number;
}

const AGENTS = 100;
const AGENT_DELAY_MS = 250;
const FAN_OUT_CALLS = 20;
const FAN_OUT_DELAY_MS = 50;

export const SCENARIOS: readonly Scenario[] = [
  {
    id: 'simple-tool',
    title: 'Simple tool calls',
    about: 'One `agent_task` (no delay) per request, every answer\'s body checked by k6: the seed\'s headline scenario, at a constant rate where every server keeps up and k6 has headroom (the latency curve below goes to each server\'s knee).',
    file: 'simple-tool.js',
    model: 'open',
  },
  // Batch, resources and session run at a fixed rate, not closed (as fast as k6 goes): closed, k6
  // was at 85-100% of its core there on every server and measured itself.
  {
    id: 'batch',
    title: 'Batch processing',
    about: 'One `batch_process` call with 10 tasks of mixed complexity, at a constant rate.',
    file: 'batch.js',
    model: 'open',
    rate: 1000,
  },
  {
    id: 'resources',
    title: 'Resource access',
    about: '`agent://…/status` and `benchmark://small|medium|large/data` (1 KiB, 64 KiB, 1 MiB) in turn, at a constant rate (k6 parses and checks each 1 MiB answer).',
    file: 'resources.js',
    model: 'open',
    rate: 150,
    ops: ['status', 'small', 'medium', 'large'],
  },
  {
    id: 'parallel-tasks',
    title: 'Parallel tasks in one call',
    about: '`parallel_agent_tasks` with 10 tasks awaiting 20 ms each, 10 at a time, 10 VUs.',
    file: 'parallel-tasks.js',
    model: 'closed',
    vus: 10,
  },
  {
    id: 'concurrent-calls',
    title: 'Concurrent calls from one agent',
    about: `Each of 5 agents fires ${FAN_OUT_CALLS} \`agent_task\` calls (awaiting ${FAN_OUT_DELAY_MS} ms) at once: one HTTP/2 connection multiplexes them, HTTP/1.1 needs a connection per call.`,
    file: 'concurrent-calls.js',
    model: 'closed',
    vus: 5,
    env: { CALLS: String(FAN_OUT_CALLS), DELAY_MS: String(FAN_OUT_DELAY_MS) },
    idealIterationMs: FAN_OUT_DELAY_MS,
  },
  {
    id: 'agents',
    title: `${AGENTS} agents awaiting an LLM`,
    about: `${AGENTS} concurrent agents, each \`agent_task\` awaiting ${AGENT_DELAY_MS} ms (a simulated LLM/API call): ideal throughput is ${AGENTS} / ${AGENT_DELAY_MS} ms = ${(AGENTS * 1000) / AGENT_DELAY_MS} req/s.`,
    file: 'agents.js',
    model: 'closed',
    vus: AGENTS,
    env: { DELAY_MS: String(AGENT_DELAY_MS) },
    idealRps: (AGENTS * 1000) / AGENT_DELAY_MS,
  },
  {
    id: 'session',
    title: 'Session lifecycle',
    about: 'initialize, notifications/initialized, tools/list, tools/call per iteration, as pre-stateless clients connect, at a constant rate of sessions (four requests each).',
    file: 'session.js',
    model: 'open',
    rate: 250,
    requestsPerIteration: 4,
    ops: ['initialize', 'initialized', 'tools_list', 'tools_call'],
  },
  {
    id: 'latency',
    title: 'Latency vs load',
    about: 'The headline `tools/call` at constant arrival rates set per server as fractions of its own saturation, and at one rate common to all (half the slowest server\'s saturation), driven open-loop by oha with latency counted from each request\'s due time (coordinated omission corrected, as wrk2 does).',
    model: 'curve',
  },
  {
    id: 'saturation',
    title: 'Saturation',
    about: 'The headline `tools/call` as fast as the server answers (wrk for HTTP/1.1, h2load for h2c), beside the same stack\'s raw JSON echo without MCP ("the limit").',
    model: 'saturation',
  },
];

/** The seed's headline scenario: the compared wirings are measured in it as well as at saturation. */
export const HEADLINE_SCENARIO = 'simple-tool';

export function scenario(id: string): Scenario {
  const found = SCENARIOS.find((s) => s.id === id);
  if (!found) throw new Error(`unknown scenario "${id}": known are ${SCENARIOS.map((s) => s.id).join(', ')}`);
  return found;
}

/**
 * The arrival rates a scenario is measured at: the one sized for this run, else its own or the
 * run's (--rates); none for a closed model.
 */
export function ratesOf(sc: Scenario, rates: readonly number[], sized: readonly { scenario: string; rate: number }[] = []): (number | undefined)[] {
  if (sc.model !== 'open') return [undefined];
  const fitted = sized.find((s) => s.scenario === sc.id);
  if (fitted) return [fitted.rate];
  return sc.rate !== undefined ? [sc.rate] : [...rates];
}
