/**
 * Rendering and filtering at scale in headless Chromium: 50,000 synthetic projects, the app against a bare
 * MapLibre page drawing the same points as a clustered GeoJSON source. Also the JS heap, and the data build
 * for 100,000 rows in node.
 */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feature, MultiPolygon } from 'geojson';
import type { GeoJSONSource } from 'maplibre-gl';
import type { Page } from 'playwright-core';
import { bundleFromProjects, type DataBundle } from '../src/core/bundle.ts';
import { parseCsv } from '../src/core/csv.ts';
import { projectsToCsv } from '../src/core/export.ts';
import { loadAxes, loadZones } from '../src/core/load_geo.ts';
import { placeProjects, prepareAxes } from '../src/core/placement.ts';
import { syntheticProjects } from '../src/core/synthetic.ts';
import { importLedger } from '../src/import/import_ledger.ts';
import { repoFile, repoSources, syntheticBundle as repoSyntheticBundle } from '../scripts/repo.ts';
import { launch, ROOT } from '../scripts/browser.ts';
import { appStyle, buildBarePage, serveFolder } from './serve.ts';
import { loadsInTurn, READY } from './load.ts';
import { median, middle, ratiosTo, roundsNote, row, type BenchRow } from './stats.ts';

const axisFeatures = () => loadAxes('a', repoFile('geo/axes.geojson').text).value;
const district = () => JSON.parse(repoFile('geo/district.geojson').text).features[0] as Feature<MultiPolygon>;

/** The rendering bench's 50,000 synthetic projects (a tenth of them unmapped, as in a real ledger). */
export const syntheticBundle = (n: number): DataBundle => repoSyntheticBundle(n, { seed: 7 });

/** How long a page is left after ready before its heap is read (its idle work done). */
const SETTLE_MS = 1500;

/**
 * What the page holds: the JS heap after a full garbage collection (CDP HeapProfiler.collectGarbage). Read without
 * one, the figure is mostly garbage not yet collected and moves with GC timing (165 MB vs 48 MB held, at 50,000).
 */
async function heapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    return await page.evaluate(() => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize / 2 ** 20);
  } finally {
    await cdp.detach();
  }
}

declare global {
  interface Window {
    /** Times a change to a map's source: until the first frame drawn with the new data, and until idle. */
    __timeUpdate?: (map: import('maplibre-gl').Map, sourceId: string, change: () => void) => Promise<{ drawn: number; idle: number }>;
  }
}

/** The same clock for both pages (plain JS, so the bundler adds nothing to it). */
const TIME_UPDATE = `window.__name = window.__name || function (f) { return f; }; // tsx names arrow functions passed to page.evaluate
window.__timeUpdate = function (map, sourceId, change) {
  return new Promise(function (resolve) {
    var t0 = performance.now();
    var drawn = 0;
    var loaded = false;
    // A tile of the source loaded, and none is pending: the next frame shows the new data.
    function onData(e) { if (e.sourceId === sourceId && e.tile && e.isSourceLoaded) loaded = true; }
    function onRender() { if (loaded && !drawn) drawn = performance.now() - t0; }
    map.on('sourcedata', onData);
    map.on('render', onRender);
    change();
    map.once('idle', function () {
      map.off('sourcedata', onData);
      map.off('render', onRender);
      var idle = performance.now() - t0;
      resolve({ drawn: drawn || idle, idle: idle });
    });
  });
};`;

/** Rounds of the three loads at 50,000 (each ~1–2.5 s here; the shipped data's bench runs 7). */
const ROUNDS = 5;

/** Filter changes timed per page (the median is reported; single runs vary by ±30% on this machine). */
const RUNS = 9;

