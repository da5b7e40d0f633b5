import type { LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import { pointToLineM, prepareLine, type PreparedLine } from './geodesy.ts';
import { capsuleRange, coveredLength, planeOf, polygonRowsAt, toPlane, unionLength, type Plane } from './plane.ts';
import { linesOf, pointsOf, polygonsOf, positionsOf, representativePoint as representativePointOf, segmentsMeet, siteBounds, siteKind, siteSize, type SiteGeometry, type SiteKind } from './site_geometry.ts';

/**
 * Where a line or an area (or several points) lies relative to the axes and zones — the rules in README
 * "How projects are placed":
 * - distance to an axis: the least distance between the geometry and the axis line, 0 where they touch or cross;
 * - share inside a corridor: the part of its length (lines), area (areas) or points within the half-width;
 * - share in a zone: the part of its length, area or points inside the zone.
 * Distances are geodesic to well under a metre (geodesy.ts); shares are measured in a local plane (plane.ts),
 * exactly for lines and points, by 2 m (or finer) rows for areas.
 */
export interface ShapeFacts {
  kind: SiteKind;
  /** Metres (lines), square metres (areas), or how many points. */
  size: number;
  /** The zones it lies in, with the share of it in each, largest first (shares below 1e-9 left out). */
  zones: Array<{ id: string; share: number }>;
}

type Ring = ReadonlyArray<readonly [number, number]>;
type Bounds = [number, number, number, number];

const overlaps = (a: Bounds, b: Bounds, pad = 0): boolean => a[0] - pad <= b[2] && b[0] - pad <= a[2] && a[1] - pad <= b[3] && b[1] - pad <= a[3];

/** Each segment of a site (its lines, or its polygons' rings) as [x0, y0, x1, y1] in lon/lat. */
function segmentsOf(g: SiteGeometry): number[][] {
  const out: number[][] = [];
  for (const c of chainsOf(g)) for (let i = 1; i < c.length; i++) out.push([c[i - 1]![0]!, c[i - 1]![1]!, c[i]![0]!, c[i]![1]!]);
  return out;
}

const chainsOf = (g: SiteGeometry): Position[][] =>
  g.type === 'LineString' || g.type === 'MultiLineString' ? linesOf(g) : g.type === 'Polygon' || g.type === 'MultiPolygon' ? polygonsOf(g).flat() : [];

/** An area's rows (see forEachRow) in its plane: row i at y[i], height h[i], crossings xs[start[i]] … xs[start[i + 1] - 1]. */
interface AreaRows {
  y: Float64Array;
  h: Float64Array;
  start: Uint32Array;
  xs: Float64Array;
}

/**
 * What every measure of a site starts from, made once per geometry and kept while the geometry lives: placement
 * measures it against 3 axes and the zones, and each corridor width measures its shares again. Sites are never
 * changed in place (an edit makes a new geometry), so a geometry's facts stay true.
 */
interface PreparedSite {
  kind: SiteKind;
  bounds: Bounds;
  positions: Position[];
  edges: number[][];
  plane: Plane;
  /** Its positions in the plane. */
  vertices: Array<[number, number]>;
  chains: PreparedLine[] | null;
  rows: AreaRows | null;
}
const preparedSites = new WeakMap<SiteGeometry, PreparedSite>();

function prepared(g: SiteGeometry): PreparedSite {
  let p = preparedSites.get(g);
  if (!p) {
    const positions = positionsOf(g);
    const bounds = siteBounds(g);
    const plane = planeOf(bounds);
    p = { kind: siteKind(g), bounds, positions, edges: segmentsOf(g), plane, vertices: positions.map((q) => toPlane(plane, q[0]!, q[1]!)), chains: null, rows: null };
    preparedSites.set(g, p);
  }
  return p;
}

/** The site's lines, or its polygons' rings, prepared for distances (made when first needed). */
const chainLines = (g: SiteGeometry, site: PreparedSite): PreparedLine[] => (site.chains ??= chainsOf(g).map((c) => prepareLine(c)));

/** Even–odd point in polygon over all rings, in lon/lat. */
function insideRings(rings: ReadonlyArray<readonly Position[]>, x: number, y: number): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 1; i < ring.length; i++) {
      const [x0, y0] = [ring[i - 1]![0]!, ring[i - 1]![1]!];
      const [x1, y1] = [ring[i]![0]!, ring[i]![1]!];
      if (y0 > y !== y1 > y && x < x0 + ((y - y0) * (x1 - x0)) / (y1 - y0)) inside = !inside;
    }
  }
  return inside;
}

