import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PbfReader } from 'pbf';
import { VectorTile } from '@mapbox/vector-tile';
import { fixture, fixtureSources, THEME } from '../helpers/fixtures.ts';
import { describe, expect, it } from 'vitest';
import { buildBundle } from '../../src/core/bundle.ts';
import { ledgerFingerprint, PIN_TILE_LAYER, pinTilesMismatch, SHAPE_TILE_LAYER, type PinTilesMeta } from '../../src/core/pin_tiles.ts';
import { LAYER, SOURCE } from '../../src/map/ids.ts';
import { buildStyle, type PinTiles } from '../../src/map/style.ts';
import { keepGeoJsonSources } from '../../src/map/style_changes.ts';
import { writePinTiles } from '../../scripts/tiles.ts';

const { bundle } = buildBundle(fixtureSources()).value!;

describe('ledgerFingerprint', () => {
  it('is stable, and changes with what a pin shows', () => {
    const fp = ledgerFingerprint(bundle.projects);
    expect(ledgerFingerprint(structuredClone(bundle.projects))).toBe(fp);
    expect(fp).toMatch(/^6-[0-9a-f]{8}$/); // six located projects
    const located = bundle.projects.findIndex((p) => p.site);
    const moved = structuredClone(bundle.projects);
    moved[located]!.site!.lon += 1e-6;
    expect(ledgerFingerprint(moved)).not.toBe(fp);
    const renamed = structuredClone(bundle.projects);
    renamed[located]!.name_zh += '二';
    expect(ledgerFingerprint(renamed)).not.toBe(fp);
    const restatus = structuredClone(bundle.projects);
    restatus[located]!.status = restatus[located]!.status === 'planned' ? 'completed' : 'planned';
    expect(ledgerFingerprint(restatus)).not.toBe(fp);
  });

  it('ignores what no pin shows: the unmapped projects', () => {
    const fewer = bundle.projects.filter((p) => p.site);
    expect(ledgerFingerprint(fewer)).toBe(ledgerFingerprint(bundle.projects));
  });
});

describe('npm run tiles → tiles.json', () => {
  const out = mkdtempSync(join(tmpdir(), 'erqi-pin-tiles-'));
  const meta = writePinTiles(bundle, out, 14);
  const written = JSON.parse(readFileSync(join(out, 'tiles.json'), 'utf8')) as PinTilesMeta;

  it('describes the tiles and the ledger they were cut from', () => {
    expect(written).toMatchObject({ tilejson: '3.0.0', tiles: ['{z}/{x}/{y}.pbf'], maxzoom: 14 });
    expect(written.erqi).toEqual({ fingerprint: ledgerFingerprint(bundle.projects), corridor_m: bundle.corridor_m, pins: 6 });
    expect(meta.bytes).toBeGreaterThan(0);
    expect(pinTilesMismatch(written, bundle.projects, bundle.corridor_m)).toBeNull();
  });

  it('holds the app’s pins, labelled in both languages, at the deepest zoom', () => {
    const z = '14';
    const ids = new Set<string>(); // a pin near a tile's edge is also in its neighbour's buffer
    for (const x of readdirSync(join(out, z))) {
      for (const file of readdirSync(join(out, z, x))) {
        const tile = new VectorTile(new PbfReader(readFileSync(join(out, z, x, file))));
        const layer = tile.layers[PIN_TILE_LAYER]!;
        for (let i = 0; i < layer.length; i++) {
          const feature = layer.feature(i);
          const props = feature.properties;
          expect(Object.keys(props).sort()).toEqual(['axis', 'name_en', 'name_zh', 'stage', 'yi']);
          // The project is the feature's id, its ledger index; the pin's size comes with it: the amount, or -1
          // where it is not disclosed (never 0).
          const p = bundle.projects[feature.id!]!;
          expect(props['yi']).toBe(p.investment_total_yi ?? -1);
          expect([props['name_zh'], props['name_en']]).toEqual([p.name_zh, p.name_en ?? p.name_zh]);
          ids.add(p.id);
        }
      }
    }
    expect([...ids].sort()).toEqual(bundle.projects.filter((p) => p.site).map((p) => p.id).sort());
  });

  it('is refused for other data or another corridor width, saying why', () => {
    const other = bundle.projects.filter((_, i) => i !== bundle.projects.findIndex((p) => p.site));
    expect(pinTilesMismatch(written, other, bundle.corridor_m)).toMatch(/cut from other projects .* run npm run tiles again/);
    expect(pinTilesMismatch(written, bundle.projects, 750)).toBe(`cut at a ${bundle.corridor_m} m corridor, the data's is 750 m`);
    expect(pinTilesMismatch({ tiles: [] }, bundle.projects, bundle.corridor_m)).toMatch(/not a TileJSON/);
    expect(pinTilesMismatch(null, bundle.projects, bundle.corridor_m)).toMatch(/not a TileJSON/);
  });
});