export async function renderBench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const N = 50_000;
  const bundle = syntheticBundle(N);
  // The built app and the bare page, each in a folder with the synthetic bundle as data/bundle.json.
  const appDir = mkdtempSync(join(tmpdir(), 'erqi-app-'));
  cpSync(join(ROOT, 'dist'), appDir, { recursive: true });
  writeFileSync(join(appDir, 'data', 'bundle.json'), JSON.stringify(bundle));
  const bareDir = await buildBarePage();
  cpSync(join(appDir, 'data'), join(bareDir, 'data'), { recursive: true });
  const app = await serveFolder(appDir);
  const bare = await serveFolder(bareDir);
  const browser = await launch(['--enable-precise-memory-info']);
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(TIME_UPDATE);
    const load = async (url: string, ready: () => boolean) => {
      await page.goto(url);
      await page.waitForFunction(ready, null, { timeout: 120_000 });
    };
    // The app's own map (its style, the pins inline, at its size and view), for MapLibre alone to draw.
    const ownUrl = `${bare.url}${await appStyle(page, app.url, bareDir)}`;
    // The three loaded in turn, round after round (bench/load.ts does the same for the shipped data).
    const [bareRun, appRun, ownRun] = await loadsInTurn(
      page,
      `load phases at ${N.toLocaleString('en')} projects`,
      [
        { label: 'bare page', url: `${bare.url}bare.html`, ready: READY.bare },
        { label: 'app', url: app.url, ready: READY.app },
        { label: "app's map", url: ownUrl, ready: READY.bare },
      ],
      ROUNDS,
    );
    await load(`${bare.url}bare.html`, () => window.__bare?.ready === true);
    // Each page's heap once settled: the app shares its repeated texts in idle time after its map is drawn.
    await page.waitForTimeout(SETTLE_MS);
    const bareHeap = await heapMB(page);
    // The same filter as the app's below, applied to the bare page's points: alternately the subset and all.
    const bareChange = await page.evaluate(async (runs) => {
      const b = window.__bare!;
      const data = await (await fetch('data/bundle.json')).json();
      type P = { id: string; site: { lon: number; lat: number } | null; status: string };
      const fc = (ps: P[]) => ({ type: 'FeatureCollection', features: ps.filter((p) => p.site).map((p) => ({ type: 'Feature', properties: { id: p.id }, geometry: { type: 'Point', coordinates: [p.site!.lon, p.site!.lat] } })) });
      const subset = fc(data.projects.filter((p: P) => p.status === 'started' || p.status === 'signed'));
      const all = fc(data.projects);
      const times: Array<{ drawn: number; idle: number }> = [];
      for (let i = 0; i < runs; i++) {
        times.push(await window.__timeUpdate!(b.map!, 'projects', () => (b.map!.getSource('projects') as GeoJSONSource).setData(subset as never)));
        await window.__timeUpdate!(b.map!, 'projects', () => (b.map!.getSource('projects') as GeoJSONSource).setData(all as never));
      }
      return times;
    }, RUNS);
    await load(app.url, () => window.__erqi?.ready === true);
    await page.waitForTimeout(SETTLE_MS);
    const appHeap = await heapMB(page);
    // A filter change: the panel, list and counts are rendered synchronously inside store.set.
    const appChange = await page.evaluate(async (runs) => {
      const app = window.__erqi!.app!;
      const times: Array<{ panel: number; drawn: number; idle: number }> = [];
      const set = (statuses: Array<'started' | 'signed'>) => app.store.set({ filter: { ...app.store.get().filter, statuses } });
      for (let i = 0; i < runs; i++) {
        let panel = 0;
        const t = await window.__timeUpdate!(window.__erqi!.map!, 'projects', () => {
          const t0 = performance.now();
          set(['started', 'signed']);
          panel = performance.now() - t0;
        });
        times.push({ ...t, panel });
        await window.__timeUpdate!(window.__erqi!.map!, 'projects', () => set([]));
      }
      return times;
    }, RUNS);
    const change = { panel: middle(appChange.map((t) => t.panel)), drawn: middle(appChange.map((t) => t.drawn)), idle: middle(appChange.map((t) => t.idle)) };
    const bareDrawn = middle(bareChange.map((t) => t.drawn));
    const bareIdle = middle(bareChange.map((t) => t.idle));
    rows.push(row(`render ${N.toLocaleString('en')} pins: navigation → first idle (Chromium)`, appRun!.ms, bareRun!.ms, 'bare MapLibre page, same points, clustered', `target ≤ 1.3×; ${roundsNote(appRun!)}`));
    rows.push(row(`render ${N.toLocaleString('en')} pins: the app against its own map alone (Chromium)`, appRun!.ms, ownRun!.ms, "the app's style drawn by MapLibre alone, at its size and view", `what the app's panel, data and code add; ${roundsNote(ratiosTo(appRun!.times, ownRun!.times))}; its map alone: ${roundsNote(ownRun!)} of the bare page`));
    rows.push(row(`filter change at ${N.toLocaleString('en')}: panel, list, counts (Chromium)`, change.panel, 30, 'the 30 ms target'));
    rows.push(row(`filter change at ${N.toLocaleString('en')}: new pins drawn (Chromium)`, change.drawn, bareDrawn, 'bare page setData of the same subset, drawn', 'target ≤ 1.0×'));
    rows.push(row(`filter change at ${N.toLocaleString('en')}: map idle (Chromium)`, change.idle, bareIdle, 'the same, idle', 'labels no longer fade in (they held the app’s idle 300 ms)'));
    rows.push(row(`JS heap at ${N.toLocaleString('en')} projects, MB (Chromium)`, appHeap, bareHeap, 'bare page heap, MB', 'target ≤ 1.2×; each after a full garbage collection: what the page holds'));
  } finally {
    await browser.close();
    await app.close();
    await bare.close();
  }

  // Data build: 100,000-row CSV → bundle, in node.
  const big = syntheticProjects({ count: 100_000, seed: 9, axes: axisFeatures(), area: district() });
  const axes = prepareAxes(axisFeatures());
  const zones = loadZones('z', repoFile('geo/zones.geojson').text).value;
  const csv = new TextEncoder().encode(projectsToCsv(big, placeProjects(big, axes, zones), 500, axes.map((a) => a.id)));
  const { projects: _p, sites: _s, ...context } = repoSources();
  const t0 = performance.now();
  const r = await importLedger('big.csv', csv, { axes });
  bundleFromProjects(context, r.result.projects, r.result.issues, 'big.csv');
  const full = performance.now() - t0;
  const parseOnly = median(3, () => parseCsv(new TextDecoder().decode(csv)));
  rows.push(row('data build: 100,000-row CSV → bundle (node)', full, parseOnly, 'decoding and splitting the CSV alone', `${(csv.length / 2 ** 20).toFixed(1)} MB; target < 1.5 s`));
  return rows;
}
