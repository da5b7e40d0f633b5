/** The built app in headless Chromium: the first map, as a user opens it. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAYER } from '../../src/map/ids.ts';
import { THEME } from '../helpers/fixtures.ts';
import { launch, ROOT, startServer, waitForMap, watchedPage, type Watched } from '../../scripts/browser.ts';
import { countColours } from './pixels.ts';
import { fixtureBundleJson } from '../helpers/app_server.ts';

let server: PreviewServer;
let url: string;
let browser: Browser;
let w: Watched;

beforeAll(async () => {
  ({ server, url } = await startServer({}, fixtureBundleJson()));
  browser = await launch();
  w = await watchedPage(browser);
  await w.page.goto(url);
  await waitForMap(w.page);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Rendered features of a layer, as plain data. */
const rendered = (layer: string) =>
  w.page.evaluate((layer) => window.__erqi!.map!.queryRenderedFeatures({ layers: [layer] }).map((f) => f.properties), layer);

/** The projects a layer draws: a pin's feature id is its project's index in the ledger shown. */
const renderedProjects = (layer: string) =>
  w.page.evaluate((layer) => {
    const projects = window.__erqi!.app!.model.bundle.projects;
    return window.__erqi!.map!.queryRenderedFeatures({ layers: [layer] }).map((f) => projects[f.id as number]!.id);
  }, layer);

