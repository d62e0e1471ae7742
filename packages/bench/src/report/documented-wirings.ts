// Each framework as the SDK's serving guide wires it (a peer) beside our server on the same
// framework in the run's wiring: what a server copied from the documentation costs, and what
// the tuned path buys, paired by slice with 95% intervals.
import { peerEntry, serverEntry } from '@mcp-runtimes/registry';
import { PEER_WIRING } from '../results.js';
import { caseOf, type Cell } from '../summarise.js';
import { bytes, microseconds, num, withCi } from './format.js';
import { ratioText } from './runtimes.js';
import { inWiring, type RunSummary } from './summary.js';

export function documentedWiringTable(summary: RunSummary): { head: string[]; rows: string[][] } | null {
  const measured = summary.documentedWirings;
  if (measured.length === 0) return null;
  const saturation = caseOf({ scenario: 'saturation-mcp', wiring: summary.wiring });
  const rate = summary.rate;
  const calls = (x: Cell | null) => (x ? withCi(x.rps, (v) => num(v)) : 'not measured');
  return {
    head: [
      'Framework',
      `Ours (${summary.wiring}): MCP calls/s at saturation`,
      "The guide's wiring: MCP calls/s",
      'guide × ours (paired)',
      'Server CPU µs per call, saturation: ours / guide',
      ...(rate === undefined ? [] : [`calls per CPU-second @ ${num(rate)}/s: guide × ours (paired)`]),
      'Peak RSS: ours / guide',
      'Answers differently in',
    ],
    rows: measured.map((documented) => {
      const { server } = documented;
      const a = summary.cell(saturation, server);
      const b = summary.cell(inWiring(saturation, PEER_WIRING), documented.peer);
      const differences = peerEntry(documented.peer)?.differences.length ?? 0;
      return [
        serverEntry(server).title,
        calls(a),
        calls(b),
        ratioText(documented.mcp),
        `${microseconds(a)} / ${microseconds(b)}`,
        ...(rate === undefined ? [] : [documented.cheaper ? ratioText(documented.cheaper) : 'not compared (one did not keep up)']),
        `${a ? bytes(a.peakRssBytes) : 'not measured'} / ${b ? bytes(b.peakRssBytes) : 'not measured'}`,
        differences === 0 ? 'none' : `${differences} checks (${documented.peer}, listed under Peers)`,
      ];
    }),
  };
}
