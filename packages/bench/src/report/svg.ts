// Charts as inline SVG, drawn here from the numbers: the report opens from disk with no
// script, no network and no chart library, and renders the same in any browser.

export const PALETTE = ['#2563eb', '#dc2626', '#059669', '#d97706', '#7c3aed', '#0891b2', '#be185d', '#4d7c0f'];

const W = 760;
const H = 340;
const M = { top: 40, right: 20, bottom: 70, left: 78 };

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

function scale(min: number, max: number, log: boolean, from: number, to: number) {
  if (log) {
    const a = Math.log10(min);
    const b = Math.log10(max);
    return (v: number) => from + ((Math.log10(Math.max(v, min)) - a) / (b - a || 1)) * (to - from);
  }
  return (v: number) => from + ((v - min) / (max - min || 1)) * (to - from);
}

function ticks(min: number, max: number, log: boolean): number[] {
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

function frame(id: string, title: string, yLabel: string, body: string, legend: string[]): string {
  const legendItems = legend
    .map((name, i) => {
      const x = M.left + i * 150;
      return `<rect x="${x}" y="${H - 22}" width="12" height="12" fill="${PALETTE[i % PALETTE.length]}"/><text x="${x + 17}" y="${H - 12}" font-size="12">${esc(name)}</text>`;
    })
    .join('');
  return `<svg class="chart" id="${esc(id)}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(title)}" font-family="system-ui, sans-serif">
<rect width="${W}" height="${H}" fill="#ffffff"/>
<text x="${W / 2}" y="22" text-anchor="middle" font-size="15" font-weight="600">${esc(title)}</text>
<text transform="translate(16 ${(M.top + H - M.bottom) / 2}) rotate(-90)" text-anchor="middle" font-size="12">${esc(yLabel)}</text>
${body}
${legendItems}
</svg>`;
}

function yAxis(y: (v: number) => number, tickValues: number[]): string {
  return tickValues
    .map((t) => `<line x1="${M.left}" x2="${W - M.right}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}" stroke="#e5e7eb"/><text x="${M.left - 6}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end" font-size="11">${formatTick(t)}</text>`)
    .join('');
}

export function barChart(c: BarChart): string {
  const all = c.values.flat().filter((v): v is { value: number; ci?: [number, number] | null } => v !== null && Number.isFinite(v.value));
  const top = Math.max(1e-9, ...all.map((v) => Math.max(v.value, v.ci?.[1] ?? 0)));
  const positive = all.map((v) => v.value).filter((v) => v > 0);
  const bottom = c.logY ? 10 ** Math.floor(Math.log10(Math.min(...positive, top))) : 0;
  const maxY = c.logY ? 10 ** Math.ceil(Math.log10(top)) : top * 1.1;
  const y = scale(bottom, maxY, c.logY ?? false, H - M.bottom, M.top);
  const groupWidth = (W - M.left - M.right) / Math.max(1, c.categories.length);
  const barWidth = Math.max(2, (groupWidth * 0.8) / Math.max(1, c.series.length));
  let body = yAxis(y, ticks(bottom || 0, maxY, c.logY ?? false));
  c.categories.forEach((category, ci) => {
    const gx = M.left + ci * groupWidth + groupWidth * 0.1;
    c.series.forEach((series, si) => {
      const v = c.values[ci]?.[si];
      if (!v || !Number.isFinite(v.value)) return;
      const x = gx + si * barWidth;
      const top = y(v.value);
      body += `<rect class="bar" data-series="${esc(series)}" x="${x.toFixed(1)}" y="${top.toFixed(1)}" width="${(barWidth - 2).toFixed(1)}" height="${Math.max(0, H - M.bottom - top).toFixed(1)}" fill="${PALETTE[si % PALETTE.length]}"><title>${esc(`${series} · ${category}: ${formatTick(v.value)}`)}</title></rect>`;
      if (v.ci) {
        const cx = x + (barWidth - 2) / 2;
        body += `<line class="ci" x1="${cx.toFixed(1)}" x2="${cx.toFixed(1)}" y1="${y(Math.max(v.ci[0], bottom || 0)).toFixed(1)}" y2="${y(v.ci[1]).toFixed(1)}" stroke="#111827" stroke-width="1.5"/>`;
      }
    });
    body += `<text x="${(gx + (groupWidth * 0.8) / 2).toFixed(1)}" y="${H - M.bottom + 16}" text-anchor="middle" font-size="11">${esc(category)}</text>`;
  });
  body += `<line x1="${M.left}" x2="${W - M.right}" y1="${H - M.bottom}" y2="${H - M.bottom}" stroke="#374151"/>`;
  return frame(c.id, c.title, c.yLabel, body, c.series);
}

export function lineChart(c: LineChart): string {
  const points = c.series.flatMap((s) => s.points).filter(([x, v]) => Number.isFinite(x) && Number.isFinite(v));
  const xs = points.map(([x]) => x);
  const vs = points.map(([, v]) => v).filter((v) => !c.logY || v > 0);
  const minX = Math.min(...xs);
  const maxX = Math.max(...xs);
  const minY = c.logY ? 10 ** Math.floor(Math.log10(Math.min(...vs))) : 0;
  const maxY = c.logY ? 10 ** Math.ceil(Math.log10(Math.max(...vs))) : Math.max(...vs) * 1.1;
  const x = scale(minX, maxX === minX ? minX + 1 : maxX, false, M.left + 20, W - M.right - 20);
  const y = scale(minY, maxY, c.logY ?? false, H - M.bottom, M.top);
  let body = yAxis(y, ticks(minY, maxY, c.logY ?? false));
  // At most 12 labels on the x axis (a soak has a point every second).
  const distinct = [...new Set(xs)].sort((a, b) => a - b);
  const every = Math.ceil(distinct.length / 12);
  for (const t of distinct.filter((_, i) => i % every === 0)) {
    body += `<text x="${x(t).toFixed(1)}" y="${H - M.bottom + 16}" text-anchor="middle" font-size="11">${formatTick(t)}</text>`;
  }
  body += `<text x="${(M.left + W - M.right) / 2}" y="${H - M.bottom + 34}" text-anchor="middle" font-size="12">${esc(c.xLabel)}</text>`;
  body += `<line x1="${M.left}" x2="${W - M.right}" y1="${H - M.bottom}" y2="${H - M.bottom}" stroke="#374151"/>`;
  c.series.forEach((s, i) => {
    const color = PALETTE[i % PALETTE.length];
    const pts = s.points.filter(([px, py]) => Number.isFinite(px) && Number.isFinite(py) && (!c.logY || py > 0)).sort((a, b) => a[0] - b[0]);
    if (pts.length === 0) return;
    body += `<polyline class="line" data-series="${esc(s.name)}" fill="none" stroke="${color}" stroke-width="2.5" points="${pts.map(([px, py]) => `${x(px).toFixed(1)},${y(py).toFixed(1)}`).join(' ')}"/>`;
    for (const [px, py] of pts) {
      body += `<circle cx="${x(px).toFixed(1)}" cy="${y(py).toFixed(1)}" r="4" fill="${color}"><title>${esc(`${s.name}: ${formatTick(py)} at ${formatTick(px)}`)}</title></circle>`;
    }
  });
  return frame(c.id, c.title, c.yLabel, body, c.series.map((s) => s.name));
}
