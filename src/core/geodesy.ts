/**
 * Short distances on the WGS84 ellipsoid, for points and lines a few kilometres apart.
 *
 * Each distance is taken in a local plane scaled by the ellipsoid's radii of curvature at the mean
 * latitude of its two ends. Over the district (< 20 km) this agrees with the geodesic distance to well
 * under a millimetre, and costs a few multiplications: no trigonometry per segment.
 * Segments are straight in longitude/latitude, as RFC 7946 defines a LineString.
 */
const A = 6_378_137; // semi-major axis, metres
const F = 1 / 298.257223563; // flattening
const E2 = F * (2 - F); // first eccentricity squared
const RAD = Math.PI / 180;

/** Metres per degree of longitude (`kx`) and of latitude (`ky`) at a latitude, with that latitude's sine and cosine. */
export interface Scale {
  kx: number;
  ky: number;
  sin: number;
  cos: number;
}

function scaleOf(sin: number, cos: number): Scale {
  const w = 1 - E2 * sin * sin;
  const sw = Math.sqrt(w);
  return { kx: (A / sw) * cos * RAD, ky: ((A * (1 - E2)) / (w * sw)) * RAD, sin, cos };
}

/** Metres per degree of longitude (`kx`) and of latitude (`ky`) at a latitude in degrees. */
export function metresPerDegree(lat: number): Scale {
  return scaleOf(Math.sin(lat * RAD), Math.cos(lat * RAD));
}

/** Distance in metres between two [lon, lat] positions a few kilometres apart at most. */
export function distanceM(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const { kx, ky } = metresPerDegree((lat1 + lat2) / 2);
  const x = (lon2 - lon1) * kx;
  const y = (lat2 - lat1) * ky;
  return Math.sqrt(x * x + y * y);
}

/** Length of a polyline in metres. */
export function lineLengthM(coords: ReadonlyArray<readonly number[]>): number {
  let sum = 0;
  for (let i = 1; i < coords.length; i++) sum += distanceM(coords[i - 1]![0]!, coords[i - 1]![1]!, coords[i]![0]!, coords[i]![1]!);
  return sum;
}

/** A polyline flattened for fast distance queries. */
export interface PreparedLine {
  /** lon0, lat0, lon1, lat1, … */
  readonly xy: Float64Array;
  /** Which segments can be nearest to a point in each grid cell (see indexSegments); absent: try them all. */
  readonly grid: SegmentGrid | null;
}

/**
 * A uniform grid over a line's surroundings. For each cell it lists the segments that can hold the nearest point
 * of the line to some point of the cell: every other segment is farther from the whole cell than one of these.
 */
interface SegmentGrid {
  west: number;
  south: number;
  /** Cell size in degrees. */
  dLon: number;
  dLat: number;
  nx: number;
  ny: number;
  /** Segments of cell c are segments[start[c]] … segments[start[c + 1] - 1], in ascending order. */
  start: Uint32Array;
  segments: Uint32Array;
}

/** Cell size and how far around the line the grid reaches; points beyond it test every segment. */
const CELL_M = 400;
const REACH_M = 5_000;

/** `indexed`: also build the segment grid (worth it when many points are measured against the line). */
export function prepareLine(coords: ReadonlyArray<readonly number[]>, indexed = false): PreparedLine {
  const xy = new Float64Array(coords.length * 2);
  coords.forEach((c, i) => {
    xy[2 * i] = c[0]!;
    xy[2 * i + 1] = c[1]!;
  });
  return { xy, grid: indexed && coords.length > 2 ? indexSegments(xy) : null };
}

/** Squared distance in metres from (0, 0) to the segment a→b, both given in metres. */
function segmentDistance2(ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? -(ax * dx + ay * dy) / len2 : 0;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  const x = ax + t * dx;
  const y = ay + t * dy;
  return x * x + y * y;
}

