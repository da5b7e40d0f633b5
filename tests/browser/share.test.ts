/** Sharing a view: the exact link, its QR code, what it does not carry; a link that points at nothing says so. */
import { join } from 'node:path';
import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT, waitForMap, watchedPage } from '../../scripts/browser.ts';
import { withApp } from '../helpers/app_server.ts';

const app = withApp();

async function open(query: string, viewport = { width: 1280, height: 800 }): Promise<Page> {
  const { page } = await watchedPage(app.browser, viewport);
  await page.goto(app.url + query);
  await waitForMap(page);
  return page;
}
const camera = (page: Page) =>
  page.evaluate(() => {
    const m = window.__erqi!.map!;
    return { lon: m.getCenter().lng, lat: m.getCenter().lat, zoom: m.getZoom() };
  });

/** Reads the QR code in the share dialog as a phone would: from its pixels. */
async function scanQr(page: Page): Promise<string | null> {
  const { data, width, height } = await page.locator('.share-dialog canvas.qr').evaluate((c: HTMLCanvasElement) => {
    const image = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
    return { data: [...image.data], width: c.width, height: c.height };
  });
  return jsQR(Uint8ClampedArray.from(data), width, height)?.data ?? null;
}

describe('分享 / Share', () => {
  it('gives the link to exactly this view — camera included, even before the map was moved — and its QR code scans to it', async () => {
    const page = await open('?corridor=1000&status=operating,completed');
    await page.locator('[data-key="share"]').click();
    const link = await page.locator('#share-link').inputValue();
    const params = new URL(link).searchParams;
    expect(params.get('corridor')).toBe('1000');
    expect(params.get('status')).toBe('operating,completed');
    expect(params.get('map')).toMatch(/^[\d.]+\/[\d.]+\/[\d.]+/);
    expect(await scanQr(page)).toBe(link);
    expect(await page.locator('.share-warning').count()).toBe(0);
    const before = await camera(page);
    // Whoever opens it sees the same map.
    const other = await open(link.slice(app.url.length));
    const after = await camera(other);
    expect(Math.abs(after.zoom - before.zoom)).toBeLessThan(0.01);
    expect(Math.abs(after.lon - before.lon)).toBeLessThan(1e-4);
    expect(Math.abs(after.lat - before.lat)).toBeLessThan(1e-4);
    expect(await other.locator('#corridor-number').inputValue()).toBe('1000');
    await other.close();
    // Esc closes the dialog.
    await page.keyboard.press('Escape');
    expect(await page.locator('.share-dialog').count()).toBe(0);
    await page.close();
  });

  it('warns that a link cannot carry an imported ledger, on a phone too', async () => {
    const page = await open('', { width: 390, height: 844 });
    await page.getByRole('button', { name: '导入' }).click();
    await page.locator('#import-file').setInputFiles(join(ROOT, 'tests/fixtures/bad/swapped.csv'));
    await expect.poll(() => page.locator('.import-summary').textContent(), { timeout: 20_000 }).toContain('有效 1 行');
    await page.getByRole('button', { name: '应用（替换当前数据）' }).click();
    await page.getByRole('button', { name: '替换', exact: true }).click();
    await page.waitForFunction(() => window.__erqi?.ready === true && window.__erqi.app?.model.bundle.projects.length === 1, null, { timeout: 30_000 });
    await page.locator('[data-key="share"]').click();
    expect(await page.locator('.share-warning').innerText()).toBe('注意：此链接打开的是公开台账。你导入的“swapped.csv”只在本浏览器中，打开链接的人看不到其中的项目。');
    // The dialog fits the phone's screen.
    const box = (await page.locator('.share-dialog').boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await page.close();
  });

  it('a link to a project this ledger does not have says so (in the language chosen), and shows the whole district', async () => {
    const page = await open('?project=imported-row-7');
    expect(await page.locator('.notice').innerText()).toContain('链接中的项目“imported-row-7”不在此台账中');
    expect(await page.evaluate(() => location.search)).toBe('');
    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.locator('.notice').innerText()).toContain('The project “imported-row-7” in this link is not in this ledger');
    await page.close();
  });
});

describe('the map in the language chosen, and ⌂', () => {
  it("switching language relabels MapLibre's controls, the map's name and the note without a reload", async () => {
    const page = await open('');
    expect(await page.locator('.maplibregl-ctrl-zoom-in').getAttribute('title')).toBe('放大');
    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.locator('.maplibregl-ctrl-zoom-in').getAttribute('aria-label')).toBe('Zoom in');
    expect(await page.locator('.maplibregl-ctrl-fullscreen').getAttribute('title')).toBe('Enter fullscreen');
    expect(await page.locator('.maplibregl-ctrl-home').getAttribute('title')).toBe('Whole district');
    expect(await page.locator('.maplibregl-canvas').getAttribute('aria-label')).toBe('Map');
    expect(await page.locator('.schematic-note').innerText()).toMatch(/Zones are schematic/);
    await page.getByRole('button', { name: '中文' }).click();
    expect(await page.locator('.maplibregl-ctrl-zoom-out').getAttribute('title')).toBe('缩小');
    expect(await page.locator('.schematic-note').innerText()).toMatch(/片区范围为示意/);
    await page.close();
  });

  it('⌂ brings the whole district back from wherever the map was taken, and the address follows', async () => {
    const page = await open('');
    const home = await camera(page);
    await page.evaluate(() => window.__erqi!.map!.jumpTo({ center: [113.66, 34.75], zoom: 15 }));
    await page.locator('.maplibregl-ctrl-home').click();
    await page.waitForFunction(() => !window.__erqi!.map!.isMoving());
    const back = await camera(page);
    expect(Math.abs(back.zoom - home.zoom)).toBeLessThan(0.05);
    expect(Math.abs(back.lon - home.lon)).toBeLessThan(1e-3);
    await expect.poll(() => page.evaluate(() => new URLSearchParams(location.search).get('map'))).toMatch(new RegExp(`^${back.zoom.toFixed(2).slice(0, 4)}`));
    await page.close();
  });
});
