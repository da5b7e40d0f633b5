/**
 * Placements shipped by the data build (src/core/shipped_placements.ts): what a page reads is exactly what it would
 * compute, a bundle they do not fit is placed on the page instead, and an edited site is placed again.
 */
import { describe, expect, it } from 'vitest';
import { buildBundle, type DataBundle } from '../../src/core/bundle.ts';
import type { AxisFeature, ZoneFeature } from '../../src/core/load_geo.ts';
import { corridorShares, placeProjects, prepareAxes } from '../../src/core/placement.ts';
import { knownPlacements, readShippedPlacements, sitesFingerprint } from '../../src/core/shipped_placements.ts';
import { syntheticBundle } from '../../scripts/repo.ts';
import { layoutOf } from '../../src/core/layout.ts';
import { fixture, fixtureSources } from '../helpers/fixtures.ts';

/** A bundle as a page fetches it: written by the data build, read back from JSON. */
const fetched = (sources = fixtureSources()): DataBundle => JSON.parse(JSON.stringify(buildBundle(sources).value!.bundle)) as DataBundle;
const shapesSources = () => ({ ...fixtureSources(), projects: { file: 'p.csv', text: fixture('shapes/projects.csv') }, sites: { file: 's.geojson', text: fixture('shapes/sites.geojson') } });
const placeHere = (b: DataBundle) => placeProjects(b.projects, prepareAxes(b.axes.features as AxisFeature[]), b.zones.features as ZoneFeature[]);

