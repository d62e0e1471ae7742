// Number formatting shared by the Markdown and HTML reports.
import type { Summary } from '../stats.js';
import { GENERATOR_BOUND, type Cell, type Winner } from '../summarise.js';

export function num(v: number, digits = 0): string {
  if (!Number.isFinite(v)) return 'n/a';
  return v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Significant-figure formatting for latencies, which span µs to seconds. */
export function ms(v: number): string {
  if (!Number.isFinite(v)) return 'n/a';
  if (v >= 1000) return `${num(v / 1000, 2)} s`;
  if (v >= 100) return `${num(v, 0)} ms`;
  if (v >= 10) return `${num(v, 1)} ms`;
  return `${num(v, 2)} ms`;
}

/** Mean ± half the 95% CI (or the single value). */
export function withCi(s: Summary | undefined, format: (v: number) => string): string {
  if (!s || s.n === 0) return 'n/a';
  if (!s.ci95) return format(s.mean);
  return `${format(s.mean)} ±${format((s.ci95[1] - s.ci95[0]) / 2).replace(/ (ms|s)$/, '')}`;
}

export function bytes(v: number): string {
  if (!Number.isFinite(v)) return 'n/a';
  if (v >= 1024 ** 3) return `${num(v / 1024 ** 3, 2)} GiB`;
  if (v >= 1024 ** 2) return `${num(v / 1024 ** 2, 1)} MiB`;
  if (v >= 1024) return `${num(v / 1024, 1)} KiB`;
  return `${num(v)} B`;
}

export function percent(v: number, digits = 1): string {
  return Number.isFinite(v) ? `${num(v * 100, digits)}%` : 'n/a';
}

export function winnerText(w: Winner): string {
  if (w.verdict === 'generator-bound') return `none: generator-bound (≥ ${Math.round(GENERATOR_BOUND * 100)}% of its core)`;
  if (!w.server || w.verdict === 'none') return '—';
  if (w.verdict === 'only') return `— (only ${w.server} measured)`;
  const margin = `+${num(w.margin * 100, 1)}%`;
  if (w.verdict === 'tie') return `tie (CIs overlap; ${w.server} ${margin})`;
  if (w.verdict === 'single') return `${w.server} (${margin}, one run: no CI)`;
  return `**${w.server}** (${margin})`;
}

/** Server CPU per call (µs) of a cell, with its interval: requests per CPU-second upside down. */
export function microseconds(x: Cell | null): string {
  if (!x || x.requestsPerCpuSecond.n === 0) return 'not measured';
  const perSecond = x.requestsPerCpuSecond;
  // Calls per CPU-second whose interval reaches 0 put no upper bound on the time a call takes.
  if (perSecond.ci95 && perSecond.ci95[0] <= 0) return `${num(1e6 / perSecond.mean, 0)} (95% CI: ≥ ${num(1e6 / perSecond.ci95[1], 0)}, no upper bound)`;
  return withCi({ ...perSecond, mean: 1e6 / perSecond.mean, ci95: perSecond.ci95 ? [1e6 / perSecond.ci95[1], 1e6 / perSecond.ci95[0]] : null }, (v) => num(v, 0));
}
