/** What users tripped over in their first hour (issue #11): each case failed before its fix. */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { elementSnippet } from '../../src/core/embed_snippets.ts';
import { DEFAULT_STATE } from '../../src/core/url_state.ts';
import { ROOT, waitForMap, watchedPage } from '../../scripts/browser.ts';
import { fixtureBundleJson, withApp } from '../helpers/app_server.ts';
import { DataModel } from '../../src/app/derive.ts';
import { EMPTY_FILTER } from '../../src/core/facets.ts';

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
    await expect.poll(() => zoomInUrl(page), { timeout: 30_000 }).toBeCloseTo(zoomedIn, 2);
    // A second wheel zoom replaces the view in the link, and shared links follow it.
    const zoomedOut = await wheelZoom(page, 300);
    expect(zoomedOut).toBeLessThan(zoomedIn);
    await expect.poll(() => zoomInUrl(page), { timeout: 30_000 }).toBeCloseTo(zoomedOut, 2);
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
    await expect.poll(() => page.evaluate(() => location.search), { timeout: 30_000 }).toMatch(/map=/);
    const before = await zoomInUrl(page);
    await page.locator('.map-wrap canvas').focus();
    await page.keyboard.press('Equal');
    await expect.poll(() => zoomInUrl(page), { timeout: 30_000 }).toBeGreaterThan(before);
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

  it('a hover names the pin (name, stage, investment) before any click; the keyboard has a way to every pin', async () => {
    const { page } = await watchedPage(app.browser);
    await page.goto(`${app.url}?map=16/34.7396/113.652`);
    await waitForMap(page);
    await page.waitForFunction(() => window.__erqi!.app!.view.map!.loaded());
    const at = await page.evaluate(() => {
      const m = window.__erqi!.app!.view.map!;
      const p = window.__erqi!.app!.model.project('crec-taihe')!.project.site!;
      const r = m.getCanvas().getBoundingClientRect();
      const xy = m.project([p.lon, p.lat]);
      return { x: r.left + xy.x, y: r.top + xy.y };
    });
    await page.mouse.move(at.x, at.y);
    const tip = page.locator('.map-tip');
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await tip.innerText()).toBe('中铁·泰和里\n运营 · 总投资 未公开');
    await page.mouse.move(at.x + 200, at.y + 150);
    await expect.poll(() => tip.isVisible()).toBe(false);
    // Tabbing into the map shows the way to its projects by keyboard: the List, where every pin is a row.
    const skip = page.locator('.map-skip');
    await skip.focus();
    const box = (await skip.boundingBox())!;
    const map = (await page.locator('#map').boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(map.y);
    expect(await skip.innerText()).toBe('用键盘打开地图上的项目：转到列表');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-list');
    expect(await page.locator('#panel-list').isVisible()).toBe(true);
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
    expect(await status.textContent()).toMatch(/^运营 ×显示 \d+ \/ 18 项 清除筛选$/);
    // A chip per active facet; its × takes that one facet off.
    await page.goto(`${app.url}?axes=jingguang&status=operating`);
    await waitForMap(page);
    expect(await status.locator('.filter-chip').allTextContents()).toEqual(['京广路 ×', '运营 ×']);
    expect(await status.locator('[data-facet="statuses"]').getAttribute('aria-label')).toBe('移除筛选：状态: 运营');
    await status.locator('[data-facet="statuses"]').click();
    await expect.poll(() => page.evaluate(() => location.search)).toBe('?axes=jingguang');
    expect(await status.locator('.filter-chip').allTextContents()).toEqual(['京广路 ×']);
    await page.goto(`${app.url}?status=operating&mapped=no&sector=urban_renewal`);
    await waitForMap(page);
    expect(await status.textContent()).toBe('运营 ×城市更新 ×未定位 ×没有符合筛选条件的项目 清除筛选');
    await status.getByRole('button', { name: '清除筛选' }).click();
    await expect.poll(() => status.isHidden()).toBe(true);
    expect(await page.evaluate(() => location.search)).toBe('');
    await page.close();
  });
});

