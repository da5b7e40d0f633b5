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

/** Metres per degree of longitude (`kx`) and of latitude (`ky`) at a latitude in degrees. */
export function metresPerDegree(lat: number): { kx: number; ky: number } {
  const s = Math.sin(lat * RAD);
  const w = 1 - E2 * s * s;
  const sw = Math.sqrt(w);
  return { kx: ((A / sw) * Math.cos(lat * RAD)) * RAD, ky: ((A * (1 - E2)) / (w * sw)) * RAD };
}

/** Distance in metres between two [lon, lat] positions a few kilometres apart at most. */
export function distanceM(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const { kx, ky } = metresPerDegree((lat1 + lat2) / 2);
  return Math.hypot((lon2 - lon1) * kx, (lat2 - lat1) * ky);
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
}

export function prepareLine(coords: ReadonlyArray<readonly number[]>): PreparedLine {
  const xy = new Float64Array(coords.length * 2);
  coords.forEach((c, i) => {
    xy[2 * i] = c[0]!;
    xy[2 * i + 1] = c[1]!;
  });
  return { xy };
}

/**
 * Distance in metres from a [lon, lat] point to the nearest point of a polyline. `scale` is
 * metresPerDegree(lat), passed in when the caller measures one point against several lines.
 */
export function pointToLineM(lon: number, lat: number, line: PreparedLine, scale = metresPerDegree(lat)): number {
  const { xy } = line;
  const { kx, ky } = scale;
  let best = Infinity;
  let bestLon = lon;
  let bestLat = lat;
  for (let i = 2; i < xy.length; i += 2) {
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
  // The scale above is the point's own latitude; measure the winner again at the mean latitude.
  return distanceM(lon, lat, bestLon, bestLat);
}