describe('npm run tiles with lines and areas', () => {
  const file = (name: string) => ({ file: name, text: fixture(`shapes/${name}`) });
  const shapes = buildBundle({ ...fixtureSources(), projects: file('projects.csv'), sites: file('sites.geojson') }).value!.bundle;
  const out = mkdtempSync(join(tmpdir(), 'erqi-shape-tiles-'));
  const written = writePinTiles(shapes, out, 14);

  it('cuts the lines and areas into their own layer, with their kind, and names it in tiles.json', () => {
    expect(written.vector_layers.map((l) => l.id)).toEqual([PIN_TILE_LAYER, SHAPE_TILE_LAYER]);
    const drawn = new Map<string, string>();
    for (const x of readdirSync(join(out, '14'))) {
      for (const f of readdirSync(join(out, '14', x))) {
        const layer = new VectorTile(new PbfReader(readFileSync(join(out, '14', x, f)))).layers[SHAPE_TILE_LAYER];
        for (let i = 0; i < (layer?.length ?? 0); i++) {
          const feature = layer!.feature(i);
          // The feature's id is the project's ledger index.
          drawn.set(shapes.projects[feature.id!]!.id, `${feature.properties['kind']} ${['', 'Point', 'LineString', 'Polygon'][feature.type]}`);
        }
      }
    }
    expect(Object.fromEntries(drawn)).toEqual({
      'road-x': 'line LineString',
      'tunnel-l': 'line LineString',
      'area-straddle': 'area Polygon',
      'area-hole': 'area Polygon',
      'multi-plots': 'area Polygon',
      'multi-line': 'line LineString',
      'points-2': 'point Point',
    });
  });

  it('is refused once a line is redrawn, though its pin stays where it was', () => {
    const moved = shapes.projects.map((p) =>
      p.id === 'road-x' ? { ...p, site: { ...p.site!, geometry: { type: 'LineString' as const, coordinates: [[113.61, 34.7251], [113.66, 34.7249]] } } } : p,
    );
    expect(pinTilesMismatch(written, moved, shapes.corridor_m)).toMatch(/cut from other projects/);
  });
});

describe('the style with pin tiles', () => {
  const data = { context: bundle.context, district: bundle.district, zones: bundle.zones, corridors: bundle.corridors, axes: bundle.axes, landmarks: bundle.landmarks, projects: { type: 'FeatureCollection' as const, features: [] }, shapes: { type: 'FeatureCollection' as const, features: [] }, selection: { type: 'FeatureCollection' as const, features: [] } };
  const tiles: PinTiles = { tiles: ['https://example.test/t/{z}/{x}/{y}.pbf'], maxzoom: 14, bounds: [113.5, 34.6, 113.7, 34.8], corridorM: 500 };
  const options = { theme: THEME, lang: 'zh' as const, basemap: [], selectedAxis: null };

  it('reads pins and clusters from the tile layer, and nothing else from it', () => {
    const style = buildStyle(data, { ...options, pinTiles: tiles });
    expect(style.sources[SOURCE.projects]).toMatchObject({ type: 'vector', tiles: tiles.tiles, maxzoom: 14 });
    const onPins = style.layers.filter((l) => 'source' in l && l.source === SOURCE.projects);
    expect(onPins.length).toBe(5); // clusters, counts, pins, dots, labels
    for (const l of onPins) expect(l).toHaveProperty('source-layer', PIN_TILE_LAYER);
    // Lines and areas from the same tiles, their own layer.
    expect(style.sources[SOURCE.shapes]).toMatchObject({ type: 'vector', tiles: tiles.tiles });
    const onShapes = style.layers.filter((l) => 'source' in l && l.source === SOURCE.shapes);
    expect(onShapes.length).toBe(3); // fills, lines, points
    for (const l of onShapes) expect(l).toHaveProperty('source-layer', SHAPE_TILE_LAYER);
    for (const l of style.layers.filter((l) => 'source' in l && l.source !== SOURCE.projects && l.source !== SOURCE.shapes)) expect(l).not.toHaveProperty('source-layer');
  });

  it('clusters the data itself without them', () => {
    const style = buildStyle(data, { ...options, pinTiles: null });
    expect(style.sources[SOURCE.projects]).toMatchObject({ type: 'geojson', cluster: true });
    expect(style.layers.some((l) => 'source-layer' in l)).toBe(false);
  });
});

