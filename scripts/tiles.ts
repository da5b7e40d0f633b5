/**
 * `npm run tiles -- [--synthetic N] [--out DIR] [--maxzoom Z]`: cuts the pins into vector tiles (z/x/y.pbf, layer
 * `projects`) with a TileJSON file (`tiles.json`) beside them, clustered below the max zoom as tippecanoe would
 * thin them, for a static host or a CDN. The pins are the app's own (labelled in both languages, axis colours at the
 * bundle's corridor width); `tiles.json` names the ledger they were cut from, and the app uses them only for that
 * ledger (set `pinTiles` in config.json). Reads the built bundle (public/data/bundle.json) unless --synthetic is
 * given (SYNTHETIC data). supercluster + vt-pbf prove the path with what the registries have; tippecanoe →
 * PMTiles is the production tool where it exists.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Supercluster from 'supercluster';
import vtpbf from 'vt-pbf';
import type { Feature, Point } from 'geojson';
import type { DataBundle } from '../src/core/bundle.ts';
import type { AxisFeature, ZoneFeature } from '../src/core/load_geo.ts';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { ledgerFingerprint, PIN_TILE_LAYER, SHAPE_TILE_LAYER, type PinTilesMeta } from '../src/core/pin_tiles.ts';
import { siteBounds, type SiteGeometry } from '../src/core/site_geometry.ts';
import { placeProjects, prepareAxes } from '../src/core/placement.ts';
import { knownPlacements } from '../src/core/shipped_placements.ts';
import { pinFeatures, pinName, projectPins, projectShapes, shapeFeatures } from '../src/map/project_features.ts';
import { syntheticBundle } from './repo.ts';

const ROOT = join(import.meta.dirname, '..');

export function cutTiles(
  points: Array<Feature<Point, Record<string, unknown>>>,
  out: string,
  maxZoom: number,
  /** Lines and areas, cut unclustered into their own layer (SHAPE_TILE_LAYER). */
  shapes: Feature[] = [],
): { tiles: number; bytes: number; bounds: [number, number, number, number] } {
  // The app clusters 36 px apart on 512 px tiles (style.ts); supercluster's radius is in units of its extent.
  const index = new Supercluster({ radius: (36 * 4096) / 512, maxZoom: maxZoom - 1, extent: 4096 });
  index.load(points as Array<Supercluster.PointFeature<Record<string, unknown>>>);
  let tiles = 0;
  let bytes = 0;
  // Only tiles that hold something: walk down from the tiles of the data's bounds at each zoom.
  const shapeIndex = shapes.length ? new GeoJSONVT({ type: 'FeatureCollection', features: shapes }, { maxZoom, extent: 4096, buffer: 64, indexMaxZoom: 5 }) : null;
  let [w, e, s, n] = [Infinity, -Infinity, Infinity, -Infinity];
  const extend = (lon: number, lat: number) => {
    w = Math.min(w, lon);
    e = Math.max(e, lon);
    s = Math.min(s, lat);
    n = Math.max(n, lat);
  };
  for (const p of points) extend(...(p.geometry.coordinates as [number, number]));
  for (const f of shapes) {
    const [sw, ss, se, sn] = siteBounds(f.geometry as SiteGeometry);
    extend(sw, ss);
    extend(se, sn);
  }
  const tx = (lon: number, z: number) => Math.floor(((lon + 180) / 360) * 2 ** z);
  const ty = (lat: number, z: number) => Math.floor(((1 - Math.log(Math.tan((lat * Math.PI) / 180) + 1 / Math.cos((lat * Math.PI) / 180)) / Math.PI) / 2) * 2 ** z);
  for (let z = 0; z <= maxZoom; z++) {
    for (let x = tx(w, z); x <= tx(e, z); x++) {
      for (let y = ty(n, z); y <= ty(s, z); y++) {
        const tile = index.getTile(z, x, y);
        const shapeTile = shapeIndex?.getTile(z, x, y);
        const layers: Record<string, never> = {};
        if (tile?.features.length) layers[PIN_TILE_LAYER] = tile as never;
        if (shapeTile?.features.length) layers[SHAPE_TILE_LAYER] = shapeTile as never;
        if (!Object.keys(layers).length) continue;
        const pbf = vtpbf.fromGeojsonVt(layers, { version: 2, extent: 4096 });
        mkdirSync(join(out, String(z), String(x)), { recursive: true });
        writeFileSync(join(out, String(z), String(x), `${y}.pbf`), pbf);
        tiles++;
        bytes += pbf.length;
      }
    }
  }
  return { tiles, bytes, bounds: [w, s, e, n] };
}

