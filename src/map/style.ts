import type {
  ExpressionSpecification,
  GeoJSONSourceSpecification,
  LayerSpecification,
  RasterSourceSpecification,
  StyleSpecification,
  SymbolLayerSpecification,
} from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { AxisId, Lang } from '../core/model.ts';
import { isEmptyFilter, type Filter } from '../core/facets.ts';
import { PIN_TILE_LAYER, SHAPE_TILE_LAYER } from '../core/pin_tiles.ts';
import { DOTTED_STAGES, FILLED_STAGES, INVESTMENT_CLASSES, STAGE_LINE, STAGES } from './stages.ts';
import { LAYER, SOURCE, basemapSourceId } from './ids.ts';
import { BASE_SOURCES, baseCollection, onBase } from './base_source.ts';
import { sharePrograms } from './shared_programs.ts';
import { TRANSPARENT, type Theme } from './theme.ts';

/** What the style draws. All of it comes from the data bundle and the core's outputs. */
export interface StyleData {
  context: FeatureCollection;
  district: FeatureCollection;
  zones: FeatureCollection;
  corridors: FeatureCollection;
  axes: FeatureCollection;
  landmarks: FeatureCollection;
  /** Pins of the filtered, located projects (see projectPins). */
  projects: FeatureCollection;
  /** Their lines and areas (see projectShapes). */
  shapes: FeatureCollection;
  selection: FeatureCollection;
  /** Drawn by the map itself on pointer moves; empty at first. */
  hover?: FeatureCollection;
}

export interface StyleOptions {
  theme: Theme;
  lang: Lang;
  /** Raster tiles under the schematic layers; empty for the schematic basemap. */
  basemap: RasterSourceSpecification[];
  /** The highlighted axis, if any: drawn wider, the others fainter. */
  selectedAxis: AxisId | null;
  /** Draw the pins from these vector tiles (cut by `npm run tiles`) instead of the `projects` data. */
  pinTiles?: PinTiles | null;
}

/**
 * The pin tiles, when they can stand in for the pins of this state: no filter, and the corridor width they were
 * cut at (their axis colours hold for that width only). Otherwise the pins come from the data, so cluster counts
 * always agree with the panel.
 */
export function pinTilesFor(tiles: PinTiles | null | undefined, state: { filter: Filter; corridor: number }): PinTiles | null {
  return tiles && isEmptyFilter(state.filter) && state.corridor === tiles.corridorM ? tiles : null;
}

/** A tile set of the pins, checked against the ledger (see core/pin_tiles.ts). */
export interface PinTiles {
  /** Absolute URL templates. */
  tiles: string[];
  maxzoom: number;
  bounds: [number, number, number, number];
  /** The corridor width the tiles' axis colours hold for. */
  corridorM: number;
}

/** Attribution shown by the map's attribution control, one line per source of what is drawn. */
export const ATTRIBUTION = {
  boundaries: '行政区划 Boundaries: DataV GeoAtlas via tnnevol/gmap, anzhou99/GeoJsons (GCJ-02→WGS84, gcoord)',
  axes: '轴线 Axes (approximate): 2013 bus stops, chinpeng/zhengzhoubus; AMap POIs, zhengzhou-food-gis',
  projects: '项目 Projects: 二七区2023年度报道; 郑州日报',
} as const;

/** Clusters form up to this zoom; above it every pin is drawn. */
export const CLUSTER_MAX_ZOOM = 13;

/** Name in the current language, falling back to Chinese. */
export const nameField = (lang: Lang): ExpressionSpecification =>
  lang === 'zh' ? ['get', 'name_zh'] : ['coalesce', ['get', 'name_en'], ['get', 'name_zh']];

/** `['match', ['get', property], key1, value1, …, fallback]` from a lookup table. */
const match = (property: string, table: Record<string, string | number>, fallback: string | number): ExpressionSpecification =>
  ['match', ['get', property], ...Object.entries(table).flat(), fallback] as unknown as ExpressionSpecification;