function indexSegments(xy: Float64Array): SegmentGrid {
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < xy.length; i += 2) {
    west = Math.min(west, xy[i]!);
    east = Math.max(east, xy[i]!);
    south = Math.min(south, xy[i + 1]!);
    north = Math.max(north, xy[i + 1]!);
  }
  const mid = metresPerDegree((south + north) / 2);
  const dLon = CELL_M / mid.kx;
  const dLat = CELL_M / mid.ky;
  west -= REACH_M / mid.kx;
  south -= REACH_M / mid.ky;
  const nx = Math.ceil((east + REACH_M / mid.kx - west) / dLon);
  const ny = Math.ceil((north + REACH_M / mid.ky - south) / dLat);
  const nSeg = xy.length / 2 - 1;
  const start = new Uint32Array(nx * ny + 1);
  const lists: number[] = [];
  const d = new Float64Array(nSeg);
  for (let cy = 0; cy < ny; cy++) {
    const lat = south + (cy + 0.5) * dLat;
    const { kx, ky } = metresPerDegree(lat);
    // Half the cell's diagonal: no point of the cell is farther than this from its centre.
    const r = Math.hypot((dLon * kx) / 2, (dLat * ky) / 2);
    for (let cx = 0; cx < nx; cx++) {
      const lon = west + (cx + 0.5) * dLon;
      let best = Infinity;
      for (let k = 0; k < nSeg; k++) {
        const i = 2 * k;
        d[k] = Math.sqrt(segmentDistance2((xy[i]! - lon) * kx, (xy[i + 1]! - lat) * ky, (xy[i + 2]! - lon) * kx, (xy[i + 3]! - lat) * ky));
        if (d[k]! < best) best = d[k]!;
      }
      // For p in the cell, |dist(p, s) − dist(centre, s)| ≤ r; so a segment whose centre distance exceeds
      // best + 2r is farther from every p than the best one. The slack covers the metric's change of scale
      // with latitude inside the cell (≈1e-5 relative) with a wide margin.
      const limit = best + 2 * r + 1 + best * 1e-4;
      start[cy * nx + cx] = lists.length;
      for (let k = 0; k < nSeg; k++) if (d[k]! <= limit) lists.push(k);
    }
  }
  start[nx * ny] = lists.length;
  return { west, south, dLon, dLat, nx, ny, start, segments: Uint32Array.from(lists) };
}

/**
 * Distance in metres from a [lon, lat] point to the nearest point of a polyline. `scale` is
 * metresPerDegree(lat), passed in when the caller measures one point against several lines.
 */
export function pointToLineM(lon: number, lat: number, line: PreparedLine, scale = metresPerDegree(lat)): number {
  const { xy, grid } = line;
  const { kx, ky } = scale;
  let best = Infinity;
  let bestLon = lon;
  let bestLat = lat;
  // The segments to try: those the grid lists for the point's cell, else all of them.
  let list: Uint32Array | null = null;
  let from = 0;
  let to = xy.length / 2 - 1;
  if (grid) {
    const cx = Math.floor((lon - grid.west) / grid.dLon);
    const cy = Math.floor((lat - grid.south) / grid.dLat);
    if (cx >= 0 && cy >= 0 && cx < grid.nx && cy < grid.ny) {
      list = grid.segments;
      from = grid.start[cy * grid.nx + cx]!;
      to = grid.start[cy * grid.nx + cx + 1]!;
    }
  }
  for (let j = from; j < to; j++) {
    const i = 2 * (list ? list[j]! : j) + 2;
    // Segment a→b in metres, relative to the point.
    const ax = (xy[i - 2]! - lon) * kx;
    const ay = (xy[i - 1]! - lat) * ky;
    const dx = (xy[i]! - xy[i - 2]!) * kx;
    const dy = (xy[i + 1]! - xy[i - 1]!) * ky;
    const len2 = dx * dx + dy * dy;
    let t = len2 > 0 ? -(ax * dx + ay * dy) / len2 : 0;
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    const x = ax + t * dx;
    const y = ay + t * dy;
    const d2 = x * x + y * y;
    if (d2 < best) {
      best = d2;
      bestLon = xy[i - 2]! + t * (xy[i]! - xy[i - 2]!);
      bestLat = xy[i - 1]! + t * (xy[i + 1]! - xy[i - 1]!);
    }
  }
  // The scale above is the point's own latitude; measure the winner again at the mean latitude (as distanceM).
  // Its sine and cosine come from the point's by the angle-sum formulas (the same numbers as calling sin and cos
  // again to ~1e-15, at a fraction of the cost), written out: no object per distance.
  const b = ((bestLat - lat) / 2) * RAD;
  const b2 = b * b;
  const sinB = b * (1 - (b2 / 6) * (1 - (b2 / 20) * (1 - b2 / 42)));
  const cosB = 1 - (b2 / 2) * (1 - (b2 / 12) * (1 - b2 / 30));
  const sin = scale.sin * cosB + scale.cos * sinB;
  const cos = scale.cos * cosB - scale.sin * sinB;
  const w = 1 - E2 * sin * sin;
  const sw = Math.sqrt(w);
  const x = (bestLon - lon) * (A / sw) * cos * RAD;
  const y = ((bestLat - lat) * A * (1 - E2) * RAD) / (w * sw);
  return Math.sqrt(x * x + y * y);
}
