import { fixture, fixtureSources } from '../helpers/fixtures.ts';
import { describe, expect, it } from 'vitest';
import { aggregate, ledgerTally, type Tally } from '../../src/core/aggregate.ts';
import { ledgerFacts } from '../../src/core/filter.ts';
import { buildBundle } from '../../src/core/bundle.ts';
import { loadAxes, loadZones } from '../../src/core/load_geo.ts';
import { loadReported } from '../../src/core/load_reported.ts';
import { SECTORS, STATUSES, type AxisId, type MappedProject } from '../../src/core/model.ts';
import { corridorsOf, placeProjects, prepareAxes } from '../../src/core/placement.ts';
import { seededRandom } from '../../src/core/random.ts';
import { azimuth, direct, geodesicToLineM, insideRings } from '../helpers/geodesic.ts';
import { repoFile } from '../../scripts/repo.ts';

const axisFeatures = loadAxes('geo/axes.geojson', repoFile('geo/axes.geojson').text).value;
const axes = prepareAxes(axisFeatures);
const zones = loadZones('geo/zones.geojson', repoFile('geo/zones.geojson').text).value;
const AXIS_IDS = axes.map((a) => a.id);
const reported = loadReported('data/reported.json', fixture('ledger/reported.json'), AXIS_IDS).value!;
/** Metres from a placement to an axis, by id. */
const dist = (pl: { distances_m: number[] | null }, id: AxisId): number => pl.distances_m![AXIS_IDS.indexOf(id)]!;

function project(id: string, lonLat: [number, number] | null, extra: Partial<MappedProject> = {}): MappedProject {
  return {
    id,
    name_zh: id,
    name_en: id,
    axis_declared: null,
    zone_declared: null,
    sector: null,
    status: null,
    investment_total_yi: null,
    investment_2023_yi: null,
    address: null,
    source: 'test',
    as_of: null,
    note: null,
    key_level: null,
    other_names: null,
    site: lonLat ? { project_id: id, feature: 0, lon: lonLat[0], lat: lonLat[1], accuracy_m: null, place: null, confidence: null, evidence: null } : null,
    ...extra,
  };
}

/** A point `metres` to the east (negative: west) of the middle of the 大学路 axis's 5th segment (it runs north–south). */
function eastOfDaxue(metres: number): [number, number] {
  const line = axisFeatures.find((a) => a.properties.id === 'daxue')!.geometry.coordinates;
  const [a, b] = [line[4]!, line[5]!];
  const mid: [number, number] = [(a[0]! + b[0]!) / 2, (a[1]! + b[1]!) / 2];
  return direct(mid[0], mid[1], azimuth(a[0]!, a[1]!, b[0]!, b[1]!) - 90, metres);
}

describe('corridor membership, hand-checked', () => {
  const near = project('at-480', eastOfDaxue(480));
  const far = project('at-520', eastOfDaxue(520));
  const [pNear, pFar] = placeProjects([near, far], axes, zones).all();

  it('measures 480 m and 520 m from the axis', () => {
    expect(dist(pNear!, 'daxue')).toBeCloseTo(480, 2);
    expect(dist(pFar!, 'daxue')).toBeCloseTo(520, 2);
  });

  it('puts 480 m inside and 520 m outside a 500 m corridor', () => {
    expect(corridorsOf(pNear!, 500, AXIS_IDS)).toEqual(['daxue']);
    expect(corridorsOf(pFar!, 500, AXIS_IDS)).toEqual([]);
  });

  it('puts both inside a 600 m corridor, and 520 m into two where the corridors overlap', () => {
    expect(corridorsOf(pFar!, 600, AXIS_IDS)).toEqual(['daxue']);
    // 大学路 and 京广路 are ~1.2 km apart here: at 1000 m the point is in both, 大学路 first (nearest).
    expect(corridorsOf(pFar!, 1000, AXIS_IDS)).toEqual(['daxue', 'jingguang']);
  });
});

