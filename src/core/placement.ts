import { lineLengthM, metresPerDegree, pointToLineM, prepareLine, type PreparedLine } from './geodesy.ts';
import { containsPoint, preparePolygon } from './point_in_polygon.ts';
import type { AxisFeature, ZoneFeature } from './load_geo.ts';
import type { AxisId, MappedProject } from './model.ts';
import { corridorShare, shapeDistanceM, shapeFacts, zoneRings, type ShapeFacts, type ZoneRings } from './shape_placement.ts';
import type { KnownPlacements } from './shipped_placements.ts';

/**
 * Where one project lies relative to the axes and zones, as one object (the card, exports and tests read it so;
 * a whole ledger's are kept in columns, Placements). It does not depend on the corridor width.
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

/** Placements.cm of a project not mapped. */
const NOT_MAPPED = -1;

/** Shared by every ledger without lines or areas; frozen, so a write meant for a ledger's own array fails loudly. */
const NO_SHAPES: ReadonlyArray<ShapeFacts | undefined> = Object.freeze([]);

/**
 * Every project's placement, computed once per data set, in columns: typed arrays rather than an object and an
 * array per project (at 50,000 projects: ~0.65 MB instead of ~3.6 MB, and a pass over them reads numbers in a row).
 * Row i is project i of the ledger it was computed for.
 */
export class Placements {
  constructor(
    readonly length: number,
    readonly axisCount: number,
    /**
     * Whole centimetres, row after row: project i's distance to axis k at [i × axisCount + k]; -1: not mapped.
     * (Exact integers in half the room of metres as doubles; `distance` gives metres.)
     */
    readonly cm: Int32Array,
    /** Index into `zoneIds` of the zone holding the site (a line or an area: most of it); -1: none, or not mapped. */
    readonly zones: Int8Array,
    readonly zoneIds: readonly string[],
    /** The facts of each line, area or group of points, by row (a sparse array; empty when there is none). */
    readonly shapes: ReadonlyArray<ShapeFacts | undefined> = NO_SHAPES,
  ) {}

  /** Room for `length` projects, none placed yet (every row "not mapped"). */
  static empty(length: number, axisCount: number, zoneIds: readonly string[], withShapes: boolean): Placements {
    return new Placements(length, axisCount, new Int32Array(length * axisCount).fill(NOT_MAPPED), new Int8Array(length).fill(-1), zoneIds, withShapes ? new Array<ShapeFacts | undefined>(length) : NO_SHAPES);
  }

  mapped(i: number): boolean {
    return this.cm[i * this.axisCount]! >= 0;
  }

  /** Metres from project i to axis k, to the centimetre; NaN when it is not mapped. */
  distance(i: number, k: number): number {
    const cm = this.cm[i * this.axisCount + k]!;
    return cm < 0 ? NaN : cm / 100;
  }

  zone(i: number): string | null {
    const z = this.zones[i]!;
    return z < 0 ? null : this.zoneIds[z]!;
  }

  shape(i: number): ShapeFacts | null {
    return this.shapes[i] ?? null;
  }

  /** Project i's placement as one object. */
  at(i: number): Placement {
    if (!this.mapped(i)) return { distances_m: null, zone: null, shape: null };
    return { distances_m: Array.from(this.cm.subarray(i * this.axisCount, (i + 1) * this.axisCount), (cm) => cm / 100), zone: this.zone(i), shape: this.shape(i) };
  }

  /** Every row as an object (tests, and a few projects at a time). */
  all(): Placement[] {
    return Array.from({ length: this.length }, (_, i) => this.at(i));
  }

  /** The nearest axis whose corridor of this half-width holds project i (nearestCorridor without the object). */
  nearestCorridor(i: number, halfWidthM: number, axisIds: readonly AxisId[]): AxisId | null {
    if (!this.mapped(i)) return null;
    // Whole centimetres against the half-width in centimetres: the same answers as in metres (c / 100 ≤ w ⇔ c ≤ 100 w).
    return nearestWithin(this.cm, i * this.axisCount, halfWidthM * 100, axisIds);
  }

  /** The rows of these projects (indices into this), in that order: the placements of a filter's projects. */
  pick(indices: readonly number[]): Placements {
    const K = this.axisCount;
    const out = Placements.empty(indices.length, K, this.zoneIds, this.shapes.length > 0);
    indices.forEach((i, j) => {
      out.cm.set(this.cm.subarray(i * K, (i + 1) * K), j * K);
      out.zones[j] = this.zones[i]!;
      if (this.shapes[i]) (out.shapes as Array<ShapeFacts | undefined>)[j] = this.shapes[i];
    });
    return out;
  }

