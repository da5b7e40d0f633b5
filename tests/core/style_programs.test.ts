import { expression, latest, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { fixtureSources, LAYOUT, THEME } from '../helpers/fixtures.ts';
import { DARK, themeFor } from '../../src/map/theme.ts';
import { BASEMAP_TABLE } from '../../src/map/basemaps.ts';
import { buildBundle } from '../../src/core/bundle.ts';
import { buildStyle, type StyleOptions } from '../../src/map/style.ts';
import { layerPropertyChanges } from '../../src/map/style_changes.ts';
import { sharePrograms } from '../../src/map/shared_programs.ts';
import { LAYER } from '../../src/map/ids.ts';
import type { FeatureCollection, Geometry } from 'geojson';

type Spec = Record<string, { 'property-type': string; default?: unknown }>;
/** A value as the expression parser takes it: a bare array (a dash pattern) is a literal. */
const asExpression = (v: unknown) => (Array.isArray(v) && typeof v[0] !== 'string' ? ['literal', v] : v);
const specOf = (type: string) => (latest as unknown as Record<string, Spec>)[`paint_${type}`] ?? {};

/** How MapLibre feeds a property to its shader: a uniform (constant or zoom curve), per feature, or per feature and zoom. */
function way(type: string, property: string, value: unknown, paint: Record<string, unknown> = {}): 'u' | 'a' | 'z' {
  // Without its own value a fill's outline takes the fill's colour, and the way it is given.
  if (property === 'fill-outline-color' && value === undefined) return way(type, 'fill-color', paint['fill-color']);
  const spec = specOf(type)[property]!;
  if (value === undefined && spec.default === undefined) return 'u'; // unset (a pattern): nothing to feed
  const parsed = expression.createPropertyExpression(asExpression(value ?? spec.default), property, spec as never);
  if (parsed.result !== 'success') throw new Error(`${property}: ${JSON.stringify(parsed.value)}`);
  const kind = parsed.value.kind;
  return kind === 'source' ? 'a' : kind === 'composite' ? 'z' : 'u';
}

/**
 * The program a layer needs, as MapLibre names it (painter programCache keys): its kind and the way each of its
 * type's data-driven properties is given.
 */
function programOf(layer: LayerSpecification): string {
  const paint = ((layer as { paint?: Record<string, unknown> }).paint ?? {}) as Record<string, unknown>;
  const program = layer.type === 'line' && paint['line-dasharray'] !== undefined ? 'lineSDF' : layer.type;
  const props = Object.entries(specOf(layer.type))
    .filter(([, s]) => /data-driven/.test(s['property-type']))
    .map(([p]) => `${way(layer.type, p, paint[p], paint)}_${p}`);
  return [program, ...props].join('/');
}

const { bundle } = buildBundle(fixtureSources()).value!;
function one(geometry: Geometry): FeatureCollection {
  return { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry }] };
}

const data = {
  context: bundle.context,
  district: bundle.district,
  zones: bundle.zones,
  corridors: bundle.corridors,
  axes: bundle.axes,
  landmarks: bundle.landmarks,
  projects: { type: 'FeatureCollection' as const, features: [] },
  // Something in every source that is left out while empty (style.ts OPTIONAL_SOURCES), so every layer is built.
  shapes: one({ type: 'LineString', coordinates: [[113.6, 34.7], [113.61, 34.71]] }),
  selection: one({ type: 'Point', coordinates: [113.6, 34.7] }),
  hover: one({ type: 'Point', coordinates: [113.6, 34.7] }),
};
const EMPTY = { type: 'FeatureCollection' as const, features: [] };

