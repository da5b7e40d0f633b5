/**
 * Beyond one browser: 200,000 synthetic projects drawn from vector tiles (scripts/tiles.ts, served as static
 * files) beside the same points as clustered GeoJSON — on the bare MapLibre page, and in the full app (whose
 * panel, list and search still hold the whole ledger; only the map's pins come from tiles), and the app on the same
 * ledger in pages (npm run pages), which holds only what it shows.
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Request } from 'playwright-core';
import { writePinTiles } from '../scripts/tiles.ts';
import { writeLedgerPages } from '../scripts/pages.ts';
import { syntheticBundle } from '../scripts/repo.ts';
import { launch, ROOT } from '../scripts/browser.ts';
import { appStyle, buildBarePage, serveFolder } from './serve.ts';
import { loadsInTurn, READY } from './load.ts';
import { middle, ratiosTo, roundsNote, row, type BenchRow } from './stats.ts';

/**
 * One load of a page until `ready` (ms, as the page's clock read it then) and the bytes of tiles, GeoJSON or bundle
 * it fetched (MB). Tiles are fetched by MapLibre's workers, whose requests the page's own timeline does not list:
 * they are counted from the browser's side, waiting for every size to arrive.
 */
async function loadWithBytes(page: Page, url: string, ready: () => boolean): Promise<{ ms: number; mb: number }> {
  const pending: Array<Promise<number>> = [];
  const onFinished = (r: Request) => {
    if (/\.(pbf|geojson)$|bundle\.json$/.test(r.url())) pending.push(r.sizes().then((s) => s.responseBodySize));
  };
  page.on('requestfinished', onFinished);
  try {
    await page.goto(url);
    await page.waitForFunction(ready, null, { timeout: 180_000 });
    const ms = await page.evaluate(() => performance.now());
    await page.waitForTimeout(200); // the last requests' events
    return { ms, mb: (await Promise.all(pending)).reduce((a, b) => a + b, 0) / 2 ** 20 };
  } finally {
    page.off('requestfinished', onFinished);
  }
}

/** Median of three loads of a page (for the figures beside the target's), and the bytes the first one fetched. */
async function timeLoads(page: Page, url: string, ready: () => boolean): Promise<{ ms: number; mb: number }> {
  const loads = [];
  for (let i = 0; i < 3; i++) loads.push(await loadWithBytes(page, url, ready));
  return { ms: middle(loads.map((l) => l.ms)), mb: loads[0]!.mb };
}

/** Rounds of the target's three loads (bare page from tiles, the app in pages, its own map). */
const ROUNDS = 7;

