// Sizes the fixed-rate scenarios' rates for this run (fixed-rates.ts says the rule): k6's CPU per
// iteration is timed on this machine against one live server of each load protocol (k6 pays more
// for TLS and HTTP/2), and the slowest server's saturation is the first round's.
import { runK6 } from './k6.js';
import { k6RunEnv } from './measurement.js';
import { calibrationRates, generatorCost, sizeRate, type GeneratorSample, type SizedRate } from './fixed-rates.js';
import { saturationOf } from './latency-curve.js';
import type { LiveServer, Pins } from './live-servers.js';
import type { BenchSettings, Measurement } from './results.js';
import type { Scenario } from './scenarios.js';

export interface CalibrationRun {
  settings: BenchSettings;
  k6: string;
  /** The open-model scenarios of the run. */
  scenarios: readonly Scenario[];
  live: readonly LiveServer[];
  /** The first round's saturation slices. */
  saturation: readonly Measurement[];
  pins: Pins;
  log: (line: string) => void;
}

/** The rate each open scenario is measured at in this run; [] when nothing could be sized. */
export async function calibrateRates(run: CalibrationRun): Promise<SizedRate[]> {
  const primary = run.settings.wirings[0];
  const ours = run.live.filter((l) => l.kind === 'mcp' && l.config && !l.config.peer && l.wiring === primary);
  const slowest = ours
    .map((l) => ({ server: l.name, rps: saturationOf(run.saturation, l.name, l.wiring as string) }))
    .filter((s): s is { server: string; rps: number } => s.rps !== null)
    .sort((a, b) => a.rps - b.rps)[0];
  if (!slowest) return [];
  const byProtocol = [...new Map(ours.filter((l) => !l.config?.saturationOnly).map((l) => [l.loadListener, l])).values()];
  const sized: SizedRate[] = [];
  for (const sc of run.scenarios) {
    const preferred = sc.rate ?? Math.max(...run.settings.rates);
    const costs: { startupCpu: number; cpuPerIteration: number }[] = [];
    const [low, high] = calibrationRates(preferred);
    for (const live of byProtocol) {
      // Two runs: a short one at the lower rate and a longer one at the higher, so start-up and per-iteration cost separate.
      const a = await timeGenerator(run, sc, live, low, 1);
      const b = a ? await timeGenerator(run, sc, live, high, 2) : null;
      const cost = a && b ? generatorCost(a, b) : null;
      if (cost) costs.push(cost);
    }
    // The costliest protocol's figures, each on its own (both are upper bounds of what k6 pays).
    if (costs.length === 0) {
      run.log(`rates: ${sc.id} kept at ${preferred}/s (k6 could not be timed)`);
      continue;
    }
    const rate = sizeRate({
      scenario: sc.id,
      preferred,
      requestsPerIteration: sc.requestsPerIteration ?? 1,
      generatorCpuPerIteration: Math.max(...costs.map((c) => c.cpuPerIteration)),
      generatorStartupCpu: Math.max(...costs.map((c) => c.startupCpu)),
      durationSeconds: run.settings.durationSeconds,
      slowest: { server: slowest.server, rps: Math.round(slowest.rps) },
    });
    sized.push(rate);
    run.log(
      `rates: ${sc.id} at ${rate.rate}/s (set by ${rate.setBy}: preferred ${preferred}/s; k6 ${(rate.generatorCpuPerIteration * 1e6).toFixed(0)} µs an iteration + ${rate.generatorStartupCpu.toFixed(2)} s to start → ${rate.generatorBound}/s; half of ${slowest.server}'s saturation → ${rate.serverBound}/s)`,
    );
  }
  return sized;
}

/** k6's CPU seconds and iterations over one run of a scenario against a live server. */
async function timeGenerator(run: CalibrationRun, sc: Scenario, live: LiveServer, rate: number, seconds: number): Promise<GeneratorSample | null> {
  const k6 = await runK6({
    k6: run.k6,
    file: sc.file as string,
    url: live.loadUrl,
    env: { ...k6RunEnv(sc, seconds, rate), PROTOCOL: live.era },
    prefix: run.pins.generator,
    timeoutMs: (seconds + 60) * 1000,
  });
  const iterations = k6.summary?.metrics.iterations?.values.count ?? 0;
  if (k6.code !== 0 || iterations === 0) return null;
  return { cpuSeconds: k6.generatorCpuSeconds, iterations };
}
