import { lineLengthM, metresPerDegree, pointToLineM, prepareLine, type PreparedLine } from './geodesy.ts';
import { containsPoint, preparePolygon } from './point_in_polygon.ts';
import type { AxisFeature, ZoneFeature } from './load_geo.ts';
import { AXIS_IDS, type AxisId, type MappedProject } from './model.ts';

/**
 * Where each project lies relative to the axes and zones. It does not depend on the corridor width,
 * so it is computed once per data set; a width change only compares these distances again.
 */
export interface Placement {
  /** Metres to each axis line; `null` for a project that is not mapped. */
  distances_m: Record<AxisId, number> | null;
  /** The schematic (or official) zone containing the site, if any. */
  zone: string | null;
}

export interface PreparedAxis {
  id: AxisId;
  feature: AxisFeature;
  line: PreparedLine;
  length_m: number;
}

export function prepareAxes(axes: readonly AxisFeature[]): PreparedAxis[] {
  return AXIS_IDS.map((id) => {
    const feature = axes.find((a) => a.properties.id === id);
    if (!feature) throw new Error(`prepareAxes: axis '${id}' is missing — load geo/axes.geojson with loadAxes() first`);
    return { id, feature, line: prepareLine(feature.geometry.coordinates), length_m: lineLengthM(feature.geometry.coordinates) };
  });
}

/** From this many projects on, distances go through a segment grid (see geodesy.ts). */
const INDEX_FROM = 20_000;

export function placeProjects(
  projects: readonly MappedProject[],
  axes: readonly PreparedAxis[],
  zones: readonly ZoneFeature[],
): Placement[] {
  const prepared = zones.map((z) => ({ id: z.properties.id, polygon: preparePolygon(z.geometry) }));
  // A segment grid pays for its building (a few ms) only over tens of thousands of points.
  const lines = axes.map((a) => (projects.length >= INDEX_FROM && !a.line.grid ? prepareLine(a.feature.geometry.coordinates, true) : a.line));
  const line = Object.fromEntries(axes.map((a, k) => [a.id, lines[k]!])) as Record<AxisId, PreparedLine>;
  return projects.map(({ site }) => {
    if (!site) return { distances_m: null, zone: null };
    const { lon, lat } = site;
    const scale = metresPerDegree(lat);
    // One literal shape for every placement (V8 keeps them compact and fast to read).
    const distances_m: Record<AxisId, number> = {
      songshan: pointToLineM(lon, lat, line.songshan, scale),
      daxue: pointToLineM(lon, lat, line.daxue, scale),
      jingguang: pointToLineM(lon, lat, line.jingguang, scale),
    };
    let zone: string | null = null;
    for (const z of prepared) {
      if (containsPoint(z.polygon, lon, lat)) {
        zone = z.id;
        break;
      }
    }
    return { distances_m, zone };
  });
}

/** The axes whose corridor (half-width in metres) contains the point, nearest first. */
export function corridorsOf(placement: Placement, halfWidthM: number): AxisId[] {
  const d = placement.distances_m;
  if (!d) return [];
  return AXIS_IDS.filter((id) => d[id] <= halfWidthM).sort((a, b) => d[a] - d[b]);
}

/** The nearest axis whose corridor contains the point (corridorsOf(…)[0] without building the list). */
export function nearestCorridor(placement: Placement, halfWidthM: number): AxisId | null {
  const d = placement.distances_m;
  if (!d) return null;
  let best: AxisId | null = null;
  for (const id of AXIS_IDS) if (d[id] <= halfWidthM && (best === null || d[id] < d[best])) best = id;
  return best;
}
