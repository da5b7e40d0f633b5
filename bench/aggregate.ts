/**
 * Aggregation speed: the core (exact distances once, then cheap per-width comparisons) against the naive turf
 * way (buffer each axis, pointsWithinPolygon per axis), on the same seeded synthetic projects, in one process.
 */
import { area } from '@turf/area';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { buffer } from '@turf/buffer';
import { featureCollection, feature as turfFeature } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import { length } from '@turf/length';
import { lineSplit } from '@turf/line-split';
import { pointsWithinPolygon } from '@turf/points-within-polygon';
import type { Feature, LineString, MultiPolygon, Polygon } from 'geojson';
import { aggregate } from '../src/core/aggregate.ts';
import { EMPTY_FILTER } from '../src/core/facets.ts';
import { applyFilter, filterFacts } from '../src/core/filter.ts';
import { summaryAggregates, summaryOf, type SummaryJSON } from '../src/core/ledger_pages.ts';
import { loadAxes, loadZones, type ZoneFeature } from '../src/core/load_geo.ts';
import { loadReported } from '../src/core/load_reported.ts';
import { corridorShares, placeProjects, prepareAxes } from '../src/core/placement.ts';
import { knownPlacements, shipPlacements } from '../src/core/shipped_placements.ts';
import type { MappedProject } from '../src/core/model.ts';
import { syntheticProjects } from '../src/core/synthetic.ts';
import { repoFile } from '../scripts/repo.ts';
import { median, medianFresh, row, type BenchRow } from './stats.ts';

/**
 * The naive way for a ledger with lines and areas, per axis: buffer the axis; points by pointsWithinPolygon, a
 * line's share by lineSplit against the band (the length of the pieces whose middle lies inside), an area's by
 * intersect (the area inside). Returns the apportioned count per axis (shares summed), to compare with the core's.
 */
