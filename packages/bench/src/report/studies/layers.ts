// Report section: where a tools/call's time goes, layer by layer.
import type { LayerSamples, StudyResults } from '../../studies/model.js';
import type { Block, Section } from '../model.js';
import { barChart } from '../svg.js';
import { meanCi, ratio, runsNote, statisticsTable, us } from './stats-table.js';

const TITLES = {
  direct: 'tool function, called directly',
  'in-process': 'SDK Client → McpServer in one process',
  'http-raw': 'raw HTTP round trip, no MCP (same stack\'s echo)',
  'http-mcp': 'MCP over HTTP, reference client → server',
} as const;

export function layersSection(studies: StudyResults): Section {
  const all = studies.layers;
  const local = (layer: 'direct' | 'in-process') => all.find((l) => l.layer === layer);
  const direct = local('direct');
  const inProcess = local('in-process');
  const targets = [...new Map(all.filter((l) => l.server).map((l) => [`${l.server}/${l.wiring}`, l])).values()];
  if (all.length === 0) return { id: 'layers', title: 'Where the time goes: layers', blocks: [] };
  const httpOf = (t: LayerSamples, layer: 'http-raw' | 'http-mcp') =>
    all.find((l) => l.layer === layer && l.server === t.server && l.wiring === t.wiring);
  const label = (t: LayerSamples) => `${t.server} (${t.wiring}, ${t.protocol === 'h2c' ? 'h2c' : 'HTTP/1.1'})`;
  const over = (upper: LayerSamples | undefined, lower: LayerSamples | undefined) =>
    upper && lower ? `+${us(upper.callP50Us - lower.callP50Us)} (${ratio(upper.callP50Us, lower.callP50Us)})` : 'n/a';

  const blocks: Block[] = [
    {
      kind: 'text',
      text: `The same trivial \`agent_task\` call, one at a time (concurrency 1), through more and more of the stack, as django-mcp-server's performance baseline does it. Per-call median and p99 over every measured call (${studies.settings.callsPerRun} calls per run, after at least ${studies.settings.warmupCalls} warm-up calls), and each layer's cost over the one below it. The two layers without HTTP are the same for every server and are measured once. The raw HTTP round trip uses the same client HTTP stack (undici's fetch for HTTP/1.1, one node:http2 session for h2c) against the server's own raw JSON echo, so the difference between the two HTTP rows is what MCP costs on the wire; the client runs on one core and the server on the other. Timer cost: ${studies.timerNs !== undefined ? `${studies.timerNs.toFixed(0)} ns per reading, included` : 'not measured'}.`,
    },
    ...runsNote(studies.settings),
    {
      kind: 'table',
      head: ['layer', 'median per call', 'p99 per call', 'mean per call (±95% CI over runs)', 'over the layer below'],
      rows: [
        direct ? [TITLES.direct, us(direct.callP50Us), us(direct.callP99Us), meanCi(direct.runMeansUs, us), '—'] : [],
        inProcess ? [TITLES['in-process'], us(inProcess.callP50Us), us(inProcess.callP99Us), meanCi(inProcess.runMeansUs, us), over(inProcess, direct)] : [],
      ].filter((r) => r.length > 0),
    },
    {
      kind: 'table',
      head: ['server', 'raw HTTP median (p99)', 'MCP over HTTP median (p99)', 'MCP over HTTP, mean ±CI', 'HTTP over in-process', 'MCP over raw HTTP'],
      rows: targets.map((t) => {
        const raw = httpOf(t, 'http-raw');
        const mcp = httpOf(t, 'http-mcp');
        return [
          label(t),
          raw ? `${us(raw.callP50Us)} (${us(raw.callP99Us)})` : 'n/a',
          mcp ? `${us(mcp.callP50Us)} (${us(mcp.callP99Us)})` : 'n/a',
          mcp ? meanCi(mcp.runMeansUs, us) : 'n/a',
          over(mcp, inProcess),
          over(mcp, raw),
        ];
      }),
    },
  ];
  if (targets.length > 0) {
    const layers = ['direct', 'in-process', 'http-raw', 'http-mcp'] as const;
    blocks.push({
      kind: 'chart',
      id: 'layers',
      alt: 'Median per-call cost by layer and server',
      svg: barChart({
        id: 'layers',
        title: 'Median cost of one tools/call by layer (µs, log scale)',
        yLabel: 'µs',
        categories: targets.map((t) => `${t.server} ${t.wiring}`),
        series: layers.map((l) => TITLES[l].split(',')[0] as string),
        values: targets.map((t) =>
          layers.map((layer) => {
            const s = layer === 'direct' ? direct : layer === 'in-process' ? inProcess : httpOf(t, layer);
            return s ? { value: s.callP50Us } : null;
          }),
        ),
        logY: true,
      }),
    });
  }
  blocks.push({ kind: 'text', text: 'Statistics of the per-run mean cost per call:' });
  blocks.push(
    statisticsTable(
      all.map((l) => ({ label: l.server ? `${l.layer} ${l.server} (${l.wiring})` : l.layer, samples: l.runMeansUs })),
      us,
    ),
  );
  return { id: 'layers', title: 'Where the time goes: layers', blocks };
}