/**
 * Metres from a site to an axis line: 0 when they touch or cross (or the axis runs inside an area); else the
 * least of every site vertex's distance to the line and every axis vertex's distance to the site's edges (the
 * nearest points of two polylines that do not meet include a vertex of one of them).
 */
export function shapeDistanceM(g: SiteGeometry, axis: readonly Position[], axisLine: PreparedLine): number {
  const site = prepared(g);
  const { kind, bounds, edges } = site;
  if (kind !== 'point') {
    for (let k = 1; k < axis.length; k++) {
      const [ax, ay, bx, by] = [axis[k - 1]![0]!, axis[k - 1]![1]!, axis[k]![0]!, axis[k]![1]!];
      if (!overlaps([Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by)], bounds)) continue;
      for (const [x0, y0, x1, y1] of edges) if (segmentsMeet(ax, ay, bx, by, x0!, y0!, x1!, y1!)) return 0;
    }
    if (kind === 'area') {
      const rings = polygonsOf(g as Polygon | MultiPolygon).flat();
      for (const p of axis) if (p[0]! >= bounds[0] && p[0]! <= bounds[2] && p[1]! >= bounds[1] && p[1]! <= bounds[3] && insideRings(rings, p[0]!, p[1]!)) return 0;
    }
  }
  let best = Infinity;
  for (const v of site.positions) best = Math.min(best, pointToLineM(v[0]!, v[1]!, axisLine));
  if (kind === 'point') return best;
  const chains = chainLines(g, site);
  const { kx, ky } = site.plane;
  for (const p of axis) {
    // An axis vertex farther from the site's box than the best so far cannot do better.
    const dx = Math.max(bounds[0] - p[0]!, 0, p[0]! - bounds[2]) * kx;
    const dy = Math.max(bounds[1] - p[1]!, 0, p[1]! - bounds[3]) * ky;
    if (Math.hypot(dx, dy) > best * 1.001) continue;
    for (const c of chains) best = Math.min(best, pointToLineM(p[0]!, p[1]!, c));
  }
  return best;
}

/** An axis's segments near a site (within `pad` metres of its box), in the site's plane: [x0, y0, x1, y1] each. */
function axisNear(axis: readonly Position[], plane: Plane, bounds: Bounds, pad: number): number[][] {
  const padLon = pad / plane.kx;
  const padLat = pad / plane.ky;
  const out: number[][] = [];
  for (let k = 1; k < axis.length; k++) {
    const [ax, ay, bx, by] = [axis[k - 1]![0]!, axis[k - 1]![1]!, axis[k]![0]!, axis[k]![1]!];
    if (!overlaps([Math.min(ax, bx) - padLon, Math.min(ay, by) - padLat, Math.max(ax, bx) + padLon, Math.max(ay, by) + padLat], bounds)) continue;
    out.push([...toPlane(plane, ax, ay), ...toPlane(plane, bx, by)]);
  }
  return out;
}

/**
 * Rows across a polygon: about 2 m apart, from 48 (a small plot) up to 1,024. Midpoint rule: the error falls with
 * the square of the spacing, and a share's inside and total come from the same rows (their errors largely cancel):
 * within 0.1 % of JTS on the test areas.
 */
const rowsFor = (height: number): number => Math.min(1024, Math.max(48, Math.ceil(height / 2)));

/**
 * Each polygon of an area cut into rows (in the plane): `row(y, xs, h)` with the row's height h and the x where
 * the polygon's rings cross it (inside between xs[0] and xs[1], …). Each polygon of a MultiPolygon has its own
 * rows, so a small plot far from a large one is measured as finely.
 */
function forEachRow(g: Polygon | MultiPolygon, row: (y: number, xs: Float64Array, from: number, to: number, h: number) => void): void {
  const rows = areaRows(g);
  for (let i = 0; i < rows.y.length; i++) row(rows.y[i]!, rows.xs, rows.start[i]!, rows.start[i + 1]!, rows.h[i]!);
}