describe('layerPropertyChanges (a language or a highlighted axis set property by property)', () => {
  const zh: StyleOptions = { theme: THEME, lang: 'zh', basemap: [], selectedAxis: null, pinTiles: null };
  /** `before` with the changes set on it, as map.setLayoutProperty and setPaintProperty would. */
  const applied = (before: ReturnType<typeof buildStyle>, changes: NonNullable<ReturnType<typeof layerPropertyChanges>>) => {
    const style = structuredClone(before) as unknown as { layers: Array<{ id: string; layout?: Record<string, unknown>; paint?: Record<string, unknown> }> };
    for (const c of changes) {
      const layer = style.layers.find((l) => l.id === c.layer)!;
      const props = (layer[c.kind] ??= {});
      if (c.value === undefined) delete props[c.name];
      else props[c.name] = c.value;
    }
    return style;
  };
  it.each([
    ['another language', { ...zh, lang: 'en' as const }, /^text-field$/],
    ['a highlighted axis', { ...zh, selectedAxis: 'songshan' as const }, /opacity/],
  ])('%s: only those properties, and setting them gives the new style', (_, next, names) => {
    const before = buildStyle(data, zh);
    const after = buildStyle(data, next);
    const changes = layerPropertyChanges(before, after)!;
    expect(changes.length).toBeGreaterThan(0);
    for (const c of changes) expect(c.name).toMatch(names);
    expect(JSON.stringify(applied(before, changes))).toBe(JSON.stringify(after));
  });
  it('declines anything else: another basemap, pins from tiles, a source that comes or goes', () => {
    const before = buildStyle(data, zh);
    const raster = { type: 'raster' as const, tiles: ['https://t/{z}/{x}/{y}.png'], tileSize: 256 };
    expect(layerPropertyChanges(before, buildStyle(data, { ...zh, basemap: [raster] }))).toBeNull();
    const tiles = { tiles: ['http://x/{z}/{x}/{y}.pbf'], maxzoom: 14, bounds: [113, 34, 114, 35] as [number, number, number, number], corridorM: 1000 };
    expect(layerPropertyChanges(before, buildStyle(data, { ...zh, pinTiles: tiles }))).toBeNull();
    expect(layerPropertyChanges(before, buildStyle({ ...data, hover: EMPTY }, { ...zh, lang: 'en' }))).toBeNull();
  });
});

describe('sources with nothing to draw', () => {
  const options: StyleOptions = { theme: THEME, lang: 'zh', basemap: [], selectedAxis: null, pinTiles: null };
  it('are left out of the style with their layers, and come back in their places', () => {
    const full = buildStyle(data, options);
    expect(new Set(full.layers.map((l) => l.id))).toEqual(new Set(Object.values(LAYER)));
    const bare = buildStyle({ ...data, shapes: EMPTY, selection: EMPTY, hover: EMPTY }, options);
    expect(Object.keys(bare.sources).sort()).toEqual(['base', 'outlines', 'projects']);
    expect(bare.layers.map((l) => l.id)).toEqual(full.layers.map((l) => l.id).filter((id) => !/^(shapes|selection|hover)-/.test(id)));
  });

  it('keeps the lines and areas drawn from pin tiles (the tiles may hold some)', () => {
    const tiles = { tiles: ['http://x/{z}/{x}/{y}.pbf'], maxzoom: 14, bounds: [113, 34, 114, 35] as [number, number, number, number], corridorM: 1000 };
    expect(Object.keys(buildStyle({ ...data, shapes: EMPTY, selection: EMPTY, hover: EMPTY }, { ...options, pinTiles: tiles }).sources).sort()).toEqual(['base', 'outlines', 'projects', 'shapes']);
  });
});