describe('aggregate, hand-checked', () => {
  const projects = [
    project('in-a', eastOfDaxue(100), { axis_declared: 'daxue', investment_total_yi: 10, status: 'started', sector: 'health' }),
    project('in-b', eastOfDaxue(-200), { axis_declared: 'songshan', investment_total_yi: 2.5, status: 'signed' }),
    project('in-undisclosed', eastOfDaxue(300), { status: 'started' }),
    project('declared-far', eastOfDaxue(-700), { axis_declared: 'daxue', investment_total_yi: 7 }),
    project('unmapped', null, { axis_declared: 'daxue', investment_total_yi: 99 }),
  ];
  const result = aggregate(projects, placeProjects(projects, axes, zones), axes, zones, reported, 500);
  const daxue = result.axes.find((a) => a.id === 'daxue')!;
  const songshan = result.axes.find((a) => a.id === 'songshan')!;

  it('counts located projects inside the corridor and sums only disclosed investment', () => {
    expect(daxue.mapped.project_ids).toEqual(['in-a', 'in-b', 'in-undisclosed']);
    expect(daxue.mapped.projects).toBe(3);
    expect(daxue.mapped.disclosed).toBe(2);
    expect(daxue.mapped.investment_yi).toBeCloseTo(12.5, 10);
    expect(daxue.mapped.investment_per_km).toBeCloseTo(12.5 / daxue.length_km, 10);
    expect(daxue.mapped.by_status).toEqual({ started: 2, signed: 1 });
    expect(daxue.mapped.by_sector).toEqual({ health: 1, unknown: 2 });
  });

  it('sets reported figures and coverage beside the mapped ones', () => {
    expect(daxue.reported).toMatchObject({ projects: 31, investment_yi: 396 });
    expect(daxue.coverage.projects).toBeCloseTo(3 / 31, 12);
    expect(daxue.coverage.investment).toBeCloseTo(12.5 / 396, 12);
    expect(daxue.share_of_district.investment).toBeCloseTo(396 / 2326, 12);
  });

  it('gives null, not 0, where nothing is disclosed', () => {
    expect(songshan.mapped.projects).toBe(0);
    expect(songshan.mapped.investment_yi).toBeNull();
    expect(songshan.mapped.investment_per_km).toBeNull();
    expect(songshan.coverage.investment).toBeNull();
  });

  it('lists declared-but-outside and inside-but-declared-elsewhere', () => {
    expect(daxue.declared_outside.ids()).toEqual(['declared-far']);
    expect(daxue.inside_declared_elsewhere.ids()).toEqual(['in-b']);
    expect(songshan.declared_outside.ids()).toEqual(['in-b']);
    expect(songshan.declared_outside.count).toBe(1);
    // Written out whole, as the list (npm run data -- --json).
    expect(JSON.parse(JSON.stringify(daxue))).toMatchObject({ declared_outside: ['declared-far'], inside_declared_elsewhere: ['in-b'] });
  });

  it('keeps the unmapped project in the ledger and lists it', () => {
    expect(result.ledger.all.projects).toBe(5);
    expect(result.ledger.mapped).toBe(4);
    expect(result.ledger.unmapped_ids).toEqual(['unmapped']);
    expect(result.ledger.outside_corridors_ids).toEqual(['declared-far']);
  });

  it('places the points, all north of 南三环 (lat 34.702), in the schematic north zone', () => {
    const north = result.zones.find((z) => z.id === 'north')!;
    expect(north.mapped.project_ids).toEqual(['in-a', 'in-b', 'in-undisclosed', 'declared-far']);
    expect(north.schematic).toBe(true);
  });
});