describe('the first map', () => {
  it('reaches idle with no console error and no failed request', () => {
    expect(w.consoleErrors).toEqual([]);
    expect(w.failedRequests).toEqual([]);
  });

  it('draws the three axes and their labels', async () => {
    const axes = new Set((await rendered(LAYER.axesLine)).map((p) => p['id']));
    expect([...axes].sort()).toEqual(['daxue', 'jingguang', 'songshan']);
    expect((await rendered(LAYER.axesLabel)).length).toBeGreaterThan(0);
  });

  it('draws the corridors, the zones with their schematic labels, and the district', async () => {
    expect(new Set((await rendered(LAYER.corridorsFill)).map((p) => p['axis_id'])).size).toBe(3);
    const zoneLabels = (await rendered(LAYER.zonesLabel)).map((p) => p['name_zh']);
    expect(zoneLabels.length).toBeGreaterThan(0);
    for (const name of zoneLabels) expect(name).toContain('示意');
    expect((await rendered(LAYER.districtLine)).length).toBeGreaterThan(0);
    expect((await rendered(LAYER.contextLabel)).length).toBeGreaterThan(0);
  });

  it('draws the six located projects: three pins and a cluster of three near 二七广场', async () => {
    const ids = new Set(await renderedProjects(LAYER.projectsPin));
    expect([...ids].sort()).toEqual(['crec-taihe', 'digital-sci-tech-city', 'yaxing-wanjia']);
    const clusters = await rendered(LAYER.clusters);
    expect(clusters.map((c) => c['point_count'])).toEqual([3]);
  });

  it('shows the schematic note and the data date on the map', async () => {
    const note = await w.page.locator('.schematic-note').innerText();
    expect(note).toContain('示意');
    expect(note).toContain('数据截至 2023-12');
  });

  it('shows the reported and mapped figures in the panel', async () => {
    const panel = await w.page.locator('#panel-overview').innerText();
    expect(panel).toContain('31 项 · 591 亿元');
    expect(panel).toContain('31 项 · 396 亿元');
    expect(panel).toContain('35 项 · 365 亿元');
    expect(panel).toContain('走廊内已定位 1 项');
  });

  it('rings a pin under the pointer, and clears the ring when the pointer leaves', async () => {
    const at = await w.page.evaluate(() => {
      const m = window.__erqi!.map!;
      const p = m.project([113.623823, 34.68865]);
      const box = m.getCanvas().getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    });
    const hovered = () => w.page.evaluate(() => window.__erqi!.map!.querySourceFeatures('hover').length);
    await w.page.mouse.move(at.x, at.y);
    await expect.poll(hovered).toBe(1);
    await w.page.mouse.move(at.x + 200, at.y + 200);
    await expect.poll(hovered).toBe(0);
  });

  it('opens a pin’s card when the pin is clicked at its projected position', async () => {
    const point = await w.page.evaluate(() => {
      const m = window.__erqi!.map!;
      const p = m.project([113.623823, 34.68865]); // 亚星万嘉百汇
      const box = m.getCanvas().getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    });
    await w.page.mouse.click(point.x, point.y);
    const card = w.page.locator('.project-card');
    await card.waitFor({ timeout: 30_000 });
    const text = await card.innerText();
    expect(text).toContain('亚星万嘉百汇');
    expect(text).toContain('嵩山南路343号');
    expect(text).toContain('未公开');
    // The selection's ring: its source joins the map with the first selection, its layers on top of the pins.
    await expect.poll(() => w.page.evaluate(() => window.__erqi!.map!.querySourceFeatures('selection').length)).toBe(1);
    const selection = await w.page.evaluate(() => {
      const m = window.__erqi!.map!;
      const order = m.getStyle().layers.map((l) => l.id);
      return { features: m.querySourceFeatures('selection').length, halo: order.indexOf('selection-halo'), pins: order.indexOf('projects-pin'), hover: order.indexOf('hover-halo') };
    });
    expect(selection.features).toBe(1);
    expect(selection.halo).toBeGreaterThan(selection.pins);
    expect(selection.hover).toBeGreaterThan(selection.pins); // the hover ring, added on the first hover, in its place too
    await w.page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached', timeout: 30_000 });
  });

  it('looks like a map: the axis colours are on screen (screenshot saved for review)', async () => {
    mkdirSync(join(ROOT, 'test-results'), { recursive: true });
    const png = await w.page.screenshot({ path: join(ROOT, 'test-results', 'map.png') });
    const counts = await countColours(w.page, png, THEME.axis, 20);
    for (const [axis, n] of Object.entries(counts)) expect(n, axis).toBeGreaterThan(150);
  });

  it('shows the map once drawn: hidden while it loads, over its background colour, then shown whole', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      // Every animation frame from the start, until ready: is the canvas shown, and has the map loaded?
      await page.addInitScript(() => {
        const seen: string[] = ((window as unknown as { __seen: string[] }).__seen = []);
        const tick = () => {
          const canvas = document.querySelector('.maplibregl-canvas');
          const credits = document.querySelector('.maplibregl-ctrl-attrib');
          if (canvas) seen.push(`${getComputedStyle(canvas).visibility} ${window.__erqi?.map?.loaded() ? 'loaded' : 'loading'}`);
          // The credits, opened by MapLibre as the sources arrive, are not shown across the empty map either.
          if (credits && !window.__erqi?.map?.loaded() && getComputedStyle(credits).visibility !== 'hidden') seen.push('credits shown while loading');
          if (!window.__erqi?.ready) requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
      await page.goto(url);
      await waitForMap(page);
      const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
      expect(seen[0]).toBe('hidden loading');
      expect(seen).not.toContain('hidden loaded');
      expect(seen).not.toContain('credits shown while loading');
      const shown = await page.evaluate(() => {
        const m = window.__erqi!.map!;
        return {
          canvas: getComputedStyle(m.getCanvas()).visibility,
          under: getComputedStyle(m.getContainer()).backgroundColor,
          credits: getComputedStyle(m.getContainer().querySelector('.maplibregl-ctrl-attrib')!).visibility,
        };
      });
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(THEME.background.slice(i, i + 2), 16));
      expect(shown).toEqual({ canvas: 'visible', under: `rgb(${r}, ${g}, ${b})`, credits: 'visible' });
    } finally {
      await page.close();
    }
  });

  it('expands a cluster when it is clicked', async () => {
    const before = await w.page.evaluate(() => window.__erqi!.map!.getZoom());
    const point = await w.page.evaluate(() => {
      const m = window.__erqi!.map!;
      const c = m.queryRenderedFeatures({ layers: ['clusters'] })[0]!;
      const p = m.project((c.geometry as GeoJSON.Point).coordinates as [number, number]);
      const box = m.getCanvas().getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    });
    await w.page.mouse.click(point.x, point.y);
    // The expansion zoom is looked up asynchronously, then the map eases there.
    await w.page.waitForFunction((z) => window.__erqi!.map!.getZoom() > z + 1 && !window.__erqi!.map!.isMoving(), before, { timeout: 30_000 });
    await w.page.evaluate(() => new Promise<void>((r) => (window.__erqi!.map!.loaded() ? r() : window.__erqi!.map!.once('idle', () => r()))));
    // At the expansion zoom the cluster has split: some of its members are pins of their own.
    const ids = await renderedProjects(LAYER.projectsPin);
    expect(ids.filter((id) => ['yaxiya-zhuoyue', 'dehua-street', 'erqi-square-tunnel'].includes(id as string)).length).toBeGreaterThan(0);
  });
});