describe('the fixed parts', () => {
  it('are two sources: outlines cut no finer than zoom 9 (with a 5 m simplification there), and the parts read against the pins at full precision', () => {
    const style = buildStyle(data, { theme: THEME, lang: 'zh', basemap: [], selectedAxis: null, pinTiles: null });
    const source = (id: string) => style.sources[id] as { maxzoom?: number; tolerance?: number; data: FeatureCollection };
    expect(source('outlines')).toMatchObject({ maxzoom: 9, tolerance: 0.04 });
    expect(source('base').maxzoom).toBeUndefined();
    expect(source('base').tolerance).toBeUndefined();
    const partsOf = (id: string) => [...new Set(source(id).data.features.map((f) => f.properties!['erqi_part']))];
    expect(partsOf('outlines')).toEqual(['context', 'district', 'zones']);
    expect(partsOf('base')).toEqual(['corridors', 'axes', 'landmarks']);
    // Each layer of a part draws from the source holding it, and only that part's features.
    const drawn = style.layers.flatMap((l) => ('source' in l && (l.source === 'outlines' || l.source === 'base') ? [[l.id, l.source, JSON.stringify(l.filter)]] : []));
    for (const [id, src, filter] of drawn) expect(partsOf(src!).some((part) => filter!.includes(`"erqi_part"],"${part}"`) && id!.startsWith(part === 'district' ? 'district' : part)), id).toBe(true);
    expect(drawn.map(([id]) => id).sort()).toEqual(Object.values(LAYER).filter((id) => /^(context|district|zones|corridors|axes|landmarks)-/.test(id)).sort());
  });

  it('name each zone and neighbour once, at the point the data build chose; an area without a valid one is drawn unnamed', () => {
    const named = (d: typeof data) => {
      const features = (buildStyle(d, { theme: THEME, lang: 'zh', basemap: [], selectedAxis: null, pinTiles: null }).sources['outlines'] as { data: FeatureCollection }).data.features;
      return features.filter((f) => f.geometry.type === 'Point').map((f) => [f.properties!['erqi_part'], f.properties!['id'] ?? f.properties!['name_zh'], (f.geometry as { coordinates: number[] }).coordinates]);
    };
    const expected = [...bundle.context.features.map((f) => ['context', f.properties!['name_zh'], f.properties!['label_point']]), ...bundle.zones.features.map((f) => ['zones', f.properties.id, (f.properties as Record<string, unknown>)['label_point']])];
    expect(named(data)).toEqual(expected);
    expect(expected.length).toBe(bundle.context.features.length + bundle.zones.features.length);
    // The names are drawn from the points only, the areas from the rest.
    const style = buildStyle(data, { theme: THEME, lang: 'zh', basemap: [], selectedAxis: null, pinTiles: null });
    const filterOf = (id: string) => JSON.stringify((style.layers.find((l) => l.id === id) as { filter?: unknown }).filter);
    for (const id of [LAYER.contextLabel, LAYER.zonesLabel]) expect(filterOf(id)).toContain('["==",["geometry-type"],"Point"]');
    for (const id of [LAYER.contextFill, LAYER.contextLine, LAYER.zonesFill, LAYER.zonesLine]) expect(filterOf(id)).toContain('["!=",["geometry-type"],"Point"]');
    // A hand-edited point that is not one (text, out of range, one number) names nothing; the others stay.
    const zones = structuredClone(bundle.zones);
    const edit = (i: number, v: unknown) => void ((zones.features[i]!.properties as Record<string, unknown>)['label_point'] = v);
    edit(0, 'north');
    edit(1, [999, 34.7]);
    edit(2, [113.6]);
    expect(named({ ...data, zones }).filter(([part]) => part === 'zones')).toEqual([]);
    expect(named({ ...data, zones }).length).toBe(bundle.context.features.length);
  });
});

describe('every style the app can make', () => {
  it('is valid by MapLibre’s style specification, with every basemap (the map skips checking it at load: validateStyle false)', () => {
    const tiles = { tiles: ['http://x/{z}/{x}/{y}.pbf'], maxzoom: 14, bounds: [113, 34, 114, 35] as [number, number, number, number], corridorM: 1000 };
    // Every basemap as the app makes it (a 天地图 key given; a custom XYZ and a PMTiles address).
    const config = { tiandituKey: 'k' };
    const basemaps = Object.values(BASEMAP_TABLE).flatMap((b) => [b.sources(config, 'https://t.example/{z}/{x}/{y}.png'), b.sources(config, 'pmtiles://https://t.example/a.pmtiles')]);
    expect(basemaps.filter((b) => b.length).length).toBeGreaterThan(4);
    let checked = 0;
    for (const theme of [THEME, themeFor(DARK, LAYOUT)])
      for (const selectedAxis of [null, 'songshan'] as const)
        for (const lang of ['zh', 'en'] as const)
          for (const pinTiles of [null, tiles])
            for (const basemap of basemaps)
              for (const shown of [data, { ...data, shapes: EMPTY, selection: EMPTY, hover: EMPTY }]) {
                const errors = validateStyleMin(buildStyle(shown, { theme, lang, basemap, selectedAxis, pinTiles }) as never);
                expect(errors.map((e) => e.message)).toEqual([]);
                checked++;
              }
    expect(checked).toBe(16 * 2 * basemaps.length);
  });
});

