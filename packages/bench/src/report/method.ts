// "How this was measured": the steps of the run, its load models, where each figure comes from,
// and the fixed rates as this run sized them.
import type { SizedRate } from '../fixed-rates.js';
import { GENERATOR_SHARE, SERVER_SHARE } from '../fixed-rates.js';
import type { BenchResults, Measurement } from '../results.js';
import { summarise } from '../stats.js';
import { num, percent } from './format.js';
import type { Section } from './model.js';

/** The fixed rates of a run in a few words: sized to the machine (and to what), or as given. */
export function fixedRatesText(results: BenchResults): string {
  const sized = results.sizedRates ?? [];
  if (sized.length > 0) return `sized to this machine (${sized.map((r) => `${r.scenario} ${num(r.rate)}/s`).join(', ')})`;
  return `as given (${results.settings.rates.map((r) => num(r)).join(', ')}/s for the headline, the registry's for the rest)`;
}

/** Why each fixed rate is what it is: the bound that set it. */
export function sizedRatesText(sized: readonly SizedRate[]): string {
  const why = (r: SizedRate) =>
    r.setBy === 'preferred'
      ? `${r.scenario} ${num(r.rate)}/s, its own (k6 would reach ${percent(GENERATOR_SHARE, 0)} of its core at ${num(r.generatorBound)}/s)`
      : r.setBy === 'generator'
        ? `${r.scenario} ${num(r.rate)}/s, set by k6 (${num(r.generatorCpuPerIteration * 1e6)} µs of its CPU an iteration, ${num(r.generatorStartupCpu, 2)} s to start: ${percent(GENERATOR_SHARE, 0)} of its core at ${num(r.generatorBound)}/s; its own ${num(r.preferred)}/s)`
        : `${r.scenario} ${num(r.rate)}/s, set by the slowest server (${percent(SERVER_SHARE, 0)} of ${r.slowest.server}'s ${num(r.slowest.rps)} calls/s at saturation; its own ${num(r.preferred)}/s)`;
  return `Fixed rates sized to this machine in round 1: each scenario's own rate at most, no more than keeps k6 at ${percent(GENERATOR_SHARE, 0)} of its core (timed here against a live server of each load protocol) and ${percent(SERVER_SHARE, 0)} of the slowest main-wiring server's saturation, rounded down: ${sized.map(why).join('; ')}.`;
}

export function methodSection(results: BenchResults): Section {
  const bg = results.measurements.map((m: Measurement) => m.backgroundCpu);
  const inContainers = results.environment.containers !== undefined;
  const remote = results.environment.remote !== undefined;
  const { call, unmeasured } = results.environment.remote ?? {};
  const calledTool = call
    ? ` Every tool call was the targets' own \`${call.tool}\` with \`${JSON.stringify(call.arguments)}\` (\`--tool\`), not this project's \`agent_task\`: the gate checked it is listed and answers without \`isError\`${call.expectText !== undefined ? ` holding "${call.expectText}"` : ''}${call.resource !== undefined ? `, and that \`${call.resource}\` reads` : ''}, and each scenario checks the same.${results.settings.scenarios.includes('concurrent-calls') ? " Concurrent calls' ideal and waves assume agent_task's 50 ms wait, not this tool's." : ''}${Object.keys(call.notRun).length > 0 ? ` Not run with it: ${Object.entries(call.notRun).map(([id, why]) => `${id} (${why})`).join('; ')}.` : ''}`
    : '';
  const withoutUsage = Object.entries(unmeasured ?? {}).map(([name, why]) => ` Server CPU and memory not measured: ${name} ${why}.`).join('');
  return {
    id: 'method',
    title: 'How this was measured',
    blocks: [
      {
        kind: 'list',
        items: [
          remote
            ? 'Servers the runner did not start (`--target`): k6 on this machine gates each (a server that fails is not measured), warms it up once (discarded), then measures each scenario, servers interleaved in rounds (A B C D, A B C D …). Nothing of the servers is started, stopped or pinned by the runner; saturation, the latency curve, the studies and the reliability checks need servers it starts, and are not run.' + calledTool
            : inContainers
            ? 'The docker-compose demo: each server runs in its own container with the same CPU and memory limits for the whole run; k6 runs in its own container and, once every server is healthy, gates each (a server that fails is not measured), warms it up once (discarded), then measures each scenario, servers interleaved in rounds (A B C D, A B C D …).'
            : `Each round starts every server (each wiring, each runtime, each peer, each stack's raw echo) at once, pinned to one core with the load generator on the other, and gates and warms up each (discarded). Saturation then visits them in ${results.settings.saturationSlices ?? 1} slice(s) of ${results.settings.saturationSeconds} s a round, every server once a slice (an order, then its reverse, each pair of slices starting one server further on), so two servers are compared within one slice, seconds apart; then each server runs the k6 scenarios in turn (A B C D), and every server is stopped with SIGTERM (it must exit 0).`,
          ...(results.sizedRates?.length ? [sizedRatesText(results.sizedRates)] : []),
          'k6 scenarios (`loadtests/*.js`) check every answer\'s body; errors are split into HTTP (no answer or wrong status), JSON-RPC error, tool `isError`, and wrong body. wrk and h2load check status only (with a 10 s timeout); their request is the one the gate checked.',
          'Throughput in bytes is response body bytes (k6, h2load); wrk counts every byte it read, headers included.',
          'Open model (constant arrival rate) for latency at a given load; closed model (fixed VUs) for the other k6 scenarios; saturation with wrk (HTTP/1.1) and h2load (h2c) against the MCP server and against the same stack\'s raw JSON echo.',
          remote
            ? "Server CPU time and peak RSS as each server reports them on /health before and after each k6 run (peak RSS is the process's so far). They are one process's: behind a Service with several replicas, /health answers from any one of them, and the figures are not the deployment's; generator CPU from the shell's children times here. The servers' background load is not visible from here and is not reported." + withoutUsage
            : inContainers
            ? "Server CPU time and peak RSS as each server reports them on /health before and after each k6 run (peak RSS is the process's so far); generator CPU from the shell's children times in the k6 container. Background CPU is not measurable from a container and is not reported."
            : `Server CPU and peak RSS from /proc; generator CPU from the shell's children times. Background CPU before measurements: median ${num(summarise(bg).median, 2)} cores, max ${num(Math.max(0, ...bg), 2)}.`,
          'Raw results (every run) are in `results.json` beside this report; the tables are generated from it, never edited.',
        ],
      },
    ],
  };
}
