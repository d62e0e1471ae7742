import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { BenchResults } from '../results.js';
import { meets, type Plan } from './capacity.js';
import { runPlan } from './command.js';
import { operatingPoints } from './operating-points.js';

// A recorded run: the committed example the README quotes.
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const RECORDED = 'reports/example-runtimes/results.json';

describe('pnpm plan on a recorded run', () => {
  const args = ['--rate', '20000', '--tool-ms', '2', '--p99-ms', '12', '--price', '0.04', '--results', RECORDED];

  it('plans every server and peer of the run from a load that met the target, and no busier one that did', () => {
    const { code, out } = runPlan([...args, '--json'], ROOT);
    expect(code, out).toBe(0);
    const { plans, workload } = JSON.parse(out) as { plans: Plan[]; workload: Parameters<typeof meets>[1] };
    const results = JSON.parse(readFileSync(join(ROOT, RECORDED), 'utf8')) as BenchResults;
    const measured = [...results.settings.servers, ...(results.settings.peers ?? [])].filter((s) => results.measurements.some((m) => m.server === s));
    expect(new Set(plans.map((p) => p.server))).toEqual(new Set(measured));
    const points = operatingPoints(results);
    const planned = plans.filter((p) => p.basis !== null);
    expect(planned.length).toBeGreaterThan(0);
    for (const plan of planned) {
      const basis = plan.basis as NonNullable<Plan['basis']>;
      expect(meets(basis, workload), `${plan.server} ${plan.wiring}`).toBe(true);
      const busier = points.filter((p) => p.server === plan.server && p.wiring === plan.wiring && p.callsPerSecond > basis.callsPerSecond);
      expect(busier.filter((p) => meets(p, workload)), `${plan.server} ${plan.wiring}`).toEqual([]);
      expect(plan.replicas).toBe(Math.ceil(20000 / basis.callsPerSecond));
      expect(plan.costPerMillionCalls).toBeCloseTo(((plan.replicas as number) * 0.04 * 1e6) / (20000 * 3600), 9);
    }
    const order = planned.map((p) => p.coresPer1000 as number);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('prints a table that names the run, the workload and where each figure came from', () => {
    const { code, out } = runPlan(args, ROOT);
    expect(code).toBe(0);
    expect(out).toMatch(/^# Capacity plan: 20,000 calls\/s, p99 under 12\.0 ms with a 2\.00 ms tool/);
    expect(out).toMatch(/From reports\/example-runtimes\/results\.json: the run of \d{4}-\d\d-\d\d/);
    expect(out).toMatch(/\| server \(wiring\) \| replicas = cores \| cores per 1,000 calls\/s \|/);
    expect(out).toMatch(/latency curve, \d+% of its saturation: [\d,]+ calls\/s, 3 round\(s\)/);
  });

  it('answers bad input with a message and exit code 2', () => {
    const cases: [string[], RegExp][] = [
      [[], /--rate is required/],
      [['--rate', 'fast'], /--rate needs a number, got "fast"/],
      [['--rate', '100', '--tool-ms', '50', '--p99-ms', '40', '--results', RECORDED], /leaves the server no time/],
      [['--rate', '100', '--results', 'reports/none/results.json'], /no results at .*reports\/none\/results\.json: run pnpm bench:all first/],
      [['--rate', '100', '--colour'], /Unknown option '--colour'/],
      [['--rate', '100', '--results', RECORDED, '--servers', 'nginx'], /has no measured tool call for the servers and wirings asked for/],
    ];
    for (const [argv, message] of cases) {
      const { code, out } = runPlan(argv, ROOT);
      expect(code, argv.join(' ')).toBe(2);
      expect(out).toMatch(message);
      expect(out).toContain('pnpm plan -- --rate N');
    }
    const dir = mkdtempSync(join(tmpdir(), 'plan-'));
    writeFileSync(join(dir, 'results.json'), '{"schema": 2}');
    expect(runPlan(['--rate', '1', '--results', join(dir, 'results.json')]).out).toMatch(/is not a benchmark run's results\.json/);
    writeFileSync(join(dir, 'broken.json'), '{');
    expect(runPlan(['--rate', '1', '--results', join(dir, 'broken.json')]).out).toMatch(/broken\.json is not JSON/);
  });
});
