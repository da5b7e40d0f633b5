import type { LineString, MultiLineString, MultiPoint, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { checkPosition } from './bounds.ts';
import { lineLengthM } from './geodesy.ts';
import { planeOf, polygonRowsAt, toPlane, type Plane } from './plane.ts';

/**
 * A project's site: a Point, a LineString (a road, a tunnel) or a Polygon (a plot with its red line, 红线), or
 * their Multi forms (several plots or sections). RFC 7946: WGS84 [longitude, latitude], straight segments in
 * longitude/latitude.
 */
export type SiteGeometry = Point | MultiPoint | LineString | MultiLineString | Polygon | MultiPolygon;
export const SITE_KINDS = ['point', 'line', 'area'] as const;
export type SiteKind = (typeof SITE_KINDS)[number];

export const SITE_GEOMETRY_TYPES = ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'] as const;

export const siteKind = (g: SiteGeometry): SiteKind =>
  g.type === 'Point' || g.type === 'MultiPoint' ? 'point' : g.type === 'LineString' || g.type === 'MultiLineString' ? 'line' : 'area';

/** Every position of a site, whatever its type. */
export const pointsOf = (g: Point | MultiPoint): Position[] => (g.type === 'Point' ? [g.coordinates] : g.coordinates);
export const linesOf = (g: LineString | MultiLineString): Position[][] => (g.type === 'LineString' ? [g.coordinates] : g.coordinates);
export const polygonsOf = (g: Polygon | MultiPolygon): Position[][][] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);

export function positionsOf(g: SiteGeometry): Position[] {
  switch (g.type) {
    case 'Point':
    case 'MultiPoint':
      return pointsOf(g);
    case 'LineString':
    case 'MultiLineString':
      return linesOf(g).flat();
    default:
      return polygonsOf(g).flat(2);
  }
}

/** [west, south, east, north] of a site. */
export function siteBounds(g: SiteGeometry): [number, number, number, number] {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of positionsOf(g)) {
    w = Math.min(w, p[0]!);
    e = Math.max(e, p[0]!);
    s = Math.min(s, p[1]!);
    n = Math.max(n, p[1]!);
  }
  return [w, s, e, n];
}

// ---------------------------------------------------------------- reading an untrusted geometry

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isPosition = (v: unknown): v is Position => Array.isArray(v) && v.length >= 2 && isNumber(v[0]) && isNumber(v[1]);
const isArrayOf = <T>(v: unknown, item: (x: unknown) => x is T): v is T[] => Array.isArray(v) && v.every(item);
const isLine = (v: unknown): v is Position[] => isArrayOf(v, isPosition);
const isRings = (v: unknown): v is Position[][] => isArrayOf(v, isLine);
const isPolygons = (v: unknown): v is Position[][][] => isArrayOf(v, isRings);

const COORDINATES: Record<(typeof SITE_GEOMETRY_TYPES)[number], [(v: unknown) => boolean, string]> = {
  Point: [isPosition, '[longitude, latitude]'],
  MultiPoint: [isLine, '[[lon, lat], …]'],
  LineString: [isLine, '[[lon, lat], [lon, lat], …]'],
  MultiLineString: [isRings, '[[[lon, lat], …], …] (one list of positions per line)'],
  Polygon: [isRings, '[[[lon, lat], …]] (rings: the outline first, then any holes)'],
  MultiPolygon: [isPolygons, '[[[[lon, lat], …]], …] (one list of rings per polygon)'],
};

/** Positions rounded to 2 (lon, lat), an altitude dropped: every vertex of a site is [lon, lat]. */
function flat(g: SiteGeometry): SiteGeometry {
  const p = (c: Position): Position => [c[0]!, c[1]!];
  switch (g.type) {
    case 'Point':
      return { type: 'Point', coordinates: p(g.coordinates) };
    case 'MultiPoint':
    case 'LineString':
      return { type: g.type, coordinates: g.coordinates.map(p) } as SiteGeometry;
    case 'MultiLineString':
    case 'Polygon':
      return { type: g.type, coordinates: g.coordinates.map((l) => l.map(p)) } as SiteGeometry;
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: g.coordinates.map((r) => r.map((l) => l.map(p))) };
  }
}

