// What every study section shows about its samples: the full statistics of each configuration
// (mean, median, p95, stddev, 95% CI, 3σ outliers with and without), and a warning under 30 runs.
import type { StudySettings } from '../../studies/model.js';
import { summarise, withoutOutliers, type Summary } from '../../stats.js';
import { num, withCi } from '../format.js';
import type { Block } from '../model.js';

/** Below this many runs a figure is not worth citing (the methodology's minimum). */
export const MIN_RUNS = 30;

export function us(v: number): string {
  if (!Number.isFinite(v)) return 'n/a';
  return `${num(v, v < 10 ? 2 : v < 100 ? 1 : 0)} µs`;
}

export function msOf(v: number): string {
  if (!Number.isFinite(v)) return 'n/a';
  return `${num(v, v < 10 ? 2 : v < 100 ? 1 : 0)} ms`;
}

/** Mean ±half the 95% CI. */
export function meanCi(samples: readonly number[], format: (v: number) => string): string {
  return withCi(summarise(samples), (v) => format(v).replace(/ (µs|ms)$/, '')) + unitOf(format);
}

function unitOf(format: (v: number) => string): string {
  const unit = / (µs|ms)$/.exec(format(1))?.[1];
  return unit ? ` ${unit}` : '';
}

export function ratio(a: number, b: number): string {
  return Number.isFinite(a / b) && b > 0 ? `×${num(a / b, a / b < 10 ? 2 : 0)}` : 'n/a';
}

function ci(s: Summary, format: (v: number) => string): string {
  return s.ci95 ? `${format(s.ci95[0])} – ${format(s.ci95[1])}` : 'n/a';
}

/** One row per configuration: every statistic the methodology asks for. */
export function statisticsTable(rows: { label: string; samples: readonly number[] }[], format: (v: number) => string): Block {
  return {
    kind: 'table',
    head: ['configuration', 'runs', 'mean', 'median', 'p95', 'stddev', '95% CI of the mean', 'outliers (3σ)', 'mean without them'],
    rows: rows.map(({ label, samples }) => {
      const s = summarise(samples);
      const clean = withoutOutliers(samples);
      return [
        label,
        num(s.n),
        format(s.mean),
        format(s.median),
        format(s.p95),
        format(s.stddev),
        ci(s, format),
        s.outliers.length === 0 ? '0' : `${s.outliers.length}: ${s.outliers.map(format).join(', ')}`,
        s.outliers.length === 0 ? 'same' : format(clean.mean),
      ];
    }),
  };
}

export function runsNote(settings: StudySettings): Block[] {
  const base = `${settings.runs} measured runs per configuration after ${settings.warmupRuns} discarded warm-up runs; mean ±half its 95% confidence interval (Student's t).`;
  if (settings.runs >= MIN_RUNS) return [{ kind: 'text', text: base }];
  return [
    { kind: 'text', text: base },
    {
      kind: 'text',
      text: `**Smoke figures only:** ${settings.runs} runs is below the ${MIN_RUNS} a figure needs here. Run \`pnpm bench:all\` (30 runs) or the study's own command (100 runs) before citing them.`,
    },
  ];
}
