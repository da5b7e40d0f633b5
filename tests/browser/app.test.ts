/** The planner's and the investor's paths through the built app, in headless Chromium. */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBundle } from '../../src/core/bundle.ts';
import { EMPTY_FILTER } from '../../src/core/facets.ts';
import { DataModel } from '../../src/app/derive.ts';
import { LAYER } from '../../src/map/ids.ts';
import { fixtureSources } from '../helpers/fixtures.ts';
import { ROOT, waitForMap, watchedPage, type Watched } from '../../scripts/browser.ts';
import { withApp } from '../helpers/app_server.ts';

const app = withApp();
const model = new DataModel(buildBundle(fixtureSources()).value!.bundle);
const shots = join(ROOT, 'test-results');
mkdirSync(shots, { recursive: true });

async function open(query = '', viewport?: { width: number; height: number }): Promise<Watched> {
  const w = await watchedPage(app.browser, viewport);
  await w.page.goto(app.url + query);
  await waitForMap(w.page);
  return w;
}
/** Waits for the camera to stop and the map to draw everything. */
async function idle(page: Page): Promise<void> {
  await page.waitForFunction(() => !window.__erqi!.map!.isMoving());
  await page.evaluate(() => new Promise<void>((r) => (window.__erqi!.map!.loaded() ? r() : window.__erqi!.map!.once('idle', () => r()))));
}
const renderedIds = (page: Page) =>
  page.evaluate((layer) => {
    // A pin's feature id is its project's index in the ledger shown.
    const projects = window.__erqi!.app!.model.bundle.projects;
    return [...new Set(window.__erqi!.map!.queryRenderedFeatures({ layers: [layer] }).map((f) => projects[f.id as number]!.id))].sort();
  }, LAYER.projectsPin);
const search = (page: Page) => page.evaluate(() => location.search);