export interface GeometryCheck {
  /** The geometry as the map uses it (2D positions), or null when it has an error. */
  geometry: SiteGeometry | null;
  /** Each a sentence saying what is wrong and what to do. */
  errors: string[];
  warnings: string[];
}

/**
 * A site's geometry checked: its type and nesting, every position plausible (in Zhengzhou, not [lat, lon]),
 * lines with length, rings closed with ≥ 4 positions, areas with area, rings that do not cross themselves.
 */
export function checkSiteGeometry(input: unknown): GeometryCheck {
  const errors: string[] = [];
  const warnings: string[] = [];
  const fail = (message: string): GeometryCheck => ({ geometry: null, errors: [...errors, message], warnings });
  if (input === null || typeof input !== 'object') return fail('is missing: give a Point, LineString or Polygon (or a Multi form)');
  const { type, coordinates } = input as { type?: unknown; coordinates?: unknown };
  if (!(SITE_GEOMETRY_TYPES as readonly unknown[]).includes(type)) {
    return fail(`type must be one of ${SITE_GEOMETRY_TYPES.join(', ')}, got ${JSON.stringify(type) ?? 'nothing'}`);
  }
  const t = type as (typeof SITE_GEOMETRY_TYPES)[number];
  const [shape, example] = COORDINATES[t];
  if (!shape(coordinates)) return fail(`coordinates of a ${t} must be numbers nested as ${example}`);
  const raw = { type: t, coordinates } as SiteGeometry;
  if (positionsOf(raw).some((p) => p.length > 2)) warnings.push('has positions with an altitude; it is ignored');
  const g = flat(raw);
  const positions = positionsOf(g);
  if (!positions.length) return fail(`has no positions: give at least one [longitude, latitude]`);
  for (const [k, p] of positions.entries()) {
    const problem = checkPosition(p[0]!, p[1]!);
    if (problem) return fail(positions.length > 1 ? `position ${k + 1}: ${problem}` : problem);
  }
  const plane = planeOf(siteBounds(g));
  if (g.type === 'LineString' || g.type === 'MultiLineString') {
    const lines = linesOf(g);
    for (const [i, line] of lines.entries()) {
      const which = lines.length > 1 ? `line ${i + 1}` : 'the line';
      if (line.length < 2) errors.push(`${which} has ${line.length} position${line.length === 1 ? '' : 's'}; a line needs at least 2`);
      else if (lineLengthM(line) < 0.01) errors.push(`${which} has zero length (all its positions are one place): use a Point`);
    }
  }
  if (g.type === 'Polygon' || g.type === 'MultiPolygon') {
    const polygons = polygonsOf(g);
    for (const [i, rings] of polygons.entries()) {
      if (!rings.length) {
        errors.push(`polygon ${i + 1} has no ring`);
        continue;
      }
      for (const [j, ring] of rings.entries()) {
        const which = `${polygons.length > 1 ? `polygon ${i + 1}, ` : ''}${j === 0 ? 'the outline' : `hole ${j}`}`;
        const [a, b] = [ring[0], ring.at(-1)];
        if (ring.length < 4) errors.push(`${which} has ${ring.length} positions; a ring needs at least 4 (3 corners and the first repeated at the end)`);
        else if (a![0] !== b![0] || a![1] !== b![1]) errors.push(`${which} is not closed: repeat its first position [${a![0]}, ${a![1]}] at the end`);
        else if (spreadArea(ring, plane) < 1) errors.push(`${which} has zero area (its positions lie on one line): use a LineString`);
        else {
          const crossing = selfCrossing(ring);
          if (crossing) errors.push(`${which} crosses itself near [${crossing[0].toFixed(6)}, ${crossing[1].toFixed(6)}]: redraw it so its edges do not cross`);
        }
      }
    }
  }
  return errors.length ? { geometry: null, errors, warnings } : { geometry: g, errors, warnings };
}

