// How long a run will take, roughly: printed before it starts and beside what it leaves out.
import { onDefaultRuntime } from '@mcp-runtimes/registry';
import type { BenchSettings } from './results.js';
import { HEADLINE_SCENARIO, ratesOf, scenario } from './scenarios.js';
import { FLOOR_STAGES } from './floor/stages.js';

/** The curve's discarded warm-up after each start, at the common rate: the run's warm-up, at most 2 s. */
export function curveWarmupSeconds(settings: BenchSettings): number {
  return Math.max(1, Math.min(settings.warmupSeconds, 2));
}

/**
 * One server's curve in one wiring and round: its start and gate, the warm-up, each point (the
 * common one too) with oha's start; then its raw echo's start, check, warm-up and points.
 */
function curveSeconds(s: BenchSettings): number {
  if (!s.curve) return 0;
  const point = s.curve.seconds + 0.1;
  const raw = s.curve.fractions.filter((f) => s.curve?.rawFractions?.includes(f)).length;
  return 2 + curveWarmupSeconds(s) + (s.curve.fractions.length + 1) * point + (raw > 0 ? 0.5 + (s.warmupSeconds > 0 ? RAW_WARMUP_SECONDS : 0) + raw * point : 0);
}

/** The raw echo's warm-up before its curve points (none in a run without warm-ups): a JSON echo has little to compile. */
export const RAW_WARMUP_SECONDS = 1;

/** Seconds the run will take, roughly: printed up front so nobody waits blind. */
export function estimateSeconds(s: BenchSettings): number {
  // Calibrated on this machine against measured default and quick runs: the start/gate, raw-echo
  // and layers shares come from them (the README names the default run and its two durations).
  const k6Overhead = 0.25;
  const slices = s.saturationSlices ?? 1;
  // Sizing the fixed rates: k6 timed twice (1 s and 2 s) on one server of each load protocol, each open scenario.
  const openScenarios = s.scenarios.filter((id) => scenario(id).model === 'open').length;
  const sizing = s.rateSizing === 'machine' && s.scenarios.includes('saturation') ? 2 * openScenarios * (3 + 2 * k6Overhead) : 0;
  // One start in one wiring: start, warm-up, every scenario. A peer has no raw echo and no curve.
  const perStart = (peer: boolean) =>
    s.scenarios.reduce((sum, id) => {
      const sc = scenario(id);
      // The MCP server's run, plus the raw echo's (start, 1 s warm-up, run) shared by the wirings.
      if (sc.model === 'saturation') return sum + slices * (s.saturationSeconds + SLICE_OVERHEAD) + (peer ? 0 : (slices * (s.saturationSeconds + SLICE_OVERHEAD) + 3) / s.wirings.length);
      // The curve (its raw echo too): see curveSeconds.
      if (sc.model === 'curve') return sum + (peer ? 0 : curveSeconds(s));
      const runs = ratesOf(sc, s.rates).length;
      return sum + runs * (s.durationSeconds + k6Overhead);
    }, 2 + s.warmupSeconds);
  // Compared wirings: start, gate, the k6 warm-up, saturation, and the headline scenario's runs.
  const headline = s.scenarios.includes(HEADLINE_SCENARIO) ? ratesOf(scenario(HEADLINE_SCENARIO), s.rates).length * (s.durationSeconds + k6Overhead) : 0;
  const compared = headline > 0 || s.scenarios.includes('saturation');
  const perCompared = (s.scenarios.includes('saturation') ? slices * (s.saturationSeconds + SLICE_OVERHEAD) : 0) + headline + (compared ? 2 + s.warmupSeconds + (s.warmupSeconds > 0 ? k6Overhead : 0) : 0);
  // A server on another runtime than its default: its main wirings as compared ones, and its raw echo.
  const onOtherRuntime = s.servers.filter((name) => !onDefaultRuntime(name)).length;
  const echo = s.scenarios.includes('saturation') ? slices * (s.saturationSeconds + SLICE_OVERHEAD) + 3 : 0;
  const curve = s.scenarios.includes('latency') ? curveSeconds(s) * s.wirings.length : 0;
  const ours =
    (perStart(false) * s.wirings.length + perCompared * s.compare.length) * (s.servers.length - onOtherRuntime) +
    (perCompared * s.wirings.length + echo + curve) * onOtherRuntime;
  const peers = perStart(true) * (s.peers ?? []).length;
  const main = s.scenarios.length === 0 ? 0 : (ours + peers) * s.repeats;
  // The MCP floor of every wiring measured (then profiled as long again) and of each stage of a
  // call, once after the rounds: a start, 1 s of warm-up, the measurement.
  const wirings = s.wirings.length + s.compare.length;
  const floor = s.scenarios.includes('saturation') ? (1 + 1 + s.saturationSeconds * slices) * (wirings + Object.keys(FLOOR_STAGES).length) + s.saturationSeconds * slices * wirings : 0;
  return Math.round(main + sizing + floor + estimateStudySeconds(s) + estimateReliabilitySeconds(s));
}

/** What a saturation slice adds to its seconds: the generator's start and the server going idle. */
const SLICE_OVERHEAD = 0.2;

/** The reliability checks' share: server start-ups, a saturation measurement, the phases, the soak. */
export function estimateReliabilitySeconds(s: BenchSettings): number {
  const r = s.reliability;
  let perServer = 0;
  if (r.checks.includes('overload')) perServer += 2 + 1 + r.saturationSeconds + 2 * r.phaseSeconds + r.overloadSeconds + 1;
  if (r.checks.includes('shutdown')) perServer += 2 + 1 + 1;
  if (r.checks.includes('soak')) perServer += 2 + r.soakSeconds;
  return perServer * s.servers.filter(onDefaultRuntime).length;
}

/** The studies' share of the estimate: mostly waiting on the tool's delay and on start-ups. */
export function estimateStudySeconds(s: BenchSettings): number {
  const st = s.studies;
  const runs = st.runs + st.warmupRuns;
  const delay = st.delayMs / 1000;
  const longest = Math.max(...st.counts);
  const startup = 0.35 + st.startupDelayMs / 1000;
  let seconds = 0;
  if (st.studies.includes('layers')) {
    const targets = s.servers.filter(onDefaultRuntime).length * (s.wirings.length + s.compare.length);
    // Two servers and a probe started per target; a raw and an MCP call of 1-3 ms each per call.
    const calls = Math.max(st.warmupCalls, st.warmupRuns * st.callsPerRun) + st.runs * st.callsPerRun;
    seconds += 2 + targets * (3 + (calls * 3) / 1000);
  }
  if (st.studies.includes('multiplex')) {
    const waves = (perCall: (n: number) => number) => st.counts.reduce((sum, n) => sum + perCall(n), 0);
    const channel = (perCall: (n: number) => number) => 1 + runs * (longest + waves(perCall)) * delay;
    seconds += channel((n) => n) + channel((n) => Math.ceil(n / st.poolConnections)) + 2 * channel(() => 1);
  }
  if (st.studies.includes('overhead')) seconds += 3 * (1 + runs * 2 * (delay + 0.01));
  if (st.studies.includes('coldstart')) {
    seconds += st.coldTargets.length * runs * (st.counts.length * startup + (longest + st.counts.length - 1) * delay);
  }
  return seconds;
}
