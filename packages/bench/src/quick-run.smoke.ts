// `pnpm bench:all --quick` for real, as CI's smoke test: it must finish in under 8 minutes
// with a complete report: every server and peer × scenario and every study measured, no gate failed, no error of ours.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { onDefaultRuntime, runtimeOf } from '@mcp-runtimes/registry';
import { describe, expect, it } from 'vitest';
import { PEER_WIRING, type BenchResults } from './results.js';
import { HEADLINE_SCENARIO, ratesOf, SCENARIOS } from './scenarios.js';
import { eraOf } from './variants.js';
import { FLOOR_STAGES } from './floor/stages.js';
import { DEFAULT_SERVERS, PROFILES } from './profiles.js';
import { runCli } from './smoke-run.js';
import { isRawEcho } from './summarise.js';

describe('pnpm bench:all --quick', () => {
  it('measures every server and peer in every scenario and writes the whole report, in under 8 minutes', async () => {
    const run = await runCli(['--quick']);
    expect(run.code, run.log).toBe(0);
    expect(run.seconds).toBeLessThan(8 * 60);
    const { out } = run;

    const results = run.results();
    expect(results.failures).toEqual([]);
    // The MCP floor of every wiring measured (a 2026 variant in its era), once, with right answers
    // (the probe checks a sample), then each stage of a call; every wiring's handler profiled, its profile kept.
    const floorWirings = [...results.settings.wirings, ...results.settings.compare];
    expect(results.floor?.map((f) => f.wiring)).toEqual([...floorWirings, ...Object.keys(FLOOR_STAGES)]);
    for (const f of results.floor ?? []) {
      expect(f.calls, f.wiring).toBeGreaterThan(0);
      expect(f.heapBytesPerCall, f.wiring).toBeGreaterThan(0);
      if (floorWirings.includes(f.wiring)) expect(existsSync(join(out, 'profiles', f.profile?.file ?? 'none')), `${f.wiring} profile`).toBe(true);
    }
    const wirings = (r: BenchResults) => [...r.settings.wirings, ...r.settings.compare];
    for (const server of DEFAULT_SERVERS) {
      const measured = wirings(results);
      // Each wiring's start in the rounds, then the main wiring's again for the latency curve.
      expect(results.gates.filter((g) => g.server === server).map((g) => [g.wiring, g.passed])).toEqual([...measured, ...results.settings.wirings].map((w) => [w, true]));
      for (const sc of SCENARIOS) {
        const ids = sc.model === 'saturation' ? ['saturation-mcp', 'saturation-raw'] : sc.model === 'curve' ? [sc.id, 'latency-raw'] : [sc.id];
        for (const id of ids) {
          const runs = results.measurements.filter((m) => m.server === server && m.scenario === id);
          const curvePoints = (results.settings.curve?.fractions.length ?? 0) + 1;
          // The compared wirings run saturation and the headline scenario too.
          const rates = ratesOf(sc, results.settings.rates, results.sizedRates).length;
          const rawPoints = results.settings.curve?.fractions.filter((f) => results.settings.curve?.rawFractions?.includes(f)).length ?? 0;
          const expected =
            id === HEADLINE_SCENARIO ? rates * measured.length : sc.model === 'open' ? rates : id === 'latency-raw' ? rawPoints : sc.model === 'curve' ? curvePoints : id === 'saturation-mcp' ? measured.length : 1;
          expect(runs.length, `${server} × ${id}`).toBe(expected);
          for (const m of runs) {
            expect(m.requests, `${server} × ${id} requests`).toBeGreaterThan(0);
            expect(m.bytesPerSecond, `${server} × ${id} bytes`).toBeGreaterThan(0);
            for (const [op, f] of Object.entries(m.ops ?? {})) {
              expect(f.requests, `${server} × ${id}:${op} requests`).toBeGreaterThan(0);
              // The initialized notification is answered 202 with no body.
              if (op !== 'initialized') expect(f.bytesPerSecond, `${server} × ${id}:${op} bytes`).toBeGreaterThan(0);
            }
            expect(m.errorRate, `${server} × ${id} errors`).toBe(0);
            expect(m.serverUsage.cpuSeconds, `${server} × ${id} server CPU`).toBeGreaterThan(0);
            expect(m.generatorUsage.cpuSeconds, `${server} × ${id} generator CPU`).toBeGreaterThan(0);
            expect(m.serverUsage.peakRssBytes).toBeGreaterThan(0);
            expect(Number.isFinite(m.latencyMs.p99)).toBe(true);
          }
        }
      }
    }
    // A server on another runtime (the runtimes comparison): its main wiring gated in the rounds and
    // for the curve, at saturation with its raw echo, in the headline scenario and the curve.
    for (const server of results.settings.servers.filter((s) => !onDefaultRuntime(s))) {
      const main = results.settings.wirings;
      expect(results.gates.filter((g) => g.server === server).map((g) => [g.wiring, g.passed]), server).toEqual([...main, ...main].map((w) => [w, true]));
      for (const id of ['saturation-mcp', 'saturation-raw', HEADLINE_SCENARIO, 'latency', 'latency-raw']) {
        expect(results.measurements.some((m) => m.server === server && m.scenario === id), `${server} × ${id}`).toBe(true);
      }
    }
    expect(results.settings.servers.some((s) => !onDefaultRuntime(s)), 'the quick profile compares a runtime').toBe(true);
    expect(Object.keys(results.environment.runtimes ?? {}).sort()).toEqual([...new Set(results.settings.servers.map(runtimeOf))].sort());

    // Every peer: gated once in its own configuration, then every scenario but the curve (its
    // rates are fractions of our servers' saturation). A peer may fall behind; it must answer.
    expect(results.settings.peers).toEqual(PROFILES.quick.peers);
    for (const peer of PROFILES.quick.peers) {
      expect(results.gates.filter((g) => g.server === peer).map((g) => [g.wiring, g.passed]), peer).toEqual([[PEER_WIRING, true]]);
      for (const sc of SCENARIOS.filter((s) => s.model !== 'curve')) {
        const id = sc.model === 'saturation' ? 'saturation-mcp' : sc.id;
        const runs = results.measurements.filter((m) => m.server === peer && m.scenario === id);
        expect(runs.map((m) => m.wiring), `${peer} × ${id}`).toEqual(ratesOf(sc, results.settings.rates, results.sizedRates).map(() => PEER_WIRING));
        for (const m of runs) {
          expect(m.requests, `${peer} × ${id} requests`).toBeGreaterThan(0);
          expect(m.serverUsage.cpuSeconds, `${peer} × ${id} server CPU`).toBeGreaterThan(0);
        }
      }
      expect(results.measurements.some((m) => m.server === peer && (m.scenario === 'latency' || isRawEcho(m.scenario))), peer).toBe(false);
    }

    // Every study, every configuration, with the runs it promised; cold start coalesced to one start-up.
    const studies = results.studies;
    expect(studies, 'studies').toBeDefined();
    const { runs, counts } = results.settings.studies;
    // The layers probe speaks 2025-11-25: a 2026 variant is not a layers target.
    const layerTargets = results.settings.servers.filter(onDefaultRuntime).length * wirings(results).filter((w) => eraOf(w) === '2025-11-25').length;
    expect(studies?.layers.map((l) => l.layer).sort()).toEqual(
      ['direct', 'in-process', ...Array(layerTargets).fill('http-mcp'), ...Array(layerTargets).fill('http-raw')].sort(),
    );
    expect(studies?.multiplex.map((r) => r.kind)).toEqual(
      ['h1-one', 'h1-pool', 'h2', 'stdio'].flatMap((kind) => Array(counts.length * 2).fill(kind)),
    );
    expect(studies?.multiplex.find((r) => r.kind === 'h2')?.connectionsOpened).toBe(1);
    expect(studies?.overhead.map((r) => `${r.kind} ${r.calls}`)).toEqual(['h1-one io', 'h1-one trivial', 'h2 io', 'h2 trivial', 'stdio io', 'stdio trivial']);
    expect(studies?.coldstart.map((c) => c.target)).toEqual(['stdio']);
    for (const row of studies?.coldstart[0]?.rows ?? []) expect(row.startups, `cold start N=${row.n}`).toEqual(Array(runs).fill(1));
    for (const samples of [
      ...(studies?.layers.map((l) => l.runMeansUs) ?? []),
      ...(studies?.multiplex.map((r) => r.wallMs) ?? []),
      ...(studies?.overhead.flatMap((r) => [r.clientMs, r.handWrittenMs]) ?? []),
      ...(studies?.coldstart.flatMap((c) => c.rows.flatMap((r) => [r.sequentialMs, r.coalescedMs])) ?? []),
    ]) {
      expect(samples).toHaveLength(runs);
      expect(samples.every((v) => Number.isFinite(v) && v > 0)).toBe(true);
    }

    // Reliability: SIGTERM under load loses nothing and every exit is clean (overload and soak: reliability-run.smoke.ts).
    const reliability = results.reliability;
    expect(reliability?.shutdown.map((d) => d.server)).toEqual(DEFAULT_SERVERS);
    for (const d of reliability?.shutdown ?? []) {
      expect([d.accepted, d.answered, d.broken, d.exitCode], d.server).toEqual([d.received, d.received, 0, 0]);
      expect(d.received, d.server).toBeGreaterThan(0);
    }

    const markdown = readFileSync(join(out, 'RESULTS.md'), 'utf8');
    expect(markdown).toContain('**SIGTERM under load.**');
    expect(markdown).toContain('**The MCP floor (tuned).**');
    expect(markdown).toContain("**Where a call's CPU and garbage go.**");
    expect(markdown).toContain("**Where the tuned handler's time goes.**");
    // No table cell without a figure.
    expect(markdown).not.toMatch(/\| (not measured|n\/a) \|/);
    expect(markdown).toContain('## Which runtime should I pick?');
    expect(markdown).toContain('## Runtimes');
    expect(markdown).toContain('## Peers: the stacks users pick instead');
    expect(markdown).toContain("**Seed 000's headline, reproduced.**");
    expect(markdown).toContain('## SDK v1 vs v2, 2025-11-25 vs 2026-07-28');
    expect(markdown).toContain('**Against the best peer**');
    // The curve: oha's open-loop points, each server's own rates and the common one, with a knee table.
    expect(markdown).toContain("**Each server's knee**");
    expect(markdown).toContain('**p99 at the common load**');
    // One fixed rate (the sized one) draws latency at that rate as bars, not a one-point line.
    for (const chart of ['answer', 'saturation', 'curve-p99', 'latency-at-rate', 'memory', 'layers', 'waves', 'overhead', 'cold-start-stdio']) {
      expect(existsSync(join(out, 'charts', `${chart}.svg`)), chart).toBe(true);
    }
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('<svg class="chart" id="answer"');
  });
});