// ---------------------------------------------------------------- measures

/** Signed area of a ring in m² in a local plane (positive counter-clockwise). */
function ringArea(ring: readonly Position[], plane: Plane): number {
  let sum = 0;
  for (let i = 1; i < ring.length; i++) {
    const [x0, y0] = toPlane(plane, ring[i - 1]![0]!, ring[i - 1]![1]!);
    const [x1, y1] = toPlane(plane, ring[i]![0]!, ring[i]![1]!);
    sum += x0 * y1 - x1 * y0;
  }
  return sum / 2;
}

/** Area in m² swept by the ring's triangles from its first corner, each counted positive: 0 only when every corner is on one line. */
function spreadArea(ring: readonly Position[], plane: Plane): number {
  const [x0, y0] = toPlane(plane, ring[0]![0]!, ring[0]![1]!);
  let sum = 0;
  for (let i = 2; i < ring.length; i++) {
    const [x1, y1] = toPlane(plane, ring[i - 1]![0]!, ring[i - 1]![1]!);
    const [x2, y2] = toPlane(plane, ring[i]![0]!, ring[i]![1]!);
    sum += Math.abs((x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0)) / 2;
  }
  return sum;
}

/** Length in metres (lines) or area in m² (areas, holes taken out); for points, how many. */
export function siteSize(g: SiteGeometry): number {
  switch (g.type) {
    case 'Point':
    case 'MultiPoint':
      return pointsOf(g).length;
    case 'LineString':
    case 'MultiLineString':
      return linesOf(g).reduce((s, l) => s + lineLengthM(l), 0);
    default: {
      const plane = planeOf(siteBounds(g));
      return polygonsOf(g).reduce((s, rings) => s + rings.reduce((a, r, j) => a + (j === 0 ? 1 : -1) * Math.abs(ringArea(r, plane)), 0), 0);
    }
  }
}

/**
 * Where a site's pin goes: the point itself; for a line, the point halfway along its length; for an area, the
 * middle of its widest row (always inside it, unlike a centroid of an L-shaped plot).
 */
export function representativePoint(g: SiteGeometry): [number, number] {
  switch (g.type) {
    case 'Point':
    case 'MultiPoint': {
      const p = pointsOf(g)[0]!;
      return [p[0]!, p[1]!];
    }
    case 'LineString':
    case 'MultiLineString': {
      const lines = linesOf(g);
      let half = lines.reduce((s, l) => s + lineLengthM(l), 0) / 2;
      for (const line of lines) {
        for (let i = 1; i < line.length; i++) {
          const [a, b] = [line[i - 1]!, line[i]!];
          const d = lineLengthM([a, b]);
          if (d >= half && d > 0) {
            const t = half / d;
            return [round7(a[0]! + t * (b[0]! - a[0]!)), round7(a[1]! + t * (b[1]! - a[1]!))];
          }
          half -= d;
        }
      }
      const last = lines.at(-1)!.at(-1)!;
      return [last[0]!, last[1]!];
    }
    default: {
      const bounds = siteBounds(g);
      const plane = planeOf(bounds);
      const rings = polygonsOf(g).flat().map((r) => r.map((p) => toPlane(plane, p[0]!, p[1]!)));
      const [, s, , n] = bounds;
      const [y0, y1] = [(s - plane.lat0) * plane.ky, (n - plane.lat0) * plane.ky];
      let best: [number, number, number] = [0, 0, -1]; // x, y, width
      const ROWS = 33;
      for (let r = 1; r < ROWS; r++) {
        const y = y0 + ((y1 - y0) * r) / ROWS;
        const xs = polygonRowsAt(rings, y);
        for (let k = 0; k + 1 < xs.length; k += 2) {
          if (xs[k + 1]! - xs[k]! > best[2]) best = [(xs[k]! + xs[k + 1]!) / 2, y, xs[k + 1]! - xs[k]!];
        }
      }
      return [round7(plane.lon0 + best[0] / plane.kx), round7(plane.lat0 + best[1] / plane.ky)];
    }
  }
}

