import { buffer } from '@turf/buffer';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { AxisFeature } from './load_geo.ts';

/** Arc segments per quarter circle: the drawn band's ends are within ~1 m of the true half-width. */
const STEPS = 16;

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

/**
 * The corridor bands drawn on the map (turf.buffer of each axis). Membership is not decided by these
 * polygons but by the exact distance to the line (placement.ts); the drawing matches it to ~1 m.
 */
export function corridorPolygons(axes: readonly AxisFeature[], halfWidthM: number): FeatureCollection<Polygon | MultiPolygon> {
  return {
    type: 'FeatureCollection',
    features: axes.map((axis): Feature<Polygon | MultiPolygon> => {
      const band = buffer(axis, halfWidthM, { units: 'meters', steps: STEPS });
      if (!band) throw new Error(`corridorPolygons: buffer of '${axis.properties.id}' is empty; the half-width must be > 0`);
      const g = band.geometry;
      const coordinates =
        g.type === 'Polygon'
          ? g.coordinates.map((r) => r.map((p) => [round6(p[0]!), round6(p[1]!)]))
          : g.coordinates.map((poly) => poly.map((r) => r.map((p) => [round6(p[0]!), round6(p[1]!)])));
      return {
        type: 'Feature',
        id: axis.properties.id,
        properties: { axis_id: axis.properties.id, corridor_m: halfWidthM },
        geometry: { type: g.type, coordinates } as Polygon | MultiPolygon,
      };
    }),
  };
}
