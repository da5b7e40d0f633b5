import { boxAround, withLabelPoints } from './label_points.ts';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { aggregate, type Aggregates } from './aggregate.ts';
import { corridorPolygons } from './corridors.ts';
import type { Issue, Loaded } from './issues.ts';
import type { ProgressRow } from './progress.ts';
import { loadProgress } from './progress_file.ts';
import { joinSites } from './join.ts';
import { loadAxes, loadNamedFeatures, loadSites, loadZones, type AxisFeature, type ZoneFeature } from './load_geo.ts';
import { loadProjects } from './load_projects.ts';
import { loadReported, type Reported } from './load_reported.ts';
import type { MappedProject } from './model.ts';
import { corridorShares, placeProjects, prepareAxes } from './placement.ts';
import { shipPlacements, type KnownPlacements, type ShippedPlacements } from './shipped_placements.ts';
import { layoutOf } from './layout.ts';

/** Default corridor half-width in metres. The axes are 1.2–1.5 km apart: at 500 m corridors barely touch. */
export const DEFAULT_CORRIDOR_M = 500;

/** One input file: the name to report it by, and its text. */
export interface SourceFile {
  file: string;
  text: string;
}

export interface SourceFiles {
  projects: SourceFile;
  sites: SourceFile;
  reported: SourceFile;
  axes: SourceFile;
  zones: SourceFile;
  district: SourceFile;
  context: SourceFile;
  landmarks: SourceFile;
  /** Progress by period (data/progress.csv), optional. */
  progress?: SourceFile;
}

/** Everything the map needs, in one JSON document (public/data/bundle.json). */
export interface DataBundle {
  format: 'erqi-axis-map/bundle@1';
  as_of: string;
  reported: Reported;
  projects: MappedProject[];
  axes: FeatureCollection<AxisFeature['geometry'], AxisFeature['properties']>;
  zones: FeatureCollection<Polygon | MultiPolygon, ZoneFeature['properties']>;
  district: FeatureCollection;
  context: FeatureCollection;
  landmarks: FeatureCollection;
  /** Corridor bands drawn at `corridor_m`; other widths are buffered on demand. */
  corridor_m: number;
  corridors: FeatureCollection<Polygon | MultiPolygon>;
  /** Progress by reporting period (progress.ts); absent: one snapshot, as of `as_of`. */
  progress?: ProgressRow[];
  /**
   * Pinyin of names for search, by project id or place key (search.ts placeKey), made by the data build
   * (scripts/search_keys.ts); absent (an imported ledger's rows): names are found as written.
   */
  search_keys?: Record<string, string>;
  /**
   * Each project's placement (distances to the axes, zone, shares of a line or an area), computed by the data
   * build so a page does not place the ledger again; absent (an older bundle): the page places the projects.
   * Read and checked once when the bundle loads (load_bundle.ts), then dropped for `placed`.
   */
  placements?: ShippedPlacements;
  /** On a page only, never in a file: the shipped placements, checked and bound to the sites they are for. */
  placed?: KnownPlacements;
}

/** How far past the district (a share of its size, every side) a neighbour's name is kept: the first view's frame. */
const NEAR_DISTRICT = 0.15;
const collection = <F extends Feature>(features: F[]) => ({ type: 'FeatureCollection' as const, features });

/** The geometry and reported figures: everything but the ledger. */
export type ContextFiles = Omit<SourceFiles, 'projects' | 'sites'>;

/**
 * parse → validate → join → place → aggregate. Returns the bundle and the aggregates at `corridorM`,
 * or `null` when any input has an error; every issue (errors and warnings) is in `issues`.
 */
export function buildBundle(
  src: SourceFiles,
  corridorM: number = DEFAULT_CORRIDOR_M,
): Loaded<{ bundle: DataBundle; aggregates: Aggregates } | null> {
  // The layout first: a project's axis_declared must be one of the map's axes.
  const axisIds = loadAxes(src.axes.file, src.axes.text).value.map((a) => a.properties.id);
  const projects = loadProjects(src.projects.file, src.projects.text, axisIds);
  const sites = loadSites(src.sites.file, src.sites.text);
  const joined = joinSites(projects.value, sites.value, src.sites.file, src.projects.file);
  const progress = src.progress ? loadProgress(src.progress.file, src.progress.text, new Set(joined.value.map((p) => p.id))) : null;
  const built = bundleFromProjects(src, joined.value, [...projects.issues, ...sites.issues, ...joined.issues, ...(progress?.issues ?? [])], src.sites.file, corridorM);
  if (built.value && progress) built.value.bundle.progress = progress.value;
  return built;
}