describe('placements shipped in the bundle', () => {
  it.each([
    ['points and unmapped projects (the frozen ledger)', fixtureSources],
    ['points, lines, areas and Multi geometries (the shapes fixture)', shapesSources],
  ])('read back exactly as the page would compute them: %s', (_, sources) => {
    const b = fetched(sources());
    expect(b.placements).toBeDefined();
    const read = readShippedPlacements(b.placements, b.projects, layoutOf(b));
    const axes = prepareAxes(b.axes.features as AxisFeature[]);
    const placed = placeHere(b);
    if ('why' in read) throw new Error(read.why);
    expect(read.value.all()).toEqual(placed.all());
    expect(read.value).toEqual(placed);
    expect(read.sites).toEqual(b.projects.map((p) => p.site));
    expect(read.shares).toEqual({ corridorM: b.corridor_m, value: corridorShares(b.projects, placed, axes, b.corridor_m) });
    // Both kinds of project are there to compare.
    expect(b.projects.some((p) => p.site === null) || b.projects.some((p) => p.site?.geometry)).toBe(true);
  });

  it('are used for the very sites they were made from, and an edited site is placed again', () => {
    const b = fetched(shapesSources());
    const known = knownPlacements(b);
    if ('why' in known) throw new Error(known.why);
    const axes = prepareAxes(b.axes.features as AxisFeature[]);
    const zones = b.zones.features as ZoneFeature[];
    expect(placeProjects(b.projects, axes, zones, known.value)).toBe(known.value.placements);
    // Mark every known row (a distance no site has), to tell a reused row from one placed again.
    const known2 = { ...known.value, placements: known.value.placements.pick(b.projects.map((_, j) => j)) };
    for (let j = 0; j < b.projects.length; j++) if (known2.placements.mapped(j)) known2.placements.cm[j * axes.length] = 1234567;
    // An edit makes a new site 2 km further north: that one project is placed again, the others are reused.
    const i = b.projects.findIndex((p) => p.site && !p.site.geometry);
    const moved = b.projects.map((p, j) => (j === i ? { ...p, site: { ...p.site!, lat: p.site!.lat + 0.018 } } : p));
    const edited = placeProjects(moved, axes, zones, known2);
    expect(edited.at(i)).toEqual(placeProjects([moved[i]!], axes, zones).at(0));
    expect(edited.at(i).distances_m).not.toEqual(known.value.placements.at(i).distances_m);
    const reused = b.projects.map((_, j) => j).filter((j) => edited.mapped(j) && edited.distance(j, 0) === 12345.67);
    expect(reused).toEqual(b.projects.map((p, j) => (p.site && j !== i ? j : -1)).filter((j) => j >= 0));
  });

  it('are not used on another layout (the layout is checked by id)', () => {
    const b = fetched();
    const known = knownPlacements(b);
    if ('why' in known) throw new Error(known.why);
    const axes = prepareAxes(b.axes.features as AxisFeature[]).slice(0, 2);
    const placed = placeProjects(b.projects, axes, b.zones.features as ZoneFeature[], known.value);
    expect(placed.axisCount).toBe(2);
    expect(placed.all().find((p) => p.distances_m)!.distances_m).toHaveLength(2);
  });

  const broken: Array<[string, (b: DataBundle) => void, RegExp]> = [
    ['another layout', (b) => void (b.placements!.axes = ['a', 'b', 'c']), /another layout/],
    ['a column short', (b) => void b.placements!.distances_cm[1]!.pop(), /distances_cm: expected 3 columns of \d+/],
    ['a distance in metres, not whole centimetres', (b) => void (b.placements!.distances_cm[0]![b.projects.findIndex((p) => p.site)] = 12.5), /distances_cm\.0\.\d+: expected whole centimetres/],
    ['a negative distance', (b) => void (b.placements!.distances_cm[2]![b.projects.findIndex((p) => p.site)] = -100), /expected whole centimetres/],
    ['a distance past what the column holds (2^31 cm)', (b) => void (b.placements!.distances_cm[1]![b.projects.findIndex((p) => p.site)] = 2 ** 31), /distances_cm\.1\.\d+: expected whole centimetres/],
    ['a distance for a project without a site', (b) => void (b.placements!.distances_cm[0]![b.projects.findIndex((p) => !p.site)] = 100), /has no site but a distance/],
    ['a zone that is not one', (b) => void (b.placements!.zone[b.projects.findIndex((p) => p.site)] = 7), /zone\.\d+: expected a zone index/],
    ['a line without its shares', (b) => void delete b.placements!.shapes[String(b.projects.findIndex((p) => p.site?.geometry))], /without its shares/],
    ['every site moved by hand after the data build', (b) => b.projects.forEach((p) => p.site && (p.site.lon += 0.01)), /made for other sites than these/],
    ['one corner of an area moved by hand', (b) => {
      const area = b.projects.find((p) => p.site?.geometry?.type === 'Polygon')!.site!.geometry as { coordinates: number[][][] };
      area.coordinates[0]![1]![0]! += 1e-9;
    }, /made for other sites than these/],
    ['a site taken away by hand', (b) => void (b.projects.find((p) => p.site && !p.site.geometry)!.site = null), /has no site but a distance|other sites/],
    ['a share above 1', (b) => void (Object.values(b.placements!.corridor_shares)[0]![0] = 1.5), /corridor_shares\.\d+: expected 3 shares between 0 and 1/],
    ['the shares of a line left out', (b) => void delete b.placements!.corridor_shares[Object.keys(b.placements!.corridor_shares)[0]!], /corridor_shares: expected the shares of \d+ lines and areas/],
    ['no placements object', (b) => void ((b as { placements: unknown }).placements = [1, 2]), /not an object|distances_cm/],
  ];
  it('are refused when one site of thousands was moved by hand, however few of them are placed again to check', () => {
    // 2,000 projects: the 16 placed again to check them miss most rows; the sites' fingerprint does not.
    const b = JSON.parse(JSON.stringify(syntheticBundle(2000, { seed: 3 }))) as DataBundle;
    expect(knownPlacements(b)).toHaveProperty('value');
    const i = b.projects.findIndex((p, j) => j > 1000 && p.site);
    b.projects[i]!.site!.lat += 0.009; // 1 km north
    const known = knownPlacements(b);
    expect('why' in known ? known.why : 'used').toMatch(/made for other sites than these \(was the bundle edited after npm run data\?\)/);
    // The page then places every project itself: the moved one where it now lies.
    const placed = placeProjects(b.projects, prepareAxes(b.axes.features as AxisFeature[]), b.zones.features as ZoneFeature[]);
    expect(placed.at(i)).toEqual(placeHere({ ...b, projects: [b.projects[i]!] }).at(0));
  });

  it('name their sites by a fingerprint that a JSON round trip keeps and any move changes', () => {
    const b = fetched(shapesSources());
    const sites = b.projects.map((p) => p.site);
    const fp = sitesFingerprint(sites);
    expect(fp).toMatch(/^\d+-[0-9a-f]{8}$/);
    expect(b.placements!.sites).toBe(fp);
    expect(sitesFingerprint(JSON.parse(JSON.stringify(sites)))).toBe(fp);
    const moved = structuredClone(sites);
    const k = moved.findIndex((s) => s && !s.geometry);
    moved[k]!.lon += 1e-12;
    expect(sitesFingerprint(moved)).not.toBe(fp);
    // Swapping two projects' sites changes it too (it is in ledger order).
    const swapped = [...sites];
    const located = sites.flatMap((s, j) => (s ? [j] : []));
    const [a, c] = [located[0]!, located.at(-1)!];
    [swapped[a], swapped[c]] = [swapped[c]!, swapped[a]!];
    expect(sitesFingerprint(swapped)).not.toBe(fp);
  });

  it.each(broken)('are refused, with why, when %s', (_, breakIt, why) => {
    const b = fetched(shapesSources());
    breakIt(b);
    const known = knownPlacements(b);
    expect('why' in known ? known.why : 'used').toMatch(why);
  });
});
