/**
 * Where the map writes an area's name: one point per area, chosen by the data build from its geometry
 * (`properties.label_point`), rather than wherever MapLibre's tiles happen to cut the polygon (a name per piece:
 * 北片 twice, a neighbour named only when a tile edge left a piece of it in view, and differently at every tile
 * size). The point is the area's pole of inaccessibility (mapbox/polylabel: the inside point farthest from its
 * edges), so the name sits in its widest part. For the neighbouring districts, it is taken of the part near the
 * district (`near`): the map is read around 二七区, and a neighbour's own middle may be 30 km away. A zone's is
 * taken of its part outside the corridors (`avoid`) where that part is large enough: the axes' names and the pins
 * are written there, and a zone's name would lose its place to them.
 */
import { difference } from '@turf/difference';
import polylabel from 'polylabel';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { polygonsOf, siteBounds, type SiteGeometry } from './site_geometry.ts';

type BBox = [west: number, south: number, east: number, north: number];
/** How near the best point polylabel need come, in degrees: ~50 m, far finer than a name is wide on any view. */
const PRECISION = 5e-4;

/** A polygon's rings clipped to a box (Sutherland–Hodgman per ring; a ring left with under 3 points is dropped). */
function clipRings(rings: Position[][], [w, s, e, n]: BBox): Position[][] {
  const edges: Array<[inside: (p: Position) => boolean, cut: (a: Position, b: Position) => Position]> = [
    [(p) => p[0]! >= w, (a, b) => [w, a[1]! + ((b[1]! - a[1]!) * (w - a[0]!)) / (b[0]! - a[0]!)]],
    [(p) => p[0]! <= e, (a, b) => [e, a[1]! + ((b[1]! - a[1]!) * (e - a[0]!)) / (b[0]! - a[0]!)]],
    [(p) => p[1]! >= s, (a, b) => [a[0]! + ((b[0]! - a[0]!) * (s - a[1]!)) / (b[1]! - a[1]!), s]],
    [(p) => p[1]! <= n, (a, b) => [a[0]! + ((b[0]! - a[0]!) * (n - a[1]!)) / (b[1]! - a[1]!), n]],
  ];
  const out: Position[][] = [];
  for (const ring of rings) {
    let pts = ring.slice(0, -1);
    for (const [inside, cut] of edges) {
      const next: Position[] = [];
      pts.forEach((b, i) => {
        const a = pts[(i + pts.length - 1) % pts.length]!;
        if (inside(b)) {
          if (!inside(a)) next.push(cut(a, b));
          next.push(b);
        } else if (inside(a)) next.push(cut(a, b));
      });
      pts = next;
    }
    if (pts.length >= 3) out.push([...pts, pts[0]!]);
  }
  return out;
}

/** |area| of a ring in degrees² (enough to tell an empty clip from a part). */
const ringArea = (ring: Position[]): number => Math.abs(ring.reduce((sum, p, i) => (i ? sum + (ring[i - 1]![0]! * p[1]! - p[0]! * ring[i - 1]![1]!) : sum), 0) / 2);

/** A part's pole of inaccessibility, and how far it lies from the part's edges (in degrees of latitude). */
function pole(rings: Position[][]): { at: Position; room: number } {
  // In a plane where a degree of longitude is as long as it is at that latitude.
  const k = Math.cos(((rings[0]![0]![1] ?? 0) * Math.PI) / 180);
  const p = polylabel(rings.map((ring) => ring.map(([lon, lat]) => [lon! * k, lat!])), PRECISION);
  return { at: [p[0] / k, p[1]], room: p.distance };
}

/** The best point of an area for its name, and its room: the roomiest part's pole (within `near` when any of it is there). */
function labelPlace(geometry: Polygon | MultiPolygon, near?: BBox): { at: Position; room: number } {
  const polygons = polygonsOf(geometry);
  const clipped = near ? polygons.map((rings) => clipRings(rings, near)).filter((rings) => rings.length > 0 && ringArea(rings[0]!) > 0) : [];
  return (clipped.length ? clipped : polygons).map(pole).reduce((best, p) => (p.room > best.room ? p : best));
}

/** The label point of an area: the pole of inaccessibility of its roomiest part (within `near` when any of it is there). */
export function labelPoint(geometry: Polygon | MultiPolygon, near?: BBox): Position {
  return labelPlace(geometry, near).at;
}

/**
 * The part of an area outside others, or null: none, or the clipping failed (polyclip throws on a degenerate
 * ring — an official zone file drawn with a repeated corner must still build, its name in the whole area).
 */
function outsideOf(g: Polygon | MultiPolygon, avoid: ReadonlyArray<Feature<Polygon | MultiPolygon>>): Feature<Polygon | MultiPolygon> | null {
  try {
    return difference({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: g }, ...avoid] });
  } catch {
    return null;
  }
}

/** Below this share of an area's room left outside what its name avoids, the name goes in the whole area. */
const ENOUGH_ROOM = 0.4;

/**
 * The areas, each with its label point as `properties.label_point` ([lon, lat], 6 decimals, as geo/ writes them):
 * within `near` where it reaches, and outside `avoid` where enough of it is.
 */
export function withLabelPoints<F extends Feature>(areas: readonly F[], { near, avoid = [] }: { near?: BBox; avoid?: ReadonlyArray<Feature<Polygon | MultiPolygon>> } = {}): F[] {
  return areas.map((f) => {
    const g = f.geometry;
    if (g?.type !== 'Polygon' && g?.type !== 'MultiPolygon') return f;
    const whole = labelPlace(g, near);
    const free = avoid.length ? outsideOf(g, avoid) : null;
    const outside = free ? labelPlace(free.geometry, near) : null;
    const { at } = outside && outside.room >= ENOUGH_ROOM * whole.room ? outside : whole;
    return { ...f, properties: { ...f.properties, label_point: at.map((x) => Math.round(x * 1e6) / 1e6) } };
  });
}

/** A box around the features of `fc`, widened by `margin` of its size on every side. */
export function boxAround(fc: Pick<FeatureCollection, 'features'>, margin: number): BBox | undefined {
  const boxes = fc.features.flatMap((f) => (f.geometry && f.geometry.type !== 'GeometryCollection' ? [siteBounds(f.geometry as SiteGeometry)] : []));
  const [w, s, e, n] = [Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])), Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3]))];
  if (!(w < e && s < n)) return undefined;
  const [dx, dy] = [(e - w) * margin, (n - s) * margin];
  return [w - dx, s - dy, e + dx, n + dy];
}