describe('planner path', () => {
  let w: Watched;
  beforeAll(async () => {
    w = await open();
  });

  it('filters by axis and status: counts, panel, pins and list agree with the core', async () => {
    const { page } = w;
    await page.getByRole('tab', { name: '筛选' }).click();
    await page.locator('#f-axes-jingguang').check();
    await page.locator('#f-statuses-operating').check();
    await idle(page);
    const expected = model.derive({ ...EMPTY_FILTER, axes: ['jingguang'], statuses: ['operating'] }, 500);
    expect(expected.filtered().projects.map((p) => p.id)).toEqual(['crec-taihe']);
    // Facet counts
    expect(await page.locator('label[for="f-statuses-operating"] .count').innerText()).toBe(`(${expected.filter.counts.statuses.operating})`);
    expect(await page.locator('label[for="f-axes-jingguang"] .count').innerText()).toBe(`(${expected.filter.counts.axes.jingguang})`);
    // Pins
    await page.evaluate(() => window.__erqi!.map!.jumpTo({ zoom: 14, center: [113.652, 34.7396] }));
    await idle(page);
    expect(await renderedIds(page)).toEqual(['crec-taihe']);
    // Panel
    await page.getByRole('tab', { name: '概览' }).click();
    const jingguang = expected.aggregates.axes.find((a) => a.id === 'jingguang')!;
    expect(await page.locator('.axis-card[data-axis="jingguang"] [data-figure="mapped"]').innerText()).toContain(`走廊内已定位 ${jingguang.mapped.projects} 项`);
    expect(await page.locator('[data-figure="ledger"]').innerText()).toBe('当前 1 项：已定位 1 项，未定位 0 项');
    // List
    await page.getByRole('tab', { name: '列表' }).click();
    expect(await page.locator('.project-table tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-project')))).toEqual(['crec-taihe']);
    // The test's own jumpTo is not a person's move: it is not written to the URL.
    expect(await search(page)).toBe('?axes=jingguang&status=operating');
  });

  it('recomputes the aggregates when the corridor width changes', async () => {
    const { page } = w;
    await page.getByRole('tab', { name: '筛选' }).click();
    await page.getByRole('button', { name: '清除全部筛选' }).click();
    await page.locator('#corridor-input').fill('1600');
    await idle(page);
    const expected = model.derive(EMPTY_FILTER, 1600).aggregates.axes.find((a) => a.id === 'jingguang')!;
    expect(expected.mapped.projects).toBe(5);
    await page.getByRole('tab', { name: '概览' }).click();
    expect(await page.locator('.axis-card[data-axis="jingguang"] [data-figure="mapped"]').innerText()).toContain('走廊内已定位 5 项');
    expect(await page.locator('.as-of').innerText()).toContain('走廊半宽 1,600 米');
    // Wide corridors overlap: the panel says so, with the total without repeats.
    const axes = model.derive(EMPTY_FILTER, 1600).aggregates.axes;
    const distinct = new Set(axes.flatMap((a) => a.mapped.project_ids)).size;
    expect(await page.locator('[data-figure="overlap"]').innerText()).toContain(`去重后 ${distinct} 项`);
    // The corridors are a part of the map's one source of fixed parts (base_source.ts BASE_PARTS): drawn at the new width.
    const corridorWidths = await page.evaluate(() =>
      window.__erqi!.map!.querySourceFeatures('base').filter((f) => f.properties['erqi_part'] === 'corridors').map((f) => f.properties['corridor_m'] as number),
    );
    expect(corridorWidths.length).toBeGreaterThan(0);
    expect(new Set(corridorWidths)).toEqual(new Set([1600]));
    // Every pin's colour is its nearest corridor at the new width (some change: 500 m left them outside).
    const colours = await page.evaluate(async () => {
      const data = (await (window.__erqi!.map!.getSource('projects') as import('maplibre-gl').GeoJSONSource).getData()) as GeoJSON.FeatureCollection;
      return Object.fromEntries(data.features.map((f) => [f.id, f.properties!['axis']]));
    });
    const pins = model.derive(EMPTY_FILTER, 1600).pins('zh').features;
    expect(Object.keys(colours).sort()).toEqual(pins.map((f) => String(f.id)).sort());
    for (const f of pins) expect(colours[f.id!], model.bundle.projects[f.id as number]!.id).toBe(f.properties!['axis']);
    const at500 = new Map(model.derive(EMPTY_FILTER, 500).pins('zh').features.map((f) => [f.id, f.properties!['axis']]));
    expect(pins.filter((f) => at500.get(f.id) !== f.properties!['axis']).length).toBeGreaterThan(0);
  });

  it('selects an axis from the chart: filter set, map fitted to its corridor, panel highlighted', async () => {
    const { page } = w;
    await page.locator('.chart-row[data-axis="daxue"]').click();
    await idle(page);
    expect(await page.locator('.axis-card[data-axis="daxue"]').getAttribute('class')).toContain('selected');
    const center = await page.evaluate(() => window.__erqi!.map!.getCenter().lng);
    expect(center).toBeCloseTo(113.638, 1);
    // The highlight restyled the map; its pins are still exactly the filtered ones.
    const pinIds = await page.evaluate(async () => {
      const data = (await (window.__erqi!.map!.getSource('projects') as import('maplibre-gl').GeoJSONSource).getData()) as GeoJSON.FeatureCollection;
      return data.features.map((f) => f.id as number).sort((a, b) => a - b);
    });
    expect(pinIds).toEqual(model.derive({ ...EMPTY_FILTER, axes: ['daxue'] }, 1600).pins('zh').features.map((f) => f.id as number).sort((a, b) => a - b));
    // The fitted view is written once the camera settles (throttled).
    await expect.poll(() => search(page)).toMatch(/^\?corridor=1600&axis=daxue&axes=daxue&map=[\d.]+\/34\.\d+\/113\.6\d+$/);
  });

  it('restores exactly the same state from the copied URL in a fresh page', async () => {
    const link = await w.page.evaluate(() => location.href);
    const fresh = await open(link.slice(app.url.length));
    const state = (p: Page) => p.evaluate(() => {
      const s = window.__erqi!.app!.store.get();
      const m = window.__erqi!.map!;
      return { filter: s.filter, selection: s.selection, corridor: s.corridor, zoom: Math.round(m.getZoom() * 100) / 100, lng: m.getCenter().lng.toFixed(4) };
    });
    expect(await state(fresh.page)).toEqual(await state(w.page));
    expect(await fresh.page.locator('.axis-card[data-axis="daxue"]').getAttribute('class')).toContain('selected');
    await fresh.page.close();
  });

  it('goes back through history to the previous filters', async () => {
    const { page } = w;
    await page.goBack();
    await idle(page);
    expect(await page.evaluate(() => window.__erqi!.app!.store.get().selection)).toEqual({ kind: 'none' });
    expect(await page.evaluate(() => window.__erqi!.app!.store.get().corridor)).toBe(1600);
  });

  it('had no console error and no failed request', () => {
    expect(w.consoleErrors).toEqual([]);
    expect(w.failedRequests).toEqual([]);
  });
});