/** The rows of an area in its plane, cut once (they do not depend on the corridor width). */
function areaRows(g: Polygon | MultiPolygon): AreaRows {
  const site = prepared(g);
  if (site.rows) return site.rows;
  const ys: number[] = [];
  const hs: number[] = [];
  const start: number[] = [];
  const xs: number[] = [];
  for (const polygon of polygonsOf(g)) {
    const rings: Ring[] = polygon.map((r) => r.map((p) => toPlane(site.plane, p[0]!, p[1]!)));
    let [y0, y1] = [Infinity, -Infinity];
    for (const [, y] of rings[0] ?? []) [y0, y1] = [Math.min(y0, y), Math.max(y1, y)];
    const n = rowsFor(y1 - y0);
    const h = (y1 - y0) / n;
    for (let i = 0; i < n; i++) {
      const y = y0 + (i + 0.5) * h;
      const at = polygonRowsAt(rings, y);
      if (!at.length) continue;
      ys.push(y);
      hs.push(h);
      start.push(xs.length);
      for (const x of at) xs.push(x);
    }
  }
  start.push(xs.length);
  return (site.rows = { y: Float64Array.from(ys), h: Float64Array.from(hs), start: Uint32Array.from(start), xs: Float64Array.from(xs) });
}

/**
 * The part of a line's length for which `inside(p, q)` — given each segment p→q in the plane — says which fraction
 * (0–1) of it counts: Σ length × fraction ÷ Σ length.
 */
function lineShare(g: LineString | MultiLineString, plane: Plane, inside: (px: number, py: number, qx: number, qy: number) => number): number {
  let total = 0;
  let sum = 0;
  for (const line of linesOf(g)) {
    for (let i = 1; i < line.length; i++) {
      const [px, py] = toPlane(plane, line[i - 1]![0]!, line[i - 1]![1]!);
      const [qx, qy] = toPlane(plane, line[i]![0]!, line[i]![1]!);
      const len = Math.hypot(qx - px, qy - py);
      total += len;
      if (len > 0) sum += len * inside(px, py, qx, qy);
    }
  }
  return total > 0 ? Math.min(1, sum / total) : 0;
}

/** Squared distance from (x, y) to the segment a→b, in the plane. */
function segmentDistance2(x: number, y: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? ((x - ax) * dx + (y - ay) * dy) / len2 : 0;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  const ex = ax + t * dx - x;
  const ey = ay + t * dy - y;
  return ex * ex + ey * ey;
}

/** The part of x ∈ [x0, x1] on row y within r of any of the segments (in the plane), as x intervals. */
function corridorRow(segments: readonly number[][], x0: number, x1: number, y: number, r: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const w = x1 - x0;
  for (const [ax, ay, bx, by] of segments) {
    if (Math.min(ay!, by!) - r > y || Math.max(ay!, by!) + r < y) continue;
    const t = capsuleRange(x0, y, w, 0, ax!, ay!, bx!, by!, r);
    if (t) out.push([x0 + t[0] * w, x0 + t[1] * w]);
  }
  return out;
}

/**
 * The share of a site within `halfWidthM` of an axis: of its length (a line), its area (an area) or its points.
 * `distanceM` (shapeDistanceM) lets a site wholly outside return 0 at once.
 */
