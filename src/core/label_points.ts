/**
 * Where the map writes an area's name: one point per area, chosen by the data build from its geometry
 * (`properties.label_point`), rather than wherever MapLibre's tiles happen to cut the polygon (a name per piece:
 * 北片 twice, a neighbour named only when a tile edge left a piece of it in view, and differently at every tile
 * size). The point is the area's pole of inaccessibility (mapbox/polylabel: the inside point farthest from its
 * edges), so the name sits in its widest part. For the neighbouring districts, it is taken of the part near the
 * district (`near`): the map is read around 二七区, and a neighbour's own middle may be 30 km away.
 */
import polylabel from 'polylabel';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';

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

/** |area| of a ring in degrees² (enough to compare the parts of one area). */
const ringArea = (ring: Position[]): number => Math.abs(ring.reduce((sum, p, i) => (i ? sum + (ring[i - 1]![0]! * p[1]! - p[0]! * ring[i - 1]![1]!) : sum), 0) / 2);

/**
 * The label point of an area: the pole of inaccessibility of its largest part (within `near` when any of it is
 * there), measured in a plane where a degree of longitude is as long as it is at that latitude.
 */
export function labelPoint(geometry: Polygon | MultiPolygon, near?: BBox): Position {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const clipped = near ? polygons.map((rings) => clipRings(rings, near)).filter((rings) => rings.length > 0 && ringArea(rings[0]!) > 0) : [];
  const parts = clipped.length ? clipped : polygons;
  const largest = parts.reduce((best, rings) => (ringArea(rings[0]!) > ringArea(best[0]!) ? rings : best));
  const k = Math.cos((((largest[0]![0]![1] ?? 0) as number) * Math.PI) / 180);
  const [x, y] = polylabel(largest.map((ring) => ring.map(([lon, lat]) => [lon! * k, lat!])), PRECISION);
  return [x / k, y];
}

/** The areas, each with its label point as `properties.label_point` ([lon, lat], 6 decimals, as geo/ writes them). */
export function withLabelPoints<F extends Feature>(areas: readonly F[], near?: BBox): F[] {
  return areas.map((f) =>
    f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon'
      ? { ...f, properties: { ...f.properties, label_point: labelPoint(f.geometry, near).map((x) => Math.round(x * 1e6) / 1e6) } }
      : f,
  );
}

/** A box around the features of `fc`, widened by `margin` of its size on every side. */
export function boxAround(fc: Pick<FeatureCollection, 'features'>, margin: number): BBox | undefined {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (typeof (c as number[])[0] === 'number') {
      const [x, y] = c as number[];
      [w, s, e, n] = [Math.min(w, x!), Math.min(s, y!), Math.max(e, x!), Math.max(n, y!)];
    } else for (const d of c as unknown[]) visit(d);
  };
  for (const f of fc.features) if (f.geometry && 'coordinates' in f.geometry) visit(f.geometry.coordinates);
  if (!(w < e && s < n)) return undefined;
  const [dx, dy] = [(e - w) * margin, (n - s) * margin];
  return [w - dx, s - dy, e + dx, n + dy];
}
