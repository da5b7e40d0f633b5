/**
 * An independent reference for distances: GeographicLib's geodesic on the WGS84 ellipsoid (what PostGIS
 * geography uses), minimised over each segment by golden-section search. Slow, simple, and sharing no
 * code with src/core/geodesy.ts.
 */
import geo from 'geographiclib-geodesic';

const WGS84 = geo.Geodesic.WGS84;

export function geodesicM(lon1: number, lat1: number, lon2: number, lat2: number): number {
  return WGS84.Inverse(lat1, lon1, lat2, lon2).s12!;
}

/** The point `distance` metres from [lon, lat] at `azimuth` degrees (clockwise from north). */
export function direct(lon: number, lat: number, azimuth: number, distance: number): [number, number] {
  const r = WGS84.Direct(lat, lon, azimuth, distance);
  return [r.lon2!, r.lat2!];
}

export function azimuth(lon1: number, lat1: number, lon2: number, lat2: number): number {
  return WGS84.Inverse(lat1, lon1, lat2, lon2).azi1!;
}

/** Geodesic distance from a point to a segment that is straight in lon/lat (RFC 7946). */
function toSegment(lon: number, lat: number, a: number[], b: number[]): number {
  const at = (t: number) => geodesicM(lon, lat, a[0]! + t * (b[0]! - a[0]!), a[1]! + t * (b[1]! - a[1]!));
  const g = (Math.sqrt(5) - 1) / 2;
  let lo = 0;
  let hi = 1;
  let x1 = hi - g * (hi - lo);
  let x2 = lo + g * (hi - lo);
  let f1 = at(x1);
  let f2 = at(x2);
  for (let i = 0; i < 60; i++) {
    if (f1 < f2) {
      hi = x2;
      x2 = x1;
      f2 = f1;
      x1 = hi - g * (hi - lo);
      f1 = at(x1);
    } else {
      lo = x1;
      x1 = x2;
      f1 = f2;
      x2 = lo + g * (hi - lo);
      f2 = at(x2);
    }
  }
  return Math.min(at(0), at(1), f1, f2);
}

/** Brute force over every segment; a segment is skipped only when the triangle inequality rules it out. */
export function geodesicToLineM(lon: number, lat: number, line: number[][]): number {
  let best = Infinity;
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1]!;
    const b = line[i]!;
    const lowerBound = geodesicM(lon, lat, a[0]!, a[1]!) - geodesicM(a[0]!, a[1]!, b[0]!, b[1]!);
    if (lowerBound > best) continue;
    best = Math.min(best, toSegment(lon, lat, a, b));
  }
  return best;
}

/** Even-odd ray casting over every ring: an independent point-in-polygon. */
export function insideRings(lon: number, lat: number, polygons: number[][][][]): boolean {
  let inside = false;
  for (const rings of polygons) {
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i] as [number, number];
        const [xj, yj] = ring[j] as [number, number];
        if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
  }
  return inside;
}