/** The app's pins for a bundle, cut into tiles under `out`, with `out/tiles.json` describing them. */
export function writePinTiles(bundle: DataBundle, out: string, maxZoom: number): PinTilesMeta & { bytes: number } {
  const axes = prepareAxes(bundle.axes.features as AxisFeature[]);
  // The data build's placements when the bundle carries them (checked as a page checks them), else placed here.
  const known = bundle.placements ? knownPlacements(bundle) : null;
  const placements = placeProjects(bundle.projects, axes, bundle.zones.features as ZoneFeature[], known && 'value' in known ? known.value : undefined);
  const axisIds = axes.map((a) => a.id);
  // The page's pins, labelled in both languages: a tile set serves either (the style picks the name to draw).
  const pins = projectPins(pinFeatures(bundle.projects, placements, bundle.corridor_m, axisIds, 'zh')).features.map((f) => {
    const p = bundle.projects[f.id as number]!;
    const { name: _, ...look } = f.properties;
    return { ...f, properties: { ...look, name_zh: pinName(p, 'zh'), name_en: pinName(p, 'en') } };
  });
  const shapes = projectShapes(shapeFeatures(bundle.projects, placements, bundle.corridor_m, axisIds)).features;
  const cut = cutTiles(pins as unknown as Array<Feature<Point, Record<string, unknown>>>, out, maxZoom, shapes);
  const meta: PinTilesMeta = {
    tilejson: '3.0.0',
    tiles: ['{z}/{x}/{y}.pbf'],
    minzoom: 0,
    maxzoom: maxZoom,
    bounds: cut.bounds,
    vector_layers: [
      {
        id: PIN_TILE_LAYER,
        // A pin's project is its feature id: its index in the ledger the tiles were cut from.
        fields: { stage: 'String', axis: 'String', yi: 'Number', name_zh: 'String', name_en: 'String', point_count: 'Number' },
      },
      ...(shapes.length
        ? [{ id: SHAPE_TILE_LAYER, fields: { stage: 'String', axis: 'String', kind: 'String' } }]
        : []),
    ],
    erqi: { fingerprint: ledgerFingerprint(bundle.projects), corridor_m: bundle.corridor_m, pins: pins.length },
  };
  writeFileSync(join(out, 'tiles.json'), `${JSON.stringify(meta, null, 1)}\n`);
  return { ...meta, bytes: cut.bytes };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values: args } = parseArgs({
    options: { synthetic: { type: 'string' }, out: { type: 'string', default: join(ROOT, 'dist', 'tiles') }, maxzoom: { type: 'string', default: '14' } },
  });
  const bundle: DataBundle = args.synthetic
    ? syntheticBundle(Number(args.synthetic), { seed: 11, unmappedShare: 0 })
    : JSON.parse(readFileSync(join(ROOT, 'public/data/bundle.json'), 'utf8'));
  const t = performance.now();
  mkdirSync(args.out, { recursive: true });
  const meta = writePinTiles(bundle, args.out, Number(args.maxzoom));
  console.log(
    `${args.out}: ${meta.erqi.pins} pins in tiles (${(meta.bytes / 1024).toFixed(1)} kB), tiles.json fingerprint ${meta.erqi.fingerprint}, ` +
      `${Math.round(performance.now() - t)} ms`,
  );
  if (args.synthetic) console.log('SYNTHETIC data, for benchmarks: the app refuses these tiles for any other ledger (its fingerprint differs).');
}
