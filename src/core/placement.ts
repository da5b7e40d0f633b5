import { lineLengthM, metresPerDegree, pointToLineM, prepareLine, type PreparedLine } from './geodesy.ts';
import { containsPoint, preparePolygon } from './point_in_polygon.ts';
import type { AxisFeature, ZoneFeature } from './load_geo.ts';
import type { AxisId, MappedProject } from './model.ts';
import { corridorShare, shapeDistanceM, shapeFacts, zoneRings, type ShapeFacts, type ZoneRings } from './shape_placement.ts';
import type { KnownPlacements } from './shipped_placements.ts';

/**
 * Where each project lies relative to the axes and zones. It does not depend on the corridor width,
 * so it is computed once per data set; a width change only compares these distances again.
 */
export interface Placement {
  /**
   * Metres to each axis line, to the centimetre, in the axes' order (PreparedAxis[k] ↔ distances_m[k]); `null`
   * when not mapped. Centimetres: far finer than any site's accuracy, and what the data build ships
   * (shipped_placements.ts) is then exactly what a page would compute.
   */
  distances_m: number[] | null;
  /** The schematic (or official) zone containing the site (for a line or an area: holding most of it), if any. */
  zone: string | null;
  /** For a line, an area or several points: its size and its share in each zone; null for a single point. */
  shape: ShapeFacts | null;
}

export interface PreparedAxis {
  id: AxisId;
  feature: AxisFeature;
  line: PreparedLine;
  length_m: number;
}

/** The axes in file order (the layout's order), each with its line prepared for distances. */
export function prepareAxes(axes: readonly AxisFeature[]): PreparedAxis[] {
  return axes.map((feature) => ({
    id: feature.properties.id,
    feature,
    line: prepareLine(feature.geometry.coordinates),
    length_m: lineLengthM(feature.geometry.coordinates),
  }));
}

/** From this many projects on, distances go through a segment grid (see geodesy.ts). */
const INDEX_FROM = 20_000;

/** Metres to the centimetre (see Placement.distances_m). */
const toCm = (m: number): number => Math.round(m * 100) / 100;

/**
 * Each project's placement. `known`: placements already computed for these axes and zones (shipped by the data
 * build), reused for a project whose site is the very site they were computed from.
 */
export function placeProjects(
  projects: readonly MappedProject[],
  axes: readonly PreparedAxis[],
  zones: readonly ZoneFeature[],
  known?: KnownPlacements,
): Placement[] {
  const sameLayout = (ids: readonly string[], of: ReadonlyArray<{ id: string }>) => ids.length === of.length && ids.every((id, k) => id === of[k]!.id);
  if (known && !(sameLayout(known.layout.axisIds, axes) && sameLayout(known.layout.zoneIds, zones.map((z) => z.properties)))) known = undefined;
  if (known && known.sites.length === projects.length && projects.every((p, i) => p.site === known!.sites[i])) return known.placements.slice();
  const prepared = zones.map((z) => ({ id: z.properties.id, polygon: preparePolygon(z.geometry) }));
  // A segment grid pays for its building (a few ms) only over tens of thousands of points.
  const lines = axes.map((a) => (projects.length >= INDEX_FROM && !a.line.grid ? prepareLine(a.feature.geometry.coordinates, true) : a.line));
  let rings: ZoneRings[] | null = null;
  return projects.map(({ site }, i): Placement => {
    if (known && known.sites[i] === site) return known.placements[i]!;
    if (!site) return { distances_m: null, zone: null, shape: null };
    if (site.geometry) {
      const g = site.geometry;
      const shape = shapeFacts(g, (rings ??= zones.map((z) => zoneRings(z.properties.id, z.geometry))), [site.lon, site.lat]);
      return { distances_m: axes.map((a, k) => toCm(shapeDistanceM(g, a.feature.geometry.coordinates, lines[k]!))), zone: shape.zones[0]?.id ?? null, shape };
    }
    const { lon, lat } = site;
    const scale = metresPerDegree(lat);
    const distances_m = new Array<number>(lines.length);
    for (let k = 0; k < lines.length; k++) distances_m[k] = toCm(pointToLineM(lon, lat, lines[k]!, scale));
    let zone: string | null = null;
    for (const z of prepared) {
      if (containsPoint(z.polygon, lon, lat)) {
        zone = z.id;
        break;
      }
    }
    return { distances_m, zone, shape: null };
  });
}

/** The axes (ids, in `axisIds` order = the placement's) whose corridor of this half-width holds the site, nearest first. */
export function corridorsOf(placement: Placement, halfWidthM: number, axisIds: readonly AxisId[]): AxisId[] {
  const d = placement.distances_m;
  if (!d) return [];
  return axisIds
    .map((id, k) => ({ id, d: d[k]! }))
    .filter((a) => a.d <= halfWidthM)
    .sort((a, b) => a.d - b.d)
    .map((a) => a.id);
}

/** The nearest axis whose corridor contains the site (corridorsOf(…)[0] without building the list). */
export function nearestCorridor(placement: Placement, halfWidthM: number, axisIds: readonly AxisId[]): AxisId | null {
  const d = placement.distances_m;
  if (!d) return null;
  let best = -1;
  for (let k = 0; k < d.length; k++) if (d[k]! <= halfWidthM && (best < 0 || d[k]! < d[best]!)) best = k;
  return best < 0 ? null : axisIds[best]!;
}

const NO_SHARES: ReadonlyArray<number[] | null> = [];

/**
 * Each project's share inside each corridor at a half-width, in axis order: the part of its length, area or
 * points for a line, an area or several points; null for a single point (its share is 1 inside, 0 outside) and
 * when not mapped. It depends on the
 * width, so it is computed per width (lines and areas only: a point's share is its distance compared).
 */
export function corridorShares(projects: readonly MappedProject[], placements: readonly Placement[], axes: readonly PreparedAxis[], halfWidthM: number): ReadonlyArray<number[] | null> {
  // Points only (the usual ledger): nothing to compute, and no array of 100,000 nulls either.
  if (!placements.some((p) => p.shape !== null)) return NO_SHARES;
  return projects.map(({ site }, i) => {
    const d = placements[i]!.distances_m;
    const g = site?.geometry;
    if (!g || !d) return null;
    return axes.map((a, k) => corridorShare(g, a.feature.geometry.coordinates, a.line, halfWidthM, d[k]!));
  });
}