describe('a style change keeps the data the map holds', () => {
  const fcOf = (n: number) => ({ type: 'FeatureCollection' as const, features: Array.from({ length: n }, (_, i) => ({ type: 'Feature' as const, id: i, properties: {}, geometry: { type: 'Point' as const, coordinates: [113.6, 34.7] } })) });
  const data = { context: bundle.context, district: bundle.district, zones: bundle.zones, corridors: bundle.corridors, axes: bundle.axes, landmarks: bundle.landmarks, projects: fcOf(3), shapes: fcOf(0), selection: fcOf(0) };
  const options = { theme: THEME, lang: 'zh' as const, basemap: [], selectedAxis: null };

  it('takes every GeoJSON source from the map, and the layers from the new style', () => {
    const held = buildStyle({ ...data, projects: fcOf(5) }, options);
    const next = keepGeoJsonSources(held, buildStyle(data, { ...options, lang: 'en' }));
    expect(next.sources[SOURCE.projects]).toBe(held.sources[SOURCE.projects]);
    expect(next.sources[SOURCE.zones]).toBe(held.sources[SOURCE.zones]);
    expect(next.layers).toEqual(buildStyle(data, { ...options, lang: 'en' }).layers);
  });

  it('switches the pins between tiles and data as the new style says', () => {
    const tiles: PinTiles = { tiles: ['https://example.test/{z}/{x}/{y}.pbf'], maxzoom: 14, bounds: [113.5, 34.6, 113.7, 34.8], corridorM: 500 };
    const fromData = buildStyle(data, options);
    const toTiles = keepGeoJsonSources(fromData, buildStyle(data, { ...options, pinTiles: tiles }));
    expect(toTiles.sources[SOURCE.projects]).toMatchObject({ type: 'vector' });
    const back = keepGeoJsonSources(toTiles, buildStyle(data, options));
    expect(back.sources[SOURCE.projects]).toMatchObject({ type: 'geojson', data: data.projects });
  });

  it('leaves a first style as it is', () => {
    const first = buildStyle(data, options);
    expect(keepGeoJsonSources(undefined, first)).toBe(first);
  });
});

describe('pins sized by investment', () => {
  it('draws a disclosed amount larger by its class, and an undisclosed one at the standard (smallest) size', async () => {
    const { expression, latest } = await import('@maplibre/maplibre-gl-style-spec');
    const data = { context: bundle.context, district: bundle.district, zones: bundle.zones, corridors: bundle.corridors, axes: bundle.axes, landmarks: bundle.landmarks, projects: { type: 'FeatureCollection' as const, features: [] }, shapes: { type: 'FeatureCollection' as const, features: [] }, selection: { type: 'FeatureCollection' as const, features: [] } };
    const style = buildStyle(data, { theme: THEME, lang: 'zh', basemap: [], selectedAxis: null, pinTiles: null });
    const pin = style.layers.find((l) => l.id === LAYER.projectsPin) as { paint: Record<string, unknown> };
    const radius = expression.createPropertyExpression(pin.paint['circle-radius'], 'circle-radius', latest.paint_circle['circle-radius'] as never);
    if (radius.result !== 'success') throw new Error(JSON.stringify(radius.value));
    const at = (yi: number | undefined, stage = 'done') =>
      radius.value.evaluate({ zoom: 15 } as never, { type: 'Point', properties: { stage, ...(yi === undefined ? {} : { yi }) } } as never);
    expect(at(-1)).toBe(7); // undisclosed: the standard pin
    expect(at(undefined)).toBe(7); // tiles cut before sizes: the same
    expect(at(0.6)).toBeCloseTo(7 * 1.35);
    expect(at(1.07)).toBeCloseTo(7 * 1.7);
    expect(at(15)).toBeCloseTo(7 * 2.2);
    expect(at(15, 'pipeline')).toBeCloseTo(6 * 2.2); // a ring keeps its own proportion
  });
});
