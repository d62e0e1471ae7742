// The one handleSummary of every scenario: the full k6 summary as JSON where the runner asked
// for it (SUMMARY_PATH), and a few lines for people on stdout.
import { SUMMARY_PATH } from './config.js';

export function handleSummary(data) {
  const out = { stdout: `${text(data)}\n` };
  // A line of its own: with SUMMARY_PATH=/dev/stdout (the Helm chart's runners) the two land on one
  // stream in either order, and cluster:merge finds the summary line in the pod's log.
  if (SUMMARY_PATH) out[SUMMARY_PATH] = `${JSON.stringify(data)}\n`;
  return out;
}

function text(data) {
  const m = data.metrics;
  const v = (name, key) => (m[name] && m[name].values[key]) || 0;
  const lines = [
    `requests     ${v('mcp_duration', 'count')}, dropped iterations ${v('dropped_iterations', 'count')}`,
    `latency ms   avg ${v('mcp_duration', 'avg').toFixed(2)}  p50 ${v('mcp_duration', 'p(50)').toFixed(2)}  p95 ${v('mcp_duration', 'p(95)').toFixed(2)}  p99 ${v('mcp_duration', 'p(99)').toFixed(2)}  max ${v('mcp_duration', 'max').toFixed(2)}`,
    `${m.checks ? `checks       ${(v('checks', 'rate') * 100).toFixed(2)}% passed; ` : ''}errors http ${v('mcp_errors_http', 'count')}, json-rpc ${v('mcp_errors_jsonrpc', 'count')}, isError ${v('mcp_errors_tool', 'count')}, body ${v('mcp_errors_check', 'count')}`,
  ];
  for (const check of allChecks(data.root_group)) {
    if (check.fails > 0) lines.push(`FAILED CHECK "${check.name}": ${check.fails} of ${check.passes + check.fails}`);
  }
  return lines.join('\n');
}

function allChecks(group) {
  return [...(group.checks || []), ...(group.groups || []).flatMap(allChecks)];
}
