import { describe, expect, it } from 'vitest';
import { SERVERS } from '@mcp-runtimes/registry';
import { k6RunEnv } from '../measurement.js';
import { scenario, SCENARIOS } from '../scenarios.js';
import { DEMO_SCENARIOS, demoPlan, demoSettings, planScript } from './plan.js';
import { demoTargets, parseTargets } from './targets.js';

describe('the demo plan', () => {
  it('runs every k6 scenario and only those', () => {
    expect(DEMO_SCENARIOS).toEqual(SCENARIOS.filter((s) => s.file).map((s) => s.id));
    expect(DEMO_SCENARIOS).not.toContain('saturation');
    const s = demoSettings([], 'tuned');
    expect(s.scenarios).toEqual(DEMO_SCENARIOS);
    expect(s.servers).toEqual(SERVERS.map((x) => x.name));
    // The compose file has no peers: its report must not list them as unmeasured.
    expect(s.peers).toEqual([]);
    expect(s.wirings).toEqual(['tuned']);
    expect(s.compare).toEqual([]);
    expect(s.studies.studies).toEqual([]);
    expect(s.reliability.checks).toEqual([]);
  });

  it('takes bench:all flags and refuses what the demo cannot run', () => {
    const s = demoSettings(['--quick', '--servers', 'uws,node-http', '--scenarios', 'agents'], 'official');
    expect(s.servers).toEqual(['node-http', 'uws']);
    expect(s.scenarios).toEqual(['agents']);
    expect(s.repeats).toBe(1);
    expect(s.wirings).toEqual(['official']);
    expect(() => demoSettings(['--scenarios', 'saturation'], 'tuned')).toThrow(/k6 scenarios only/);
    expect(() => demoSettings(['--studies', 'layers'], 'tuned')).toThrow(/bench:all on the host/);
    expect(() => demoSettings(['--servers', 'nginx'], 'tuned')).toThrow(/unknown server/);
    expect(() => demoSettings([], 'fastest')).toThrow(/unknown wiring/);
    // The compose servers run DEMO_WIRING: a flag naming other wirings would mislabel their figures.
    expect(() => demoSettings(['--wirings', 'official'], 'tuned')).toThrow(/DEMO_WIRING/);
    expect(() => demoSettings(['--compare', 'official'], 'tuned')).toThrow(/DEMO_WIRING/);
    // Each container runs its server on its default runtime.
    expect(() => demoSettings(['--servers', 'node-http@node26'], 'tuned')).toThrow(/default runtime/);
    expect(() => demoSettings(['--runtimes', 'node26'], 'tuned')).toThrow(/default runtime/);
  });

  it('interleaves servers in rounds, gates and warms each up once, and asks k6 what the runner asks', () => {
    const settings = demoSettings(['--repeats', '2', '--scenarios', 'simple-tool,batch', '--rates', '100,200', '--servers', 'node-http,hono'], 'tuned');
    const plan = demoPlan(settings, demoTargets());
    expect(plan.runs.map((r) => r.id)).toEqual([
      'r1-node-http-gate',
      'r1-node-http-warmup',
      'r1-node-http-simple-tool-100',
      'r1-node-http-simple-tool-200',
      'r1-node-http-batch-1000',
      'r1-hono-gate',
      'r1-hono-warmup',
      'r1-hono-simple-tool-100',
      'r1-hono-simple-tool-200',
      'r1-hono-batch-1000',
      'r2-node-http-simple-tool-100',
      'r2-node-http-simple-tool-200',
      'r2-node-http-batch-1000',
      'r2-hono-simple-tool-100',
      'r2-hono-simple-tool-200',
      'r2-hono-batch-1000',
    ]);
    const batch = plan.runs.find((r) => r.id === 'r2-hono-batch-1000');
    expect(batch).toMatchObject({ kind: 'measure', server: 'hono', round: 2, scenario: 'batch', file: 'batch.js', url: 'http://hono:3000/mcp' });
    // batch has one fixed rate of its own (scenarios.ts), whatever --rates says.
    expect(batch?.env).toEqual({ ...k6RunEnv(scenario('batch'), settings.durationSeconds, 1000), PROTOCOL: '2025-11-25' });
    expect(batch?.wiring).toBe('tuned');
    expect(plan.runs.find((r) => r.id === 'r1-node-http-simple-tool-200')?.env).toMatchObject({ MODE: 'open', RATE: '200' });
  });

  it('gates and measures each MCP revision of a server on its own, in the revision it names', () => {
    const settings = demoSettings(['--quick', '--scenarios', 'batch', '--servers', 'uws'], 'tuned');
    settings.wirings = ['deployed', 'deployed@2026'];
    const plan = demoPlan(settings, demoTargets());
    expect(plan.runs.map((r) => [r.id, r.wiring, r.env.PROTOCOL])).toEqual([
      ['r1-uws-gate', 'deployed', '2025-11-25'],
      ['r1-uws-batch-1000', 'deployed', '2025-11-25'],
      ['r1-uws@2026-gate', 'deployed@2026', '2026-07-28'],
      ['r1-uws@2026-batch-1000', 'deployed@2026', '2026-07-28'],
    ]);
  });

  it('speaks each MCP revision DEMO_ARGS names to an SDK v2 wiring, and skips only the revision whose gate failed', () => {
    const settings = demoSettings(['--quick', '--scenarios', 'batch', '--servers', 'uws', '--protocol', '2025-11-25,2026-07-28'], 'v2-tuned');
    expect(settings.wirings).toEqual(['v2-tuned', 'v2-tuned@2026']);
    const plan = demoPlan(settings, demoTargets());
    expect(plan.runs.map((r) => r.env.PROTOCOL)).toEqual(['2025-11-25', '2025-11-25', '2026-07-28', '2026-07-28']);
    const runLines = planScript(plan).split('\n').filter((l) => l.startsWith('run '));
    expect(runLines.map((l) => l.split(' ').slice(1, 3).join(' '))).toEqual([
      "'r1-uws-gate' 'uws'",
      "'r1-uws-batch-1000' 'uws'",
      "'r1-uws@2026-gate' 'uws@2026'",
      "'r1-uws@2026-batch-1000' 'uws@2026'",
    ]);
    expect(demoSettings(['--protocol', '2026-07-28'], 'v2-official').wirings).toEqual(['v2-official@2026']);
    expect(() => demoSettings(['--protocol', '2026-07-28'], 'tuned')).toThrow(/needs an SDK v2 wiring/);
    expect(() => demoSettings(['--protocol', '2024-11-05'], 'v2-tuned')).toThrow(/unknown MCP revision "2024-11-05"/);
    expect(() => demoSettings(['--protocol'], 'v2-tuned')).toThrow(/needs a value/);
    expect(() => demoSettings(['--protocol', '2025-11-25', '--protocol', '2026-07-28'], 'v2-tuned')).toThrow(/given twice/);
  });

  it('writes a script that runs each plan entry once, trusting only the TLS target it must', () => {
    const plan = demoPlan(demoSettings(['--quick', '--scenarios', 'batch'], 'tuned'), demoTargets());
    const script = planScript(plan);
    const runLines = script.split('\n').filter((l) => l.startsWith('run '));
    expect(runLines).toHaveLength(plan.runs.length);
    expect(runLines.find((l) => l.includes("'r1-node-http2-batch-1000'"))).toContain("-e 'BASE_URL=https://node-http2:3000/mcp'");
    expect(runLines.find((l) => l.includes("'r1-node-http2-batch-1000'"))).toContain("-e 'INSECURE=1'");
    expect(runLines.find((l) => l.includes("'r1-uws-batch-1000'"))).not.toContain('INSECURE');
    expect(script).toContain('"$OUT/k6/done"');
  });

  it('refuses a value the script could not quote', () => {
    const settings = demoSettings(['--quick', '--servers', 'uws'], 'tuned');
    expect(() => planScript(demoPlan(settings, { uws: "http://uws:3000/mcp'; rm -rf /" }))).toThrow(/unsafe value/);
    expect(() => demoPlan(settings, {})).toThrow(/no target URL/);
  });

  it('reads targets as name=URL pairs and refuses what it cannot use', () => {
    expect(parseTargets('prod=https://mcp.example.com/mcp, local=http://127.0.0.1:3001/mcp', 'T')).toEqual({
      prod: 'https://mcp.example.com/mcp',
      local: 'http://127.0.0.1:3001/mcp',
    });
    // A URL may hold '=' itself: only the first one splits.
    expect(parseTargets('a=http://h/mcp=1', 'T')).toEqual({ a: 'http://h/mcp=1' });
    expect(() => parseTargets('', 'T')).toThrow(/T: no target given/);
    expect(() => parseTargets('http://h/mcp', 'T')).toThrow(/is not name=URL/);
    expect(() => parseTargets('a=', 'T')).toThrow(/is not name=URL/);
    expect(() => parseTargets('../x=http://h/mcp', 'T')).toThrow(/letters, digits/);
    expect(() => parseTargets('a=http://h/mcp,a=http://i/mcp', 'T')).toThrow(/named twice/);
    expect(() => parseTargets('a=h/mcp', 'T')).toThrow(/not a URL/);
    expect(() => parseTargets('a=ftp://h/mcp', 'T')).toThrow(/not http: or https:/);
    expect(() => parseTargets('a=http://u:p@h/mcp', 'T')).toThrow(/plain endpoint URL/);
  });
});
