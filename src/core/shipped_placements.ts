import type { FeatureCollection } from 'geojson';
import { layoutOf, type Layout } from './layout.ts';
import type { AxisFeature, ZoneFeature } from './load_geo.ts';
import type { MappedProject, Site } from './model.ts';
import { placeProjects, Placements, prepareAxes } from './placement.ts';
import type { ShapeFacts } from './shape_placement.ts';
import { SITE_KINDS } from './site_geometry.ts';
import { isRecord } from './guards.ts';

/**
 * Placements computed by the data build and shipped in the bundle (its `placements`), so a page does not place
 * the whole ledger again on every visit. In columns, which gzip well and read fast:
 * - `distances_cm[k][i]`: project i's distance to axis k, in whole centimetres (placeProjects measures to the
 *   centimetre, so what is read is exactly what would be computed); null when the project is not mapped;
 * - `zone[i]`: an index into `zones`, or null;
 * - `shapes`: the facts of each line, area or group of points, by project index (zones by index too).
 * - `corridor_shares`: each line's, area's or group's share inside each corridor at the bundle's own width
 *   `corridor_m` (the first view's), by project index; other widths are computed on the page.
 * `axes` and `zones` name the layout they were computed on; `sites` is the sitesFingerprint of the sites they were
 * computed from (a bundle whose sites were edited by hand afterwards is placed on the page).
 */
export interface ShippedPlacements {
  axes: string[];
  zones: string[];
  sites: string;
  distances_cm: Array<Array<number | null>>;
  zone: Array<number | null>;
  shapes: Record<string, { kind: ShapeFacts['kind']; size: number; zones: Array<[zone: number, share: number]> }>;
  corridor_m: number;
  corridor_shares: Record<string, number[]>;
}

/** Each project's share inside each corridor at a width (placement.ts corridorShares): empty when no site has a shape. */
export interface SharesAt {
  corridorM: number;
  value: ReadonlyArray<number[] | null>;
}

/**
 * Placements known for the sites they were computed from (`sites[i]` ↔ `placements[i]`): a page reuses one only
 * for that very site object. A ledger shown at another period keeps its sites and so its placements; an edited
 * site is a new object and is placed again.
 */
export interface KnownPlacements {
  layout: Layout;
  sites: ReadonlyArray<Site | null>;
  placements: Placements;
  /** The shares at the bundle's width, when the placements are used whole. */
  shares: SharesAt;
}

/**
 * A short hash of where every project lies — each site's point and any line or area, exactly (the bits of the
 * doubles), in ledger order — so a page can tell whether a bundle's sites are still those its placements were
 * computed from, at ~10 ns a point. Not cryptographic: it catches an edit, not a forger (who could edit the
 * placements as well). The same sites give the same string in node and in the browser.
 */
export function sitesFingerprint(sites: ReadonlyArray<Site | null>): string {
  const hash = new SiteHash();
  for (const site of sites) hash.add(site);
  return hash.value(sites.length);
}

/** sitesFingerprint taken one site at a time (readShippedPlacements hashes in the pass that reads the sites). */
class SiteHash {
  private h = 0x9747b28c;
  private readonly double = new Float64Array(1);
  private readonly words = new Uint32Array(this.double.buffer);

  private word(w: number): void {
    // murmur3's 32-bit mix of one word into the running hash
    let k = Math.imul(w, 0xcc9e2d51);
    k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
    this.h ^= k;
    this.h = Math.imul((this.h << 13) | (this.h >>> 19), 5) + 0xe6546b64;
  }

  private number(x: number): void {
    this.double[0] = x === 0 ? 0 : x; // -0 is written to JSON as 0
    this.word(this.words[0]!);
    this.word(this.words[1]!);
  }

  private coordinates(c: unknown): void {
    if (typeof c === 'number') return this.number(c);
    if (!Array.isArray(c)) return this.word(0x7fffffff);
    this.word(c.length);
    for (const x of c) this.coordinates(x);
  }

  add(site: Site | null): void {
    if (!site) return this.word(0);
    this.number(site.lon);
    this.number(site.lat);
    if (site.geometry) {
      this.word(site.geometry.type.length);
      this.coordinates(site.geometry.coordinates);
    } else this.word(1);
  }