const axisColour = (theme: Theme, property: string): ExpressionSpecification => match(property, theme.axis, theme.outside);

/** Emphasis of each axis: the selected one full, the others faint; all full when none is selected. */
const axisEmphasis = (selected: AxisId | null, property: string, full: number, faint: number): number | ExpressionSpecification =>
  selected === null ? full : match(property, { [selected]: full }, faint);

const geojson = (data: FeatureCollection, extra: Partial<GeoJSONSourceSpecification> = {}): GeoJSONSourceSpecification => ({
  type: 'geojson',
  data,
  ...extra,
});

/** The zones and neighbours are drawn as areas and named at one point each (base_source.ts, label_points.ts). */
const AREAS: ExpressionSpecification = ['!=', ['geometry-type'], 'Point'];
const LABEL_POINTS: ExpressionSpecification = ['==', ['geometry-type'], 'Point'];
/** An area's name on its point, or beside it where a road's name or a pin is already written there. */
const AROUND_POINT: Pick<SymbolLayerSpecification['layout'] & object, 'text-variable-anchor' | 'text-radial-offset'> = { 'text-variable-anchor': ['center', 'top', 'bottom', 'left', 'right'], 'text-radial-offset': 1 };

export function buildSources(data: StyleData, options: StyleOptions): StyleSpecification['sources'] {
  const basemap = Object.fromEntries(options.basemap.map((s, i) => [basemapSourceId(i), s]));
  return {
    ...basemap,
    ...Object.fromEntries(
      BASE_SOURCES.map((s) => [s.id, geojson(baseCollection(data, s.parts), { ...(s.maxzoom !== undefined ? { maxzoom: s.maxzoom, tolerance: s.tolerance } : {}), attribution: s.id === SOURCE.base ? ATTRIBUTION.axes : ATTRIBUTION.boundaries })]),
    ),
    // With pin tiles the lines and areas come from the same tiles (their own layer), like the pins.
    [SOURCE.shapes]: options.pinTiles
      ? { type: 'vector', tiles: options.pinTiles.tiles, maxzoom: options.pinTiles.maxzoom, bounds: options.pinTiles.bounds }
      : geojson(data.shapes, { attribution: ATTRIBUTION.projects }),
    [SOURCE.projects]: options.pinTiles
      ? { type: 'vector', tiles: options.pinTiles.tiles, maxzoom: options.pinTiles.maxzoom, bounds: options.pinTiles.bounds, attribution: ATTRIBUTION.projects }
      : geojson(data.projects, {
          attribution: ATTRIBUTION.projects,
          cluster: true,
          clusterRadius: 36,
          clusterMaxZoom: CLUSTER_MAX_ZOOM,
        }),
    [SOURCE.selection]: geojson(data.selection),
    [SOURCE.hover]: geojson(data.hover ?? { type: 'FeatureCollection', features: [] }),
  };
}

/** The layers, bottom to top. Labels carry a halo so they stay readable over any fill. */
export function buildLayers(options: StyleOptions): LayerSpecification[] {
  const layers = sharePrograms(schematicLayers(options).map(onBase));
  // From tiles, the pins and clusters are one layer of the tile set.
  return options.pinTiles
    ? layers.map((l) =>
        'source' in l && l.source === SOURCE.projects
          ? ({ ...l, 'source-layer': PIN_TILE_LAYER } as LayerSpecification)
          : 'source' in l && l.source === SOURCE.shapes
            ? ({ ...l, 'source-layer': SHAPE_TILE_LAYER } as LayerSpecification)
            : l,
      )
    : layers;
}

