/** Folders the browser benchmarks serve: the bare MapLibre baseline page, built on demand, and static files. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { ROOT } from '../scripts/browser.ts';

/** Builds bench/bare.html (the baseline page; never part of the product) into a new temporary folder. */
export async function buildBarePage(): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'erqi-bare-'));
  await build({
    configFile: false,
    root: join(ROOT, 'bench'),
    base: './',
    logLevel: 'silent',
    build: { outDir: out, emptyOutDir: true, target: 'es2022', rolldownOptions: { input: join(ROOT, 'bench', 'bare.html') } },
  });
  return out;
}

/** What each kind of page sets once its map is first drawn (the element's: its host page in bench/load.ts). */
export const READY = {
  bare: 'window.__bare?.ready === true',
  app: 'window.__erqi?.ready === true',
  iframe: 'window.__erqiEmbed?.ready === true',
  element: 'window.elementReady === true',
} as const;

/**
 * Where each kind of page keeps its map once ready, as expressions evaluated in the page (the element's: its host
 * page's `<erqi-axis-map id="m">`, whose handle is private to its class, not to the page).
 */
const PAGES = {
  app: { path: '', ready: READY.app, map: 'window.__erqi.map' },
  embed: { path: 'embed.html', ready: READY.iframe, map: 'window.__erqiEmbed.handle.view.map' },
  element: { path: '', ready: READY.element, map: "document.getElementById('m').handle.view.map" },
} as const;

/**
 * The style a page's map was made with, as MapLibre gives it back (its data inline), with the map's size and view:
 * written beside the bare page, which then draws that map with MapLibre alone (bench/bare.ts, `?style=`). The app's
 * by default (`url`: the app's); `'embed'`: the iframe page's (embed.html beside the app); `'element'`: the
 * element's, `url` being its host page.
 */
export async function appStyle(page: Page, url: string, dir: string, which: keyof typeof PAGES = 'app'): Promise<string> {
  const { path, ready, map } = PAGES[which];
  await page.goto(`${url}${path}`);
  await page.waitForFunction(ready, null, { timeout: 60_000 });
  const { style, w, h, center, zoom } = await page.evaluate(`(() => {
    const m = ${map};
    const c = m.getCanvas();
    return { style: JSON.stringify(m.getStyle()), w: c.clientWidth, h: c.clientHeight, center: m.getCenter().toArray().join(','), zoom: m.getZoom() };
  })()`) as { style: string; w: number; h: number; center: string; zoom: number };
  const file = `${which}-style.json`;
  writeFileSync(join(dir, file), style);
  return `bare.html?style=${file}&w=${w}&h=${h}&center=${center}&zoom=${zoom}`;
}

export { serveFolder } from '../scripts/browser.ts';
