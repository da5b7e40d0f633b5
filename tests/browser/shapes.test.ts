/**
 * Lines and areas in the browser (issue #12): the app on a bundle with a road across all three corridors, areas,
 * Multi forms and points (tests/fixtures/shapes) served in place of the shipped one.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import gcoord from 'gcoord';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildBundle } from '../../src/core/bundle.ts';
import { distanceM } from '../../src/core/geodesy.ts';
import { ROOT } from '../../scripts/repo.ts';
import { waitForMap, watchedPage } from '../../scripts/browser.ts';
import { withApp } from '../helpers/app_server.ts';
import { fixture, fixtureSources } from '../helpers/fixtures.ts';

const app = withApp();
const file = (name: string) => ({ file: name, text: fixture(`shapes/${name}`) });
const { bundle } = buildBundle({ ...fixtureSources(), projects: file('projects.csv'), sites: file('sites.geojson') }).value!;

async function open(path: string) {
  const watched = await watchedPage(app.browser);
  await watched.page.route('**/data/bundle.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(bundle) }));
  await watched.page.goto(`${app.url}${path}`);
  await waitForMap(watched.page);
  return watched;
}

/** The screen point of [lon, lat] on the map. */
const screenPoint = (page: Page, lonLat: [number, number]) =>
  page.evaluate(([lon, lat]) => {
    const map = window.__erqi!.app!.view.map!;
    const p = map.project([lon!, lat!]);
    const r = map.getCanvas().getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y };
  }, lonLat);

/** Ids of the projects drawn as lines, areas or points of the shapes layers, in the whole view. */
const drawnShapes = (page: Page) =>
  page.evaluate(() => {
    const map = window.__erqi!.app!.view.map!;
    // A shape's feature id is its project's index in the ledger shown.
    const projects = window.__erqi!.app!.model.bundle.projects;
    const ids = map.queryRenderedFeatures({ layers: ['shapes-fill', 'shapes-line', 'shapes-point'] }).map((f) => projects[f.id as number]!.id);
    return [...new Set(ids)].sort();
  });

/** Until the map has drawn everything it was given (a repaint is asked for, so an idle map answers too). */
const settle = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<void>((r) => {
        const map = window.__erqi!.app!.view.map!;
        map.once('idle', () => r());
        map.triggerRepaint();
      }),
  );