function schematicLayers(options: StyleOptions): LayerSpecification[] {
  const { theme, lang, selectedAxis } = options;
  const pinColour = match('axis', { ...theme.axis, none: theme.outside }, theme.outside);
  type Value = string | number | ExpressionSpecification;
  /** A paint value per stage, from the stage's property. */
  const byStage = (value: (s: (typeof STAGES)[number]) => Value): ExpressionSpecification =>
    ['match', ['get', 'stage'], ...STAGES.flatMap((s) => [s, value(s)]), value('unknown')] as unknown as ExpressionSpecification;
  const filled = (yes: Value, no: Value) =>
    ['case', ['in', ['get', 'stage'], ['literal', FILLED_STAGES]], yes, no] as unknown as ExpressionSpecification;
  /** How much larger than the standard pin a project's investment draws it (undisclosed: 1, the smallest). */
  const sized = (base: ExpressionSpecification) =>
    ['*', ['step', ['to-number', ['coalesce', ['get', 'yi'], -1]], 1, ...INVESTMENT_CLASSES.flatMap((c) => [c.from, c.scale])], base] as unknown as ExpressionSpecification;
  const tiles = options.basemap.length > 0;
  const halo = { 'text-halo-color': theme.halo, 'text-halo-width': 1.5 };
  const rasterLayers: LayerSpecification[] = options.basemap.map((_, i) => ({
    id: `basemap-${i}`,
    type: 'raster',
    source: basemapSourceId(i),
  }));
  return [
    { id: LAYER.background, type: 'background', paint: { 'background-color': theme.background } },
    ...rasterLayers,
    // Over tiles the schematic fills step back: outlines and labels stay, fills mostly go.
    // Every fill has its own outline layer, so none needs MapLibre's antialiasing edge (a second shader
    // program per fill kind: on software WebGL each program costs tens of milliseconds at load).
    { id: LAYER.contextFill, type: 'fill', source: SOURCE.context, filter: AREAS, paint: { 'fill-color': theme.context.fill, 'fill-opacity': tiles ? 0 : 1, 'fill-antialias': false } },
    { id: LAYER.contextLine, type: 'line', source: SOURCE.context, filter: AREAS, paint: { 'line-color': theme.context.line, 'line-width': 1 } },
    { id: LAYER.districtFill, type: 'fill', source: SOURCE.district, paint: { 'fill-color': theme.district.fill, 'fill-opacity': tiles ? 0 : 1, 'fill-antialias': false } },
    {
      id: LAYER.zonesFill,
      type: 'fill',
      source: SOURCE.zones,
      filter: AREAS,
      paint: { 'fill-color': match('id', theme.zone.fill, theme.district.fill), 'fill-opacity': tiles ? 0.25 : 0.9, 'fill-antialias': false },
    },
    {
      id: LAYER.zonesLine,
      type: 'line',
      source: SOURCE.zones,
      filter: AREAS,
      paint: { 'line-color': theme.zone.line, 'line-width': 1, 'line-dasharray': [3, 3] },
    },
    { id: LAYER.districtLine, type: 'line', source: SOURCE.district, paint: { 'line-color': theme.district.line, 'line-width': 2.5 } },
    {
      id: LAYER.corridorsFill,
      type: 'fill',
      source: SOURCE.corridors,
      paint: { 'fill-color': axisColour(theme, 'axis_id'), 'fill-opacity': axisEmphasis(selectedAxis, 'axis_id', theme.corridorOpacity, 0.05), 'fill-antialias': false },
    },
    {
      id: LAYER.corridorsLine,
      type: 'line',
      source: SOURCE.corridors,
      paint: {
        'line-color': axisColour(theme, 'axis_id'),
        'line-width': 1,
        'line-opacity': axisEmphasis(selectedAxis, 'axis_id', 0.7, 0.25),
        'line-dasharray': [2, 2],
      },
    },
    {
      id: LAYER.axesCasing,
      type: 'line',
      source: SOURCE.axes,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': theme.halo, 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 4, 15, 9] },
    },
    {
      id: LAYER.axesLine,
      type: 'line',
      source: SOURCE.axes,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': axisColour(theme, 'id'),
        'line-width': ['interpolate', ['linear'], ['zoom'], 10, 2.5, 15, 6],
        'line-opacity': axisEmphasis(selectedAxis, 'id', 1, 0.35),
      },
    },
    {
      id: LAYER.contextLabel,
      type: 'symbol',
      source: SOURCE.context,
      filter: LABEL_POINTS,
      layout: { 'text-field': nameField(lang), 'text-size': 13, ...AROUND_POINT },
      paint: { 'text-color': theme.context.label, ...halo },
    },
    {
      id: LAYER.zonesLabel,
      type: 'symbol',
      source: SOURCE.zones,
      filter: LABEL_POINTS,
      layout: { 'text-field': nameField(lang), 'text-size': 14, ...AROUND_POINT },
      paint: { 'text-color': theme.zone.label, ...halo },
    },
    {
      id: LAYER.axesLabel,
      type: 'symbol',
      source: SOURCE.axes,
      layout: {
        'symbol-placement': 'line',
        'text-field': nameField(lang),
        'text-size': 14,
        'symbol-spacing': 400,
        'text-rotation-alignment': 'map',
      },
      paint: { 'text-color': axisColour(theme, 'id'), 'text-halo-color': theme.halo, 'text-halo-width': 2 },
    },
    {
      id: LAYER.landmarksCircle,
      type: 'circle',
      source: SOURCE.landmarks,
      minzoom: 11,
      paint: { 'circle-radius': 3, 'circle-color': theme.landmark.fill, 'circle-stroke-color': theme.halo, 'circle-stroke-width': 1 },
    },
    {
      id: LAYER.landmarksLabel,
      type: 'symbol',
      source: SOURCE.landmarks,
      minzoom: 12,
      layout: { 'text-field': nameField(lang), 'text-size': 11, 'text-anchor': 'top', 'text-offset': [0, 0.5], 'text-optional': true },
      paint: { 'text-color': theme.landmark.label, ...halo },
    },
    // Lines and areas under the pins: the fill faint by stage, the line or outline dashed by stage (stages.ts).
    {
      id: LAYER.shapesFill,
      type: 'fill',
      source: SOURCE.shapes,
      filter: ['==', ['get', 'kind'], 'area'],
      paint: { 'fill-color': pinColour, 'fill-opacity': byStage((s) => STAGE_LINE[s].fill), 'fill-antialias': false },
    },
    {
      id: LAYER.shapesLine,
      type: 'line',
      source: SOURCE.shapes,
      filter: ['!=', ['get', 'kind'], 'point'],
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': pinColour,
        'line-width': ['interpolate', ['linear'], ['zoom'], 10, ['match', ['get', 'kind'], 'line', 3, 1.5], 15, ['match', ['get', 'kind'], 'line', 6, 2.5]],
        'line-dasharray': byStage((s) => ['literal', STAGE_LINE[s].dash] as unknown as ExpressionSpecification),
      },
    },
    {
      id: LAYER.shapesPoint,
      type: 'circle',
      source: SOURCE.shapes,
      filter: ['==', ['get', 'kind'], 'point'],
      paint: { 'circle-radius': 4, 'circle-color': pinColour, 'circle-stroke-color': theme.pinInner, 'circle-stroke-width': 1.5 },
    },
    {
      id: LAYER.clusters,
      type: 'circle',
      source: SOURCE.projects,
      filter: ['has', 'point_count'],
      paint: {
        'circle-color': theme.cluster,
        'circle-radius': ['step', ['get', 'point_count'], 13, 10, 17, 100, 22],
        'circle-stroke-color': theme.halo,
        'circle-stroke-width': 2,
      },
    },
    {
      id: LAYER.clusterCount,
      type: 'symbol',
      source: SOURCE.projects,
      filter: ['has', 'point_count'],
      layout: { 'text-field': ['get', 'point_count_abbreviated'], 'text-size': 12, 'text-allow-overlap': true },
      paint: { 'text-color': theme.clusterText },
    },
    {
      id: LAYER.projectsPin,
      type: 'circle',
      source: SOURCE.projects,
      filter: ['!', ['has', 'point_count']],
      paint: {
        // A filled disc with a white rim, or a white disc with a coloured ring (stages.ts); the same outer size.
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 10, sized(filled(4.5, 3.5)), 15, sized(filled(7, 6))],
        'circle-color': filled(pinColour, theme.pinInner),
        'circle-stroke-color': filled(theme.pinInner, pinColour),
        'circle-stroke-width': filled(1.5, 2.5),
      },
    },
    {
      id: LAYER.projectsDot,
      type: 'circle',
      source: SOURCE.projects,
      filter: ['all', ['!', ['has', 'point_count']], ['in', ['get', 'stage'], ['literal', DOTTED_STAGES]]],
      paint: {
        // The white centre of a filled disc is larger than the dot in a ring, so ◉ and ⊙ read apart.
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 10, sized(filled(2.2, 1.5)), 15, sized(filled(3.4, 2.3))],
        'circle-color': filled(theme.pinInner, pinColour),
      },
    },
    {
      id: LAYER.projectsLabel,
      type: 'symbol',
      source: SOURCE.projects,
      filter: ['!', ['has', 'point_count']],
      minzoom: 12,
      // Pins from data carry their name in the language shown; pins cut into tiles carry both.
      layout: { 'text-field': options.pinTiles ? nameField(lang) : ['get', 'name'], 'text-size': 12, 'text-anchor': 'left', 'text-offset': [1.1, 0], 'text-optional': true },
      paint: { 'text-color': theme.pinLabel, ...halo },
    },
    {
      id: LAYER.hoverHalo,
      type: 'circle',
      source: SOURCE.hover,
      paint: { 'circle-radius': 13, 'circle-color': TRANSPARENT, 'circle-stroke-color': theme.selection, 'circle-stroke-width': 1.5, 'circle-stroke-opacity': 0.6 },
    },
    {
      id: LAYER.selectionShape,
      type: 'line',
      source: SOURCE.selection,
      filter: ['!=', ['geometry-type'], 'Point'],
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': theme.selection, 'line-width': 3, 'line-gap-width': 4 },
    },
    {
      id: LAYER.selectionHalo,
      type: 'circle',
      source: SOURCE.selection,
      filter: ['==', ['geometry-type'], 'Point'],
      paint: {
        'circle-radius': 16,
        'circle-color': TRANSPARENT,
        'circle-stroke-color': theme.selection,
        'circle-stroke-width': 3,
      },
    },
  ];
}

