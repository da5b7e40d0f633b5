/** Plausibility of a WGS84 position for this project: inside 郑州市's extent (padded by ~5 km). */
export const ZHENGZHOU_BOUNDS = { west: 112.66, east: 114.27, south: 34.22, north: 35.04 } as const;

/** 二七区's extent (WGS84), for the initial view. */
export const ERQI_BOUNDS: [[number, number], [number, number]] = [
  [113.498, 34.601],
  [113.671, 34.768],
];

const inside = (lon: number, lat: number): boolean =>
  lon >= ZHENGZHOU_BOUNDS.west && lon <= ZHENGZHOU_BOUNDS.east && lat >= ZHENGZHOU_BOUNDS.south && lat <= ZHENGZHOU_BOUNDS.north;

/** `null` when the position is plausible, else a message that says what looks wrong and how to fix it. */
export function checkPosition(lon: number, lat: number): string | null {
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return `coordinates must be finite numbers, got [${lon}, ${lat}]`;
  if (inside(lon, lat)) return null;
  if (inside(lat, lon)) return `[${lon}, ${lat}] looks like [lat, lon]: GeoJSON wants [longitude, latitude], i.e. [${lat}, ${lon}]`;
  // Metres of a projection (CGCS2000 Gauss–Krüger zone 38 puts Zhengzhou near [38 470 000, 3 846 000]), not degrees.
  if (Math.abs(lon) > 1000 && Math.abs(lat) > 1000) return `[${lon}, ${lat}] looks like projected coordinates in metres (e.g. CGCS2000 Gauss–Krüger), not longitude and latitude: convert them to degrees (WGS84 or CGCS2000) first`;
  return `[${lon}, ${lat}] is outside Zhengzhou (lon ${ZHENGZHOU_BOUNDS.west}–${ZHENGZHOU_BOUNDS.east}, lat ${ZHENGZHOU_BOUNDS.south}–${ZHENGZHOU_BOUNDS.north})`;
}
