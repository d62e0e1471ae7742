// pnpm plan's command: arguments and a results.json in, a capacity plan (or a clear error) out.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { BenchResults } from '../results.js';
import { plans } from './capacity.js';
import { operatingPoints } from './operating-points.js';
import { renderPlan } from './render.js';
import { checkWorkload, WorkloadError, type Workload } from './workload.js';

export const PLAN_USAGE = `pnpm plan -- --rate N [options]

  --rate N          calls/s to serve, all replicas together (required)
  --tool-ms N       wall time your tool waits per call (I/O, an API, a model), added to each call (default 0)
  --p99-ms N        the p99 latency each call must stay under, tool included (default: the run's knee bound, 10)
  --price N         the price of one core for one hour: adds cost per hour and per million calls
  --results FILE    the run to plan from (default reports/latest/results.json)
  --servers a,b     only these servers and peers (as the run names them: node-http@node26)
  --wirings a,b     only these wirings (a peer's is "own")
  --json            the plans as JSON instead of a table
`;

const OPTIONS = {
  rate: { type: 'string' },
  'tool-ms': { type: 'string' },
  'p99-ms': { type: 'string' },
  price: { type: 'string' },
  results: { type: 'string' },
  servers: { type: 'string' },
  wirings: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

export interface PlanOutcome {
  code: number;
  out: string;
}

function number(flag: string, value: string | undefined, fallback: number | null): number | null {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed)) throw new WorkloadError(`--${flag} needs a number, got "${value}"`);
  return parsed;
}

function readResults(file: string): BenchResults {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new WorkloadError(`no results at ${file}: run pnpm bench:all first, or give --results <results.json>`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new WorkloadError(`${file} is not JSON: ${(error as Error).message}`);
  }
  const results = parsed as Partial<BenchResults>;
  if (results.schema !== 1 || !Array.isArray(results.measurements) || !results.settings || !results.environment) {
    throw new WorkloadError(`${file} is not a benchmark run's results.json (schema 1 with settings, environment and measurements)`);
  }
  return results as BenchResults;
}

/** The whole command, as a function of its arguments and working folder (tests call it directly). */
export function runPlan(argv: readonly string[], cwd = process.cwd()): PlanOutcome {
  try {
    const { values } = parseArgs({ args: argv.filter((a) => a !== '--'), options: OPTIONS, strict: true, allowPositionals: false });
    if (values.help) return { code: 0, out: PLAN_USAGE };
    if (values.rate === undefined) throw new WorkloadError('--rate is required: the calls/s to plan for');
    const callsPerSecond = number('rate', values.rate, null) as number;
    const toolMs = number('tool-ms', values['tool-ms'], 0) as number;
    const asked = number('p99-ms', values['p99-ms'], null);
    const pricePerCoreHour = number('price', values.price, null);
    const source = values.results ?? 'reports/latest/results.json';
    const results = readResults(resolve(cwd, source));
    const p99TargetMs = asked ?? results.settings.curve?.p99BoundMs ?? 10;
    const workload: Workload = checkWorkload({ callsPerSecond, toolMs, p99TargetMs, pricePerCoreHour });
    const only = (list: string | undefined) => (list === undefined ? null : new Set(list.split(',').map((s) => s.trim())));
    const servers = only(values.servers);
    const wirings = only(values.wirings);
    const points = operatingPoints(results).filter((p) => (!servers || servers.has(p.server)) && (!wirings || wirings.has(p.wiring)));
    if (points.length === 0) throw new WorkloadError(`${source} has no measured tool call${servers || wirings ? ' for the servers and wirings asked for' : ''}`);
    const planned = plans(points, workload);
    return { code: 0, out: values.json ? `${JSON.stringify({ source, workload, plans: planned }, null, 2)}\n` : renderPlan(results, source, workload, planned) };
  } catch (error) {
    const known = error instanceof WorkloadError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    if (!known) throw error;
    return { code: 2, out: `pnpm plan: ${(error as Error).message}\n\n${PLAN_USAGE}` };
  }
}