describe('aggregate equals an independent brute-force computation', () => {
  const random = seededRandom(20231231);
  const projects: MappedProject[] = [];
  for (let i = 0; i < 1000; i++) {
    const lonLat: [number, number] = [113.600 + random() * 0.075, 34.655 + random() * 0.115];
    projects.push(
      project(`p${i}`, lonLat, {
        investment_total_yi: random() < 0.3 ? null : Math.round(random() * 1000) / 10,
        status: STATUSES[Math.floor(random() * STATUSES.length)]!,
        axis_declared: random() < 0.5 ? AXIS_IDS[Math.floor(random() * 3)]! : null,
      }),
    );
  }
  const placements = placeProjects(projects, axes, zones);

  // The reference: geodesic distance by golden-section search on the ellipsoid, and ray casting.
  const reference = projects.map((p) => {
    const d: Record<AxisId, number> = {};
    for (const a of axisFeatures) d[a.properties.id] = geodesicToLineM(p.site!.lon, p.site!.lat, a.geometry.coordinates);
    const zone = zones.find((z) =>
      insideRings(p.site!.lon, p.site!.lat, z.geometry.type === 'Polygon' ? [z.geometry.coordinates] : z.geometry.coordinates),
    );
    return { d, zone: zone?.properties.id ?? null };
  });

  it('has the same distances to the millimetre, given to the centimetre', () => {
    placements.all().forEach((pl, i) => {
      for (const id of AXIS_IDS) {
        expect(Math.abs(dist(pl, id) - reference[i]!.d[id]!)).toBeLessThan(0.005 + 0.001);
        expect(Number.isInteger(Math.round(dist(pl, id) * 100)) && dist(pl, id) === Math.round(dist(pl, id) * 100) / 100).toBe(true);
      }
    });
  });

  it.each([250, 500, 1000, 3000])('has the same per-axis figures at a %i m corridor', (width) => {
    const result = aggregate(projects, placements, axes, zones, reported, width);
    for (const id of AXIS_IDS) {
      const inside = projects.filter((_, i) => reference[i]!.d[id]! <= width);
      const disclosed = inside.filter((p) => p.investment_total_yi !== null);
      const axis = result.axes.find((a) => a.id === id)!;
      expect(axis.mapped.project_ids).toEqual(inside.map((p) => p.id));
      expect(axis.mapped.disclosed).toBe(disclosed.length);
      expect(axis.mapped.investment_yi).toBeCloseTo(disclosed.reduce((s, p) => s + p.investment_total_yi!, 0), 6);
      const declaredOutside = projects.filter((p, i) => p.axis_declared === id && reference[i]!.d[id]! > width).map((p) => p.id);
      expect(axis.declared_outside.ids()).toEqual(declaredOutside);
      expect(axis.declared_outside.count).toBe(declaredOutside.length);
      expect(axis.declared_outside.ids(2)).toEqual(declaredOutside.slice(0, 2));
      const nearest = projects.filter((_, i) => {
        const d = reference[i]!.d;
        const inAny = AXIS_IDS.filter((a) => d[a]! <= width);
        return inAny.length > 0 && inAny.reduce((m, a) => (d[a]! < d[m]! ? a : m)) === id;
      });
      expect(axis.mapped.nearest).toBe(nearest.length);
    }
    expect(result.ledger.outside_corridors_ids).toEqual(
      projects.filter((_, i) => AXIS_IDS.every((a) => reference[i]!.d[a]! > width)).map((p) => p.id),
    );
    const corridorsOf = (i: number) => AXIS_IDS.filter((a) => reference[i]!.d[a]! <= width).length;
    expect(result.ledger.in_corridors).toBe(projects.filter((_, i) => corridorsOf(i) > 0).length);
    // What the overview counts with: the ids' lengths, without reading the ids.
    expect(result.ledger.mapped - result.ledger.in_corridors).toBe(result.ledger.outside_corridors_ids.length);
    expect(result.ledger.all.projects - result.ledger.mapped).toBe(result.ledger.unmapped_ids.length);
    expect(result.ledger.in_several_corridors).toBe(projects.filter((_, i) => corridorsOf(i) > 1).length);
  });

  it('has the same per-zone membership', () => {
    const result = aggregate(projects, placements, axes, zones, reported, 500);
    for (const zone of result.zones) {
      expect(zone.mapped.project_ids).toEqual(projects.filter((_, i) => reference[i]!.zone === zone.id).map((p) => p.id));
    }
  });

  it('aggregates a subset given by indices as it aggregates those projects alone', () => {
    const indices = projects.map((_, i) => i).filter((i) => i % 3 !== 0 && projects[i]!.status !== 'planned');
    const alone = aggregate(indices.map((i) => projects[i]!), placements.pick(indices), axes, zones, reported, 1000);
    const byIndex = aggregate(projects, placements, axes, zones, reported, 1000, { indices });
    // Compared as written out: every figure and every id list (the lists name their ids when read).
    const whole = (a: typeof alone) => JSON.parse(JSON.stringify(a));
    expect(whole(byIndex)).toEqual(whole(alone));
    expect(byIndex.ledger.all.projects).toBe(indices.length);
  });

  it("names a list's first projects as its ids say, in the whole ledger and in a subset", () => {
    const named = projects.map((p, i) => ({ ...p, name_zh: `项目${i}`, name_en: i % 7 ? `Project ${i}` : null }));
    const indices = named.map((_, i) => i).filter((i) => i % 4 !== 1);
    for (const result of [aggregate(named, placements, axes, zones, reported, 500), aggregate(named, placements, axes, zones, reported, 500, { indices })]) {
      for (const axis of result.axes) {
        for (const list of [axis.declared_outside, axis.inside_declared_elsewhere]) {
          expect(list.count).toBeGreaterThan(12);
          const byId = list.ids(12).map((id) => named.find((p) => p.id === id)!);
          expect(list.named(12).map(({ id, name_zh, name_en }) => ({ id, name_zh, name_en }))).toEqual(byId.map(({ id, name_zh, name_en }) => ({ id, name_zh, name_en })));
          expect(list.named().length).toBe(list.count);
        }
      }
    }
  });

  it("tallies the whole ledger from its columns alone as aggregate's ledger.all does", () => {
    const layout = { axisIds: AXIS_IDS, zoneIds: zones.map((z) => z.properties.id) };
    const withSectors = projects.map((p, i) => ({ ...p, sector: i % 5 ? SECTORS[i % SECTORS.length]! : null }));
    const whole = (t: Tally) => JSON.parse(JSON.stringify(t));
    expect(whole(ledgerTally(withSectors, ledgerFacts(withSectors, layout)))).toEqual(whole(aggregate(withSectors, placements, axes, zones, reported, 750).ledger.all));
  });
});

describe('the shipped data', () => {
  it('builds with the report’s axis figures beside what is mapped', () => {
    const { value, issues } = buildBundle(fixtureSources());
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    const axes = value!.aggregates.axes.map((a) => [a.id, a.reported.projects, a.reported.investment_yi, a.mapped.projects, a.mapped.investment_yi]);
    expect(axes).toEqual([
      ['songshan', 31, 591, 1, null],
      ['daxue', 31, 396, 1, null],
      ['jingguang', 35, 365, 1, null],
    ]);
  });
});
