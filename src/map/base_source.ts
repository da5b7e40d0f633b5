/**
 * The map's fixed parts — context districts, district, zones, corridors, axes, landmarks — drawn from one GeoJSON
 * source (`SOURCE.base`), each feature tagged with its part: one set of tiles to cut and draw at load instead of six
 * (PERFORMANCE.md). A layer names its part as its source; onBase draws it from the base source, filtered to it.
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { SOURCE } from './ids.ts';

/** The parts of the map drawn from the one `base` source, bottom to top. */
export const BASE_PARTS = ['context', 'district', 'zones', 'corridors', 'axes', 'landmarks'] as const;
export type BasePart = (typeof BASE_PARTS)[number];
/** The property naming a base feature's part. */
const PART = 'erqi_part';

/** The base source's data: every part's features, each tagged with its part. */
export function baseCollection(data: Record<BasePart, FeatureCollection>): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: BASE_PARTS.flatMap((part) => data[part].features.map((f) => ({ ...f, properties: { ...f.properties, [PART]: part } }))),
  };
}

/** A layer of a base part: drawn from the base source, its filter limited to that part's features. */
export function onBase(layer: LayerSpecification): LayerSpecification {
  const source = (layer as { source?: string }).source;
  if (!BASE_PARTS.includes(source as BasePart)) return layer;
  const part: ExpressionSpecification = ['==', ['get', PART], source!];
  const filter = (layer as { filter?: ExpressionSpecification }).filter;
  return { ...layer, source: SOURCE.base, filter: filter ? ['all', part, filter] : part } as LayerSpecification;
}
