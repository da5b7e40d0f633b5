/**
 * `npm run tiles -- [--synthetic N] [--out DIR] [--maxzoom Z]`: cuts projects into vector tiles (z/x/y.pbf,
 * layer `projects`), clustered below the max zoom as tippecanoe would thin them, for a static host or a CDN.
 * Proves the city-scale path with what the registries have (supercluster + vt-pbf); tippecanoe → PMTiles is the
 * production tool where it exists. Reads the shipped bundle unless --synthetic is given (SYNTHETIC data).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Supercluster from 'supercluster';
import vtpbf from 'vt-pbf';
import type { Feature, MultiPolygon } from 'geojson';
import { loadAxes } from '../src/core/load_geo.ts';
import { syntheticProjects } from '../src/core/synthetic.ts';
import type { MappedProject } from '../src/core/model.ts';

const ROOT = join(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: { synthetic: { type: 'string' }, out: { type: 'string', default: join(ROOT, 'dist', 'tiles') }, maxzoom: { type: 'string', default: '14' } },
});

export function cutTiles(projects: readonly MappedProject[], out: string, maxZoom: number): { tiles: number; bytes: number } {
  const points: Array<Supercluster.PointFeature<{ id: string; name_zh: string; status: string }>> = projects.flatMap((p) =>
    p.site ? [{ type: 'Feature' as const, properties: { id: p.id, name_zh: p.name_zh, status: p.status ?? 'unknown' }, geometry: { type: 'Point' as const, coordinates: [p.site.lon, p.site.lat] } }] : [],
  );
  const index = new Supercluster({ radius: 36, maxZoom: maxZoom - 1, extent: 4096 });
  index.load(points);
  let tiles = 0;
  let bytes = 0;
  // Only tiles that hold something: walk down from the tiles of the data's bounds at each zoom.
  let [w, e, s, n] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const p of points) {
    const [lon, lat] = p.geometry.coordinates as [number, number];
    w = Math.min(w, lon);
    e = Math.max(e, lon);
    s = Math.min(s, lat);
    n = Math.max(n, lat);
  }
  const tx = (lon: number, z: number) => Math.floor(((lon + 180) / 360) * 2 ** z);
  const ty = (lat: number, z: number) => Math.floor(((1 - Math.log(Math.tan((lat * Math.PI) / 180) + 1 / Math.cos((lat * Math.PI) / 180)) / Math.PI) / 2) * 2 ** z);
  for (let z = 0; z <= maxZoom; z++) {
    for (let x = tx(w, z); x <= tx(e, z); x++) {
      for (let y = ty(n, z); y <= ty(s, z); y++) {
        const tile = index.getTile(z, x, y);
        if (!tile || !tile.features.length) continue;
        const pbf = vtpbf.fromGeojsonVt({ projects: tile as never }, { version: 2, extent: 4096 });
        mkdirSync(join(out, String(z), String(x)), { recursive: true });
        writeFileSync(join(out, String(z), String(x), `${y}.pbf`), pbf);
        tiles++;
        bytes += pbf.length;
      }
    }
  }
  return { tiles, bytes };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let projects: MappedProject[];
  if (args.synthetic) {
    const axes = loadAxes('geo/axes.geojson', readFileSync(join(ROOT, 'geo/axes.geojson'), 'utf8')).value;
    const district = JSON.parse(readFileSync(join(ROOT, 'geo/district.geojson'), 'utf8')).features[0] as Feature<MultiPolygon>;
    projects = syntheticProjects({ count: Number(args.synthetic), seed: 11, axes, area: district });
  } else {
    projects = JSON.parse(readFileSync(join(ROOT, 'public/data/bundle.json'), 'utf8')).projects;
  }
  const t = performance.now();
  const { tiles, bytes } = cutTiles(projects, args.out, Number(args.maxzoom));
  console.log(`${args.out}: ${tiles} tiles, ${(bytes / 2 ** 20).toFixed(1)} MB, ${projects.length} projects, ${Math.round(performance.now() - t)} ms`);
}
