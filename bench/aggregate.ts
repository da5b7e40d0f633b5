/**
 * Aggregation speed: the core (exact distances once, then cheap per-width comparisons) against the naive turf
 * way (buffer each axis, pointsWithinPolygon per axis), on the same seeded synthetic projects, in one process.
 */
import { buffer } from '@turf/buffer';
import { pointsWithinPolygon } from '@turf/points-within-polygon';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { aggregate } from '../src/core/aggregate.ts';
import { EMPTY_FILTER } from '../src/core/facets.ts';
import { applyFilter } from '../src/core/filter.ts';
import { loadAxes, loadZones, type ZoneFeature } from '../src/core/load_geo.ts';
import { loadReported } from '../src/core/load_reported.ts';
import { placeProjects, prepareAxes, type Placement } from '../src/core/placement.ts';
import { knownPlacements, shipPlacements } from '../src/core/shipped_placements.ts';
import type { MappedProject } from '../src/core/model.ts';
import { syntheticProjects } from '../src/core/synthetic.ts';
import { repoFile } from '../scripts/repo.ts';
import { median, medianFresh, row, type BenchRow } from './stats.ts';

export function aggregateBench(): BenchRow[] {
  const axisFeatures = loadAxes('a', repoFile('geo/axes.geojson').text).value;
  const axes = prepareAxes(axisFeatures);
  const zones: ZoneFeature[] = loadZones('z', repoFile('geo/zones.geojson').text).value;
  const reported = loadReported('r', repoFile('data/reported.json').text, axes.map((a) => a.id)).value!;
  const district = JSON.parse(repoFile('geo/district.geojson').text).features[0] as Feature<MultiPolygon>;
  const rows: BenchRow[] = [];

  const N = 100_000;
  const projects = syntheticProjects({ count: N, seed: 42, axes: axisFeatures, area: district });
  const corridor = 500;

  // Core: placement (distances + zone) and aggregation from scratch.
  let coreResult = null as ReturnType<typeof aggregate> | null;
  const core = median(5, () => {
    const placements = placeProjects(projects, axes, zones);
    coreResult = aggregate(projects, placements, axes, zones, reported, corridor);
  });
  // Naive: buffer every axis, then pointsWithinPolygon for every axis.
  const points = { type: 'FeatureCollection' as const, features: projects.filter((p) => p.site).map((p) => ({ type: 'Feature' as const, properties: { id: p.id }, geometry: { type: 'Point' as const, coordinates: [p.site!.lon, p.site!.lat] } })) };
  let naiveCounts: Record<string, number> = {};
  const naive = median(3, () => {
    naiveCounts = {};
    for (const a of axisFeatures) {
      const band = buffer(a, corridor, { units: 'meters', steps: 64 }) as Feature<Polygon | MultiPolygon>;
      naiveCounts[a.properties.id] = pointsWithinPolygon(points, band).features.length;
    }
  });
  const coreCounts = Object.fromEntries(coreResult!.axes.map((a) => [a.id, a.mapped.projects]));
  const diff = Object.keys(coreCounts).map((k) => Math.abs(coreCounts[k]! - naiveCounts[k]!)).reduce((x, y) => x + y, 0);
  const agreement = `counts differ by ${diff} of ${N} (the buffer is a polygon of chords; the core measures exact distance)`;
  rows.push(row(`cold: place + aggregate ${N.toLocaleString('en')} projects (node)`, core, naive, 'turf buffer + pointsWithinPolygon', `target ≤ 0.1 (10× faster); ${agreement}`));
  // The page's cold start when the data build shipped the placements (bundle.placements): parse them, check them
  // (a few placed again), aggregate. The naive way parses nothing extra.
  const layout = { axisIds: axes.map((a) => a.id), zoneIds: zones.map((z) => z.properties.id) };
  const shippedText = (ps: MappedProject[]) => JSON.stringify(shipPlacements(placeProjects(ps, axes, zones), layout));
  const fromBundle = (ps: MappedProject[], text: string): Placement[] => {
    const known = knownPlacements({ projects: ps, axes: { type: 'FeatureCollection', features: axisFeatures }, zones: { type: 'FeatureCollection', features: zones }, placements: JSON.parse(text) });
    if ('why' in known) throw new Error(known.why);
    return placeProjects(ps, axes, zones, known.value);
  };
  const shipped100k = shippedText(projects);
  const shippedCold = median(5, () => aggregate(projects, fromBundle(projects, shipped100k), axes, zones, reported, corridor));
  rows.push(row(`cold from the bundle: read placements + aggregate ${N.toLocaleString('en')} (node)`, shippedCold, naive, 'turf buffer + pointsWithinPolygon', `target ≤ 0.1; the data build's placements (${(shipped100k.length / 1e6).toFixed(1)} MB of JSON) parsed, checked, aggregated`));
  // A corridor width or filter change: distances are known, only the aggregation runs again.
  const placements = placeProjects(projects, axes, zones);
  const warm = median(5, () => aggregate(projects, placements, axes, zones, reported, 750));
  rows.push(row(`width change: aggregate ${N.toLocaleString('en')} projects (node)`, warm, naive, 'turf buffer + pointsWithinPolygon', 'target < 50 ms, ≥ 10× faster'));

  // Lines and areas: 50,000 projects, 10 % of the located ones lines or areas, against the same 50,000 as points.
  const half = 50_000;
  const pointsOnly = syntheticProjects({ count: half, seed: 7, axes: axisFeatures, area: district });
  const mixed = syntheticProjects({ count: half, seed: 7, axes: axisFeatures, area: district, shapeShare: 0.1 });
  // Cold: each run on a fresh copy of the ledger (a site's geometry keeps what placing it learnt, as it should).
  const asPoints = medianFresh(5, () => structuredClone(pointsOnly), (ps) => aggregate(ps, placeProjects(ps, axes, zones), axes, zones, reported, corridor));
  const withShapes = medianFresh(5, () => structuredClone(mixed), (ps) => aggregate(ps, placeProjects(ps, axes, zones), axes, zones, reported, corridor));
  const shapes = mixed.filter((p) => p.site?.geometry).length;
  rows.push(row(`cold: place + aggregate 50,000 with ${shapes.toLocaleString('en')} lines and areas (node)`, withShapes, asPoints, 'the same 50,000 as points', 'shares inside corridors and zones included; target: the point ratios hold'));
  const shippedPoints = shippedText(pointsOnly);
  const shippedMixed = shippedText(mixed);
  const fromBundlePoints = median(5, () => aggregate(pointsOnly, fromBundle(pointsOnly, shippedPoints), axes, zones, reported, corridor));
  const fromBundleMixed = median(5, () => aggregate(mixed, fromBundle(mixed, shippedMixed), axes, zones, reported, corridor));
  rows.push(row(`cold from the bundle: 50,000 with ${shapes.toLocaleString('en')} lines and areas (node)`, fromBundleMixed, fromBundlePoints, 'the same 50,000 as points, from the bundle', 'placements from the data build; shares at the width computed'));
  const mixedPlacements = placeProjects(mixed, axes, zones);
  const widthShapes = median(5, () => aggregate(mixed, mixedPlacements, axes, zones, reported, 750));
  const pointsPlacements = placeProjects(pointsOnly, axes, zones);
  const widthPoints = median(5, () => aggregate(pointsOnly, pointsPlacements, axes, zones, reported, 750));
  rows.push(row('width change: aggregate 50,000 with lines and areas (node)', widthShapes, widthPoints, 'the same 50,000 as points', 'a width change recomputes the shares of lines and areas; target: the point ratios hold'));

  // Re-aggregation after a filter change, 10,000 projects, placements already known.
  const ten = projects.slice(0, 10_000);
  const tenPlacements = placeProjects(ten, axes, zones);
  const refilter = median(20, () => {
    const r = applyFilter(ten, tenPlacements, { ...EMPTY_FILTER, statuses: ['started', 'signed'] }, corridor, layout);
    aggregate(r.indices.map((i) => ten[i]!), r.indices.map((i) => tenPlacements[i]!), axes, zones, reported, corridor);
  });
  const replace = median(3, () => placeProjects(ten, axes, zones));
  rows.push(row('re-aggregate 10,000 after a filter change (node)', refilter, replace, 'placing them again from scratch', 'target < 16 ms'));
  return rows;
}
