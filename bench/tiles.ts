/**
 * Beyond one browser: 200,000 synthetic projects drawn from vector tiles (scripts/tiles.ts, served as static
 * files) beside the same points as one clustered GeoJSON file, on the bare MapLibre page.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, MultiPolygon } from 'geojson';
import { loadAxes } from '../src/core/load_geo.ts';
import { syntheticProjects } from '../src/core/synthetic.ts';
import { cutTiles } from '../scripts/tiles.ts';
import { launch } from '../tests/browser/harness.ts';
import { repoFile } from '../tests/helpers/repo.ts';
import { buildBarePage, serveFolder } from './serve.ts';
import { row, type BenchRow } from './stats.ts';

export async function tilesBench(n = 200_000): Promise<BenchRow[]> {
  const dir = await buildBarePage();
  const axes = loadAxes('a', repoFile('geo/axes.geojson').text).value;
  const district = JSON.parse(repoFile('geo/district.geojson').text).features[0] as Feature<MultiPolygon>;
  const projects = syntheticProjects({ count: n, seed: 11, axes, area: district, unmappedShare: 0 });
  const fc = { type: 'FeatureCollection', features: projects.map((p) => ({ type: 'Feature', properties: { id: p.id }, geometry: { type: 'Point', coordinates: [p.site!.lon, p.site!.lat] } })) };
  const geojson = JSON.stringify(fc);
  writeFileSync(join(dir, 'points.geojson'), geojson);
  const cut = cutTiles(projects, join(dir, 'tiles'), 14);
  const server = await serveFolder(dir);
  const url = `${server.url}bare.html`;
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    let bytes = 0;
    page.on('requestfinished', async (r) => {
      if (/\.(pbf|geojson)$/.test(r.url())) bytes += (await r.sizes()).responseBodySize;
    });
    const time = async (query: string) => {
      const xs: number[] = [];
      const sizes: number[] = [];
      for (let i = 0; i < 3; i++) {
        bytes = 0;
        await page.goto(`${url}${query}`);
        await page.waitForFunction(() => window.__bare?.ready === true, null, { timeout: 120_000 });
        xs.push(await page.evaluate(() => performance.now()));
        await page.waitForTimeout(200); // let the last size events arrive
        sizes.push(bytes);
      }
      return { ms: xs.sort((a, b) => a - b)[1]!, mb: sizes[0]! / 2 ** 20 };
    };
    const flat = await time('?points=points.geojson');
    const tiled = await time('?tiles=1');
    return [
      row(
        `${n.toLocaleString('en')} pins from vector tiles: navigation → idle (Chromium)`,
        tiled.ms,
        flat.ms,
        'one clustered GeoJSON file, same points',
        `downloads ${(tiled.mb * 1024).toFixed(0)} kB of tiles vs ${flat.mb.toFixed(1)} MB of GeoJSON; ${cut.tiles} tiles cut in node`,
      ),
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}
