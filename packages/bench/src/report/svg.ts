// Charts as inline SVG, drawn here from the numbers: the report opens from disk with no
// script, no network and no chart library, and renders the same in any browser. Bars run
// sideways, one row per category, so category labels stack and never collide however many
// there are; legends wrap; every text's width is estimated so that nothing overlaps.

/** Okabe-Ito: told apart with every common colour-vision deficiency; yellow last, it is faint on white. */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'];

export const W = 760;
const LINE_H = 340;
const LINE_M = { top: 40, right: 20, bottom: 56, left: 78 };

export interface BarChart {
  id: string;
  title: string;
  yLabel: string;
  categories: string[];
  series: string[];
  /** values[category][series]: value and optional 95% CI, or null where not measured. */
  values: ({ value: number; ci?: [number, number] | null } | null)[][];
  logY?: boolean;
}

export interface LineChart {
  id: string;
  title: string;
  xLabel: string;
  yLabel: string;
  series: { name: string; points: [number, number][] }[];
  logY?: boolean;
}

export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A generous estimate of a label's width in system-ui: wide enough that estimated boxes that do not touch, drawn, do not either. */
export function textWidth(text: string, fontSize: number): number {
  return [...text].reduce((w, ch) => w + (/[MWmw@%]/.test(ch) ? 0.9 : /[A-Z0-9#µ×]/.test(ch) ? 0.68 : /[il.,:;'| ]/.test(ch) ? 0.34 : 0.58), 0) * fontSize;
}

/** `text` cut to fit `width` at `fontSize`, with an ellipsis when cut. */
export function fit(text: string, width: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= width) return text;
  let out = text;
  while (out.length > 1 && textWidth(`${out}…`, fontSize) > width) out = out.slice(0, -1);
  return `${out}…`;
}

export function scale(min: number, max: number, log: boolean, from: number, to: number) {
  if (log) {
    const a = Math.log10(min);
    const b = Math.log10(max);
    return (v: number) => from + ((Math.log10(Math.max(v, min)) - a) / (b - a || 1)) * (to - from);
  }
  return (v: number) => from + ((v - min) / (max - min || 1)) * (to - from);
}

export function ticks(min: number, max: number, log: boolean): number[] {
  if (log) {
    const out: number[] = [];
    for (let e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e++) out.push(10 ** e);
    return out.filter((t) => t >= min * 0.999 && t <= max * 1.001);
  }
  const step = niceStep((max - min) / 5);
  const out: number[] = [];
  for (let t = Math.ceil(min / step) * step; t <= max + step * 1e-9; t += step) out.push(Number(t.toPrecision(12)));
  return out;
}

function niceStep(raw: number): number {
  if (raw <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(raw));
  const f = raw / p;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
}

const trim = (s: string) => (s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s);

export function formatTick(v: number): string {
  if (v >= 1e6) return `${trim((v / 1e6).toPrecision(3))}M`;
  if (v >= 1e3) return `${trim((v / 1e3).toPrecision(3))}k`;
  if (v >= 1 || v === 0) return String(Number(v.toPrecision(3)));
  return String(Number(v.toPrecision(2)));
}

/** A legend that wraps onto as many rows as its names need; its height says how many. */
export function legend(names: readonly string[], x0: number, y0: number, width: number): { svg: string; height: number } {
  if (names.length < 2) return { svg: '', height: 0 };
  let x = x0;
  let y = y0;
  let svg = '';
  names.forEach((name, i) => {
    const label = fit(name, width - 17, 12);
    const itemWidth = 17 + textWidth(label, 12) + 18;
    if (x > x0 && x + itemWidth > x0 + width) {
      x = x0;
      y += 18;
    }
    svg += `<rect x="${x.toFixed(1)}" y="${y}" width="12" height="12" fill="${PALETTE[i % PALETTE.length]}"/><text class="label" x="${(x + 17).toFixed(1)}" y="${y + 10}" font-size="12">${esc(label)}</text>`;
    x += itemWidth;
  });
  return { svg, height: y - y0 + 18 };
}

export function frame(id: string, title: string, height: number, body: string, width = W): string {
  return `<svg class="chart" id="${esc(id)}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(title)}" font-family="system-ui, sans-serif">
<rect width="${width}" height="${height}" fill="#ffffff"/>
<text class="label" x="${width / 2}" y="22" text-anchor="middle" font-size="15" font-weight="600">${esc(fit(title, width - 20, 15))}</text>
${body}
</svg>`;
}

/** Vertical grid lines and their values under a horizontal value axis. */
export function xAxis(x: (v: number) => number, tickValues: number[], top: number, bottom: number): string {
  return tickValues
    .map((t) => `<line x1="${x(t).toFixed(1)}" x2="${x(t).toFixed(1)}" y1="${top}" y2="${bottom}" stroke="#e5e7eb"/><text class="label" x="${x(t).toFixed(1)}" y="${bottom + 14}" text-anchor="middle" font-size="11">${formatTick(t)}</text>`)
    .join('');
}

/** Bars for each category (a row) and series (a bar within the row), with their 95% CI whiskers. */
export function barChart(c: BarChart): string {
  const all = c.values.flat().filter((v): v is { value: number; ci?: [number, number] | null } => v !== null && Number.isFinite(v.value));
  const top = Math.max(1e-9, ...all.map((v) => Math.max(v.value, v.ci?.[1] ?? 0)));
  const positive = all.map((v) => v.value).filter((v) => v > 0);
  const low = c.logY ? 10 ** Math.floor(Math.log10(Math.min(...positive, top))) : 0;
  const high = c.logY ? 10 ** Math.ceil(Math.log10(top)) : top * 1.05;
  const labelWidth = Math.min(W * 0.35, Math.max(40, ...c.categories.map((k) => textWidth(k, 12))));
  const left = labelWidth + 18;
  const right = W - 24;
  const barHeight = c.series.length > 2 ? 10 : 14;
  const groupHeight = c.series.length * barHeight + 10;
  const plotTop = 40;
  const plotBottom = plotTop + c.categories.length * groupHeight;
  const x = scale(low, high, c.logY ?? false, left, right);
  let body = xAxis(x, ticks(low, high, c.logY ?? false), plotTop, plotBottom);
  body += `<text class="label" x="${((left + right) / 2).toFixed(1)}" y="${plotBottom + 32}" text-anchor="middle" font-size="12">${esc(c.yLabel)}</text>`;
  c.categories.forEach((category, ci) => {
    const gy = plotTop + ci * groupHeight + 5;
    body += `<text class="label" x="${left - 8}" y="${(gy + (c.series.length * barHeight) / 2 + 4).toFixed(1)}" text-anchor="end" font-size="12">${esc(fit(category, labelWidth, 12))}</text>`;
    c.series.forEach((series, si) => {
      const v = c.values[ci]?.[si];
      if (!v || !Number.isFinite(v.value)) return;
      const y = gy + si * barHeight;
      const end = x(v.value);
      body += `<rect class="bar" data-x="${esc(category)}" data-series="${esc(series)}" x="${left}" y="${y.toFixed(1)}" width="${Math.max(0, end - left).toFixed(1)}" height="${barHeight - 2}" fill="${PALETTE[si % PALETTE.length]}"><title>${esc(`${series} · ${category}: ${formatTick(v.value)}`)}</title></rect>`;
      if (v.ci) {
        const cy = (y + (barHeight - 2) / 2).toFixed(1);
        body += `<line class="ci" x1="${x(Math.max(v.ci[0], low)).toFixed(1)}" x2="${x(v.ci[1]).toFixed(1)}" y1="${cy}" y2="${cy}" stroke="#111827" stroke-width="1.5"/>`;
      }
    });
  });
  body += `<line x1="${left}" x2="${left}" y1="${plotTop}" y2="${plotBottom}" stroke="#374151"/>`;
  const key = legend(c.series, 16, plotBottom + 46, W - 32);
  return frame(c.id, c.title, plotBottom + 46 + key.height + 8, body + key.svg);
}

export function lineChart(c: LineChart): string {
  const M = LINE_M;
  const points = c.series.flatMap((s) => s.points).filter(([x, v]) => Number.isFinite(x) && Number.isFinite(v));
  const xs = points.map(([x]) => x);
  const vs = points.map(([, v]) => v).filter((v) => !c.logY || v > 0);
  const minX = Math.min(...xs);
  const maxX = Math.max(...xs);
  const minY = c.logY ? 10 ** Math.floor(Math.log10(Math.min(...vs))) : 0;
  const maxY = c.logY ? 10 ** Math.ceil(Math.log10(Math.max(...vs))) : Math.max(...vs) * 1.1;
  const key = legend(c.series.map((s) => s.name), M.left, LINE_H - M.bottom + 42, W - M.left - M.right);
  const H = LINE_H + key.height;
  const plotBottom = LINE_H - M.bottom;
  const x = scale(minX, maxX === minX ? minX + 1 : maxX, false, M.left + 20, W - M.right - 20);
  const y = scale(minY, maxY, c.logY ?? false, plotBottom, M.top);
  let body = ticks(minY, maxY, c.logY ?? false)
    .map((t) => `<line x1="${M.left}" x2="${W - M.right}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}" stroke="#e5e7eb"/><text class="label" x="${M.left - 6}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end" font-size="11">${formatTick(t)}</text>`)
    .join('');
  body += `<text class="label" transform="translate(16 ${(M.top + plotBottom) / 2}) rotate(-90)" text-anchor="middle" font-size="12">${esc(c.yLabel)}</text>`;
  // Round values on the x axis, not the data's own: points close together would print on top of each other.
  for (const t of ticks(minX, maxX, false)) {
    body += `<text class="label" x="${x(t).toFixed(1)}" y="${plotBottom + 16}" text-anchor="middle" font-size="11">${formatTick(t)}</text>`;
  }
  body += `<text class="label" x="${(M.left + W - M.right) / 2}" y="${plotBottom + 34}" text-anchor="middle" font-size="12">${esc(c.xLabel)}</text>`;
  body += `<line x1="${M.left}" x2="${W - M.right}" y1="${plotBottom}" y2="${plotBottom}" stroke="#374151"/>`;
  c.series.forEach((s, i) => {
    const color = PALETTE[i % PALETTE.length];
    const pts = s.points.filter(([px, py]) => Number.isFinite(px) && Number.isFinite(py) && (!c.logY || py > 0)).sort((a, b) => a[0] - b[0]);
    if (pts.length === 0) return;
    body += `<polyline class="line" data-series="${esc(s.name)}" fill="none" stroke="${color}" stroke-width="2.5" points="${pts.map(([px, py]) => `${x(px).toFixed(1)},${y(py).toFixed(1)}`).join(' ')}"/>`;
    for (const [px, py] of pts) {
      body += `<circle data-x="${px}" cx="${x(px).toFixed(1)}" cy="${y(py).toFixed(1)}" r="4" fill="${color}"><title>${esc(`${s.name}: ${formatTick(py)} at ${formatTick(px)}`)}</title></circle>`;
    }
  });
  return frame(c.id, c.title, H, body + key.svg);
}
