import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { aggregate, type Aggregates } from './aggregate.ts';
import { corridorPolygons } from './corridors.ts';
import type { Issue, Loaded } from './issues.ts';
import { joinSites } from './join.ts';
import { loadAxes, loadNamedFeatures, loadSites, loadZones, type AxisFeature, type ZoneFeature } from './load_geo.ts';
import { loadProjects } from './load_projects.ts';
import { loadReported, type Reported } from './load_reported.ts';
import type { MappedProject } from './model.ts';
import { placeProjects, prepareAxes } from './placement.ts';

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
}

const collection = <F extends Feature>(features: F[]) => ({ type: 'FeatureCollection' as const, features });

/**
 * parse → validate → join → place → aggregate. Returns the bundle and the aggregates at `corridorM`,
 * or `null` when any input has an error; every issue (errors and warnings) is in `issues`.
 */
export function buildBundle(
  src: SourceFiles,
  corridorM: number = DEFAULT_CORRIDOR_M,
): Loaded<{ bundle: DataBundle; aggregates: Aggregates } | null> {
  const projects = loadProjects(src.projects.file, src.projects.text);
  const sites = loadSites(src.sites.file, src.sites.text);
  const reported = loadReported(src.reported.file, src.reported.text);
  const axes = loadAxes(src.axes.file, src.axes.text);
  const zones = loadZones(src.zones.file, src.zones.text);
  const district = loadNamedFeatures(src.district.file, src.district.text);
  const context = loadNamedFeatures(src.context.file, src.context.text);
  const landmarks = loadNamedFeatures(src.landmarks.file, src.landmarks.text);
  const joined = joinSites(projects.value, sites.value, src.sites.file, src.projects.file);
  const issues: Issue[] = [projects, sites, reported, axes, zones, district, context, landmarks, joined].flatMap((l) => l.issues);
  if (issues.some((i) => i.severity === 'error') || !reported.value) return { value: null, issues };

  const prepared = prepareAxes(axes.value);
  const placements = placeProjects(joined.value, prepared, zones.value);
  const aggregates = aggregate(joined.value, placements, prepared, zones.value, reported.value, corridorM);
  for (const id of aggregates.ledger.outside_corridors_ids) {
    const i = joined.value.findIndex((p) => p.id === id);
    const p = joined.value[i]!;
    const d = placements[i]!.distances_m!;
    const nearest = Math.min(...Object.values(d));
    issues.push({
      file: src.sites.file,
      feature: p.site!.feature,
      field: 'geometry',
      message: `'${id}' lies outside every ${corridorM} m corridor (nearest axis ${Math.round(nearest)} m away)`,
      severity: 'warning',
    });
  }
  for (const [i, p] of joined.value.entries()) {
    if (p.site && placements[i]!.zone === null) {
      issues.push({
        file: src.sites.file,
        feature: p.site.feature,
        field: 'geometry',
        message: `'${p.id}' lies in no zone (outside 二七区?)`,
        severity: 'warning',
      });
    }
  }

  const bundle: DataBundle = {
    format: 'erqi-axis-map/bundle@1',
    as_of: reported.value.as_of,
    reported: reported.value,
    projects: joined.value,
    axes: collection(axes.value),
    zones: collection(zones.value),
    district: collection(district.value),
    context: collection(context.value),
    landmarks: collection(landmarks.value),
    corridor_m: corridorM,
    corridors: corridorPolygons(axes.value, corridorM),
  };
  return { value: { bundle, aggregates }, issues };
}