  /** Copies row `from` of `source` (placed on the same layout) into row `to`. */
  copyRow(source: Placements, from: number, to: number): void {
    const K = this.axisCount;
    this.cm.set(source.cm.subarray(from * K, (from + 1) * K), to * K);
    this.zones[to] = source.zones[from]!;
    if (source.shapes[from]) (this.shapes as Array<ShapeFacts | undefined>)[to] = source.shapes[from];
  }
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

/** Metres in whole centimetres (see Placements.cm). */
const toCm = (m: number): number => Math.round(m * 100);

/**
 * Each project's placement. `known`: placements already computed for these axes and zones (shipped by the data
 * build), reused for a project whose site is the very site they were computed from.
 */
export function placeProjects(
  projects: readonly MappedProject[],
  axes: readonly PreparedAxis[],
  zones: readonly ZoneFeature[],
  known?: KnownPlacements,
): Placements {
  const sameLayout = (ids: readonly string[], of: ReadonlyArray<{ id: string }>) => ids.length === of.length && ids.every((id, k) => id === of[k]!.id);
  if (known && !(sameLayout(known.layout.axisIds, axes) && sameLayout(known.layout.zoneIds, zones.map((z) => z.properties)))) known = undefined;
  if (known && known.sites.length === projects.length && projects.every((p, i) => p.site === known!.sites[i])) return known.placements;
  const zoneIds = zones.map((z) => z.properties.id);
  const prepared = zones.map((z) => preparePolygon(z.geometry));
  // A segment grid pays for its building (a few ms) only over tens of thousands of points.
  const lines = axes.map((a) => (projects.length >= INDEX_FROM && !a.line.grid ? prepareLine(a.feature.geometry.coordinates, true) : a.line));
  const K = axes.length;
  const out = Placements.empty(projects.length, K, zoneIds, projects.some((p) => p.site?.geometry));
  const { cm: distances, zones: zoneOf } = out;
  let rings: ZoneRings[] | null = null;
  for (let i = 0; i < projects.length; i++) {
    const site = projects[i]!.site;
    if (known && i < known.sites.length && known.sites[i] === site) {
      out.copyRow(known.placements, i, i);
      continue;
    }
    if (!site) continue;
    if (site.geometry) {
      const g = site.geometry;
      const shape = shapeFacts(g, (rings ??= zones.map((z) => zoneRings(z.properties.id, z.geometry))), [site.lon, site.lat]);
      for (let k = 0; k < K; k++) distances[i * K + k] = toCm(shapeDistanceM(g, axes[k]!.feature.geometry.coordinates, lines[k]!));
      zoneOf[i] = shape.zones[0] ? zoneIds.indexOf(shape.zones[0].id) : -1;
      (out.shapes as Array<ShapeFacts | undefined>)[i] = shape;
      continue;
    }
    const { lon, lat } = site;
    const scale = metresPerDegree(lat);
    for (let k = 0; k < K; k++) distances[i * K + k] = toCm(pointToLineM(lon, lat, lines[k]!, scale));
    for (let z = 0; z < prepared.length; z++) {
      if (containsPoint(prepared[z]!, lon, lat)) {
        zoneOf[i] = z;
        break;
      }
    }
  }
  return out;
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
  return placement.distances_m ? nearestWithin(placement.distances_m, 0, halfWidthM, axisIds) : null;
}

/** Of the distances d[from] … d[from + axisIds.length - 1], the axis of the least within the half-width, if any. */
function nearestWithin(d: ArrayLike<number>, from: number, halfWidthM: number, axisIds: readonly AxisId[]): AxisId | null {
  let best = -1;
  for (let k = 0; k < axisIds.length; k++) if (d[from + k]! <= halfWidthM && (best < 0 || d[from + k]! < d[from + best]!)) best = k;
  return best < 0 ? null : axisIds[best]!;
}

const NO_SHARES: ReadonlyArray<number[] | null> = [];

/**
 * Each project's share inside each corridor at a half-width, in axis order: the part of its length, area or
 * points for a line, an area or several points; null for a single point (its share is 1 inside, 0 outside) and
 * when not mapped. It depends on the
 * width, so it is computed per width (lines and areas only: a point's share is its distance compared).
 */
export function corridorShares(projects: readonly MappedProject[], placements: Placements, axes: readonly PreparedAxis[], halfWidthM: number): ReadonlyArray<number[] | null> {
  // Points only (the usual ledger): nothing to compute, and no array of 100,000 nulls either.
  if (!placements.shapes.some((s) => s !== undefined)) return NO_SHARES;
  return projects.map(({ site }, i) => {
    const g = site?.geometry;
    if (!g || !placements.mapped(i)) return null;
    return axes.map((a, k) => corridorShare(g, a.feature.geometry.coordinates, a.line, halfWidthM, placements.distance(i, k)));
  });
}
