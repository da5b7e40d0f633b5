/** What users tripped over in their first hour (issue #11): each case failed before its fix. */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { elementSnippet } from '../../src/core/embed_snippets.ts';
import { DEFAULT_STATE } from '../../src/core/url_state.ts';
import { ROOT, waitForMap, watchedPage } from '../../scripts/browser.ts';
import { withApp } from '../helpers/app_server.ts';

const app = withApp();

const zoomInUrl = (page: Page) => page.evaluate(() => Number(new URLSearchParams(location.search).get('map')?.split('/')[0] ?? NaN));
/** Turns the wheel over the map and resolves with the zoom the map settles at (its moveend). */
async function wheelZoom(page: Page, deltaY: number): Promise<number> {
  const settled = page.evaluate(() => new Promise<number>((r) => window.__erqi!.app!.view.map!.once('moveend', (e) => r(e.target.getZoom()))));
  await page.mouse.wheel(0, deltaY);
  return settled;
}

describe('every camera change reaches the URL', () => {
  it('a mouse-wheel zoom', async () => {
    const { page, consoleErrors } = await watchedPage(app.browser);
    await page.goto(app.url);
    await waitForMap(page);
    const box = (await page.locator('.map-wrap canvas').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const zoomedIn = await wheelZoom(page, -400);
    await expect.poll(() => zoomInUrl(page), { timeout: 5_000 }).toBeCloseTo(zoomedIn, 2);
    // A second wheel zoom replaces the view in the link, and shared links follow it.
    const zoomedOut = await wheelZoom(page, 300);
    expect(zoomedOut).toBeLessThan(zoomedIn);
    await expect.poll(() => zoomInUrl(page), { timeout: 5_000 }).toBeCloseTo(zoomedOut, 2);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('a drag and a keyboard zoom', async () => {
    const { page } = await watchedPage(app.browser);
    await page.goto(app.url);
    await waitForMap(page);
    const box = (await page.locator('.map-wrap canvas').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 120, box.y + box.height / 2 + 40, { steps: 8 });
    await page.mouse.up();
    await expect.poll(() => page.evaluate(() => location.search), { timeout: 5_000 }).toMatch(/map=/);
    const before = await zoomInUrl(page);
    await page.locator('.map-wrap canvas').focus();
    await page.keyboard.press('Equal');
    await expect.poll(() => zoomInUrl(page), { timeout: 5_000 }).toBeGreaterThan(before);
    await page.close();
  });
});

describe('menus and focus', () => {
  it('on a phone the Export menu opens inside the screen, and Esc closes it', async () => {
    const { page } = await watchedPage(app.browser, { width: 390, height: 844 });
    await page.goto(app.url);
    await waitForMap(page);
    await page.locator('.export-menu summary').click();
    // The menu is placed on its toggle event, which the browser fires just after opening it.
    await expect.poll(async () => (await page.locator('.export-items').boundingBox())!.x).toBeGreaterThanOrEqual(0);
    const items = await page.locator('.export-items').boundingBox();
    expect(items!.x + items!.width).toBeLessThanOrEqual(390);
    await page.keyboard.press('Escape');
    expect(await page.locator('.export-menu').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
    await page.close();
  });

  it('Esc on a card opened from the List returns focus to that row', async () => {
    const { page } = await watchedPage(app.browser);
    await page.goto(app.url);
    await waitForMap(page);
    await page.getByRole('tab', { name: '列表' }).click();
    await page.locator('tr[data-project="crec-taihe"] button').click();
    await page.locator('.project-card').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-project'))).toBe('crec-taihe');
    await page.close();
  });
});

describe('npm start', () => {
  it("serves the element snippet's module, so the Embed dialog's snippet works before a build", async () => {
    const { createServer } = await import('vite');
    const { createServer: httpServer } = await import('node:http');
    const dev = await createServer({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), server: { port: 0, host: '127.0.0.1' }, logLevel: 'silent' });
    await dev.listen();
    const devUrl = dev.resolvedUrls!.local[0]!;
    // The snippet, as the dialog writes it, on a page of another origin.
    const snippet = elementSnippet(devUrl, DEFAULT_STATE);
    const host = httpServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body>${snippet}
<script>document.addEventListener('ready', () => (window.elementReady = true));</script></body></html>`);
    });
    await new Promise<void>((r) => host.listen(0, '127.0.0.1', r));
    const { port } = host.address() as { port: number };
    const { page, consoleErrors, failedRequests } = await watchedPage(app.browser);
    try {
      expect((await fetch(`${devUrl}erqi-axis-map.js`)).headers.get('content-type')).toMatch(/javascript/);
      await page.goto(`http://127.0.0.1:${port}/`);
      await page.waitForFunction(() => (window as unknown as { elementReady?: boolean }).elementReady === true, null, { timeout: 60_000 });
      expect(await page.evaluate(() => document.querySelector('erqi-axis-map')!.shadowRoot!.querySelectorAll('.axis-chip').length)).toBe(3);
      expect(consoleErrors).toEqual([]);
      expect(failedRequests).toEqual([]);
    } finally {
      await page.close();
      host.close();
      await dev.close();
    }
  }, 90_000);
});

describe('200 % zoom (a 1280 × 800 laptop: 640 × 400 CSS pixels)', () => {
  it('the map keeps room for its controls, and the page scrolls to a list that shows its rows', async () => {
    const ctx = await app.browser.newContext({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
    const page = await ctx.newPage();
    await page.goto(app.url);
    await waitForMap(page);
    const box = async (sel: string) => (await page.locator(sel).first().boundingBox())!;
    const fullscreen = await box('.maplibregl-ctrl-fullscreen');
    const attribution = await box('.maplibregl-ctrl-attrib');
    const overlap = !(fullscreen.y + fullscreen.height <= attribution.y || attribution.y + attribution.height <= fullscreen.y);
    expect(overlap).toBe(false);
    await page.getByRole('tab', { name: '列表' }).click();
    const list = page.locator('.table-wrap tbody tr').first();
    await list.scrollIntoViewIfNeeded();
    expect(await list.isVisible()).toBe(true);
    expect((await box('#panel')).height).toBeGreaterThan(200);
    await ctx.close();
  });
});

describe('the Chinese UI speaks Chinese', () => {
  it("MapLibre's controls and the map's accessible name are in Chinese in the full app, as in the embeds", async () => {
    const { page } = await watchedPage(app.browser);
    await page.goto(app.url);
    await waitForMap(page);
    expect(await page.locator('.maplibregl-ctrl-zoom-in').getAttribute('aria-label')).toBe('放大');
    expect(await page.locator('.maplibregl-ctrl-fullscreen').getAttribute('aria-label')).toBe('全屏');
    expect(await page.locator('.maplibregl-canvas').getAttribute('aria-label')).toBe('地图');
    await page.close();
  });
});

describe('card and map together', () => {
  it('a click on empty map closes the card; a pin click keeps the selected axis in focus', async () => {
    const { page } = await watchedPage(app.browser);
    await page.goto(`${app.url}?axis=songshan&axes=songshan`);
    await waitForMap(page);
    const styleAxis = () => page.evaluate(() => window.__erqi!.app!.view.map!.getPaintProperty('axes-line', 'line-opacity'));
    const focused = JSON.stringify(await styleAxis());
    // Open a project on the axis as a pin click does, then check the axis emphasis is unchanged.
    await page.evaluate(() => window.__erqi!.app!.store.set({ selection: { kind: 'project', id: 'yaxing-wanjia' } }));
    await page.locator('.project-card').waitFor();
    expect(JSON.stringify(await styleAxis())).toBe(focused);
    // A click far from any pin: the card closes.
    const box = (await page.locator('.map-wrap canvas').boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.2, box.y + box.height * 0.45);
    await expect.poll(() => page.locator('.project-card').count()).toBe(0);
    await page.close();
  });

  it('a filter option that would show nothing cannot be ticked', async () => {
    const { page } = await watchedPage(app.browser);
    await page.goto(`${app.url}?mapped=yes`);
    await waitForMap(page);
    await page.getByRole('tab', { name: '筛选' }).click();
    const zero = page.locator('.facet-option:has(.count:text-is("(0)")) input').first();
    expect(await zero.isDisabled()).toBe(true);
    await page.close();
  });
});

describe('filter feedback', () => {
  it('says how many projects a filter shows, says so when none, and clears in one click', async () => {
    const { page } = await watchedPage(app.browser);
    await page.goto(`${app.url}?status=operating`);
    await waitForMap(page);
    const status = page.locator('.filter-status');
    expect(await status.textContent()).toMatch(/^显示 \d+ \/ 18 项 清除筛选$/);
    await page.goto(`${app.url}?status=operating&mapped=no&sector=urban_renewal`);
    await waitForMap(page);
    expect(await status.textContent()).toBe('没有符合筛选条件的项目 清除筛选');
    await status.getByRole('button', { name: '清除筛选' }).click();
    await expect.poll(() => status.isHidden()).toBe(true);
    expect(await page.evaluate(() => location.search)).toBe('');
    await page.close();
  });
});
