/** Links that try to pull a basemap from a host nobody allowed (issue #16, item 4). */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { waitForMap, watchedPage } from '../../scripts/browser.ts';
import { withApp } from '../helpers/app_server.ts';

const app = withApp();

/** Every request the page makes to a host other than the map's own, answered 404 here (no network). */
async function recordForeign(page: Page): Promise<string[]> {
  const foreign: string[] = [];
  const own = new URL(app.url).host;
  await page.route(
    (u) => u.host !== own && (u.protocol === 'http:' || u.protocol === 'https:'),
    (route) => {
      foreign.push(route.request().url());
      return route.fulfill({ status: 404, body: '' });
    },
  );
  return foreign;
}

const LINKS = [
  'http://other.example/{z}/{x}/{y}.png',
  'https://127.0.0.1@other.example/{z}/{x}/{y}.png',
  'pmtiles://http://other.example/a.pmtiles',
];

describe('custom tiles from a link', () => {
  it.each(LINKS)('%s: the app loads nothing from the host, says which host, and loads only when the user says', async (tiles) => {
    const { page } = await watchedPage(app.browser);
    const foreign = await recordForeign(page);
    await page.goto(`${app.url}?basemap=custom&tiles=${encodeURIComponent(tiles)}`);
    await waitForMap(page);
    await page.waitForTimeout(300);
    expect(foreign).toEqual([]);
    const notice = page.locator('.map-wrap [role="alert"]');
    if (tiles.includes('@')) {
      expect(await notice.textContent()).toContain('链接中的底图瓦片地址已忽略：a user name or password in a tile URL is refused');
    } else {
      expect(await notice.textContent()).toContain('此链接要求从 \u2068other.example\u2069 加载底图瓦片');
      await page.getByRole('button', { name: '仍然加载' }).click();
      await expect.poll(() => foreign.length, { timeout: 30_000 }).toBeGreaterThan(0);
      expect(foreign.every((u) => new URL(u).host === 'other.example')).toBe(true);
    }
    await page.close();
  });

  it('a tile URL the user types into the custom field loads at once', async () => {
    const { page } = await watchedPage(app.browser);
    const foreign = await recordForeign(page);
    await page.goto(app.url);
    await waitForMap(page);
    await page.locator('#basemap-select').selectOption('custom');
    await page.locator('#custom-tiles').fill('https://mine.example/{z}/{x}/{y}.png');
    await page.locator('#custom-tiles').press('Enter');
    await expect.poll(() => foreign.length, { timeout: 30_000 }).toBeGreaterThan(0);
    expect(foreign.every((u) => new URL(u).host === 'mine.example')).toBe(true);
    await page.close();
  });

  it.each(LINKS)('%s: the iframe loads nothing from the host and warns in the console', async (tiles) => {
    const { page, consoleErrors } = await watchedPage(app.browser);
    const foreign = await recordForeign(page);
    const warnings: string[] = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await page.goto(`${app.url}embed.html?basemap=custom&tiles=${encodeURIComponent(tiles)}`);
    await page.waitForFunction(() => window.__erqiEmbed?.ready === true, null, { timeout: 30_000 });
    await page.waitForTimeout(300);
    expect(foreign).toEqual([]);
    expect(warnings.some((w) => w.startsWith('erqi-axis-map: custom tiles ignored'))).toBe(true);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('the element ignores a tiles attribute from a host nobody allowed, with a warning', async () => {
    const { page, consoleErrors } = await watchedPage(app.browser);
    const foreign = await recordForeign(page);
    const warnings: string[] = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    // The element on a page of the map's own origin, given the tiles by attribute.
    await page.goto(`${app.url}examples/element.html`);
    await page.evaluate(() => {
      const el = document.querySelector('erqi-axis-map')!;
      el.setAttribute('basemap', 'custom');
      el.setAttribute('tiles', 'http://other.example/{z}/{x}/{y}.png');
    });
    await expect.poll(() => warnings.some((w) => w.startsWith('erqi-axis-map: custom tiles ignored')), { timeout: 20_000 }).toBe(true);
    await page.waitForTimeout(500);
    expect(foreign).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});
