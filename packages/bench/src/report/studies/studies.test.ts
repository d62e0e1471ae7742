import { describe, expect, it } from 'vitest';
import { STUDY_PROFILES } from '../../profiles.js';
import type { StudyResults } from '../../studies/model.js';
import { buildReport } from '../build.js';
import { fixtureResults } from '../fixture.js';
import { renderMarkdown } from '../markdown.js';
import { coldStartSection } from './coldstart.js';
import { layersSection } from './layers.js';
import { multiplexSection } from './multiplex.js';
import { differences, indistinguishable, overheadSection } from './overhead.js';

/** n samples spread evenly around `mean` (±spread), deterministic. */
const around = (mean: number, spread: number, n = 30) => Array.from({ length: n }, (_, i) => mean + spread * (((i * 7) % n) / (n - 1) - 0.5) * 2);

const settings = { ...STUDY_PROFILES.default, delayMs: 100 };
const studies: StudyResults = {
  settings,
  timerNs: 40,
  layers: [
    { layer: 'direct', runMeansUs: around(2, 0.2), callP50Us: 2, callP99Us: 4, calls: 900 },
    { layer: 'in-process', runMeansUs: around(50, 5), callP50Us: 50, callP99Us: 90, calls: 900 },
    { layer: 'http-raw', server: 'uws', wiring: 'tuned', protocol: 'http1', runMeansUs: around(200, 20), callP50Us: 200, callP99Us: 400, calls: 900 },
    { layer: 'http-mcp', server: 'uws', wiring: 'tuned', protocol: 'http1', runMeansUs: around(300, 20), callP50Us: 300, callP99Us: 600, calls: 900 },
  ],
  multiplex: [
    ...[1, 5, 10, 20].flatMap((n) => [
      { kind: 'h1-one' as const, server: 'node-http', n, mode: 'sequential' as const, wallMs: around(101 * n, 2) },
      { kind: 'h1-one' as const, server: 'node-http', n, mode: 'concurrent' as const, wallMs: around(101 * n, 2) },
      { kind: 'stdio' as const, server: 'stdio', n, mode: 'sequential' as const, wallMs: around(101 * n, 2) },
      { kind: 'stdio' as const, server: 'stdio', n, mode: 'concurrent' as const, wallMs: around(102, 2) },
    ]),
  ],
  overhead: [
    { kind: 'stdio', server: 'stdio', calls: 'io', n: 10, delayMs: 100, clientMs: around(102, 2), handWrittenMs: around(102, 2).reverse() },
    { kind: 'stdio', server: 'stdio', calls: 'trivial', n: 10, delayMs: 0, clientMs: around(3, 0.1), handWrittenMs: around(2, 0.1) },
  ],
  coldstart: [
    {
      target: 'stdio',
      startupMs: around(500, 20, 120),
      rows: [1, 5, 10, 20].map((n) => ({ n, sequentialMs: around(500 + 100 * n, 10), coalescedMs: around(600, 10), startups: Array(30).fill(n === 20 ? 2 : 1) })),
    },
  ],
};

const text = (section: { blocks: { kind: string }[] }) => renderMarkdown({ title: 't', sections: [{ id: 'x', title: 'x', ...section }] as never });

describe('study sections', () => {
  it('layers: per-call median and p99 per layer, and each layer over the one below in µs and as a ratio', () => {
    const md = text(layersSection(studies));
    expect(md).toContain('| tool function, called directly | 2.00 µs | 4.00 µs |');
    expect(md).toContain('+48.0 µs (×25)'); // in-process over direct
    expect(md).toMatch(/\| uws \(tuned, HTTP\/1\.1\) \| 200 µs \(400 µs\) \| 300 µs \(600 µs\) \|.*\| \+250 µs \(×6\.00\) \| \+100 µs \(×1\.50\) \|/);
    expect(md).toContain('![Median per-call cost by layer and server](charts/layers.svg)');
  });

  it('multiplex: waves reveal a transport that serialises, and one that does not', () => {
    const md = text(multiplexSection(studies));
    expect(md).toMatch(/\| HTTP\/1\.1, one keep-alive connection to node-http \| 20 \| 2,020 ±[\d.]+ ms \| 2,020 ±[\d.]+ ms \| 100 ms \| 20\.20 \| ×1\.0 \|/);
    expect(md).toMatch(/\| stdio, one pipe \| 20 \| 2,020 ±[\d.]+ ms \| 102 ±[\d.]+ ms \| 100 ms \| 1\.02 \| ×19\.8 \|/);
  });

  it('overhead: a paired difference whose CI holds zero is indistinguishable from zero; a real one is not', () => {
    const [io, trivial] = studies.overhead as [StudyResults['overhead'][0], StudyResults['overhead'][0]];
    expect(differences(trivial).every((d) => Math.abs(d - 1) < 1e-9)).toBe(true);
    expect(indistinguishable(io)).toBe(true);
    expect(indistinguishable(trivial)).toBe(false);
    const md = text(overheadSection(studies));
    expect(md).toContain('indistinguishable from zero');
    expect(md).toContain('+1.00 ms (+50.0%)');
  });

  it('cold start: sequential vs coalesced, and a run with more than one start-up is flagged', () => {
    const md = text(coldStartSection(studies));
    expect(md).toMatch(/\| 1 \| 600 ±[\d.]+ ms \| 600 ±[\d.]+ ms \| 600 ms \| ×1\.0 \| 1 \|/);
    expect(md).toMatch(/\| 20 \| 2,500 ±[\d.]+ ms \| 600 ±[\d.]+ ms \| 600 ms \| ×4\.2 \| \*\*2\*\* \(expected 1\) \|/);
  });

  it('every section shows the full statistics, and warns when runs are below 30', () => {
    const quick = { ...studies, settings: { ...settings, runs: 10 } };
    const md = renderMarkdown(buildReport({ ...fixtureResults([]), studies: quick, measurements: [], gates: [] }));
    expect(md).toContain('## Where the time goes: layers');
    expect(md).toContain('## Cold start: one start-up for N first calls');
    expect(md.match(/\| configuration \| runs \| mean \| median \| p95 \| stddev \| 95% CI of the mean \| outliers \(3σ\) \| mean without them \|/g)).toHaveLength(4);
    expect(md).toContain('**Smoke figures only:** 10 runs is below the 30');
    expect(md).not.toContain('## Which runtime should I pick?');
  });
});
