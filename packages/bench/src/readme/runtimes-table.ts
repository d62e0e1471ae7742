// The README's "Which runtime to pick" table, generated from a committed run so that every figure
// the README quotes is one that run measured.
import { hasFailures, type BenchResults } from '../results.js';
import { reportContext } from '../report/context.js';
import { bytes, microseconds, ms, num, withCi } from '../report/format.js';
import { roundsText } from '../report/labels.js';
import { ratioText, runtimeComparison, runtimeVerdict } from '../report/runtimes.js';
import { countRounds, summariseRun } from '../report/summary.js';
import { markdownTable } from './markdown-table.js';

/** How long a run took, as `32m56s`. */
export function runDuration(results: BenchResults): string {
  const seconds = Math.round((Date.parse(results.finishedAt) - Date.parse(results.startedAt)) / 1000);
  return `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
}

/** The run named as a reader can find it again: folder, command, commit, date, duration, outcome. */
export function runLine(results: BenchResults, folder: string): string {
  const env = results.environment;
  const pinning = env.pinning ? `, server on ${env.pinning.server}, load generator on ${env.pinning.generator}` : '';
  return (
    `From [${folder}](${folder}/RESULTS.md): \`${results.settings.command}\` at \`${env.gitSha.slice(0, 7)}\`${env.gitDirty ? ' (uncommitted changes)' : ''}, ` +
    `${env.date.slice(0, 10)}, ${runDuration(results)}, ${hasFailures(results) ? 'with failures (see its report)' : 'no failure'}; ` +
    `${env.cores} cores (${env.cpuModel})${pinning}; ${roundsText(countRounds(results))}; figures ±half the 95% interval, ratios paired by round.`
  );
}

export function runtimesTable(results: BenchResults, folder: string): string {
  const ctx = reportContext(results);
  const { wiring, rate, hasCommon, rows, throughput } = runtimeComparison(ctx, summariseRun(ctx));
  if (rows.length === 0) throw new Error(`${folder} measured no runtime's own server: it cannot give the runtimes table`);
  const head = [
    'runtime (server)',
    'MCP calls/s at saturation',
    '× fastest (paired)',
    ...(rate !== undefined ? [`server CPU µs per call at ${num(rate)}/s`, 'calls per CPU-second × cheapest (paired)'] : []),
    ...(hasCommon ? ['p99 at the curve\'s common load'] : []),
    'peak RSS at saturation',
  ];
  const body = rows.map((r) => [
    `${r.label} (\`${r.server}\`)`,
    r.saturation ? withCi(r.saturation.rps, (v) => num(v)) : 'not measured',
    ratioText(r.ratio),
    ...(rate !== undefined ? [microseconds(r.atRate), ratioText(r.cheaper)] : []),
    ...(hasCommon ? [r.atCommon ? withCi(r.atCommon.p99, ms) : 'not measured'] : []),
    r.saturation ? bytes(r.saturation.peakRssBytes) : 'not measured',
  ]);
  const verdict = runtimeVerdict(throughput);
  return [
    `${runLine(results, folder)} The same core behind each runtime's own HTTP server, \`${wiring}\` wiring.`,
    '',
    markdownTable(head, body),
    ...(verdict ? ['', verdict] : []),
  ].join('\n');
}