function naiveShares(projects: readonly MappedProject[], axisFeatures: readonly AxisFeatureT[], corridor: number): Record<string, number> {
  const points = featureCollection(projects.filter((p) => p.site && !p.site.geometry).map((p) => turfFeature({ type: 'Point' as const, coordinates: [p.site!.lon, p.site!.lat] })));
  const shapes = projects.flatMap((p) => (p.site?.geometry ? [p.site.geometry] : []));
  const out: Record<string, number> = {};
  for (const a of axisFeatures) {
    const band = buffer(a, corridor, { units: 'meters', steps: 64 }) as Feature<Polygon | MultiPolygon>;
    let sum = pointsWithinPolygon(points, band).features.length;
    for (const g of shapes) {
      if (g.type === 'LineString' || g.type === 'MultiLineString') {
        const lines: LineString[] = g.type === 'LineString' ? [g] : g.coordinates.map((coordinates) => ({ type: 'LineString', coordinates }));
        let inside = 0;
        let all = 0;
        for (const line of lines) {
          const whole = length(turfFeature(line));
          all += whole;
          const pieces = lineSplit(turfFeature(line), band).features;
          if (!pieces.length) {
            if (booleanPointInPolygon(line.coordinates[0]!, band)) inside += whole;
            continue;
          }
          for (const piece of pieces) {
            const [p0, p1] = piece.geometry.coordinates as [number[], number[]];
            if (booleanPointInPolygon([(p0[0]! + p1[0]!) / 2, (p0[1]! + p1[1]!) / 2], band)) inside += length(piece);
          }
        }
        sum += all > 0 ? inside / all : 0;
      } else if (g.type === 'Polygon' || g.type === 'MultiPolygon') {
        const f = turfFeature(g);
        const common = intersect(featureCollection([f, band]));
        sum += common ? area(common) / area(f) : 0;
      } else {
        const pts = g.type === 'Point' ? [g.coordinates] : g.coordinates;
        sum += pts.filter((c) => booleanPointInPolygon(c, band)).length / pts.length;
      }
    }
    out[a.properties.id] = sum;
  }
  return out;
}
type AxisFeatureT = ReturnType<typeof loadAxes>['value'][number];

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
  const shippedText = (ps: MappedProject[]) => {
    const placed = placeProjects(ps, axes, zones);
    return JSON.stringify(shipPlacements(placed, layout, { corridorM: corridor, value: corridorShares(ps, placed, axes, corridor) }, ps.map((p) => p.site)));
  };
  // As DataModel does: the placements, and their shares at the bundle's width (the first view's).
  const aggregateFromBundle = (ps: MappedProject[], text: string) => {
    const known = knownPlacements({ projects: ps, axes: { type: 'FeatureCollection', features: axisFeatures }, zones: { type: 'FeatureCollection', features: zones }, placements: JSON.parse(text) });
    if ('why' in known) throw new Error(known.why);
    return aggregate(ps, placeProjects(ps, axes, zones, known.value), axes, zones, reported, corridor, { shares: known.value.shares.value });
  };
  const shipped100k = shippedText(projects);
  const shippedCold = median(5, () => aggregateFromBundle(projects, shipped100k));
  rows.push(row(`cold from the bundle: read placements + aggregate ${N.toLocaleString('en')} (node)`, shippedCold, naive, 'turf buffer + pointsWithinPolygon', `target ≤ 0.1; the data build's placements (${(shipped100k.length / 1e6).toFixed(1)} MB of JSON) parsed, checked, aggregated`));
  // A corridor width or filter change: distances are known, only the aggregation runs again.
  const placements = placeProjects(projects, axes, zones);
  // Ledger pages (npm run pages): the data build computed the default view's figures; the page reads them.
  const counts = applyFilter(projects, placements, EMPTY_FILTER, corridor, layout).counts;
  const summaryText = JSON.stringify(summaryOf(coreResult!, counts, projects, { anyDeclared: true, anyShapes: false, synthetic: true }));
  const fromPages = median(5, () => summaryAggregates(JSON.parse(summaryText) as SummaryJSON));
  rows.push(row(`cold from ledger pages: the default view of ${N.toLocaleString('en')} (node)`, fromPages, naive, 'turf buffer + pointsWithinPolygon', `target ≤ 0.1; the data build's figures (${(summaryText.length / 1024).toFixed(1)} kB of JSON) parsed — other views load the ledger whole`));
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
  const fromBundlePoints = median(5, () => aggregateFromBundle(pointsOnly, shippedPoints));
  const fromBundleMixed = median(5, () => aggregateFromBundle(mixed, shippedMixed));
  rows.push(row(`cold from the bundle: 50,000 with ${shapes.toLocaleString('en')} lines and areas (node)`, fromBundleMixed, fromBundlePoints, 'the same 50,000 as points, from the bundle', 'placements and shares at the first view\'s width from the data build'));
  // Against the naive way on the same mixed ledger (buffer, lineSplit, intersect): the ratio beside the points' one.
  // One run: it takes ~18 s here, and its ratio is far from the points' either way.
  const t0 = performance.now();
  const naiveMixedShares = naiveShares(mixed, axisFeatures, corridor);
  const naiveMixed = performance.now() - t0;
  const naivePoints = median(3, () => void naiveShares(pointsOnly, axisFeatures, corridor));
  // Apportioned project counts (a line half inside counts ½): the core's exact shares against turf's chords.
  const mixedPlacements = placeProjects(mixed, axes, zones);
  const mixedShares = corridorShares(mixed, mixedPlacements, axes, corridor);
  const coreApportioned = (k: number) => mixed.reduce((sum, _, i) => sum + (mixedPlacements.distance(i, k) <= corridor ? (mixedShares[i]?.[k] ?? 1) : 0), 0);
  const shareGap = axes.map((a, k) => Math.abs(coreApportioned(k) - naiveMixedShares[a.id]!)).reduce((x, y) => x + y, 0);
  rows.push(row(`cold: 50,000 with ${shapes.toLocaleString('en')} lines and areas vs turf (node)`, withShapes, naiveMixed, 'turf buffer + pointsWithinPolygon, lineSplit, intersect on the same ledger', `the points-only ratio beside it: ${(asPoints / naivePoints).toFixed(2)} (${asPoints.toFixed(0)} / ${naivePoints.toFixed(0)} ms); apportioned counts differ by ${shareGap.toFixed(1)} (the buffer is chords; the core measures exactly)`));
  const widthShapes = median(5, () => aggregate(mixed, mixedPlacements, axes, zones, reported, 750));
  const pointsPlacements = placeProjects(pointsOnly, axes, zones);
  const widthPoints = median(5, () => aggregate(pointsOnly, pointsPlacements, axes, zones, reported, 750));
  rows.push(row('width change: aggregate 50,000 with lines and areas (node)', widthShapes, widthPoints, 'the same 50,000 as points', 'a width change recomputes the shares of lines and areas; target: the point ratios hold'));
  rows.push(row('width change: 50,000 with lines and areas vs turf (node)', widthShapes, naiveMixed, 'the naive way on the same ledger, which must buffer and split again', `the points-only ratio beside it: ${(widthPoints / naivePoints).toFixed(3)}`));

  // Re-aggregation after a filter change, 10,000 projects, placements already known.
  const ten = projects.slice(0, 10_000);
  const tenPlacements = placeProjects(ten, axes, zones);
  // As the app does: the facets' columns are made once per width, then each filter change reads them.
  const facts = filterFacts(ten, tenPlacements, corridor, layout);
  const refilter = median(20, () => {
    const r = applyFilter(ten, tenPlacements, { ...EMPTY_FILTER, statuses: ['started', 'signed'] }, corridor, layout, facts);
    aggregate(ten, tenPlacements, axes, zones, reported, corridor, { indices: r.indices, facts });
  });
  const replace = median(3, () => placeProjects(ten, axes, zones));
  rows.push(row('re-aggregate 10,000 after a filter change (node)', refilter, replace, 'placing them again from scratch', 'target < 16 ms'));
  return rows;
}
