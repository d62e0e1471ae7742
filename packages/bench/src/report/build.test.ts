import { describe, expect, it } from 'vitest';
import { buildReport } from './build.js';
import { fixtureResults } from './fixture.js';
import { renderMarkdown } from './markdown.js';
import { winnerText } from './format.js';
import { cases, cell, winner } from '../summarise.js';
import { summarise } from '../stats.js';

const clear = fixtureResults([
  { name: 'node-http', mcp: [1000, 1010, 990], raw: [30000, 31000, 29000], p99At: { 100: 4, 400: 9 }, curve: { p99: [4, 12, 300], dropped: [0, 0, 0.08], commonP99: 4 } },
  { name: 'uws', mcp: [1500, 1490, 1510], raw: [70000, 69000, 71000], p99At: { 100: 2, 400: 3 }, curve: { p99: [2, 8, 200], dropped: [0, 0.002, 0.05], commonP99: 3 } },
]);

describe('summarising runs', () => {
  it('finds every case once, in scenario order, with per-op rows', () => {
    const keys = cases(clear).map((c) => c.key);
    expect(keys).toEqual([
      'simple-tool[official]@100',
      'simple-tool[official]@400',
      'resources[official]',
      'resources[official]:small',
      'concurrent-calls[official]',
      'agents[official]',
      'latency[official]~0.5×slowest',
      'latency[official]~0.5×own',
      'latency[official]~1×own',
      'latency[official]~1.1×own',
      'saturation-raw',
      'saturation-mcp[official]',
    ]);
  });

  it('finds the per-op rows of a scenario run at a rate (its op rows carry the rate)', () => {
    const rated = { ...clear, measurements: clear.measurements.map((m) => (m.scenario === 'resources' ? { ...m, rate: 150 } : m)) };
    const keys = cases(rated).map((c) => c.key);
    expect(keys).toContain('resources[official]@150:small');
    const op = cases(rated).find((c) => c.key === 'resources[official]@150:small');
    expect(op && cell(rated, op, 'uws')?.runs).toBe(3);
  });

  it('summarises the repeats of one server in one case', () => {
    const c = cell(clear, { key: 'saturation-mcp[official]', scenario: 'saturation-mcp', wiring: 'official' }, 'uws');
    expect(c?.runs).toBe(3);
    expect(c?.rps.mean).toBe(1500);
    expect(c?.rps.ci95?.[0]).toBeLessThan(1500);
    expect(c?.errorRate).toBe(0);
  });

  it('names a winner only when the intervals do not overlap', () => {
    const a = { server: 'a', value: summarise([100, 101, 99]) };
    const b = { server: 'b', value: summarise([90, 91, 89]) };
    const c = { server: 'c', value: summarise([100, 80, 120]) };
    expect(winner([a, b], 'higher')).toMatchObject({ server: 'a', verdict: 'clear' });
    expect(winner([a, c], 'higher').verdict).toBe('tie');
    expect(winner([a, b], 'lower')).toMatchObject({ server: 'b', verdict: 'clear' });
    expect(winner([{ server: 'a', value: summarise([1]) }, { server: 'b', value: summarise([2]) }], 'higher').verdict).toBe('single');
    expect(winner([a], 'higher').verdict).toBe('only');
    // One server measured is no win: the winner column says so instead of naming it.
    expect(winnerText(winner([a], 'higher'))).toBe('— (only a measured)');
    expect(winner([], 'higher').verdict).toBe('none');
  });
});

