// report.html: one self-contained file (inline CSS and SVG, no script, no network) that
// opens from disk.
import type { Block, Report, Section } from './model.js';
import { anchor } from './markdown.js';
import { esc } from './svg.js';

/** The little Markdown the report's text uses: `code` and **bold**. */
function inline(text: string): string {
  return esc(text)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');
}

// Headers and text wrap, figures do not; the first section sets its table and chart side by
// side where the window is wide enough, so that both fit the first screen.
const CSS = `
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#111827;max-width:1320px;margin:1.2rem auto;padding:0 1rem}
h1{font-size:1.7rem;margin:.2rem 0 .6rem}h2{margin-top:2.2rem;border-bottom:1px solid #e5e7eb;padding-bottom:.3rem}
table{border-collapse:collapse;margin:.8rem 0;font-size:13px;display:block;overflow-x:auto;max-width:100%}
th,td{border:1px solid #e5e7eb;padding:.3rem .55rem;text-align:left;vertical-align:top}
th{background:#f9fafb}td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
code{background:#f3f4f6;padding:0 .25rem;border-radius:3px}
figure{margin:1rem 0}svg.chart{max-width:100%;height:auto;border:1px solid #e5e7eb}
nav ul{columns:2}
section.lead h2{margin-top:.6rem}
section.lead td{white-space:nowrap}
@media (min-width:1200px){
section.lead{display:grid;grid-template-columns:fit-content(62%) minmax(360px,1fr);gap:0 1rem;align-items:start}
section.lead>:not(table):not(figure){grid-column:1/-1}
section.lead>table{display:table}
section.lead>figure{margin:.8rem 0}
}`;

export function renderHtml(report: Report): string {
  const rest = report.sections.filter((s) => !s.lead);
  const toc = `<nav><ul>${rest.map((s) => `<li><a href="#${anchor(s.title)}">${esc(s.title)}</a></li>`).join('')}</ul></nav>`;
  const render = (s: Section) => `<section id="${anchor(s.title)}"${s.lead ? ' class="lead"' : ''}><h2>${esc(s.title)}</h2>\n${s.blocks.map(renderBlock).join('\n')}</section>`;
  const lead = report.sections.filter((s) => s.lead).map(render).join('\n');
  const body = rest.map(render).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(report.title)}</title><style>${CSS}</style></head>
<body><h1>${esc(report.title)}</h1>
${lead}
${toc}
${body}
</body></html>
`;
}

function renderBlock(block: Block): string {
  switch (block.kind) {
    case 'text':
      return `<p>${inline(block.text)}</p>`;
    case 'list':
      return `<ul>${block.items.map((i) => `<li>${inline(i)}</li>`).join('')}</ul>`;
    case 'chart':
      return `<figure>${block.svg}</figure>`;
    case 'table':
      return `<table><thead><tr>${block.head.map((h) => `<th>${inline(h)}</th>`).join('')}</tr></thead><tbody>${block.rows
        .map((r) => `<tr>${r.map((c, i) => `<td${i > 0 && /^[\d.,±\s-]+\S*$/.test(c) ? ' class="n"' : ''}>${inline(c)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`;
  }
}