  value(n: number): string {
    let h = this.h ^ n;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return `${n}-${((h ^ (h >>> 16)) >>> 0).toString(16).padStart(8, '0')}`;
  }
}

export function shipPlacements(placements: Placements, layout: Layout, shares: SharesAt, sites: ReadonlyArray<Site | null>): ShippedPlacements {
  const zoneIndex = new Map(layout.zoneIds.map((id, i) => [id, i]));
  const shapes: ShippedPlacements['shapes'] = {};
  placements.shapes.forEach((shape, i) => {
    if (shape) shapes[i] = { kind: shape.kind, size: shape.size, zones: shape.zones.map((z) => [zoneIndex.get(z.id)!, z.share]) };
  });
  const rows = Array.from({ length: placements.length }, (_, i) => i);
  return {
    axes: [...layout.axisIds],
    zones: [...layout.zoneIds],
    sites: sitesFingerprint(sites),
    distances_cm: layout.axisIds.map((_, k) => rows.map((i) => (placements.mapped(i) ? placements.cm[i * placements.axisCount + k]! : null))),
    zone: rows.map((i) => {
      const z = placements.zone(i);
      return z === null ? null : zoneIndex.get(z)!;
    }),
    shapes,
    corridor_m: shares.corridorM,
    corridor_shares: Object.fromEntries(shares.value.flatMap((s, i) => (s ? [[String(i), s]] : []))),
  };
}

/** The largest distance Placements.cm holds (an Int32Array): 21,474 km, more than any on Earth. */
const MAX_CM = 2 ** 31 - 1;

const sameIds = (a: unknown, b: readonly string[]) => Array.isArray(a) && a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The shipped placements of these projects, read and checked: the placements, or why they cannot be used (the
 * page then places the projects itself, as without them). They must be for this layout, one per project, and a
 * distance exactly where a project has a site. Read straight into columns: no object per project.
 */
export function readShippedPlacements(json: unknown, projects: readonly MappedProject[], layout: Layout): { value: Placements; sites: Array<Site | null>; shares: SharesAt } | { why: string } {
  if (!isRecord(json)) return { why: 'not an object' };
  if (!sameIds(json['axes'], layout.axisIds) || !sameIds(json['zones'], layout.zoneIds)) return { why: "made for another layout (its axes or zones are not the bundle's)" };
  const n = projects.length;
  const columns = json['distances_cm'];
  const zone = json['zone'];
  const shapes = json['shapes'];
  if (!Array.isArray(columns) || columns.length !== layout.axisIds.length || !columns.every((c) => Array.isArray(c) && c.length === n)) return { why: `distances_cm: expected ${layout.axisIds.length} columns of ${n}` };
  if (!Array.isArray(zone) || zone.length !== n) return { why: `zone: expected ${n} entries` };
  if (!isRecord(shapes)) return { why: 'shapes: expected an object' };
  const cols = columns as unknown[][];
  const K = cols.length;
  const zoneCount = layout.zoneIds.length;
  const shapeCount = Object.keys(shapes).length;
  const out = Placements.empty(n, K, layout.zoneIds, shapeCount > 0);
  const { cm: distances, zones } = out;
  // The sites they are for, read and hashed in the same pass (one pass over 100,000 projects costs ~5 ms in memory reads).
  const sites = new Array<Site | null>(n);
  const hash = new SiteHash();
  for (let i = 0; i < n; i++) {
    const site = (sites[i] = projects[i]!.site);
    hash.add(site);
    if (!site) {
      if (cols[0]![i] !== null) return { why: `project ${i} has no site but a distance` };
      continue;
    }
    for (let k = 0; k < K; k++) {
      const cm = cols[k]![i];
      // Whole, non-negative centimetres within the column's integers (a distance on Earth is under 2.1e9 cm;
      // NaN and Infinity fail the remainder test; JSON has neither).
      if (typeof cm !== 'number' || cm < 0 || cm > MAX_CM || cm % 1 !== 0) return { why: `distances_cm.${k}.${i}: expected whole centimetres` };
      distances[i * K + k] = cm;
    }
    const z = zone[i];
    if (z === null) continue;
    if (typeof z !== 'number' || z % 1 !== 0 || z < 0 || z >= zoneCount) return { why: `zone.${i}: expected a zone index or null` };
    zones[i] = z;
  }
  // One site moved by hand after the data build: its distances would be stale.
  if (hash.value(n) !== json['sites']) return { why: 'made for other sites than these (was the bundle edited after npm run data?)' };
  for (const [key, s] of Object.entries(shapes)) {
    const i = Number(key);
    if (!(i >= 0 && i < n && out.mapped(i)) || !isRecord(s) || !(SITE_KINDS as readonly unknown[]).includes(s['kind']) || typeof s['size'] !== 'number' || !Array.isArray(s['zones'])) return { why: `shapes.${key}: not the facts of a located project` };
    const inZones = (s['zones'] as unknown[]).map((z) => (Array.isArray(z) && Number.isInteger(z[0]) && layout.zoneIds[z[0]] !== undefined && typeof z[1] === 'number' ? { id: layout.zoneIds[z[0]]!, share: z[1] } : null));
    if (inZones.includes(null)) return { why: `shapes.${key}.zones: expected [zone index, share] pairs` };
    (out.shapes as Array<ShapeFacts | undefined>)[i] = { kind: s['kind'] as ShapeFacts['kind'], size: s['size'], zones: inZones as ShapeFacts['zones'] };
  }
  // A line or an area must come with its facts (a point has none).
  for (let i = 0; i < n; i++) if (sites[i]?.geometry && !out.shapes[i]) return { why: `project ${i} is a line or an area without its shares` };
  // Shares at the bundle's width: one per axis, 0–1, for exactly the projects with a shape.
  const width = json['corridor_m'];
  const corridorShares = json['corridor_shares'];
  if (typeof width !== 'number' || !(width > 0) || !isRecord(corridorShares)) return { why: 'corridor_m, corridor_shares: expected a width and shares by project' };
  if (Object.keys(corridorShares).length !== shapeCount) return { why: `corridor_shares: expected the shares of ${shapeCount} lines and areas` };
  const shares: Array<number[] | null> = shapeCount ? new Array<number[] | null>(n).fill(null) : [];
  for (const [key, v] of Object.entries(corridorShares)) {
    const i = Number(key);
    if (!out.shapes[i] || !Array.isArray(v) || v.length !== K || !v.every((x) => typeof x === 'number' && x >= 0 && x <= 1)) return { why: `corridor_shares.${key}: expected ${K} shares between 0 and 1 of a line or an area` };
    shares[i] = v as number[];
  }
  return { value: out, sites, shares: { corridorM: width, value: shares } };
}

