import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTool } from '../toolchain.js';
import type { BenchResults } from '../results.js';
import { fixtureResults, withPeers } from './fixture.js';
import { PALETTE } from './svg.js';
import { writeReport } from './write.js';

/** Ours, one of ours on another runtime, and two peers. */
const results = withPeers(
  fixtureResults([
    { name: 'node-http', mcp: [1000, 1010, 990], raw: [30000, 31000, 29000], p99At: { 100: 4, 400: 9 }, curve: { p99: [4, 12, 300], commonP99: 4 } },
    { name: 'node-http2', mcp: [900, 905, 910], raw: [25000, 26000, 25500], p99At: { 100: 5, 400: 12 }, curve: { p99: [5, 15, 400], commonP99: 5 } },
    { name: 'uws', mcp: [1500, 1490, 1510], raw: [70000, 69000, 71000], p99At: { 100: 2, 400: 3 }, curve: { p99: [2, 8, 200], commonP99: 3 } },
    { name: 'node-http@node26', mcp: [1100, 1090, 1110], raw: [32000, 31000, 33000], p99At: { 100: 4, 400: 8 }, curve: { p99: [4, 10, 250], commonP99: 4 } },
  ]),
  [
    { name: 'hono-mcp', mcp: [300, 320, 310] },
    { name: 'fastmcp', mcp: [200, 190, 210] },
  ],
);
const SERVERS = ['uws', 'node-http@node26', 'node-http', 'node-http2', 'hono-mcp (peer)', 'fastmcp (peer)'];

/** The committed example run: a real run's eleven servers must fit the first screen too. */
const EXAMPLE = fileURLToPath(new URL('../../../../reports/example-runtimes/results.json', import.meta.url));
const example = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as BenchResults;

/** Where the first screen's screenshot is kept for a reader of the test run (git ignores it). */
const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));
const SCREEN = { width: 1400, height: 900 };

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Every chart's id, the distinct x values its marks carry, and each pair of its labels whose boxes intersect. */
async function chartFacts(page: Page): Promise<{ id: string; xs: number; overlaps: string[] }[]> {
  return page.$$eval('svg.chart', (svgs) =>
    svgs.map((svg) => {
      const xs = new Set([...svg.querySelectorAll('[data-x]')].map((m) => m.getAttribute('data-x')));
      const labels = [...svg.querySelectorAll('text')].map((t) => ({ text: t.textContent ?? '', box: t.getBoundingClientRect() as Box }));
      const overlaps: string[] = [];
      labels.forEach((a, i) =>
        labels.slice(i + 1).forEach((b) => {
          const w = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
          const h = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
          if (w > 0.5 && h > 0.5) overlaps.push(`"${a.text}" × "${b.text}"`);
        }),
      );
      return { id: svg.id, xs: xs.size, overlaps };
    }),
  );
}

/** Pixels of a PNG within a small distance of a CSS hex colour. */
function pixelsOf(png: PNG, hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  let count = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    if (Math.abs((png.data[i] as number) - r) + Math.abs((png.data[i + 1] as number) - g) + Math.abs((png.data[i + 2] as number) - b) < 30) count++;
  }
  return count;
}

