import type { MultiPolygon, Polygon } from 'geojson';

/** Horizontal bands of the edge index: a point is tested only against the edges crossing its band. */
const BANDS = 64;

/**
 * A (multi)polygon flattened for fast point-in-polygon tests: its bounding box, and its edges (x0, y0, x1, y1)
 * filed under every latitude band they cross.
 */
export interface PreparedPolygon {
  west: number;
  south: number;
  east: number;
  north: number;
  bandHeight: number;
  bands: Float64Array[];
}

export function preparePolygon(geometry: Polygon | MultiPolygon): PreparedPolygon {
  const rings = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates).flat();
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of rings) {
    for (const c of ring) {
      west = Math.min(west, c[0]!);
      east = Math.max(east, c[0]!);
      south = Math.min(south, c[1]!);
      north = Math.max(north, c[1]!);
    }
  }
  const bandHeight = (north - south) / BANDS || 1;
  const lists: number[][] = Array.from({ length: BANDS }, () => []);
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [x0, y0] = ring[j] as [number, number];
      const [x1, y1] = ring[i] as [number, number];
      if (y0 === y1) continue; // a horizontal edge never crosses a horizontal ray
      const first = Math.max(0, Math.floor((Math.min(y0, y1) - south) / bandHeight));
      const last = Math.min(BANDS - 1, Math.floor((Math.max(y0, y1) - south) / bandHeight));
      for (let b = first; b <= last; b++) lists[b]!.push(x0, y0, x1, y1);
    }
  }
  return { west, south, east, north, bandHeight, bands: lists.map((l) => Float64Array.from(l)) };
}

/**
 * Even–odd ray casting over every ring: holes and the parts of a MultiPolygon (which RFC 7946 says do not
 * overlap) come out right without knowing which ring is which.
 */
export function containsPoint(p: PreparedPolygon, lon: number, lat: number): boolean {
  if (lon < p.west || lon > p.east || lat < p.south || lat > p.north) return false;
  const band = p.bands[Math.min(p.bands.length - 1, Math.floor((lat - p.south) / p.bandHeight))]!;
  let inside = false;
  for (let e = 0; e < band.length; e += 4) {
    const y0 = band[e + 1]!;
    const y1 = band[e + 3]!;
    if (y1 > lat !== y0 > lat) {
      const x1 = band[e + 2]!;
      if (lon < ((band[e]! - x1) * (lat - y1)) / (y0 - y1) + x1) inside = !inside;
    }
  }
  return inside;
}