/** How many of the shipped placements a page computes again to check them (evenly spaced over the located projects). */
const SPOT_CHECKS = 16;

/**
 * A loaded bundle's shipped placements, read, checked and bound to its sites — or why they are not used. Besides
 * their frame (readShippedPlacements), a few are computed again here: a bundle whose sites were edited by hand
 * after the data build, or one built by other code, is placed on the page rather than shown with stale distances.
 */
export function knownPlacements(bundle: {
  projects: MappedProject[];
  axes: FeatureCollection<AxisFeature['geometry'], AxisFeature['properties']>;
  zones: FeatureCollection<ZoneFeature['geometry'], ZoneFeature['properties']>;
  placements?: ShippedPlacements;
}): { value: KnownPlacements } | { why: string } {
  const layout = layoutOf(bundle);
  const read = readShippedPlacements(bundle.placements, bundle.projects, layout);
  if ('why' in read) return read;
  const located: number[] = [];
  for (let i = 0; i < read.sites.length; i++) if (read.sites[i]) located.push(i);
  const step = located.length / Math.min(SPOT_CHECKS, located.length);
  const picks = [...new Set(Array.from({ length: Math.min(SPOT_CHECKS, located.length) }, (_, j) => located[Math.floor(j * step)]!))];
  const again = placeProjects(picks.map((i) => bundle.projects[i]!), prepareAxes(bundle.axes.features as AxisFeature[]), bundle.zones.features as ZoneFeature[]);
  for (const [j, i] of picks.entries()) {
    const same = JSON.stringify(read.value.at(i)) === JSON.stringify(again.at(j));
    if (!same) return { why: `project '${bundle.projects[i]!.id}' is placed differently than its site says (was the bundle edited after npm run data?)` };
  }
  return { value: { layout, sites: read.sites, placements: read.value, shares: read.shares } };
}