describe('report.html in headless Chromium', () => {
  let browser: Browser;
  const dir = mkdtempSync(join(tmpdir(), 'mcp-bench-report-'));
  const written = writeReport(results, dir);
  const exampleDir = mkdtempSync(join(tmpdir(), 'mcp-bench-example-'));
  const exampleWritten = writeReport(example, exampleDir);

  beforeAll(async () => {
    const executablePath = process.env.CHROMIUM_PATH ?? findTool('chromium') ?? findTool('chromium-browser') ?? findTool('google-chrome');
    if (!executablePath) throw new Error('Chromium is not installed: run scripts/install-test-tools.sh (Debian package `chromium`) or set CHROMIUM_PATH');
    browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  }, 60_000);
  afterAll(async () => browser?.close());

  it('opens from disk without any network request and draws every chart', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const remote: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) remote.push(r.url());
    });
    await page.goto(pathToFileURL(written.html).href);
    expect(remote).toEqual([]);

    const ids = await page.$$eval('svg.chart', (svgs) => svgs.map((s) => s.id));
    expect(ids).toEqual(['answer', 'saturation', 'curve-p99', 'latency-p50', 'latency-p99', 'memory']);

    for (const id of ids) {
      const chart = page.locator(`svg#${id}`);
      const marks = await chart.evaluate((svg) =>
        [...svg.querySelectorAll('.bar, .line')].filter((m) => {
          const box = (m as unknown as { getBBox(): { width: number; height: number } }).getBBox();
          return box.width > 0 && box.height > 0;
        }).length,
      );
      expect(marks, `${id}: drawn bars or lines`).toBeGreaterThan(0);
      const png = PNG.sync.read(await chart.screenshot());
      expect(png.width).toBeGreaterThan(300);
      // The first series' colour really reached the screen, not only the DOM.
      expect(pixelsOf(png, PALETTE[0] as string), `${id}: pixels of the first series`).toBeGreaterThan(100);
    }
    await page.screenshot({ path: join(dir, 'report.png'), fullPage: true });
    expect(readFileSync(join(dir, 'report.png')).length).toBeGreaterThan(10_000);
  }, 60_000);

  for (const [name, html] of [
    ['the fixture', written.html],
    ['the committed example run', exampleWritten.html],
  ] as const) {
    it(`draws no chart with a single x value and no two labels of a chart over each other (${name})`, async () => {
      const page = await browser.newPage({ viewport: SCREEN });
      await page.goto(pathToFileURL(html).href);
      const charts = await chartFacts(page);
      expect(charts.length).toBeGreaterThan(3);
      for (const c of charts) {
        expect(c.xs, `${c.id}: distinct x values`).toBeGreaterThan(1);
        expect(c.overlaps, `${c.id}: overlapping labels`).toEqual([]);
      }
    }, 60_000);

    it(`leads with the verdict, one table with every server and its chart, all on the first 1400×900 screen (${name})`, async () => {
      const page = await browser.newPage({ viewport: SCREEN });
      await page.goto(pathToFileURL(html).href);
      const lead = page.locator('section.lead');
      const within = async (what: string, box: Box | null) => {
        expect(box, `${what}: drawn`).not.toBeNull();
        expect(box?.bottom, `${what}: bottom within the first screen`).toBeLessThanOrEqual(SCREEN.height);
        expect(box?.right, `${what}: right edge within the first screen`).toBeLessThanOrEqual(SCREEN.width);
      };
      const edges = (b: { x: number; y: number; width: number; height: number } | null): Box | null =>
        b && { left: b.x, right: b.x + b.width, top: b.y, bottom: b.y + b.height };

      const verdict = lead.locator('p').first();
      expect(await verdict.innerText()).toMatch(/serves the most calls at saturation|No server is clearly fastest at saturation/);
      await within('verdict', edges(await verdict.boundingBox()));

      expect(await lead.locator('table').count()).toBe(1);
      const table = lead.locator('table');
      const rows = table.locator('tbody tr');
      const names = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector('td')?.textContent ?? ''));
      if (html === written.html) expect(names).toEqual(SERVERS);
      else expect(names.length).toBe(new Set([...example.settings.servers, ...(example.settings.peers ?? [])]).size);
      for (let i = 0; i < names.length; i++) await within(`row ${names[i]}`, edges(await rows.nth(i).boundingBox()));
      const scroll = await table.evaluate((t) => ({ scroll: t.scrollWidth, client: t.clientWidth }));
      expect(scroll.scroll, 'the table scrolls sideways').toBeLessThanOrEqual(scroll.client + 1);
      expect(await page.locator('html').evaluate((h) => h.scrollWidth), 'the page scrolls sideways').toBeLessThanOrEqual(SCREEN.width);

      const chart = lead.locator('svg.chart');
      expect(await chart.count()).toBe(1);
      await within('chart', edges(await chart.boundingBox()));
      const bars = await chart.evaluate((svg) => [...svg.querySelectorAll('.bar')].filter((b) => b.getBoundingClientRect().width > 0).length);
      expect(bars).toBe(names.length);
      const png = PNG.sync.read(await chart.screenshot());
      expect(pixelsOf(png, PALETTE[0] as string), 'pixels of the bars').toBeGreaterThan(100);

      // The machine table follows, and wraps its long lines rather than scrolling sideways.
      const machine = page.locator('section#this-run table');
      const machineScroll = await machine.evaluate((t) => t.scrollWidth - t.clientWidth);
      expect(machineScroll).toBeLessThanOrEqual(1);

      if (html === exampleWritten.html) {
        mkdirSync(ARTIFACTS, { recursive: true });
        const shot = join(ARTIFACTS, 'first-screen.png');
        await page.screenshot({ path: shot });
        console.log(`first screen of the example report: ${shot}`);
      }
    }, 60_000);
  }

  it('shows the recommendation and every server in the tables', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(written.html).href);
    const text = await page.locator('body').innerText();
    expect(text).toContain('Which runtime should I pick?');
    expect(text).toContain('Most MCP calls per second: uws');
    for (const server of ['node-http', 'node-http2', 'uws']) expect(text).toContain(server);
  }, 60_000);
});
