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

/**
 * The style a page's map was made with, as MapLibre gives it back (its data inline), with the map's size and view:
 * written beside the bare page, which then draws that map with MapLibre alone (bench/bare.ts, `?style=`). The app's
 * by default; `'embed'`: the iframe page's (embed.html beside the app).
 */
export async function appStyle(page: Page, appUrl: string, dir: string, which: 'app' | 'embed' = 'app'): Promise<string> {
  const embed = which === 'embed';
  await page.goto(embed ? `${appUrl}embed.html` : appUrl);
  await page.waitForFunction(embed ? 'window.__erqiEmbed?.ready === true' : 'window.__erqi?.ready === true', null, { timeout: 60_000 });
  const { style, w, h, center, zoom } = await page.evaluate((embed) => {
    const m = embed ? window.__erqiEmbed!.handle!.view.map! : window.__erqi!.map!;
    const c = m.getCanvas();
    return { style: JSON.stringify(m.getStyle()), w: c.clientWidth, h: c.clientHeight, center: m.getCenter().toArray().join(','), zoom: m.getZoom() };
  }, embed);
  const file = `${which}-style.json`;
  writeFileSync(join(dir, file), style);
  return `bare.html?style=${file}&w=${w}&h=${h}&center=${center}&zoom=${zoom}`;
}

export { serveFolder } from '../scripts/browser.ts';