describe('a corridor control that explains itself', () => {
  it('presets and a number box set the width (one history entry each), and a note says what entered each corridor', async () => {
    const model = new DataModel(JSON.parse(fixtureBundleJson()));
    const inCorridor = (m: number) => model.derive(EMPTY_FILTER, m).aggregates.axes.map((a) => a.mapped.projects);
    const { page } = await watchedPage(app.browser);
    await page.goto(app.url);
    await waitForMap(page);
    await page.locator('[data-preset="1000"]').click();
    expect(await page.evaluate(() => location.search)).toBe('?corridor=1000');
    expect(await page.locator('[data-preset="1000"]').getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('#corridor-input').inputValue()).toBe('1000');
    // The note, against the aggregates at both widths (widening: nothing leaves).
    const [before, after] = [inCorridor(500), inCorridor(1000)];
    const note = await page.locator('.corridor-change').innerText();
    expect(note.startsWith('500 米 → 1,000 米：')).toBe(true);
    model.layout.axisIds.forEach((id, k) => {
      const gained = after[k]! - before[k]!;
      if (gained) expect(note).toContain(`${model.axisNames[id]!.zh} +${gained}`);
      else expect(note).not.toContain(model.axisNames[id]!.zh);
    });
    // Typed: rounded to the slider's 50 m steps and kept within 250–3,000 m.
    await page.locator('#corridor-number').fill('1234');
    await page.locator('#corridor-number').press('Enter');
    expect(await page.evaluate(() => location.search)).toBe('?corridor=1250');
    await page.locator('#corridor-number').fill('9000');
    await page.locator('#corridor-number').press('Enter');
    expect(await page.evaluate(() => location.search)).toBe('?corridor=3000');
    expect(await page.locator('.corridor-change').innerText()).toMatch(/^1,250 米 → 3,000 米：/);
    // Narrowing says what left; back returns to the width before, one step at a time.
    await page.goBack();
    await expect.poll(() => page.evaluate(() => location.search)).toBe('?corridor=1250');
    expect(await page.locator('#corridor-number').inputValue()).toBe('1250');
    expect(await page.locator('.corridor-change').innerText()).toMatch(/^3,000 米 → 1,250 米：.*−\d/);
    await page.close();
  });
});

describe('a phone: card and clusters', () => {
  it('a cluster clicked while a card is open opens into the part of the map the card leaves free', async () => {
    const { page } = await watchedPage(app.browser, { width: 390, height: 844 });
    await page.goto(`${app.url}?project=crec-taihe&map=11.5/34.735/113.64`);
    await waitForMap(page);
    await page.locator('.project-card').waitFor();
    await page.waitForFunction(() => window.__erqi!.app!.view.map!.loaded());
    // A cluster's own click handler, as a tap on it runs it (it may sit under the card at this view).
    const result = await page.evaluate(async () => {
      const m = window.__erqi!.app!.view.map!;
      const cluster = m.queryRenderedFeatures({ layers: ['clusters'] })[0];
      if (!cluster) return null;
      const at = (cluster.geometry as GeoJSON.Point).coordinates as [number, number];
      const point = m.project(at);
      const moved = new Promise<void>((r) => m.once('moveend', () => r()));
      m.fire('click', { point, lngLat: m.unproject(point), originalEvent: new MouseEvent('click') });
      await moved;
      const card = document.querySelector('.card-slot')!.getBoundingClientRect();
      const canvas = m.getCanvas().getBoundingClientRect();
      return { y: canvas.top + m.project(at).y, cardBottom: card.bottom, mapBottom: canvas.bottom };
    });
    expect(result).not.toBeNull();
    expect(result!.y).toBeGreaterThan(result!.cardBottom);
    expect(result!.y).toBeLessThan(result!.mapBottom);
    await page.close();
  });
});

describe('the schematic note on a phone', () => {
  it('spaces its lines for its own text, not as the map controls around it, and leaves the map its top (app and iframe)', async () => {
    const { page } = await watchedPage(app.browser, { width: 390, height: 844 });
    await page.goto(`${app.url}?lang=en`);
    await waitForMap(page);
    const m = await page.evaluate(() => {
      const note = document.querySelector<HTMLElement>('.schematic-note')!;
      const css = getComputedStyle(note);
      return { line: parseFloat(css.lineHeight) / parseFloat(css.fontSize), note: note.getBoundingClientRect().height, map: document.querySelector('#map')!.getBoundingClientRect().height };
    });
    // MapLibre's controls are 12px/20px: a note of 11 px text inherited 1.8 and covered the north zone's top.
    expect(m.line).toBeLessThanOrEqual(1.5);
    expect(m.note / m.map).toBeLessThan(0.25);
    // The iframe's note (its own stylesheet, 10 px text on a phone) likewise.
    await page.goto(`${app.url}embed.html?lang=en`);
    await page.waitForFunction(() => window.__erqiEmbed?.ready === true);
    const e = await page.evaluate(() => {
      const css = getComputedStyle(document.querySelector('.schematic-note')!);
      return parseFloat(css.lineHeight) / parseFloat(css.fontSize);
    });
    expect(e).toBeLessThanOrEqual(1.5);
    await page.close();
  });
});

describe('the English List on a phone', () => {
  it('fits the screen: no column past its right edge, the caption wrapped inside it', async () => {
    const { page } = await watchedPage(app.browser, { width: 390, height: 844 });
    await page.goto(`${app.url}?lang=en`);
    await waitForMap(page);
    await page.getByRole('tab', { name: 'List' }).click();
    const edges = await page.evaluate(() => {
      const cells = [...document.querySelectorAll('#panel-list .project-table th, #panel-list .project-table td, #panel-list caption')].filter((c) => (c as HTMLElement).offsetParent);
      return { right: Math.max(...cells.map((c) => c.getBoundingClientRect().right)), wrap: document.querySelector('#panel-list .table-wrap')!.scrollWidth - document.querySelector('#panel-list .table-wrap')!.clientWidth };
    });
    expect(edges.right).toBeLessThanOrEqual(390);
    expect(edges.wrap).toBe(0);
    await page.close();
  });
});
