#!/usr/bin/env node
// `pnpm --filter @mcp-runtimes/bench cluster:merge -- [--out FILE] LOG...`: the summaries the
// runner pods of one k6-operator TestRun printed (`kubectl logs` of each, one file a pod), merged
// into one (cluster/merge.ts says what adds up and what is only bounded), with the figures
// `pnpm bench:all` reports. A log without a summary is an error: a missing runner's load is missing.
import { readFileSync, writeFileSync } from 'node:fs';
import { errors, failedChecks, figures } from '../k6.js';
import { serverUsageOf } from '../demo/collect.js';
import { mergeSummaries, summariesIn, type MergedSummary } from './merge.js';

const USAGE = 'usage: cluster:merge [--out merged.json] RUNNER_LOG...  (kubectl logs of each runner pod of one TestRun)';

function main(argv: string[]): number {
  let out: string | null = null;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') continue;
    if (arg === '--out') {
      out = argv[++i] ?? null;
      if (!out) return fail('--out needs a file');
    } else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      return 0;
    } else if (arg.startsWith('--')) {
      return fail(`unknown option ${arg}\n${USAGE}`);
    } else files.push(arg);
  }
  if (files.length === 0) return fail(USAGE);
  const summaries = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      return fail(`${file}: ${(error as Error).message}`);
    }
    const found = summariesIn(text);
    if (found.length !== 1) return fail(`${file}: ${found.length === 0 ? 'no k6 summary (SUMMARY_PATH=/dev/stdout prints one when the runner ends)' : `${found.length} k6 summaries: one log a runner`}`);
    summaries.push(...found);
  }
  let merged: MergedSummary;
  try {
    merged = mergeSummaries(summaries);
  } catch (error) {
    return fail((error as Error).message);
  }
  if (out) writeFileSync(out, `${JSON.stringify(merged, null, 2)}\n`);
  console.log(describe(merged));
  return failedChecks(merged).length > 0 ? 1 : 0;
}

function describe(m: MergedSummary): string {
  const f = figures(m);
  const e = errors(m);
  const p = (key: string) => {
    const [lo, hi] = m.bounds.mcp_duration?.[key] ?? [Number.NaN, Number.NaN];
    return lo === hi ? `${hi.toFixed(2)}` : `${lo.toFixed(2)}–${hi.toFixed(2)}`;
  };
  const usage = serverUsageOf(m);
  const lines = [
    `${m.runners} runners, ${(m.state.testRunDurationMs / 1000).toFixed(1)} s`,
    `requests     ${f.requests} (${f.rps.toFixed(1)}/s), dropped iterations ${m.metrics.dropped_iterations?.values.count ?? 0}`,
    `latency ms   avg ${f.latencyMs.avg.toFixed(2)}  p50 ${p('p(50)')}  p95 ${p('p(95)')}  p99 ${p('p(99)')}  max ${f.latencyMs.max.toFixed(2)}`,
    '             (a percentile is the range of the runners\' own: the merged one lies within it)',
    `errors       http ${e.http}, json-rpc ${e.jsonrpc}, isError ${e.tool}, body ${e.check}`,
    `server       ${usage.cpuSeconds > 0 ? `${usage.cpuSeconds} CPU s, ` : ''}peak RSS ${(usage.peakRssBytes / 2 ** 20).toFixed(1)} MiB (from /health: one replica's)`,
    ...failedChecks(m).map((c) => `FAILED CHECK ${c}`),
  ];
  return lines.join('\n');
}

function fail(message: string): number {
  console.error(`cluster:merge: ${message}`);
  return 2;
}

process.exitCode = main(process.argv.slice(2));