export async function tilesBench(n = 200_000): Promise<BenchRow[]> {
  const bundle = syntheticBundle(n, { seed: 11, unmappedShare: 0 });
  // One folder serves the bare page, the built app, the bundle, the GeoJSON points and the tiles.
  const dir = await buildBarePage();
  cpSync(join(ROOT, 'dist'), dir, { recursive: true });
  mkdirSync(join(dir, 'tiles'), { recursive: true });
  const meta = writePinTiles(bundle, join(dir, 'tiles'), 14);
  writeFileSync(join(dir, 'data', 'bundle.json'), JSON.stringify(bundle));
  const points = bundle.projects.flatMap((p) => (p.site ? [{ type: 'Feature', properties: { id: p.id }, geometry: { type: 'Point', coordinates: [p.site.lon, p.site.lat] } }] : []));
  writeFileSync(join(dir, 'points.geojson'), JSON.stringify({ type: 'FeatureCollection', features: points }));
  const server = await serveFolder(dir);
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const bareReady = () => window.__bare?.ready === true;
    const flat = await timeLoads(page, `${server.url}bare.html?points=points.geojson`, bareReady);
    const tiledBytes = (await loadWithBytes(page, `${server.url}bare.html?tiles=1`, bareReady)).mb;
    const appReady = () => window.__erqi?.ready === true;
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ tiandituKey: '' }));
    const appFlat = await timeLoads(page, server.url, appReady);
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ tiandituKey: '', pinTiles: 'tiles/tiles.json' }));
    const appTiled = await timeLoads(page, server.url, appReady);
    // The app really drew from the tiles (a mismatch would fall back to the data, silently but for a warning).
    const fromTiles = await page.evaluate(() => window.__erqi!.map!.getSource('projects')?.type === 'vector');
    if (!fromTiles) throw new Error('tiles bench: the app did not use the pin tiles');
    // The same ledger in pages (npm run pages): the page loads the default view's figures, not the ledger.
    const text = JSON.stringify(bundle);
    const t0 = performance.now();
    const index = writeLedgerPages(bundle, join(dir, 'data', 'pages'), { base: 'pages/', bundle: 'pages/bundle.json', bytes: text.length });
    const pagesMs = performance.now() - t0;
    writeFileSync(join(dir, 'data', 'pages', 'bundle.json'), text);
    writeFileSync(join(dir, 'data', 'bundle.json'), JSON.stringify(index));
    const pagedBytes = (await loadWithBytes(page, server.url, appReady)).mb;
    if (!(await page.evaluate(() => !!window.__erqi!.app!.model.pages))) throw new Error('tiles bench: the app did not read the ledger pages');
    const heap = async () => {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      await cdp.detach();
      return usedSize / 2 ** 20;
    };
    const pagedHeap = await heap();
    await page.goto(`${server.url}bare.html?tiles=1`);
    await page.waitForFunction(bareReady, null, { timeout: 180_000 });
    const bareHeap = await heap();
    // The app's own map (its style from the same tiles, at its size and view) drawn by MapLibre alone: after the
    // heaps, which are read from the page last loaded. The target's three loaded in turn, round after round.
    const ownUrl = `${server.url}${await appStyle(page, server.url, dir)}`;
    const [tiled, appPaged, ownMap] = await loadsInTurn(
      page,
      `load phases at ${n.toLocaleString('en')} projects from tiles`,
      [
        { label: 'bare page', url: `${server.url}bare.html?tiles=1`, ready: READY.bare },
        { label: 'app, pages', url: server.url, ready: READY.app },
        { label: "app's map", url: ownUrl, ready: READY.bare },
      ],
      ROUNDS,
    );
    const n2 = n.toLocaleString('en');
    return [
      row(
        `${n2} pins from vector tiles, bare page: navigation → idle (Chromium)`,
        tiled!.ms,
        flat.ms,
        'one clustered GeoJSON file, same points',
        `downloads ${(tiledBytes * 1024).toFixed(1)} kB of tiles (clusters at this zoom) vs ${flat.mb.toFixed(1)} MB of GeoJSON; ${meta.erqi.pins.toLocaleString('en')} pins cut in node`,
      ),
      row(
        `${n2} projects, full app with pin tiles: navigation → idle (Chromium)`,
        appTiled.ms,
        appFlat.ms,
        'the same app clustering the pins itself',
        `both download the whole ledger (${appFlat.mb.toFixed(0)} MB compressed) for the panel, list and search`,
      ),
      row(
        `${n2} projects, full app with pin tiles and ledger pages: navigation → idle (Chromium)`,
        appPaged!.ms,
        tiled!.ms,
        'bare MapLibre page from the same tiles (target 1.5×)',
        `${roundsNote(appPaged!)}; downloads ${(pagedBytes * 1024).toFixed(0)} kB of data and tiles (the pages' index: the default view's figures) instead of the ${appFlat.mb.toFixed(0)} MB ledger`,
      ),
      row(
        `${n2} projects, full app in pages against its own map alone (Chromium)`,
        appPaged!.ms,
        ownMap!.ms,
        "the app's style from the same tiles drawn by MapLibre alone, at its size and view",
        `what the app's panel, pages and code add; ${roundsNote(ratiosTo(appPaged!.times, ownMap!.times))}; its map alone: ${roundsNote(ownMap!)} of the bare tile page (labels, context, zones, corridors)`,
      ),
      row(`${n2} projects in pages: JS heap after a full GC (MB)`, pagedHeap, bareHeap, 'bare MapLibre page from the same tiles', 'the page holds the default view, not the ledger'),
      row(`${n2} projects: ledger pages written by the data build (node)`, pagesMs, appFlat.ms, 'the app loading the whole ledger once', `${index.list.pages} list pages, ${index.search.length} search pages, ${Math.ceil(index.projects / index.chunk)} card chunks`),
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}
