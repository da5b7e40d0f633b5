/**
 * Pins from vector tiles (npm run tiles + `pinTiles` in config.json): the shipped data's pins cut into a static
 * tile folder, served as a static host serves them. The unfiltered map draws from the tiles; a filter or another
 * corridor width draws from the data; tiles cut from other data are refused.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataBundle } from '../../src/core/bundle.ts';
import { LAYER } from '../../src/map/ids.ts';
import { writePinTiles } from '../../scripts/tiles.ts';
import { launch, ROOT, serveFolder, waitForMap, watchedPage, type Watched } from '../../scripts/browser.ts';
import { fixtureBundleJson } from '../helpers/app_server.ts';

let dir: string;
let server: { url: string; close: () => Promise<void> };
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'erqi-pin-tiles-'));
  cpSync(join(ROOT, 'dist'), dir, { recursive: true });
  // The frozen fixture ledger, as every browser test: the tiles are cut from it.
  writeFileSync(join(dir, 'data', 'bundle.json'), fixtureBundleJson());
  const bundle = JSON.parse(readFileSync(join(dir, 'data', 'bundle.json'), 'utf8')) as DataBundle;
  mkdirSync(join(dir, 'tiles'));
  writePinTiles(bundle, join(dir, 'tiles'), 14);
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ tiandituKey: '', pinTiles: 'tiles/tiles.json' }));
  server = await serveFolder(dir);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const open = async (query = ''): Promise<Watched> => {
  const w = await watchedPage(browser);
  await w.page.goto(server.url + query);
  await waitForMap(w.page);
  return w;
};
const sourceType = (page: Page) => page.evaluate(() => window.__erqi!.map!.getSource('projects')!.type);
const idle = (page: Page) => page.evaluate(() => new Promise<void>((r) => (window.__erqi!.map!.loaded() ? r() : window.__erqi!.map!.once('idle', () => r()))));
/** Pins drawn (by id) and projects inside drawn clusters. */
const drawn = (page: Page) =>
  page.evaluate(
    ({ pins, clusters }) => {
      const map = window.__erqi!.map!;
      // A pin's feature id is its project's index in the ledger the tiles were cut from (the one shown).
      const projects = window.__erqi!.app!.model.bundle.projects;
      const ids = [...new Set(map.queryRenderedFeatures({ layers: [pins] }).map((f) => projects[f.id as number]!.id))].sort();
      const inClusters = [...new Map(map.queryRenderedFeatures({ layers: [clusters] }).map((f) => [f.properties['cluster_id'], f.properties['point_count'] as number])).values()];
      return { ids, inClusters: inClusters.reduce((a, b) => a + b, 0) };
    },
    { pins: LAYER.projectsPin, clusters: LAYER.clusters },
  );

describe('pins from tiles', () => {
  it('draws the unfiltered map from the tiles: all six located projects, as pins or in clusters', async () => {
    const { page, consoleErrors, failedRequests } = await open();
    expect(await sourceType(page)).toBe('vector');
    const d = await drawn(page);
    expect(d.ids.length + d.inClusters).toBe(6);
    expect(consoleErrors).toEqual([]);
    // A static tile folder holds only tiles with pins in them: the others are 404s, which the map takes as empty.
    expect(failedRequests.filter((r) => !/\/tiles\/\d+\/\d+\/\d+\.pbf HTTP 404$/.test(r))).toEqual([]);
    // At street zoom every pin is its own, with its properties from the tile.
    await page.evaluate(() => window.__erqi!.map!.jumpTo({ zoom: 15, center: [113.652, 34.7396] }));
    await idle(page);
    expect((await drawn(page)).ids).toContain('crec-taihe');
    await page.close();
  });

  it('draws a filtered map from the data, so pins and counts match the panel, and goes back to the tiles', async () => {
    const { page } = await open();
    await page.getByRole('tab', { name: '筛选' }).click();
    await page.locator('#f-statuses-operating').check();
    await idle(page);
    expect(await sourceType(page)).toBe('geojson');
    await page.evaluate(() => window.__erqi!.map!.jumpTo({ zoom: 15, center: [113.652, 34.7396] }));
    await idle(page);
    expect((await drawn(page)).ids).toEqual(['crec-taihe']);
    await page.locator('#f-statuses-operating').uncheck();
    await idle(page);
    expect(await sourceType(page)).toBe('vector');
    await page.close();
  });

  it('draws from the data at another corridor width (the tiles’ colours hold for theirs only)', async () => {
    const { page } = await open('?corridor=1600');
    expect(await sourceType(page)).toBe('geojson');
    await page.close();
  });

  it('serves the embeds too: the iframe page draws from the tiles until filtered, the element fetches them', async () => {
    const w = await watchedPage(browser);
    await w.page.goto(`${server.url}embed.html`);
    await w.page.waitForFunction(() => window.__erqiEmbed?.ready === true, null, { timeout: 30_000 });
    const embedSource = () => w.page.evaluate(() => window.__erqiEmbed!.handle!.view.map!.getSource('projects')!.type);
    expect(await embedSource()).toBe('vector');
    await w.page.evaluate(() => window.__erqiEmbed!.handle!.setFilters({ statuses: ['operating'] }));
    expect(await embedSource()).toBe('geojson');
    await w.page.evaluate(() => window.__erqiEmbed!.handle!.setFilters({ statuses: [] }));
    expect(await embedSource()).toBe('vector');
    await w.page.close();

    // The element resolves tiles.json against its own folder (where config.json is), not the host page's.
    mkdirSync(join(dir, 'host'), { recursive: true });
    writeFileSync(
      join(dir, 'host', 'el.html'),
      '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><script type="module" src="../erqi-axis-map.js"></script><erqi-axis-map style="height:400px"></erqi-axis-map>',
    );
    const e = await watchedPage(browser);
    const tiles: string[] = [];
    e.page.on('response', (r) => {
      if (/\/tiles\/\d+\/\d+\/\d+\.pbf$/.test(r.url()) && r.status() === 200) tiles.push(r.url());
    });
    await e.page.goto(`${server.url}host/el.html`);
    await expect.poll(() => tiles.length, { timeout: 30_000 }).toBeGreaterThan(0);
    expect(tiles[0]).toMatch(new RegExp(`^${server.url}tiles/`));
    expect(e.consoleErrors).toEqual([]);
    await e.page.close();
  });

  it('refuses tiles cut from other data, says why, and draws from the data', async () => {
    const meta = JSON.parse(readFileSync(join(dir, 'tiles', 'tiles.json'), 'utf8'));
    writeFileSync(join(dir, 'tiles', 'tiles.json'), JSON.stringify({ ...meta, erqi: { ...meta.erqi, fingerprint: '6-00000000' } }));
    try {
      const w = await watchedPage(browser);
      const warnings: string[] = [];
      w.page.on('console', (m) => {
        if (m.type() === 'warning') warnings.push(m.text());
      });
      await w.page.goto(server.url);
      await waitForMap(w.page);
      expect(await sourceType(w.page)).toBe('geojson');
      expect(warnings.join('\n')).toMatch(/tiles\/tiles\.json: cut from other projects .*run npm run tiles again; drawing the pins from the data/);
      expect(w.consoleErrors).toEqual([]);
      await w.page.close();
    } finally {
      writeFileSync(join(dir, 'tiles', 'tiles.json'), JSON.stringify(meta));
    }
  });
});