export function corridorShare(g: SiteGeometry, axis: readonly Position[], axisLine: PreparedLine, halfWidthM: number, distanceM: number): number {
  if (distanceM > halfWidthM) return 0;
  const site = prepared(g);
  const { kind, bounds, positions, plane, vertices } = site;
  if (kind === 'point') {
    return positions.filter((p) => pointToLineM(p[0]!, p[1]!, axisLine) <= halfWidthM).length / positions.length;
  }
  // Wholly inside at once: every point of the site is within its box's diagonal D of every vertex, so when each
  // vertex is within halfWidth − D of the axis, so is every point (the triangle inequality).
  const { kx, ky } = plane;
  const diagonal = Math.hypot((bounds[2] - bounds[0]) * kx, (bounds[3] - bounds[1]) * ky);
  if (diagonal < halfWidthM && positions.every((p) => pointToLineM(p[0]!, p[1]!, axisLine) <= halfWidthM - diagonal)) return 1;
  const near = axisNear(axis, plane, bounds, halfWidthM);
  // Wholly inside one segment's capsule (convex): then the whole site is, since it lies in its vertices' hull.
  const r2 = halfWidthM * halfWidthM;
  for (const [ax, ay, bx, by] of near) {
    if (vertices.every(([x, y]) => segmentDistance2(x, y, ax!, ay!, bx!, by!) <= r2)) return 1;
  }
  if (kind === 'line') {
    return lineShare(g as LineString | MultiLineString, plane, (px, py, qx, qy) => {
      const sb: Bounds = [Math.min(px, qx), Math.min(py, qy), Math.max(px, qx), Math.max(py, qy)];
      const intervals: Array<[number, number]> = [];
      for (const [ax, ay, bx, by] of near) {
        if (!overlaps([Math.min(ax!, bx!), Math.min(ay!, by!), Math.max(ax!, bx!), Math.max(ay!, by!)], sb, halfWidthM)) continue;
        const t = capsuleRange(px, py, qx - px, qy - py, ax!, ay!, bx!, by!, halfWidthM);
        if (t) intervals.push(t);
      }
      return unionLength(intervals);
    });
  }
  let total = 0;
  let inside = 0;
  const [x0] = toPlane(plane, bounds[0], bounds[1]);
  const [x1] = toPlane(plane, bounds[2], bounds[3]);
  forEachRow(g as Polygon | MultiPolygon, (y, xs, from, to, h) => {
    const band = corridorRow(near, x0 - 1, x1 + 1, y, halfWidthM);
    for (let k = from; k + 1 < to; k += 2) {
      total += (xs[k + 1]! - xs[k]!) * h;
      if (band.length) inside += coveredLength(xs[k]!, xs[k + 1]!, band) * h;
    }
  });
  return total > 0 ? Math.min(1, inside / total) : 0;
}

/** A zone for shares: its id and rings (all of them: even–odd). */
export interface ZoneRings {
  id: string;
  rings: Position[][];
  bounds: Bounds;
}

export function zoneRings(id: string, geometry: Polygon | MultiPolygon): ZoneRings {
  const rings = polygonsOf(geometry).flat();
  return { id, rings, bounds: siteBounds({ type: 'MultiPoint', coordinates: rings.flat() }) };
}

/** Whether any edge of a zone meets a box (its own box overlapping the box is enough to say maybe). */
function edgeMeetsBox(zone: ZoneRings, b: Bounds): boolean {
  for (const ring of zone.rings) {
    for (let i = 1; i < ring.length; i++) {
      const [a, c] = [ring[i - 1]!, ring[i]!];
      if (Math.max(a[0]!, c[0]!) >= b[0] && Math.min(a[0]!, c[0]!) <= b[2] && Math.max(a[1]!, c[1]!) >= b[1] && Math.min(a[1]!, c[1]!) <= b[3]) return true;
    }
  }
  return false;
}

/** A zone's edges whose latitude range meets [south, north], in the plane: enough for even–odd tests inside that band. */
function zoneEdgesIn(zone: ZoneRings, plane: Plane, south: number, north: number): Ring[] {
  const out: Ring[] = [];
  for (const ring of zone.rings) {
    for (let i = 1; i < ring.length; i++) {
      const [a, b] = [ring[i - 1]!, ring[i]!];
      if (Math.max(a[1]!, b[1]!) < south || Math.min(a[1]!, b[1]!) > north) continue;
      out.push([toPlane(plane, a[0]!, a[1]!), toPlane(plane, b[0]!, b[1]!)]);
    }
  }
  return out;
}

/** Where segment p→q (plane) meets edge a→b, as t along p→q, or null. */
function crossingT(px: number, py: number, qx: number, qy: number, ax: number, ay: number, bx: number, by: number): number | null {
  const rx = qx - px;
  const ry = qy - py;
  const sx = bx - ax;
  const sy = by - ay;
  const den = rx * sy - ry * sx;
  if (den === 0) return null;
  const t = ((ax - px) * sy - (ay - py) * sx) / den;
  const u = ((ax - px) * ry - (ay - py) * rx) / den;
  return t > 0 && t < 1 && u >= 0 && u <= 1 ? t : null;
}

