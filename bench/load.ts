/**
 * Browser benchmarks in headless Chromium (SwiftShader WebGL): time from navigation to first map idle for the
 * full app, the iframe and the element, beside a bare MapLibre page drawing the same data.
 */
import { cpSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launch, ROOT, startServer } from '../scripts/browser.ts';
import { buildBarePage, serveFolder } from './serve.ts';
import { row, type BenchRow } from './stats.ts';

const RUNS = 5;

/** The bare page beside a copy of the shipped data bundle. */
async function bareServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const out = await buildBarePage();
  cpSync(join(ROOT, 'dist', 'data'), join(out, 'data'), { recursive: true });
  return serveFolder(out);
}

async function timeToReady(page: Page, url: string, ready: string): Promise<number> {
  await page.goto(url);
  await page.waitForFunction(ready, null, { timeout: 60_000 });
  return page.evaluate(() => performance.now());
}

const medianOf = async (fn: () => Promise<number>): Promise<number> => {
  await fn(); // warm the HTTP cache and the GPU process, as a returning visitor
  const xs: number[] = [];
  for (let i = 0; i < RUNS; i++) xs.push(await fn());
  xs.sort((a, b) => a - b);
  return xs[Math.floor(xs.length / 2)]!;
};

export async function loadBench(): Promise<BenchRow[]> {
  const app = await startServer();
  const bare = await bareServer();
  const host = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<!doctype html><link rel="icon" href="data:,"><script type="module" src="${app.url}erqi-axis-map.js"></script>
<erqi-axis-map id="m" style="height:600px"></erqi-axis-map>
<script>document.addEventListener('ready', () => (window.elementReady = true));</script>`);
  });
  await new Promise<void>((r) => host.listen(0, '127.0.0.1', r));
  const hostUrl = `http://127.0.0.1:${(host.address() as { port: number }).port}/`;
  const browser = await launch();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    const baseline = await medianOf(() => timeToReady(page, `${bare.url}bare.html`, 'window.__bare?.ready === true'));
    const full = await medianOf(() => timeToReady(page, app.url, 'window.__erqi?.ready === true'));
    const iframe = await medianOf(() => timeToReady(page, `${app.url}embed.html`, 'window.__erqiEmbed?.ready === true'));
    const element = await medianOf(() => timeToReady(page, hostUrl, 'window.elementReady === true'));
    return [
      row('load: navigation → first idle, full app (Chromium)', full, baseline, 'bare MapLibre page, same data'),
      row('load: navigation → ready, iframe embed.html (Chromium)', iframe, baseline, 'bare MapLibre page, same data'),
      row('load: navigation → ready, <erqi-axis-map> element (Chromium)', element, baseline, 'bare MapLibre page, same data'),
    ];
  } finally {
    await browser.close();
    host.close();
    await bare.close();
    await app.server.close();
  }
}