/** The same, for a ledger already read and joined (an imported spreadsheet carries its own coordinates). */
export function bundleFromProjects(
  src: ContextFiles,
  projects: MappedProject[],
  ledgerIssues: Issue[],
  sitesFile: string,
  corridorM: number = DEFAULT_CORRIDOR_M,
): Loaded<{ bundle: DataBundle; aggregates: Aggregates } | null> {
  const axes = loadAxes(src.axes.file, src.axes.text);
  const reported = loadReported(src.reported.file, src.reported.text, axes.value.map((a) => a.properties.id));
  const zones = loadZones(src.zones.file, src.zones.text);
  const district = loadNamedFeatures(src.district.file, src.district.text);
  const context = loadNamedFeatures(src.context.file, src.context.text);
  const landmarks = loadNamedFeatures(src.landmarks.file, src.landmarks.text);
  const issues: Issue[] = [...ledgerIssues, ...[reported, axes, zones, district, context, landmarks].flatMap((l) => l.issues)];
  if (issues.some((i) => i.severity === 'error') || !reported.value) return { value: null, issues };

  const prepared = prepareAxes(axes.value);
  const placements = placeProjects(projects, prepared, zones.value);
  const shares = corridorShares(projects, placements, prepared, corridorM);
  const aggregates = aggregate(projects, placements, prepared, zones.value, reported.value, corridorM, { shares });
  const at = (p: MappedProject) => (p.site?.row !== undefined ? { row: p.site.row } : p.site ? { feature: p.site.feature } : {});
  // Outside every corridor: read from the placements' columns (at 100,000 projects, tens of thousands of them).
  for (let i = 0; i < projects.length; i++) {
    if (!projects[i]!.site || !placements.mapped(i)) continue;
    let nearest = Infinity;
    for (let k = 0; k < placements.axisCount; k++) nearest = Math.min(nearest, placements.distance(i, k));
    if (nearest <= corridorM) continue;
    const p = projects[i]!;
    issues.push({
      file: sitesFile,
      ...at(p),
      field: 'geometry',
      message: `'${p.id}' lies outside every ${corridorM} m corridor (nearest axis ${Math.round(nearest)} m away)`,
      severity: 'warning',
    });
  }
  for (const [i, p] of projects.entries()) {
    const shape = placements.shape(i);
    const inZones = shape ? shape.zones.reduce((sum, z) => sum + z.share, 0) : 1;
    if (p.site && placements.zone(i) !== null && inZones < 0.999) {
      const out = Math.round((1 - inZones) * 100);
      issues.push({ file: sitesFile, ...at(p), field: 'geometry', message: `'${p.id}': ${out < 1 ? '<1' : out} % of it lies in no zone (outside 二七区?)`, severity: 'warning' });
    }
    if (p.site && placements.zone(i) === null) {
      issues.push({ file: sitesFile, ...at(p), field: 'geometry', message: `'${p.id}' lies in no zone (outside 二七区?)`, severity: 'warning' });
    }
  }
  const corridors = corridorPolygons(axes.value, corridorM);
  const bundle: DataBundle = {
    format: 'erqi-axis-map/bundle@1',
    as_of: reported.value.as_of,
    reported: reported.value,
    projects,
    axes: collection(axes.value),
    // Each zone's and neighbour's name at one point (label_points.ts): a zone's outside the corridors of the first
    // view, a neighbour's in its part near the district.
    zones: collection(withLabelPoints(zones.value, { avoid: corridors.features })),
    district: collection(district.value),
    context: collection(withLabelPoints(context.value, { near: boxAround({ features: district.value }, NEAR_DISTRICT) })),
    landmarks: collection(landmarks.value),
    corridor_m: corridorM,
    corridors,
  };
  bundle.placements = shipPlacements(placements, layoutOf(bundle), { corridorM, value: shares }, projects.map((p) => p.site));
  return { value: { bundle, aggregates }, issues };
}