describe('the report', () => {
  const md = renderMarkdown(buildReport(clear));

  it('states the measured winner and ratios in "which runtime should I pick"', () => {
    const pick = md.slice(md.indexOf('## Which runtime'), md.indexOf('## Overview'));
    expect(pick).toContain('**Most MCP calls per second: uws** — 1,500 req/s at saturation (official wiring), 50% more than the slowest (node-http, 1,000)');
    expect(pick).toContain('**MCP, not the HTTP stack, sets the ceiling.**');
    // Common load: half the slowest (node-http, 1,000/s) = 500 calls/s for both.
    expect(pick).toMatch(/\*\*Lowest tail latency at a common load: uws\*\* — p99 at 500 calls\/s \(50% of the slowest server's saturation\), open loop: node-http [\d.]+ ms, uws [\d.]+ ms\./);
    // Knee: uws held 100% (p99 8 ms, 0.2% dropped), node-http only 50% (12 ms at 100%).
    expect(pick).toContain('**Most load before the knee** (p99 under 10.0 ms, under 1% dropped, open loop): uws 1,500 calls/s (100% of its saturation, p99 8.00 ms), node-http 500 calls/s (50% of its saturation, p99 4.00 ms).');
    expect(pick).not.toContain('Not cited');
    expect(pick).toContain('**uws** is the pick');
  });

  it('shows the MCP floor and the ceiling it leaves each stack, beside what was measured', () => {
    // 20,000 calls/s is 50 µs a call: node-http's raw 30,000 (33.3 µs) leaves 1 / 83.3 µs = 12,000.
    const withFloor = { ...clear, floor: [{ wiring: 'official', inFlight: 50, seconds: 5, calls: 100_000, callsPerSecond: 20_000, usPerCall: 50, cpuUsPerCall: 50 }] };
    const text = renderMarkdown(buildReport(withFloor));
    expect(text).toContain('**The MCP floor (official).**');
    expect(text).toContain('**20,000 calls/s** (50.0 µs a call');
    expect(text).toMatch(/\| node-http \| 30,000 \| 12,000 \| 40(\.0)?% \| 1,000 \| 8(\.3)?% \|/);
    expect(md).not.toContain('The MCP floor');
  });

  it('splits a call into the tool, the JSON, the SDK by difference and each HTTP stack by difference', () => {
    const floor = (wiring: string, cpuUsPerCall: number, heapBytesPerCall: number) => ({ wiring, node: 'v24.22.3', inFlight: 50, seconds: 5, calls: 100_000, callsPerSecond: 1e6 / cpuUsPerCall, usPerCall: cpuUsPerCall, cpuUsPerCall, heapBytesPerCall, collectionsPer1000Calls: 2 });
    const text = renderMarkdown(buildReport({ ...clear, floor: [floor('official', 50, 40_960), floor('tool', 5, 3_072), floor('json', 2, 1_024)] }));
    expect(text).toContain("**Where a call's CPU and garbage go.**");
    expect(text).toContain('(Node v24.22.3)');
    expect(text).toMatch(/\| The tool: agent_task's own work, its input already validated \| 5(\.0)? \| 3\.0 KiB \| 2(\.0)? \|/);
    // 50 - 5 - 2 µs and 40 - 3 - 1 KiB are the protocol's and the SDK's.
    expect(text).toMatch(/\| official: the protocol's checks, the SDK's validation and dispatch \(the handler less the two above\) \| 43(\.0)? \| 36\.0 KiB \|/);
    expect(text).toMatch(/\| node-http: everything around the official handler \(our endpoint, its HTTP stack, the kernel\): server CPU per call at saturation less the handler's \| [\d,.]+ ±[\d,.]+ \| — \| — \|/);
    // A stage has no ceiling of its own.
    expect(text).toContain('**The MCP floor (official).**');
    expect(text).not.toContain('**The MCP floor (tool).**');
  });

  it("names where a profiled handler's time went, per package and per frame, as µs of its measured cost", () => {
    const profile = {
      file: 'floor-tuned.cpuprofile',
      samples: 40_000,
      topFrames: [{ frame: 'parse zod.js:10', package: 'zod', selfShare: 0.25 }],
      packages: [{ package: 'zod', selfShare: 0.3 }, { package: 'V8', selfShare: 0.2 }],
    };
    const floor = { wiring: 'tuned', inFlight: 50, seconds: 5, calls: 100_000, callsPerSecond: 25_000, usPerCall: 40, cpuUsPerCall: 40, profile };
    const text = renderMarkdown(buildReport({ ...clear, floor: [floor] }));
    expect(text).toContain("**Where the tuned handler's time goes.** A CPU profile of the floor (40,000 samples");
    expect(text).toContain('`profiles/floor-tuned.cpuprofile`');
    expect(text).toMatch(/\| zod \| 30(\.0)?% \| 12(\.0)? \|/);
    expect(text).toMatch(/\| `parse zod\.js:10` \| zod \| 25(\.0)?% \| 10(\.0)? \|/);
  });

  it('sets an engine setting beside the same wiring on the defaults, paired by slice, where the engine takes flags', () => {
    const run = fixtureResults(
      [
        { name: 'node-http', mcp: [1000, 900, 800], raw: [30000, 27000, 24000], p99At: {}, compare: { 'official+semi-space-64': [1100, 990, 880] } },
        { name: 'bun', mcp: [2000, 1800, 1600], raw: [60000, 54000, 48000], p99At: {}, compare: { 'official+semi-space-64': [2000, 1800, 1600] } },
      ],
      [100],
    );
    const text = renderMarkdown(buildReport(run));
    const section = text.slice(text.indexOf('## Engine settings'), text.indexOf('\n## ', text.indexOf('## Engine settings') + 3));
    expect(section).toContain('**semi-space-64** (`--max-semi-space-size=64`)');
    expect(section).toMatch(/\| node-http \| 900 ±[\d,]+ \| 990 ±[\d,]+ \| 1\.10 ±0\.00× \|/);
    // Bun's engine takes no V8 flags: no row.
    expect(section).not.toContain('| bun |');
    expect(text).not.toMatch(/SDK v1 vs v2[\s\S]*official\+semi-space-64 \(SDK/);
  });

  it('does not name a winner when the data cannot tell', () => {
    const tied = fixtureResults([
      { name: 'node-http', mcp: [1000, 1100, 900], raw: [30000, 31000, 29000], p99At: {} },
      { name: 'hono', mcp: [1020, 900, 1080], raw: [28000, 27000, 29000], p99At: {} },
    ]);
    const text = renderMarkdown(buildReport(tied));
    expect(text).toContain('**Throughput at saturation (official wiring): no clear winner**');
    expect(text).toContain('no runtime is clearly ahead');
    // The advice names what the measured servers offer, and only those.
    expect(text).toContain('choose by what else you need (no dependency beyond Node: node-http; the Web-standard handler and its middleware: hono).');
    expect(text).not.toContain('node-http2');
    expect(text).toMatch(/tie \(CIs overlap/);
    // Servers the runner knows nothing of (--target): no advice about runtimes it cannot name.
    const remote = fixtureResults([
      { name: 'prod', mcp: [1000, 1100, 900], raw: [30000, 31000, 29000], p99At: {} },
      { name: 'canary', mcp: [1020, 900, 1080], raw: [28000, 27000, 29000], p99At: {} },
    ]);
    expect(renderMarkdown(buildReport(remote))).toContain('choose by what else you need from the stack; these figures do not separate them.');
    // --target servers named like ours are labels: their deployments may run anything.
    const lookalike = { ...tied, environment: { ...tied.environment, remote: { targets: { 'node-http': 'http://h/mcp', hono: 'http://i/mcp' }, generator: 'k6' } } };
    expect(renderMarkdown(buildReport(lookalike))).toContain('these figures do not separate them.');
  });

  it('has seed-style tables with CI, a winner column and the saturation ratio', () => {
    expect(md).toContain('| Metric | node-http | uws | Winner |');
    expect(md).toMatch(/\| Requests\/s \| 1,000 ±\d+ \| 1,500 ±\d+ \| \*\*uws\*\* \(\+50\.0%\) \|/);
    expect(md).toContain('| node-http | wrk, http1, 50 in flight | 30,000 ±');
    expect(md).toMatch(/\| uws \| wrk, http1, 50 in flight \| 70,000 ±[\d,]+ \(server 80% · generator 20%\) \| 1,500 ±[\d,]+ \| 2\.1% \|/);
    expect(md).toContain('![p99 latency vs arrival rate](charts/latency-p99.svg)');
    expect(md).toContain('![p99 latency vs offered rate per server](charts/curve-p99.svg)');
  });

  it('shows raw, tuned and official side by side, and what each ablation step buys', () => {
    const run = fixtureResults(
      [
        { name: 'node-http', mcp: [20000, 20100, 19900], raw: [30000, 31000, 29000], p99At: {}, compare: { official: [1000, 1010, 990], 'official-shared-validator': [1100, 1090, 1110], 'tuned-web': [5000, 5050, 4950] } },
        { name: 'uws', mcp: [40000, 40400, 39600], raw: [70000, 69000, 71000], p99At: {}, compare: { official: [1500, 1490, 1510], 'official-shared-validator': [1600, 1610, 1590], 'tuned-web': [8000, 8100, 7900] } },
      ],
      [100, 400],
      'tuned',
    );
    const text = renderMarkdown(buildReport(run));
    expect(text).toContain('| Server | Generator | Raw echo req/s | tuned req/s | tuned / raw | tuned p50 | tuned p99 | tuned server / generator CPU | official req/s |');
    expect(text).toMatch(/\| uws \| wrk, http1, 50 in flight \| 70,000 ±[\d,]+ [^|]*\| 40,000 ±[\d,]+ \| 57\.1% \|.*\| 80% \/ 20% \| 1,500 ±[\d,]+ \| 2\.1% \|.*\| 26\.7× \|$/m);
    // Ablation: each step against the one before, in the order the changes are made.
    expect(text).toMatch(/\| uws \| official-shared-validator \| 1,600 ±[\d,]+ \| 1\.07× \| 1\.1× \|/);
    expect(text).toMatch(/\| uws \| tuned-web \| 8,000 ±[\d,]+ \| 5\.00× \| 5\.3× \|/);
    expect(text).toMatch(/\| uws \| tuned \| 40,000 ±[\d,]+ \| 5\.00× \| 26\.7× \| 57\.1% \|/);
    expect(text).toContain('**How you wire MCP matters more than the runtime.** At saturation the tuned wiring serves 20.0–26.7× the calls of the official wiring');
    // Where the compared wirings ran, as measured: this run has them at saturation only.
    expect(text).toContain('| Wirings | tuned in every scenario; official, official-shared-validator, tuned-web at saturation only |');
  });

  it('refuses to name a winner or a tie from a generator-bound row, and the recommendation does not cite it', () => {
    // The same clear-cut data, but k6 at 95% of its core in the agents scenario and wrk at 75% at saturation.
    const bound = fixtureResults(
      [
        { name: 'node-http', mcp: [1000, 1010, 990], raw: [30000, 31000, 29000], p99At: {} },
        { name: 'uws', mcp: [1500, 1490, 1510], raw: [70000, 69000, 71000], p99At: {} },
      ],
      [100, 400],
      'official',
      { agents: 0.95, 'saturation-mcp': 0.75 },
    );
    const ctxCells = (key: string) => cases(bound).find((c) => c.key === key);
    expect(ctxCells('agents[official]')).toBeDefined();
    const text = renderMarkdown(buildReport(bound));
    const pick = text.slice(text.indexOf('## Which runtime'), text.indexOf('## Overview'));
    expect(pick).not.toContain('Most MCP calls per second');
    expect(pick).not.toContain('Throughput at saturation');
    expect(pick).not.toContain('Agents awaiting an LLM');
    expect(pick).toContain('**Not cited here:** saturation, 100 agents awaiting an LLM: the load generator used ≥ 70% of its core there');
    expect(pick).not.toContain('is the pick');
    // The rows themselves say so instead of a winner or a tie.
    const agentsRow = text.split('\n').find((l) => l.startsWith('| 100 agents awaiting an LLM (official) |')) as string;
    expect(agentsRow).toContain('generator 95% †');
    expect(agentsRow).toMatch(/none: generator-bound \(≥ 70% of its core\) \|$/);
    expect(agentsRow).not.toMatch(/tie|\*\*uws\*\*|\*\*node-http\*\*/);
    const satRow = text.split('\n').find((l) => l.startsWith('| Saturation: MCP tools/call (official) |')) as string;
    expect(satRow).toMatch(/none: generator-bound/);
    // A row with headroom still gets its verdict.
    const concurrentRow = text.split('\n').find((l) => l.startsWith('| Concurrent calls from one agent (official) |')) as string;
    expect(concurrentRow).toMatch(/\*\*uws\*\*|tie/);
  });

  it('reports gate failures and does not claim correctness then', () => {
    const failed = { ...clear, gates: [...clear.gates, { server: 'hono', round: 1, passed: false, failures: ['agent_task: answered correctly (1 of 1 failed)'] }] };
    failed.settings = { ...failed.settings, servers: [...failed.settings.servers, 'hono'] };
    const text = renderMarkdown(buildReport(failed));
    expect(text).toContain('| hono | FAILED: agent_task: answered correctly (1 of 1 failed) |');
    expect(text).toContain('**Not measured:** hono');
  });
});
