/** Each part of the app redraws only when its inputs change (issue #10: render by change). */
import type { GeoJSONSource } from 'maplibre-gl';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { waitForMap, watchedPage } from '../../scripts/browser.ts';
import { withApp } from '../helpers/app_server.ts';

const app = withApp();

const PARTS = { sidebar: '.sidebar', legend: '.legend-slot', card: '.card-slot' } as const;

/** Starts counting DOM changes (childList) under each part of the page. */
async function countRenders(page: Page): Promise<() => Promise<Record<keyof typeof PARTS, number>>> {
  await page.evaluate((parts) => {
    const w = window as unknown as { renders: Record<string, number> };
    w.renders = {};
    for (const [name, selector] of Object.entries(parts)) {
      w.renders[name] = 0;
      new MutationObserver((records) => (w.renders[name]! += records.length)).observe(document.querySelector(selector)!, { childList: true, subtree: true });
    }
  }, PARTS);
  return () => page.evaluate(() => ({ ...(window as unknown as { renders: Record<keyof typeof PARTS, number> }).renders }));
}

describe('render by change', () => {
  it('a pan writes the view to the URL and redraws no panel, legend or card', async () => {
    const { page } = await watchedPage(app.browser);
    await page.goto(`${app.url}?project=crec-taihe`);
    await waitForMap(page);
    await page.waitForTimeout(400);
    const renders = await countRenders(page);
    await page.evaluate(() => window.__erqi!.app!.view.map!.panBy([120, 40], { animate: false }, { byApp: true }));
    await expect.poll(() => page.evaluate(() => location.search), { timeout: 30_000 }).toMatch(/map=/);
    expect(await renders()).toEqual({ sidebar: 0, legend: 0, card: 0 });
    await page.close();
  });

  it('a filter change redraws the panel but not the legend', async () => {
    const { page } = await watchedPage(app.browser);
    await page.goto(app.url);
    await waitForMap(page);
    const renders = await countRenders(page);
    await page.getByRole('tab', { name: '筛选' }).click();
    await page.locator('#f-statuses-operating').check();
    await expect.poll(() => page.evaluate(() => location.search)).toContain('status=operating');
    const r = await renders();
    expect(r.sidebar).toBeGreaterThan(0);
    expect(r.legend).toBe(0);
    await page.close();
  });

  it("a filter change sends the map its pins before it redraws the panel (MapLibre's worker clusters them meanwhile)", async () => {
    const { page } = await watchedPage(app.browser);
    await page.goto(app.url);
    await waitForMap(page);
    await page.getByRole('tab', { name: '筛选' }).click();
    await page.locator('#f-statuses-operating').waitFor();
    // What the panel showed each time the pins' source was sent new pins.
    await page.evaluate(() => {
      const w = window as unknown as { panelWhenSent: string[] };
      w.panelWhenSent = [];
      const source = window.__erqi!.map!.getSource('projects') as GeoJSONSource;
      for (const name of ['setData', 'updateData'] as const) {
        const send = source[name].bind(source) as (d: unknown) => Promise<void>;
        source[name] = ((d: unknown) => {
          w.panelWhenSent.push(document.querySelector('.sidebar')!.innerHTML);
          return send(d);
        }) as never;
      }
    });
    const before = await page.locator('.sidebar').innerHTML();
    await page.locator('#f-statuses-operating').check();
    await expect.poll(() => page.evaluate(() => location.search)).toContain('status=operating');
    expect(await page.evaluate(() => (window as unknown as { panelWhenSent: string[] }).panelWhenSent)).toEqual([before]);
    expect(await page.locator('.sidebar').innerHTML()).not.toBe(before);
    await page.close();
  });
});
