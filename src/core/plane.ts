import { metresPerDegree } from './geodesy.ts';

/**
 * A local plane in metres around a site (x east, y north), scaled by the ellipsoid's radii of curvature at its
 * middle latitude (geodesy.ts). Within 1 km of the middle it agrees with the ellipsoid to about 0.1 m; the
 * lengths and areas inside corridors and zones are measured here, exactly (no sampling) for lines.
 */
export interface Plane {
  lon0: number;
  lat0: number;
  kx: number;
  ky: number;
}

export function planeOf([w, s, e, n]: readonly [number, number, number, number]): Plane {
  const lat0 = (s + n) / 2;
  const { kx, ky } = metresPerDegree(lat0);
  return { lon0: (w + e) / 2, lat0, kx, ky };
}

export const toPlane = (p: Plane, lon: number, lat: number): [number, number] => [(lon - p.lon0) * p.kx, (lat - p.lat0) * p.ky];

/**
 * The x where rings (in the plane) cross the row y, sorted: inside is between xs[0] and xs[1], xs[2] and xs[3]…
 * (even–odd: holes and the parts of a MultiPolygon come out right without knowing which ring is which).
 */
export function polygonRowsAt(rings: ReadonlyArray<ReadonlyArray<readonly [number, number]>>, y: number): number[] {
  const xs: number[] = [];
  for (const ring of rings) {
    for (let i = 1; i < ring.length; i++) {
      const [x0, y0] = ring[i - 1]!;
      const [x1, y1] = ring[i]!;
      if (y0 > y !== y1 > y) xs.push(x0 + ((y - y0) * (x1 - x0)) / (y1 - y0));
    }
  }
  return xs.sort((a, b) => a - b);
}

/**
 * The parameters t ∈ [0, 1] of the segment p + t·d (p→p+d) that lie within `r` of the segment a→b: one interval
 * (the set within r of a segment, a "capsule", is convex), as [lo, hi], or null when none. Exact: the capsule is
 * two discs and a rectangle, and the line's passage through each is solved in closed form. (Written without
 * helpers or small arrays: a width change runs it for every row of every area near an axis.)
 */
export function capsuleRange(px: number, py: number, dx: number, dy: number, ax: number, ay: number, bx: number, by: number, r: number): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  const a = dx * dx + dy * dy;
  const r2 = r * r;
  // The two discs: |p + t·d − c|² ≤ r², a quadratic in t.
  for (let end = 0; end < 2; end++) {
    const ex = px - (end ? bx : ax);
    const ey = py - (end ? by : ay);
    const c = ex * ex + ey * ey - r2;
    if (a === 0) {
      if (c <= 0) return [0, 1];
      continue;
    }
    const b = 2 * (dx * ex + dy * ey);
    const disc = b * b - 4 * a * c;
    if (disc < 0) continue;
    const sq = Math.sqrt(disc);
    const l = (-b - sq) / (2 * a);
    const h = (-b + sq) / (2 * a);
    if (l < lo) lo = l;
    if (h > hi) hi = h;
  }
  // The rectangle: along the segment within [0, len], across it within [−r, r].
  const len = Math.hypot(bx - ax, by - ay);
  if (len > 0) {
    const ex = (bx - ax) / len;
    const ey = (by - ay) / len;
    const qx = px - ax;
    const qy = py - ay;
    let l = -Infinity;
    let h = Infinity;
    const along0 = qx * ex + qy * ey;
    const along1 = dx * ex + dy * ey;
    if (along1 === 0) {
      if (along0 < 0 || along0 > len) l = 1, h = 0;
    } else {
      const u = -along0 / along1;
      const v = (len - along0) / along1;
      l = Math.max(l, Math.min(u, v));
      h = Math.min(h, Math.max(u, v));
    }
    const across0 = qy * ex - qx * ey;
    const across1 = dy * ex - dx * ey;
    if (across1 === 0) {
      if (across0 < -r || across0 > r) l = 1, h = 0;
    } else {
      const u = (-r - across0) / across1;
      const v = (r - across0) / across1;
      l = Math.max(l, Math.min(u, v));
      h = Math.min(h, Math.max(u, v));
    }
    if (l <= h) {
      if (l < lo) lo = l;
      if (h > hi) hi = h;
    }
  }
  lo = Math.max(lo, 0);
  hi = Math.min(hi, 1);
  return lo < hi ? [lo, hi] : null;
}

/** Total length of a union of intervals (sorted and merged; the input is reordered). */
export function unionLength(intervals: Array<[number, number]>): number {
  intervals.sort((a, b) => a[0] - b[0]);
  let total = 0;
  let [lo, hi] = [-Infinity, -Infinity];
  for (const [a, b] of intervals) {
    if (a > hi) {
      if (hi > lo) total += hi - lo;
      [lo, hi] = [a, b];
    } else if (b > hi) hi = b;
  }
  if (hi > lo) total += hi - lo;
  return total;
}

/** Length of [lo, hi] covered by the union of `intervals` (each clipped to it). */
export function coveredLength(lo: number, hi: number, intervals: ReadonlyArray<readonly [number, number]>): number {
  const clipped: Array<[number, number]> = [];
  for (const [a, b] of intervals) {
    const l = Math.max(a, lo);
    const h = Math.min(b, hi);
    if (l < h) clipped.push([l, h]);
  }
  return unionLength(clipped);
}
