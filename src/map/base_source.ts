/**
 * The map's fixed parts — context districts, district, zones, corridors, axes, landmarks — drawn from two GeoJSON
 * sources, each feature tagged with its part: two sets of tiles to cut and draw at load instead of six
 * (PERFORMANCE.md). A layer names its part as its source; onBase draws it from its base source, filtered to it.
 *
 * The two differ in the precision they are cut at. The outlines (the neighbours, the district, the schematic zones)
 * are cut no finer than zoom 9 and drawn overzoomed past it: 1–2 tiles for the first view instead of 6, ~8 m units
 * — finer than the district boundary's own 2–5 m accuracy at most, and than a zone that is schematic. The parts
 * whose place a planner reads against the pins (corridors, axes, landmarks) keep MapLibre's full precision.
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { Feature, FeatureCollection } from 'geojson';
import { SOURCE } from './ids.ts';
import { isLonLat } from '../core/guards.ts';

/** The base sources, each with its parts (bottom to top) and the finest zoom its tiles are cut at. */
export const BASE_SOURCES = [
  { id: SOURCE.outlines, parts: ['context', 'district', 'zones'], maxzoom: 9, tolerance: 0.04 },
  { id: SOURCE.base, parts: ['corridors', 'axes', 'landmarks'], maxzoom: undefined, tolerance: undefined },
] as const;
/** The parts of the map drawn from the base sources. */
export const BASE_PARTS = BASE_SOURCES.flatMap((s) => s.parts);
export type BasePart = (typeof BASE_SOURCES)[number]['parts'][number];
/** The property naming a base feature's part. */
const PART = 'erqi_part';

/** Features made once per collection of areas (a style is built again for a language or a theme). */
const labelled = new WeakMap<FeatureCollection, Feature[]>();

/**
 * A part's features as drawn: the zones and the neighbouring districts with a point each beside their areas, where
 * their names are written — the `label_point` the data build chose (core/label_points.ts). An area without one (a
 * bundle older than that, or edited by hand) is drawn unnamed rather than named at a point that is not one.
 */
function partFeatures(data: Record<BasePart, FeatureCollection>, part: BasePart): Feature[] {
  const areas = data[part];
  if (part !== 'zones' && part !== 'context') return areas.features;
  let features = labelled.get(areas);
  if (!features) {
    const points = areas.features.flatMap((f): Feature[] => {
      const at = f.properties?.['label_point'];
      return isLonLat(at) ? [{ type: 'Feature', properties: f.properties, geometry: { type: 'Point', coordinates: [at[0], at[1]] } }] : [];
    });
    labelled.set(areas, (features = [...areas.features, ...points]));
  }
  return features;
}

/** A base source's data: its parts' features, each tagged with its part. */
export function baseCollection(data: Record<BasePart, FeatureCollection>, parts: readonly BasePart[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: parts.flatMap((part) => partFeatures(data, part).map((f) => ({ ...f, properties: { ...f.properties, [PART]: part } }))),
  };
}

/** A layer of a base part: drawn from its base source, its filter limited to that part's features. */
export function onBase(layer: LayerSpecification): LayerSpecification {
  const part = (layer as { source?: string }).source;
  const base = BASE_SOURCES.find((s) => (s.parts as readonly string[]).includes(part ?? ''));
  if (!base) return layer;
  const only: ExpressionSpecification = ['==', ['get', PART], part!];
  const filter = (layer as { filter?: ExpressionSpecification }).filter;
  return { ...layer, source: base.id, filter: filter ? ['all', only, filter] : only } as LayerSpecification;
}