describe('investor path', () => {
  it('opens a shared project link centred on its pin, with its card', async () => {
    const { page, consoleErrors } = await open('?project=crec-taihe');
    const { x, y, w: width, h } = await page.evaluate(() => {
      const m = window.__erqi!.map!;
      const p = m.project([113.652095, 34.739559]);
      return { x: p.x, y: p.y, w: m.getCanvas().clientWidth, h: m.getCanvas().clientHeight };
    });
    expect(Math.abs(x - width / 2)).toBeLessThan(2);
    expect(Math.abs(y - h / 2)).toBeLessThan(2);
    expect(await page.locator('.project-card h2').innerText()).toBe('中铁·泰和里');
    await page.screenshot({ path: join(shots, 'investor-card.png') });
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('finds a project by its Chinese and its English name, with the keyboard', async () => {
    const { page } = await open();
    const box = page.locator('#search-input');
    await box.fill('泰和');
    await expect.poll(() => page.locator('#search-results [role="option"]').allInnerTexts()).toEqual([expect.stringContaining('中铁·泰和里')]);
    await box.fill('byd');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(await page.locator('.project-card h2').innerText()).toBe('比亚迪河南旗舰展示中心');
    expect(await page.locator('.project-card [data-field="axis-spatial"]').innerText()).toMatch(/^未定位/);
    expect(await search(page)).toBe('?project=byd-flagship');
    await page.keyboard.press('Escape');
    expect(await page.locator('.project-card').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');
    await page.close();
  });

  it('finds by pinyin and other names, lists places, announces how many, and goes to a place', async () => {
    const { page } = await open();
    const box = page.locator('#search-input');
    await box.fill('taiheli');
    await expect.poll(() => page.locator('#search-results [role="option"]').allInnerTexts()).toEqual([expect.stringContaining('中铁·泰和里')]);
    expect(await page.locator('.search [role="status"]').innerText()).toBe('找到 1 个项目');
    await box.fill('泰合里');
    await expect.poll(() => page.locator('#search-results [role="option"]').allInnerTexts()).toEqual([expect.stringContaining('中铁·泰和里')]);
    // A landmark: listed under 地点, chosen with the keyboard, the map goes there.
    await box.fill('二七广场');
    await expect.poll(() => page.locator('.search [role="status"]').innerText()).toBe('找到 1 个项目、1 个地点');
    expect(await page.locator('#search-results .search-group').innerText()).toBe('地点');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !window.__erqi!.map!.isMoving());
    const square = model.bundle.landmarks.features.find((f) => f.properties!['name_zh'] === '二七广场')!.geometry as unknown as { coordinates: [number, number] };
    const centre = await page.evaluate(() => window.__erqi!.map!.getCenter().toArray());
    expect(Math.abs(centre[0]! - square.coordinates[0])).toBeLessThan(0.01);
    expect(await page.evaluate(() => window.__erqi!.map!.getZoom())).toBeGreaterThanOrEqual(14.9);
    // An axis: selected, as a click on it in the chart would.
    await box.fill('songshan');
    await page.locator('#search-results [data-hit="axis:songshan"]').click();
    await expect.poll(() => search(page)).toMatch(/axis=songshan/);
    await page.close();
  });

  it('opens a project from the list, including one not mapped', async () => {
    const { page } = await open();
    await page.getByRole('tab', { name: '列表' }).click();
    expect(await page.locator('.project-table tbody tr').count()).toBe(18);
    await page.getByRole('button', { name: '按总投资排序' }).click();
    await page.locator('tr[data-project="yaxing-wanjia"] button').click();
    await idle(page);
    expect(await page.locator('.project-card h2').innerText()).toBe('亚星万嘉百汇');
    expect(await page.evaluate(() => window.__erqi!.map!.getZoom())).toBeGreaterThanOrEqual(14);
    await page.close();
  });
});

describe('language, basemap failure, small screens, accessibility', () => {
  it('switches to English without reloading: labels, panel and number formats', async () => {
    const { page } = await open();
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    await page.getByRole('button', { name: /English/ }).click();
    await idle(page);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
    expect(await page.locator('h1').innerText()).toBe('Erqi District “three zones, three axes” project map');
    expect(await page.locator('.axis-card[data-axis="songshan"] [data-figure="reported"]').innerText()).toBe('31 projects · CNY 59.1 bn');
    const labels = await page.evaluate(() => window.__erqi!.map!.getLayoutProperty('axes-label', 'text-field'));
    expect(JSON.stringify(labels)).toContain('name_en');
    // The pins are sent again, labelled in English (each pin carries only the name it shows).
    const pinNames = await page.evaluate(async () => {
      const data = (await (window.__erqi!.map!.getSource('projects') as import('maplibre-gl').GeoJSONSource).getData()) as GeoJSON.FeatureCollection;
      const projects = window.__erqi!.app!.model.bundle.projects;
      return data.features.map((f) => [f.properties!['name'], projects[f.id as number]!.name_en ?? projects[f.id as number]!.name_zh]);
    });
    expect(pinNames.length).toBeGreaterThan(0);
    for (const [shown, en] of pinNames) expect(shown).toBe(en);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await search(page)).toBe('?lang=en');
    await page.close();
  });

  it('keeps the schematic map and says so once when tiles answer 500', async () => {
    const w = await watchedPage(app.browser);
    let tileRequests = 0;
    await w.page.route('https://tile.openstreetmap.org/**', (route) => {
      tileRequests++;
      return route.fulfill({ status: 500, body: 'down' });
    });
    await w.page.goto(`${app.url}?basemap=osm`);
    await waitForMap(w.page);
    expect(tileRequests).toBeGreaterThan(0);
    await expect.poll(() => w.page.locator('.notice p').count()).toBe(1);
    expect(await w.page.locator('.notice').innerText()).toContain('底图瓦片加载失败');
    expect((await w.page.evaluate(() => window.__erqi!.map!.queryRenderedFeatures({ layers: ['axes-line'] }).length))).toBeGreaterThan(0);
    expect(w.failedRequests.every((r) => r.startsWith('https://tile.openstreetmap.org/'))).toBe(true);
    await w.page.close();
  });

  it('shows the schematic map after 2 s when basemap tiles never answer (the map is hidden only while it loads)', async () => {
    const w = await watchedPage(app.browser);
    // Tiles that hang: the map's load waits for them, and would keep it hidden.
    await w.page.route('https://tile.openstreetmap.org/**', () => {});
    await w.page.goto(`${app.url}?basemap=osm`);
    const visible = () => w.page.evaluate(() => {
      const canvas = document.querySelector('.maplibregl-canvas');
      return canvas ? getComputedStyle(canvas).visibility : null;
    });
    await expect.poll(visible).toBe('hidden');
    await expect.poll(visible, { timeout: 10_000 }).toBe('visible');
    const state = await w.page.evaluate(() => {
      const m = window.__erqi!.map!;
      return { loaded: m.loaded(), axes: m.queryRenderedFeatures({ layers: ['axes-line'] }).length };
    });
    // Shown before the map loaded: by the 2 s limit, with the schematic layers drawn over the missing tiles.
    expect(state.loaded).toBe(false);
    expect(state.axes).toBeGreaterThan(0);
    await w.page.close();
  });

  it('works on a 360×640 phone: bottom sheet, no horizontal scroll', async () => {
    const { page, consoleErrors } = await open('', { width: 360, height: 640 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    const sheet = await page.locator('.sidebar').boundingBox();
    const map = await page.locator('.map-wrap').boundingBox();
    expect(sheet!.y).toBeGreaterThan(map!.y);
    expect(sheet!.width).toBe(360);
    await page.screenshot({ path: join(shots, 'mobile.png') });
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('has no serious or critical axe-core violation, with a card open', async () => {
    const { page } = await open('?project=yaxing-wanjia');
    const require = createRequire(import.meta.url);
    await page.addScriptTag({ content: readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') });
    const serious = () =>
      page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
        const r = await axe.run(document, { resultTypes: ['violations'] });
        return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
      });
    for (const tab of ['概览', '筛选', '列表']) {
      await page.getByRole('tab', { name: tab }).click();
      expect(await serious(), tab).toEqual([]);
    }
    // The share dialog (link, QR code) and the export menu open.
    await page.locator('[data-key="share"]').click();
    await page.locator('.share-dialog canvas').waitFor();
    expect(await serious(), 'share').toEqual([]);
    await page.keyboard.press('Escape');
    await page.locator('.export-menu summary').click();
    expect(await serious(), 'export').toEqual([]);
    await page.close();
  });
});
