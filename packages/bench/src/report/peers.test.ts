import { describe, expect, it } from 'vitest';
import { hasFailures } from '../results.js';
import { buildReport } from './build.js';
import { fixtureResults, withPeers } from './fixture.js';
import { renderMarkdown } from './markdown.js';
import { pairedRatio } from './paired.js';

const ours = fixtureResults(
  [
    { name: 'node-http', mcp: [1000, 1100, 1200], raw: [30000, 31000, 29000], p99At: { 100: 4 } },
    { name: 'node-http2', mcp: [900, 950, 1000], raw: [20000, 21000, 19000], p99At: { 100: 5 } },
  ],
  [100],
  'tuned',
);
const run = withPeers(ours, [
  { name: 'py-uvicorn', mcp: [500, 500, 600], agents: [390, 392, 391] },
  { name: 'py-hypercorn', mcp: [300, 310, 320], agents: [340, 341, 342] },
  { name: 'fastmcp', mcp: [], gateFailure: 'agent_task: structuredContent missing' },
]);
const report = renderMarkdown(buildReport(run));
const section = (title: string) => report.slice(report.indexOf(`## ${title}`), report.indexOf('\n## ', report.indexOf(`## ${title}`) + 3));

describe('the Peers section', () => {
  it('keeps peers out of our servers\' tables and puts them in a section of their own', () => {
    expect(section('Overview')).not.toContain('py-uvicorn');
    expect(section('Overview')).not.toContain('(own)');
    expect(section('Peers')).toContain('py-uvicorn');
    expect(section('Peers')).toContain('node-http (tuned)');
  });

  it('sets ours over the best peer paired by round, with the interval', () => {
    // node-http / py-uvicorn per round: 2, 2.2, 2 → mean 2.07.
    expect(section('Peers')).toMatch(/py-uvicorn \(533 req\/s\) \| 2\.07 ±0\.29×/);
    const ratio = pairedRatio(
      run.measurements.filter((m) => m.server === 'node-http' && m.scenario === 'saturation-mcp'),
      run.measurements.filter((m) => m.server === 'py-uvicorn' && m.scenario === 'saturation-mcp'),
      (m) => m.rps,
    );
    expect(ratio.n).toBe(3);
    expect(ratio.mean).toBeCloseTo((2 + 2.2 + 2) / 3, 6);
  });

  it('reproduces seed 000\'s headline: Uvicorn vs Hypercorn beside node:http vs node:http2, with a verdict for each', () => {
    const peers = section('Peers');
    expect(peers).toContain("Seed 000's headline");
    for (const row of ['| py-uvicorn | HTTP/1.1 |', '| py-hypercorn | HTTP/2 (TLS) |', '| node-http (tuned) | HTTP/1.1 |', '| node-http2 (tuned) | HTTP/2 (TLS) |']) expect(peers).toContain(row);
    // Paired by round: 390/340, 392/341, 391/342 → 1.15, its interval above 1.
    expect(peers).toMatch(/Python: \*\*yes, HTTP\/1\.1 is ahead\*\* \(HTTP\/1\.1 ÷ HTTP\/2 = 1\.15 ±0\.01× in req\/s, paired by round, interval above 1/);
    // The fixture's agents figures are the same for both of ours: no difference to tell.
    expect(peers).toMatch(/Node: \*\*no difference the data can tell\*\*/);
  });

  it('reports a peer that failed the gate, does not measure it, and does not fail the run for it', () => {
    expect(section('Peers')).toMatch(/\*\*fastmcp\*\*: .*\*\*not measured\*\*: failed the gate: agent_task: structuredContent missing/);
    expect(section('Correctness gate and failures')).toMatch(/\| fastmcp \| FAILED: agent_task: structuredContent missing \|/);
    expect(hasFailures(run)).toBe(false);
  });

  it('keeps a peer\'s errors and failures out of our verdicts and the run\'s exit status', () => {
    const troubled = {
      ...run,
      failures: [{ server: 'py-hypercorn', wiring: 'own', round: 2, stage: 'stop' as const, message: 'exited with code 1 (signal null) on SIGTERM' }],
      measurements: run.measurements.map((m) => (m.server === 'py-uvicorn' ? { ...m, errorRate: 0.1 } : m)),
    };
    expect(hasFailures(troubled)).toBe(false);
    expect(hasFailures({ ...troubled, failures: [{ ...troubled.failures[0]!, server: 'node-http', wiring: 'tuned' }] })).toBe(true);
    const pick = renderMarkdown(buildReport(troubled));
    expect(pick).toContain('**Correctness:** every server passed the gate and answered every measured request without an error.');
  });

  it('says in the recommendation where each of ours stands against the best peer', () => {
    expect(section('Which runtime should I pick?')).toMatch(/\*\*Against the best peer\*\* \(py-uvicorn, 533 req\/s at saturation\).*tuned wiring: node-http 2\.1× \(1\.8–2\.4\), node-http2 1\.8×/);
  });

  it('lists the differences each peer declares, peers with the same list sharing rows', () => {
    expect(section('Peers')).toMatch(/\| py-uvicorn, py-hypercorn \| bad-input: wrong Content-Type \| 400 with plain text "Invalid Content-Type header" \(ours 415\) \|/);
    expect(section('Peers')).toMatch(/\| fastmcp \| bad-input: disallowed Origin \| answered \(200\): no Origin check/);
  });

  it('has no Peers section in a run without peers', () => {
    expect(renderMarkdown(buildReport(ours))).not.toContain('## Peers');
  });
});
