import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTool } from '../toolchain.js';
import { fixtureResults } from './fixture.js';
import { PALETTE } from './svg.js';
import { writeReport } from './write.js';

const results = fixtureResults([
  { name: 'node-http', mcp: [1000, 1010, 990], raw: [30000, 31000, 29000], p99At: { 100: 4, 400: 9 }, curve: { p99: [4, 12, 300], commonP99: 4 } },
  { name: 'node-http2', mcp: [900, 905, 910], raw: [25000, 26000, 25500], p99At: { 100: 5, 400: 12 }, curve: { p99: [5, 15, 400], commonP99: 5 } },
  { name: 'uws', mcp: [1500, 1490, 1510], raw: [70000, 69000, 71000], p99At: { 100: 2, 400: 3 }, curve: { p99: [2, 8, 200], commonP99: 3 } },
]);

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
    expect(ids).toEqual(['throughput', 'saturation', 'curve-p99', 'latency-p50', 'latency-p99', 'cpu', 'memory']);

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

  it('shows the recommendation and every server in the tables', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(written.html).href);
    const text = await page.locator('body').innerText();
    expect(text).toContain('Which runtime should I pick?');
    expect(text).toContain('Most MCP calls per second: uws');
    for (const server of ['node-http', 'node-http2', 'uws']) expect(text).toContain(server);
  }, 60_000);
});
