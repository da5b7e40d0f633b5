/**
 * The layout is data, in the browser: the app and the iframe run on a bundle with 2 axes and 4 zones and other
 * ids (tests/fixtures/layout_2x4) served in place of the shipped one, with nothing in the code changed.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildBundle } from '../../src/core/bundle.ts';
import { waitForMap, watchedPage } from '../../scripts/browser.ts';
import { withApp } from '../helpers/app_server.ts';
import { layoutFixtureSources } from '../helpers/fixtures.ts';

const app = withApp();
const { bundle } = buildBundle(layoutFixtureSources()).value!;

/** A page whose data/bundle.json is the fixture's. */
async function open(path: string) {
  const watched = await watchedPage(app.browser);
  await watched.page.route('**/data/bundle.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(bundle) }));
  await watched.page.goto(`${app.url}${path}`);
  return watched;
}
const legendText = (page: Page) => page.locator('.legend').innerText();

describe('a 2-axis, 4-zone layout in the app', () => {
  it('shows its axes in the panel and legend, its zones in the filters, and reads its ids from the link', async () => {
    const { page, consoleErrors } = await open('?axis=ring-b&lang=zh');
    await waitForMap(page);
    const panel = await page.locator('.sidebar').innerText();
    expect(panel).toContain('甲环路');
    expect(panel).toContain('乙环路');
    expect(panel).not.toContain('嵩山路');
    expect(await legendText(page)).toMatch(/甲环路[\s\S]*乙环路/);
    expect(await page.evaluate(() => window.__erqi!.app!.store.get().selection)).toEqual({ kind: 'axis', id: 'ring-b' });
    await page.getByRole('tab', { name: '筛选' }).click();
    for (const zone of ['西北片（测试）', '东北片（测试）', '西南片（测试）', '东南片（测试）']) await expect.poll(() => page.getByText(zone).count()).toBeGreaterThan(0);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('opens a project of the layout from the list, with distances to its own axes', async () => {
    const { page } = await open('?lang=en');
    await waitForMap(page);
    await page.getByRole('tab', { name: 'List' }).click();
    await page.getByRole('button', { name: 'Test project A' }).click();
    const card = page.locator('.project-card');
    await expect.poll(() => card.innerText()).toContain('Ring A Road 111 m · Ring B Road 4,548 m');
    expect(await card.innerText()).toContain('North-west (test)');
    await page.close();
  });

  it('warns about and ignores an Erqi axis in the link', async () => {
    const { page } = await open('?axis=songshan');
    const warnings: string[] = [];
    page.on('console', (m) => void (m.type() === 'warning' && warnings.push(m.text())));
    await page.reload();
    await waitForMap(page);
    expect(warnings.join('\n')).toContain('URL parameter axis=songshan ignored: use one of ring-a, ring-b');
    expect(await page.evaluate(() => window.__erqi!.app!.store.get().selection)).toEqual({ kind: 'none' });
    await page.close();
  });
});

describe('a 2-axis, 4-zone layout in the iframe', () => {
  it('draws a chip per axis and focuses one from the link', async () => {
    const { page, consoleErrors } = await open('embed.html?axis=ring-a&lang=en');
    await page.waitForFunction(() => (window as unknown as { __erqiEmbed?: { ready: boolean } }).__erqiEmbed?.ready === true, null, { timeout: 30_000 });
    const chips = page.locator('.axis-chip');
    expect(await chips.count()).toBe(2);
    expect(await chips.nth(0).getAttribute('aria-pressed')).toBe('true');
    expect(await chips.allInnerTexts()).toEqual([expect.stringMatching(/^Ring A Road/), expect.stringMatching(/^Ring B Road/)]);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});