describe('shader programs', () => {
  it('every style the app can show needs one program per kind of layer: 5, beside MapLibre’s own (15 in all before)', () => {
    const programs = new Set<string>();
    for (const selectedAxis of [null, 'songshan'] as const)
      for (const lang of ['zh', 'en'] as const)
        for (const pinTiles of [null, { tiles: ['http://x/{z}/{x}/{y}.pbf'], maxzoom: 14, bounds: [113, 34, 114, 35] as [number, number, number, number], corridorM: 1000 }]) {
          const options: StyleOptions = { theme: THEME, lang, basemap: [], selectedAxis, pinTiles };
          for (const layer of buildStyle(data, options).layers) if (layer.type !== 'background') programs.add(programOf(layer));
        }
    expect([...programs].map((p) => p.split('/')[0]).sort()).toEqual(['circle', 'fill', 'line', 'lineSDF', 'symbol']);
  });
});

describe('sharePrograms', () => {
  const evaluate = (type: string, property: string, value: unknown, zoom: number, properties: Record<string, unknown>) => {
    const spec = specOf(type)[property]!;
    const parsed = expression.createPropertyExpression(asExpression(value ?? spec.default), property, spec as never);
    if (parsed.result !== 'success') throw new Error(`${property} ${JSON.stringify(value)}: ${JSON.stringify(parsed.value)}`);
    return JSON.stringify(parsed.value.evaluate({ zoom } as never, { type: 'Point', properties } as never));
  };
  const layers: LayerSpecification[] = [
    { id: 'constant', type: 'circle', source: 's', paint: { 'circle-radius': 3, 'circle-color': '#123456' } },
    { id: 'curve', type: 'line', source: 's', paint: { 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 2, 15, 6], 'line-dasharray': [3, 3] } },
    { id: 'step', type: 'line', source: 's', paint: { 'line-width': ['step', ['zoom'], 1, 12, 2, 14, 4] } },
    { id: 'feature', type: 'circle', source: 's', paint: { 'circle-radius': ['step', ['get', 'n'], 13, 10, 17], 'circle-stroke-width': ['match', ['get', 'k'], 'a', 1, 2] } },
    { id: 'both', type: 'circle', source: 's', paint: { 'circle-radius': ['interpolate', ['linear'], ['zoom'], 10, ['get', 'n'], 15, 9] } },
    { id: 'missing', type: 'fill', source: 's', paint: {} },
    { id: 'text', type: 'symbol', source: 's', paint: { 'text-color': '#0000ff' } },
  ];
  const shared = sharePrograms(layers);

  it('draws every feature at every zoom as before', () => {
    for (const [i, layer] of layers.entries()) {
      const before = (layer as { paint: Record<string, unknown> }).paint;
      const after = (shared[i] as { paint: Record<string, unknown> }).paint;
      for (const property of Object.keys(after)) {
        for (const zoom of [8, 10, 12.5, 14, 15, 20])
          for (const properties of [{}, { n: 4, k: 'a' }, { n: 50, k: 'b' }]) {
            const original = before[property] ?? specOf(layer.type)[property]!.default;
            // A property left out is drawn as invisible as its default: transparent instead of black, width 0.
            if (before[property] === undefined && /color/.test(property)) continue;
            expect(evaluate(layer.type, property, after[property], zoom, properties), `${layer.id} ${property} z${zoom}`).toBe(
              evaluate(layer.type, property, original, zoom, properties),
            );
          }
      }
    }
  });

  it('gives each shared property the same way in every layer of a type', () => {
    const ways = new Map<string, Set<string>>();
    for (const layer of shared) {
      const paint = (layer as { paint: Record<string, unknown> }).paint;
      for (const property of ['circle-radius', 'circle-color', 'circle-stroke-width', 'line-width', 'line-color', 'fill-color', 'text-color']) {
        if (!property.startsWith(layer.type === 'symbol' ? 'text' : layer.type)) continue;
        const set = ways.get(property) ?? new Set();
        set.add(way(layer.type, property, paint[property]));
        ways.set(property, set);
      }
    }
    expect(Object.fromEntries([...ways].map(([p, s]) => [p, [...s]]))).toEqual({
      'circle-radius': ['z'],
      'circle-color': ['a'],
      'circle-stroke-width': ['a'],
      'line-width': ['z'],
      'line-color': ['a'],
      'fill-color': ['a'],
      'text-color': ['a'],
    });
  });

  it('pins, the hottest layer, are left exactly as written', () => {
    const style = buildStyle(data, { theme: THEME, lang: 'zh', basemap: [], selectedAxis: null, pinTiles: null });
    const pin = style.layers.find((l) => l.id === 'projects-pin') as { paint: Record<string, unknown> };
    expect(JSON.stringify(pin.paint)).not.toContain('"has","_"');
  });
});