/** Even–odd test of a plane point against edges (each a 2-point ring). */
function insideEdges(edges: readonly Ring[], x: number, y: number): boolean {
  let inside = false;
  for (const [[x0, y0], [x1, y1]] of edges as Array<[[number, number], [number, number]]>) {
    if (y0 > y !== y1 > y && x < x0 + ((y - y0) * (x1 - x0)) / (y1 - y0)) inside = !inside;
  }
  return inside;
}

/**
 * The share of a site in each zone (its length, area or points inside it), largest first. `pin`: a point of the
 * site (its representative point), when known.
 */
export function zoneShares(g: SiteGeometry, zones: readonly ZoneRings[], pin?: readonly [number, number]): Array<{ id: string; share: number }> {
  const { bounds, kind, plane } = prepared(g);
  const out: Array<{ id: string; share: number }> = [];
  // A site no zone edge passes near lies wholly in one zone, or in none: its pin's zone says which.
  const crossed = zones.filter((z) => overlaps(z.bounds, bounds) && edgeMeetsBox(z, bounds));
  const inner = (): readonly [number, number] => pin ?? representativePointOf(g);
  if (!crossed.length && kind !== 'point') {
    const [x, y] = inner();
    const home = zones.find((z) => overlaps(z.bounds, bounds) && insideRings(z.rings, x, y));
    return home ? [{ id: home.id, share: 1 }] : [];
  }
  for (const zone of zones) {
    if (!overlaps(zone.bounds, bounds)) continue;
    let share = 0;
    if (kind !== 'point' && !crossed.includes(zone)) {
      // No edge of this zone near the site: wholly inside it, or wholly outside.
      const [x, y] = inner();
      share = insideRings(zone.rings, x, y) ? 1 : 0;
    } else if (kind === 'point') {
      const points = pointsOf(g as never) as Position[];
      share = points.filter((p) => insideRings(zone.rings, p[0]!, p[1]!)).length / points.length;
    } else {
      const edges = zoneEdgesIn(zone, plane, bounds[1], bounds[3]);
      if (kind === 'line') {
        share = lineShare(g as LineString | MultiLineString, plane, (px, py, qx, qy) => {
          const ts = [0, 1];
          for (const [[ax, ay], [bx, by]] of edges as Array<[[number, number], [number, number]]>) {
            const t = crossingT(px, py, qx, qy, ax, ay, bx, by);
            if (t !== null) ts.push(t);
          }
          ts.sort((a, b) => a - b);
          let inside = 0;
          for (let k = 1; k < ts.length; k++) {
            const m = (ts[k - 1]! + ts[k]!) / 2;
            if (ts[k]! > ts[k - 1]! && insideEdges(edges, px + m * (qx - px), py + m * (qy - py))) inside += ts[k]! - ts[k - 1]!;
          }
          return inside;
        });
      } else {
        let total = 0;
        let inside = 0;
        forEachRow(g as Polygon | MultiPolygon, (y, xs, from, to, h) => {
          const zx = polygonRowsAt(edges, y);
          const zoneRow: Array<[number, number]> = [];
          for (let k = 0; k + 1 < zx.length; k += 2) zoneRow.push([zx[k]!, zx[k + 1]!]);
          for (let k = from; k + 1 < to; k += 2) {
            total += (xs[k + 1]! - xs[k]!) * h;
            inside += coveredLength(xs[k]!, xs[k + 1]!, zoneRow) * h;
          }
        });
        share = total > 0 ? inside / total : 0;
      }
    }
    if (share > 1e-9) out.push({ id: zone.id, share: Math.min(1, share) });
  }
  return out.sort((a, b) => b.share - a.share);
}

/** A site's size and zone shares (computed once per data set, like a point's zone); `pin` as in zoneShares. */
export function shapeFacts(g: SiteGeometry, zones: readonly ZoneRings[], pin?: readonly [number, number]): ShapeFacts {
  return { kind: siteKind(g), size: siteSize(g), zones: zoneShares(g, zones, pin) };
}