describe('lines and areas in the app', () => {
  it('opens the card of a road clicked on the map', async () => {
    const { page, consoleErrors } = await open('?map=14/34.7252/113.633');
    // The legend folded away (it covers this part of the road on a 1280 × 800 screen).
    await page.locator('.legend > summary').click();
    // A point on the road between two pins' reach: 113.617 is on its first segment, far from its pin at 113.635.
    const at = await screenPoint(page, [113.617, 34.72502]);
    await page.mouse.click(at.x, at.y);
    const card = page.locator('.project-card');
    await expect.poll(() => card.getAttribute('data-project')).toBe('road-x');
    expect(await card.locator('[data-field="site-shape"]').innerText()).toBe('线状（道路、管廊等） · 4.58 公里');
    expect(await card.locator('[data-field="corridor-shares"]').innerText()).toBe('嵩山路 21.8% · 大学路 21.8% · 京广路 21.8%');
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('fits the map to a road chosen in the list', async () => {
    const { page } = await open('?lang=en&map=16/34.70/113.60');
    await page.getByRole('tab', { name: 'List' }).click();
    await page.getByRole('button', { name: 'Test road' }).click();
    // Fitted: the whole road in view, and not much more (it started zoomed in far to the west).
    const fitted = () =>
      page.evaluate(() => {
        const [w, s, e, n] = window.__erqi!.app!.view.map!.getBounds().toArray().flat();
        return w! <= 113.61 && e! >= 113.66 && s! <= 34.7248 && n! >= 34.7252 && e! - w! < 0.2;
      });
    await expect.poll(fitted, { timeout: 30_000 }).toBe(true);
    await page.close();
  });

  it('opens the card of an area clicked inside it (not in its hole)', async () => {
    const { page } = await open('?map=15/34.683/113.628');
    const at = await screenPoint(page, [113.6255, 34.6852]);
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => page.locator('.project-card').getAttribute('data-project')).toBe('area-hole');
    expect(await page.locator('[data-field="site-shape"]').innerText()).toMatch(/^片区（红线范围） · 44\.73 公顷$/);
    await page.close();
  });

  it('draws the lines and areas the panel counts, under a filter and a corridor width', async () => {
    const { page } = await open('?map=12.4/34.715/113.635&lang=en');
    await settle(page);
    const shapeIds = bundle.projects.filter((p) => p.site?.geometry).map((p) => p.id).sort();
    expect(await drawnShapes(page)).toEqual(shapeIds);
    for (const [filter, corridor] of [[{ axes: ['songshan'] }, 500], [{ axes: ['daxue'] }, 300], [{ axes: ['jingguang'], statuses: ['operating', 'completed'] }, 1000]] as const) {
      await page.evaluate(([f, c]) => window.__erqi!.app!.store.set({ filter: { ...window.__erqi!.app!.store.get().filter, ...(f as object) }, corridor: c as number }), [filter, corridor] as const);
      await settle(page);
      const agg = await page.evaluate(() => {
        const app = window.__erqi!.app!;
        const s = app.store.get();
        return app.model.derive(s.filter, s.corridor).filter.indices.map((i) => app.model.bundle.projects[i]!.id);
      });
      const expected = agg.filter((id) => shapeIds.includes(id)).sort();
      expect(await drawnShapes(page), JSON.stringify(filter)).toEqual(expected);
      // And the list says the same projects.
      const axisId = filter.axes[0];
      const panelIds = await page.evaluate((id) => {
        const app = window.__erqi!.app!;
        const s = app.store.get();
        return app.model.derive(s.filter, s.corridor).aggregates.axes.find((a) => a.id === id)!.mapped.project_ids;
      }, axisId);
      for (const id of expected) expect(panelIds).toContain(id);
    }
    await page.close();
  });

  it('imports a ledger with a WKT column in GCJ-02 through the dialog, draws its road, and exports it back', async () => {
    const { page, consoleErrors } = await open('?map=13/34.725/113.635');
    // The road of the fixture, in GCJ-02 as a Chinese map picker gives it (about 550 m off), under 空间范围.
    const road = (bundle.projects.find((p) => p.id === 'road-x')!.site!.geometry as GeoJSON.LineString).coordinates;
    const gcj = road.map(([lon, lat]) => gcoord.transform([lon!, lat!], gcoord.WGS84, gcoord.GCJ02) as number[]);
    const csv = `项目名称,总投资（亿元）,建设状态,空间范围\n新道路,30,在建,"LINESTRING (${gcj.map((c) => `${c[0]} ${c[1]}`).join(', ')})"\n`;
    await page.getByRole('button', { name: '导入' }).click();
    await page.locator('#import-file').setInputFiles({ name: '台账.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect.poll(() => page.locator('.import-summary').textContent(), { timeout: 20_000 }).toContain('有效 1 行');
    // One row is too little for the coordinate-system check to be sure: the user says GCJ-02.
    await page.locator('#import-crs').selectOption('gcj02');
    await expect.poll(() => page.locator('.import-summary').textContent(), { timeout: 20_000 }).toContain('有效 1 行');
    await page.getByRole('button', { name: '应用（替换当前数据）' }).click();
    await page.getByRole('button', { name: '替换', exact: true }).click();
    await page.waitForFunction(() => window.__erqi?.ready === true && window.__erqi.app?.model.bundle.projects.length === 1, null, { timeout: 30_000 });
    // Back on the road within a metre, vertex by vertex.
    const back = await page.evaluate(() => (window.__erqi!.app!.model.bundle.projects[0]!.site!.geometry as GeoJSON.LineString).coordinates);
    back.forEach((c, k) => expect(distanceM(c[0]!, c[1]!, road[k]![0]!, road[k]![1]!)).toBeLessThan(1));
    await settle(page);
    expect(await drawnShapes(page)).toEqual([await page.evaluate(() => window.__erqi!.app!.model.bundle.projects[0]!.id)]);
    // The CSV export carries it as WKT.
    await page.locator('.export-menu summary').click();
    const [d] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export="csv"]').click()]);
    const text = readFileSync((await d.path())!, 'utf8');
    expect(text.split('\r\n')[0]).toMatch(/,空间范围（WKT）$/);
    expect(text).toMatch(/"LINESTRING \(113\.61/);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('looks right (screenshots saved for review: desktop zh, phone en)', async () => {
    mkdirSync(join(ROOT, 'test-results'), { recursive: true });
    const { page } = await open('?map=13/34.712/113.636&project=area-straddle');
    await settle(page);
    await page.screenshot({ path: join(ROOT, 'test-results', 'shapes-desktop-zh.png') });
    await page.close();
    const phone = await watchedPage(app.browser, { width: 390, height: 844 });
    await phone.page.route('**/data/bundle.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(bundle) }));
    await phone.page.goto(`${app.url}?map=12.5/34.712/113.636&lang=en&project=road-x`);
    await waitForMap(phone.page);
    await phone.page.screenshot({ path: join(ROOT, 'test-results', 'shapes-phone-en.png') });
    await phone.page.close();
  });
});
