// The arrival rates of the fixed-rate (open-model) scenarios, sized to the machine the run is on:
// a rate is only worth measuring where every server keeps up and k6 has headroom. So each rate is
// the scenario's preferred rate at most, and no more than (a) the share of its core k6 may use,
// from k6's CPU per iteration measured on this machine, and (b) a share of the slowest server's
// saturation, which this run has just measured.

/** k6's core share a sized rate aims at: a third of the way to the 70% beyond which no row is cited, if the machine slows down. */
export const GENERATOR_SHARE = 0.35;
/** The share of the slowest server's saturation a sized rate may offer (in requests/s). */
export const SERVER_SHARE = 0.5;
/** The lowest rate sized: below it a run of a few seconds has too few calls to time a server by. */
export const MIN_RATE = 20;

export interface SizedRate {
  scenario: string;
  /** The rate measured, iterations/s. */
  rate: number;
  /** The scenario's own rate (or the run's --rates), the most it is measured at. */
  preferred: number;
  /** k6's CPU seconds per iteration of the scenario on this machine (the calibration's). */
  generatorCpuPerIteration: number;
  /** k6's CPU seconds to start and stop a run of the scenario, whatever its length. */
  generatorStartupCpu: number;
  /** The rate at which k6 would use GENERATOR_SHARE of its core. */
  generatorBound: number;
  /** SERVER_SHARE of the slowest server's saturation, in iterations/s. */
  serverBound: number;
  /** The slowest server at saturation in this run's first round, and its calls/s. */
  slowest: { server: string; rps: number };
  /** Which of the three set the rate. */
  setBy: 'preferred' | 'generator' | 'server';
}

/**
 * The largest "round" rate at or below `value`: 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a
 * power of ten, so the rates read well and change only in steps between machines.
 */
export function roundRateDown(value: number): number {
  if (!(value >= 1)) return 1;
  const steps = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8];
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [...steps].reverse().find((s) => s * power <= value * (1 + 1e-9)) ?? 1;
  return Math.round(step * power);
}

export interface SizingInput {
  scenario: string;
  preferred: number;
  /** Requests each iteration sends (a session sends four). */
  requestsPerIteration: number;
  generatorCpuPerIteration: number;
  generatorStartupCpu: number;
  /** Seconds of each measurement at the sized rate (k6's start-up is spread over them). */
  durationSeconds: number;
  slowest: { server: string; rps: number };
}

export function sizeRate(i: SizingInput): SizedRate {
  // k6's share of its core over a run: (start-up + per iteration × rate × seconds) / seconds.
  const headroom = GENERATOR_SHARE * i.durationSeconds - i.generatorStartupCpu;
  const generatorBound = i.generatorCpuPerIteration > 0 ? Math.max(1, headroom / (i.generatorCpuPerIteration * i.durationSeconds)) : Number.POSITIVE_INFINITY;
  const serverBound = (SERVER_SHARE * i.slowest.rps) / i.requestsPerIteration;
  const bounds = [
    { by: 'preferred' as const, value: i.preferred },
    { by: 'generator' as const, value: generatorBound },
    { by: 'server' as const, value: serverBound },
  ];
  const lowest = bounds.reduce((a, b) => (b.value < a.value ? b : a));
  return {
    scenario: i.scenario,
    rate: lowest.by === 'preferred' ? i.preferred : Math.max(MIN_RATE, roundRateDown(lowest.value)),
    preferred: i.preferred,
    generatorCpuPerIteration: i.generatorCpuPerIteration,
    generatorStartupCpu: i.generatorStartupCpu,
    generatorBound: Math.round(generatorBound),
    serverBound: Math.round(serverBound),
    slowest: i.slowest,
    setBy: lowest.by,
  };
}

/** The two rates k6 is timed at: a quarter and a half of the preferred one (at least 20/s and 40/s). */
export function calibrationRates(preferred: number): [number, number] {
  return [Math.max(20, roundRateDown(preferred / 4)), Math.max(40, roundRateDown(preferred / 2))];
}

/** One timed k6 run: its CPU seconds and the iterations it ran. */
export interface GeneratorSample {
  cpuSeconds: number;
  iterations: number;
}

/**
 * k6's start-up CPU and CPU per iteration, fitted through two runs of different lengths
 * (cpu = start-up + per iteration × iterations); null when the runs cannot separate them.
 */
export function generatorCost(a: GeneratorSample, b: GeneratorSample): { startupCpu: number; cpuPerIteration: number } | null {
  if (b.iterations <= a.iterations) return null;
  const perIteration = (b.cpuSeconds - a.cpuSeconds) / (b.iterations - a.iterations);
  if (!(perIteration > 0)) {
    // Noise swamped the difference: count it all as per iteration (the rate can only come out lower).
    const worst = Math.max(a.cpuSeconds / a.iterations, b.cpuSeconds / b.iterations);
    return worst > 0 ? { startupCpu: 0, cpuPerIteration: worst } : null;
  }
  return { startupCpu: Math.max(0, a.cpuSeconds - perIteration * a.iterations), cpuPerIteration: perIteration };
}
