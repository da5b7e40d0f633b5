import type {
  ExpressionSpecification,
  GeoJSONSourceSpecification,
  LayerSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { AXIS_IDS, type Lang } from '../core/model.ts';
import { LAYER, SOURCE } from './ids.ts';
import type { Theme } from './theme.ts';

/** What the style draws. All of it comes from the data bundle and the core's outputs. */
export interface StyleData {
  context: FeatureCollection;
  district: FeatureCollection;
  zones: FeatureCollection;
  corridors: FeatureCollection;
  axes: FeatureCollection;
  landmarks: FeatureCollection;
  projects: FeatureCollection;
}

/** Attribution shown by the map's attribution control, one line per source of what is drawn. */
export const ATTRIBUTION = {
  boundaries: '行政区划 Boundaries: DataV GeoAtlas via tnnevol/gmap, anzhou99/GeoJsons (GCJ-02→WGS84, gcoord)',
  axes: '轴线 Axes (approximate): 2013 bus stops, chinpeng/zhengzhoubus; AMap POIs, zhengzhou-food-gis',
  projects: '项目 Projects: 二七区2023年度报道; 郑州日报',
} as const;

/** Name in the current language, falling back to Chinese. */
export const nameField = (lang: Lang): ExpressionSpecification =>
  lang === 'zh' ? ['get', 'name_zh'] : ['coalesce', ['get', 'name_en'], ['get', 'name_zh']];

/** `['match', ['get', property], key1, value1, …, fallback]` from a lookup table. */
const match = (property: string, table: Record<string, string>, fallback: string): ExpressionSpecification =>
  ['match', ['get', property], ...Object.entries(table).flat(), fallback] as unknown as ExpressionSpecification;

const axisColour = (theme: Theme, property: string): ExpressionSpecification =>
  match(property, Object.fromEntries(AXIS_IDS.map((id) => [id, theme.axis[id]])), theme.outside);

const geojson = (data: FeatureCollection, attribution?: string): GeoJSONSourceSpecification => ({
  type: 'geojson',
  data,
  ...(attribution ? { attribution } : {}),
});

export function buildSources(data: StyleData): StyleSpecification['sources'] {
  return {
    [SOURCE.context]: geojson(data.context, ATTRIBUTION.boundaries),
    [SOURCE.district]: geojson(data.district),
    [SOURCE.zones]: geojson(data.zones),
    [SOURCE.corridors]: geojson(data.corridors),
    [SOURCE.axes]: geojson(data.axes, ATTRIBUTION.axes),
    [SOURCE.landmarks]: geojson(data.landmarks),
    [SOURCE.projects]: { ...geojson(data.projects, ATTRIBUTION.projects), promoteId: 'id' },
  };
}

/** The layers, bottom to top. Labels carry a halo so they stay readable over any fill. */
export function buildLayers(theme: Theme, lang: Lang): LayerSpecification[] {
  const text = (size: number, colour: string) => ({
    paint: { 'text-color': colour, 'text-halo-color': theme.halo, 'text-halo-width': 1.5 },
    size,
  });
  const ctxText = text(13, theme.context.label);
  const zoneText = text(14, theme.zone.label);
  const lmText = text(11, theme.landmark.label);
  return [
    { id: LAYER.background, type: 'background', paint: { 'background-color': theme.background } },
    {
      id: LAYER.contextFill,
      type: 'fill',
      source: SOURCE.context,
      paint: { 'fill-color': theme.context.fill },
    },
    {
      id: LAYER.contextLine,
      type: 'line',
      source: SOURCE.context,
      paint: { 'line-color': theme.context.line, 'line-width': 1 },
    },
    {
      id: LAYER.districtFill,
      type: 'fill',
      source: SOURCE.district,
      paint: { 'fill-color': theme.district.fill },
    },
    {
      id: LAYER.zonesFill,
      type: 'fill',
      source: SOURCE.zones,
      paint: {
        'fill-color': match('id', theme.zone.fill, theme.district.fill),
        'fill-opacity': 0.9,
      },
    },
    {
      id: LAYER.zonesLine,
      type: 'line',
      source: SOURCE.zones,
      paint: { 'line-color': theme.zone.line, 'line-width': 1, 'line-dasharray': [3, 3] },
    },
    {
      id: LAYER.districtLine,
      type: 'line',
      source: SOURCE.district,
      paint: { 'line-color': theme.district.line, 'line-width': 2.5 },
    },
    {
      id: LAYER.corridorsFill,
      type: 'fill',
      source: SOURCE.corridors,
      paint: { 'fill-color': axisColour(theme, 'axis_id'), 'fill-opacity': 0.14 },
    },
    {
      id: LAYER.corridorsLine,
      type: 'line',
      source: SOURCE.corridors,
      paint: { 'line-color': axisColour(theme, 'axis_id'), 'line-width': 1, 'line-opacity': 0.6, 'line-dasharray': [2, 2] },
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
      paint: { 'line-color': axisColour(theme, 'id'), 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 2.5, 15, 6] },
    },
    {
      id: LAYER.contextLabel,
      type: 'symbol',
      source: SOURCE.context,
      layout: { 'text-field': nameField(lang), 'text-size': ctxText.size },
      paint: ctxText.paint,
    },
    {
      id: LAYER.zonesLabel,
      type: 'symbol',
      source: SOURCE.zones,
      layout: { 'text-field': nameField(lang), 'text-size': zoneText.size, 'text-padding': 20 },
      paint: zoneText.paint,
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
      layout: {
        'text-field': nameField(lang),
        'text-size': lmText.size,
        'text-anchor': 'top',
        'text-offset': [0, 0.5],
        'text-optional': true,
      },
      paint: lmText.paint,
    },
    {
      id: LAYER.projectsCircle,
      type: 'circle',
      source: SOURCE.projects,
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 10, 5, 15, 9],
        'circle-color': axisColour(theme, 'axis'),
        'circle-stroke-color': theme.pinStroke,
        'circle-stroke-width': 2,
      },
    },
    {
      id: LAYER.projectsLabel,
      type: 'symbol',
      source: SOURCE.projects,
      minzoom: 11.5,
      layout: {
        'text-field': nameField(lang),
        'text-size': 12,
        'text-anchor': 'left',
        'text-offset': [0.9, 0],
        'text-optional': true,
      },
      paint: { 'text-color': '#1f2937', 'text-halo-color': theme.halo, 'text-halo-width': 1.5 },
    },
  ];
}

/**
 * The whole offline style. No `glyphs`: labels are drawn by the browser from local fonts (MapLibre ≥ 5.11),
 * so nothing is fetched from the network.
 */
export function buildStyle(data: StyleData, theme: Theme, lang: Lang): StyleSpecification {
  return { version: 8, name: 'erqi-schematic', sources: buildSources(data), layers: buildLayers(theme, lang) };
}