const round7 = (x: number): number => Math.round(x * 1e7) / 1e7;

// ---------------------------------------------------------------- self-crossing rings

/** Orientation of c relative to a→b: >0 left, <0 right, 0 on the line. */
const orient = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number => (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);

/** Whether segments p1→p2 and q1→q2 share a point (touching counts). */
export function segmentsMeet(p1x: number, p1y: number, p2x: number, p2y: number, q1x: number, q1y: number, q2x: number, q2y: number): boolean {
  const d1 = orient(q1x, q1y, q2x, q2y, p1x, p1y);
  const d2 = orient(q1x, q1y, q2x, q2y, p2x, p2y);
  const d3 = orient(p1x, p1y, p2x, p2y, q1x, q1y);
  const d4 = orient(p1x, p1y, p2x, p2y, q2x, q2y);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  const on = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number) =>
    Math.min(ax, bx) <= cx && cx <= Math.max(ax, bx) && Math.min(ay, by) <= cy && cy <= Math.max(ay, by);
  return (
    (d1 === 0 && on(q1x, q1y, q2x, q2y, p1x, p1y)) ||
    (d2 === 0 && on(q1x, q1y, q2x, q2y, p2x, p2y)) ||
    (d3 === 0 && on(p1x, p1y, p2x, p2y, q1x, q1y)) ||
    (d4 === 0 && on(p1x, p1y, p2x, p2y, q2x, q2y))
  );
}

/** Where a closed ring first meets itself other than at neighbouring edges' shared corner, or null. */
function selfCrossing(ring: readonly Position[]): [number, number] | null {
  const n = ring.length - 1; // edges
  // Edges sorted by their west end: an edge is compared only with those that overlap it east–west.
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => Math.min(ring[a]![0]!, ring[a + 1]![0]!) - Math.min(ring[b]![0]!, ring[b + 1]![0]!));
  for (let ii = 0; ii < n; ii++) {
    const i = order[ii]!;
    const [a, b] = [ring[i]!, ring[i + 1]!];
    const east = Math.max(a[0]!, b[0]!);
    for (let jj = ii + 1; jj < n; jj++) {
      const j = order[jj]!;
      const [c, d] = [ring[j]!, ring[j + 1]!];
      if (Math.min(c[0]!, d[0]!) > east) break;
      if (Math.abs(i - j) === 1 || Math.abs(i - j) === n - 1) {
        // Neighbours share a corner; they cross only by folding back onto each other.
        const [p, q, r] = i === (j + 1) % n ? [c, d, b] : [a, b, d];
        if (orient(p[0]!, p[1]!, q[0]!, q[1]!, r[0]!, r[1]!) === 0 && (r[0]! - q[0]!) * (p[0]! - q[0]!) + (r[1]! - q[1]!) * (p[1]! - q[1]!) > 0) return [q[0]!, q[1]!];
        continue;
      }
      if (segmentsMeet(a[0]!, a[1]!, b[0]!, b[1]!, c[0]!, c[1]!, d[0]!, d[1]!)) {
        // Where they meet (for edges along one line: the middle of the first).
        const [rx, ry, sx, sy] = [b[0]! - a[0]!, b[1]! - a[1]!, d[0]! - c[0]!, d[1]! - c[1]!];
        const den = rx * sy - ry * sx;
        const t = den === 0 ? 0.5 : Math.min(1, Math.max(0, ((c[0]! - a[0]!) * sy - (c[1]! - a[1]!) * sx) / den));
        return [a[0]! + t * rx, a[1]! + t * ry];
      }
    }
  }
  return null;
}