/**
 * Sources in the style only while they have something to draw: the lines and areas (most ledgers have none), the
 * selection and the pin under the pointer. An empty GeoJSON source still has its tiles cut, sent and drawn at
 * every load (~0.1 s of the shipped map's 1.4 s on this bench machine); map_view adds one when it first gets data.
 */
export const OPTIONAL_SOURCES = [SOURCE.shapes, SOURCE.selection, SOURCE.hover] as const;
export type OptionalSource = (typeof OPTIONAL_SOURCES)[number];

/** Whether an optional source is left out of the style: GeoJSON with nothing in it (lines and areas from tiles stay). */
export function leftOut(id: OptionalSource, data: StyleData, options: StyleOptions): boolean {
  if (id === SOURCE.shapes && options.pinTiles) return false;
  return !data[id]?.features.length;
}

/**
 * The whole offline style. No `glyphs`: labels are drawn by the browser from local fonts (MapLibre ≥ 5.11),
 * so nothing is fetched from the network.
 */
export function buildStyle(data: StyleData, options: StyleOptions): StyleSpecification {
  const out = new Set<string>(OPTIONAL_SOURCES.filter((id) => leftOut(id, data, options)));
  const sources = Object.fromEntries(Object.entries(buildSources(data, options)).filter(([id]) => !out.has(id)));
  const layers = buildLayers(options).filter((l) => !('source' in l && out.has(l.source)));
  return { version: 8, name: 'erqi-schematic', sources, layers };
}
