// The first screen's chart: each server's saturation throughput over the best's, paired by
// round, as a bar to its mean with its 95% interval as a whisker; 1 is the best.
import type { Summary } from '../stats.js';
import { esc, fit, frame, PALETTE, scale, textWidth, ticks, xAxis } from './svg.js';

const WIDTH = 560;
const ROW = 22;
/** Whiskers past this are cut at the edge (an open end says so): a wide interval must not squash every bar. */
const CEILING = 2;

export interface RatioRow {
  label: string;
  ratio: Summary | undefined;
}

function range(s: Summary): string {
  return s.ci95 ? `${s.mean.toFixed(2)} (${s.ci95[0].toFixed(2)}–${s.ci95[1].toFixed(2)})` : s.mean.toFixed(2);
}

export function ratioChart(id: string, title: string, rows: readonly RatioRow[]): string {
  const measured = rows.filter((r): r is { label: string; ratio: Summary } => r.ratio !== undefined && r.ratio.n > 0);
  const labelWidth = Math.max(40, ...measured.map((r) => textWidth(r.label, 12)));
  const valueWidth = Math.max(40, ...measured.map((r) => textWidth(range(r.ratio), 11)));
  const left = labelWidth + 16;
  const right = WIDTH - valueWidth - 18;
  const high = Math.min(CEILING, Math.max(1.05, ...measured.map((r) => r.ratio.ci95?.[1] ?? r.ratio.mean)));
  const x = scale(0, high, false, left, right);
  const top = 40;
  const bottom = top + measured.length * ROW;
  let body = xAxis(x, ticks(0, high, false), top, bottom);
  body += `<line x1="${x(1).toFixed(1)}" x2="${x(1).toFixed(1)}" y1="${top - 4}" y2="${bottom}" stroke="#111827" stroke-dasharray="4 3"/>`;
  body += `<text class="label" x="${((left + right) / 2).toFixed(1)}" y="${bottom + 32}" text-anchor="middle" font-size="12">× the best's calls/s, paired by round (95% interval)</text>`;
  measured.forEach((r, i) => {
    const y = top + i * ROW;
    const mid = (y + ROW / 2).toFixed(1);
    const end = x(Math.min(r.ratio.mean, high));
    body += `<text class="label" x="${left - 8}" y="${(y + ROW / 2 + 4).toFixed(1)}" text-anchor="end" font-size="12">${esc(fit(r.label, labelWidth, 12))}</text>`;
    body += `<rect class="bar" data-x="${esc(r.label)}" x="${left}" y="${y + 4}" width="${Math.max(0, end - left).toFixed(1)}" height="${ROW - 8}" fill="${PALETTE[0]}"><title>${esc(`${r.label}: ${range(r.ratio)}`)}</title></rect>`;
    if (r.ratio.ci95) {
      const [lo, hi] = r.ratio.ci95;
      const x1 = x(Math.max(0, lo));
      const x2 = x(Math.min(high, hi));
      body += `<line class="ci" x1="${x1.toFixed(1)}" x2="${x2.toFixed(1)}" y1="${mid}" y2="${mid}" stroke="#111827" stroke-width="1.5"/>`;
      // A closed end marks a bound inside the axis; an open one, a bound past it.
      if (lo >= 0) body += `<line x1="${x1.toFixed(1)}" x2="${x1.toFixed(1)}" y1="${y + 6}" y2="${y + ROW - 6}" stroke="#111827" stroke-width="1.5"/>`;
      if (hi <= high) body += `<line x1="${x2.toFixed(1)}" x2="${x2.toFixed(1)}" y1="${y + 6}" y2="${y + ROW - 6}" stroke="#111827" stroke-width="1.5"/>`;
    }
    body += `<text class="label" x="${WIDTH - 8}" y="${(y + ROW / 2 + 4).toFixed(1)}" text-anchor="end" font-size="11">${esc(range(r.ratio))}</text>`;
  });
  body += `<line x1="${left}" x2="${left}" y1="${top}" y2="${bottom}" stroke="#374151"/>`;
  return frame(id, title, bottom + 44, body, WIDTH);
}
