/**
 * Sites as lines and areas (issue #12): tests/fixtures/shapes has a road across all three corridors, an area
 * across two zones, a plot with a hole, Multi forms, a point and an unmapped project. Every distance, share and
 * size is checked against an independent computation (JSTS in an azimuthal equidistant projection from
 * GeographicLib: tests/helpers/shapes_reference.ts), and the aggregates against sums of those.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Geometry, LineString } from 'geojson';
import gcoord from 'gcoord';
import { describe, expect, it } from 'vitest';
import { aggregate } from '../../src/core/aggregate.ts';
import { buildBundle } from '../../src/core/bundle.ts';
import { projectsToCsv, projectsToGeoJson } from '../../src/core/export.ts';
import { distanceM } from '../../src/core/geodesy.ts';
import { importLedger } from '../../src/import/import_ledger.ts';
import type { ZoneFeature } from '../../src/core/load_geo.ts';
import { corridorShares, placeProjects, prepareAxes } from '../../src/core/placement.ts';
import { ROOT } from '../../scripts/repo.ts';
import { fixture, fixtureSources } from '../helpers/fixtures.ts';
import { reference } from '../helpers/shapes_reference.ts';

const file = (name: string) => ({ file: `tests/fixtures/shapes/${name}`, text: fixture(`shapes/${name}`) });
const built = buildBundle({ ...fixtureSources(), projects: file('projects.csv'), sites: file('sites.geojson') });
const { bundle } = built.value!;
const axes = prepareAxes(bundle.axes.features as never);
const zones = bundle.zones.features as ZoneFeature[];
const placements = placeProjects(bundle.projects, axes, zones);
const located = bundle.projects.flatMap((p, i) => (p.site ? [{ p, i, geometry: (p.site.geometry ?? { type: 'Point', coordinates: [p.site.lon, p.site.lat] }) as Geometry }] : []));
const WIDTHS = [300, 500, 1000];

// The reference, once per site, axis and width (JSTS is slow-ish).
const REF = new Map<string, ReturnType<typeof reference>>();
const ref = (id: string, k: number, width: number) => {
  const key = `${id}|${k}|${width}`;
  if (!REF.has(key)) {
    const { p, geometry } = located.find((s) => s.p.id === id)!;
    REF.set(key, reference(geometry, [p.site!.lon, p.site!.lat], axes[k]!.feature.geometry.coordinates, zones.map((z) => ({ id: z.properties.id, geometry: z.geometry })), width));
  }
  return REF.get(key)!;
};

describe('lines, areas and Multi forms, placed', () => {
  it('load with a warning for each site partly outside the district', () => {
    expect(built.issues).toEqual([
      expect.objectContaining({ feature: 0, severity: 'warning', message: "'road-x': 12 % of it lies in no zone (outside 二七区?)" }),
      expect.objectContaining({ feature: 4, severity: 'warning', message: "'multi-plots': 67 % of it lies in no zone (outside 二七区?)" }),
    ]);
  });

  it('measure each distance to each axis as the reference does (0 where they cross), within 1 m', () => {
    for (const { p, i } of located) {
      for (let k = 0; k < axes.length; k++) {
        const d = placements.at(i).distances_m![k]!;
        const r = ref(p.id, k, 500).distance;
        if (r === 0) expect(d, `${p.id} ${axes[k]!.id}`).toBe(0);
        else expect(Math.abs(d - r), `${p.id} ${axes[k]!.id}: ${d} vs ${r}`).toBeLessThan(1);
      }
    }
    // The road crosses all three.
    expect(placements.at(bundle.projects.findIndex((p) => p.id === 'road-x')).distances_m).toEqual([0, 0, 0]);
  });

  it('measure lengths and areas within 0.1 %', () => {
    for (const { p, i } of located) {
      const shape = placements.at(i).shape;
      if (!shape) continue;
      expect(Math.abs(shape.size / ref(p.id, 0, 500).size - 1), p.id).toBeLessThan(0.001);
    }
  });

  it.each(WIDTHS)('give each share inside a %i m corridor within 0.1 % of the reference', (width) => {
    const shares = corridorShares(bundle.projects, placements, axes, width);
    for (const { p, i } of located) {
      if (!p.site!.geometry) continue;
      for (let k = 0; k < axes.length; k++) {
        expect(Math.abs(shares[i]![k]! - ref(p.id, k, width).corridorShare), `${p.id} ${axes[k]!.id} at ${width} m`).toBeLessThan(0.001);
      }
    }
  });

  it('give each share in each zone within 0.1 % of the reference, largest first', () => {
    for (const { p, i } of located) {
      const shape = placements.at(i).shape;
      if (!shape) continue;
      const expected = ref(p.id, 0, 500).zoneShares;
      for (const z of zones) {
        const got = shape.zones.find((s) => s.id === z.properties.id)?.share ?? 0;
        expect(Math.abs(got - expected[z.properties.id]!), `${p.id} in ${z.properties.id}`).toBeLessThan(0.001);
      }
      expect(placements.at(i).zone).toBe(shape.zones[0]?.id ?? null);
    }
    const straddle = placements.at(bundle.projects.findIndex((p) => p.id === 'area-straddle'));
    expect(straddle.shape!.zones.map((z) => z.id).sort()).toEqual(['central', 'north']);
  });
});

describe('aggregates with lines and areas', () => {
  it.each(WIDTHS)('count a project in every corridor it touches, with full and apportioned investment, at %i m', (width) => {
    const result = aggregate(bundle.projects, placements, axes, zones, bundle.reported, width);
    for (const [k, axis] of result.axes.entries()) {
      const touching = located.filter(({ p }) => ref(p.id, k, width).distance <= width);
      expect(axis.mapped.project_ids).toEqual(touching.map(({ p }) => p.id));
      const disclosed = touching.filter(({ p }) => p.investment_total_yi !== null);
      expect(axis.mapped.investment_yi).toBeCloseTo(disclosed.reduce((s, { p }) => s + p.investment_total_yi!, 0), 9);
      const apportioned = disclosed.reduce((s, { p }) => s + p.investment_total_yi! * (p.site!.geometry ? ref(p.id, k, width).corridorShare : 1), 0);
      expect(Math.abs(axis.mapped.investment_apportioned_yi! - apportioned), axis.id).toBeLessThan(0.001 * apportioned + 1e-9);
    }
  });

  it('count each project once in the district totals, though the road touches three corridors', () => {
    const result = aggregate(bundle.projects, placements, axes, zones, bundle.reported, 500);
    expect(result.ledger.all.projects).toBe(9);
    expect(result.ledger.all.investment_yi).toBe(76);
    expect(result.axes.filter((a) => a.mapped.project_ids.includes('road-x'))).toHaveLength(3);
    expect(result.axes.reduce((s, a) => s + a.mapped.investment_yi!, 0)).toBeGreaterThan(76); // touching: overlaps
  });

  it('count a line or an area in every zone it touches, apportioned by its share there', () => {
    const result = aggregate(bundle.projects, placements, axes, zones, bundle.reported, 500);
    for (const z of result.zones) {
      const inZone = located.filter(({ p }) => ref(p.id, 0, 500).zoneShares[z.id]! > 1e-6 || (!p.site!.geometry && placements.at(bundle.projects.indexOf(p)).zone === z.id));
      expect(z.mapped.project_ids.sort(), z.id).toEqual(inZone.map(({ p }) => p.id).sort());
      const apportioned = inZone.reduce((s, { p }) => s + (p.investment_total_yi ?? 0) * (p.site!.geometry ? ref(p.id, 0, 500).zoneShares[z.id]! : 1), 0);
      expect(Math.abs((z.mapped.investment_apportioned_yi ?? 0) - apportioned), z.id).toBeLessThan(0.001 * apportioned + 1e-9);
    }
  });
});

describe('lines and areas through npm run data', () => {
  it('prints the same aggregates as the core', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/data.ts'), '--json', '--projects', 'tests/fixtures/shapes/projects.csv', '--sites', 'tests/fixtures/shapes/sites.geojson', '--reported', 'tests/fixtures/ledger/reported.json'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    const core = aggregate(bundle.projects, placements, axes, zones, bundle.reported, 500);
    expect(out.axes.map((a: { mapped: object }) => a.mapped)).toEqual(JSON.parse(JSON.stringify(core.axes.map((a) => a.mapped))));
    expect(out.zones.map((z: { mapped: object }) => z.mapped)).toEqual(JSON.parse(JSON.stringify(core.zones.map((z) => z.mapped))));
  });
});

describe('lines and areas through export and import', () => {
  const shapesOf = (projects: typeof bundle.projects) => projects.map((p) => (p.site ? JSON.stringify(p.site.geometry ?? [p.site.lon, p.site.lat]) : null));

  it('round-trip through the CSV export (geometry_wkt) byte for byte in geometry', async () => {
    const csv = projectsToCsv(bundle.projects, placements, 500, axes.map((a) => a.id));
    expect(csv.split('\r\n')[0]).toMatch(/,geometry_wkt$/);
    const { result } = await importLedger('export.csv', new TextEncoder().encode(csv), { axes });
    expect(result.issues).toEqual([]);
    expect(shapesOf(result.projects)).toEqual(shapesOf(bundle.projects));
  });

  it('round-trip through the GeoJSON export byte for byte in geometry', async () => {
    const geojson = JSON.stringify(projectsToGeoJson(bundle.projects, placements, 500, axes.map((a) => a.id)));
    const { result } = await importLedger('export.geojson', new TextEncoder().encode(geojson), { axes });
    expect(result.issues).toEqual([]);
    expect(shapesOf(result.projects)).toEqual(shapesOf(bundle.projects));
  });

  it.each(['zh', 'en'] as const)('round-trip through the CSV export in words (%s headers and labels) to the same projects', async (lang) => {
    const axisNames = Object.fromEntries(bundle.axes.features.map((f) => [f.properties!.id, { zh: f.properties!.name_zh, en: f.properties!.name_en }]));
    const zoneNames = Object.fromEntries(bundle.zones.features.map((f) => [f.properties!.id, { zh: f.properties!.name_zh, en: f.properties!.name_en }]));
    const csv = projectsToCsv(bundle.projects, placements, 500, axes.map((a) => a.id), { lang, axisNames, zoneNames });
    expect(csv.split('\r\n')[0]).toBe(
      lang === 'zh'
        ? '\uFEFF项目编号,项目名称,英文名称,申报轴线,申报所属片区,行业,状态,总投资（亿元）,2023年完成投资（亿元）,地址,来源,数据截至,备注,重点项目级别,别名,空间轴线（最近走廊）,空间片区,经度,纬度,位置精度（米）,空间范围（WKT）'
        : '\uFEFFID,Name,English name,Axis (declared),Zone (declared),Sector,Status,Total investment (亿元),Invested in 2023 (亿元),Address,Source,Data as of,Note,Key project level,Other names,Spatial axis (nearest corridor),Spatial zone,Longitude,Latitude,Location accuracy (m),Geometry (WKT)',
    );
    expect(csv).toContain(lang === 'zh' ? ',大学路,,基础设施,在建,30,' : ',Daxue Road,,infrastructure,under construction,30,');
    const { result } = await importLedger(`export-${lang}.csv`, new TextEncoder().encode(csv), { axes });
    expect(result.issues).toEqual([]);
    expect(result.projects.map(({ site: _s, ...p }) => p)).toEqual(bundle.projects.map(({ site: _s, ...p }) => p));
    expect(shapesOf(result.projects)).toEqual(shapesOf(bundle.projects));
  });

  it('reads a WKT column under a Chinese header in GCJ-02, converting every vertex', async () => {
    const road = located.find((s) => s.p.id === 'road-x')!.geometry as LineString;
    const gcj = road.coordinates.map((c) => gcoord.transform([c[0]!, c[1]!], gcoord.WGS84, gcoord.GCJ02) as number[]);
    const text = `项目名称,总投资（亿元）,空间范围\n测试道路,30,"LINESTRING (${gcj.map((c) => `${c[0]} ${c[1]}`).join(', ')})"\n`;
    const { result } = await importLedger('台账.csv', new TextEncoder().encode(text), { axes, crs: 'gcj02' });
    expect(result.issues).toEqual([]);
    const back = result.projects[0]!.site!.geometry as LineString;
    back.coordinates.forEach((c, k) => expect(distanceM(c[0]!, c[1]!, road.coordinates[k]![0]!, road.coordinates[k]![1]!)).toBeLessThan(1));
  });

  it('names the row and column of WKT it cannot read or place', async () => {
    const text = '项目名称,WKT\n甲,LINESTRING (113.63 34.72\n乙,"POLYGON ((113.62 34.70, 113.63 34.71, 113.63 34.70, 113.62 34.71, 113.62 34.70))"\n丙,POINT EMPTY\n';
    const { result } = await importLedger('x.csv', new TextEncoder().encode(text), { axes });
    expect(result.projects).toEqual([]);
    expect(result.issues.map((i) => [i.row, i.field, i.message])).toEqual([
      [2, 'WKT', "'LINESTRING (113.63 34.72' is not WKT: write e.g. LINESTRING (113.63 34.72, 113.64 34.73)"],
      [3, 'WKT', 'the outline crosses itself near [113.625000, 34.705000]: redraw it so its edges do not cross'],
      [4, 'WKT', 'is an EMPTY geometry: leave the cell blank for a project with no location'],
    ]);
  });
});

describe('the measures behind the shares', () => {
  it('capsuleRange: the part of a segment within r of another, against 20,000 samples along it', async () => {
    const fc = await import('fast-check');
    const { capsuleRange } = await import('../../src/core/plane.ts');
    const coord = fc.double({ min: -100, max: 100, noNaN: true });
    fc.assert(
      fc.property(coord, coord, coord, coord, coord, coord, coord, coord, fc.double({ min: 0.5, max: 60, noNaN: true }), (px, py, qx, qy, ax, ay, bx, by, r) => {
        const dx = qx - px;
        const dy = qy - py;
        const got = capsuleRange(px, py, dx, dy, ax, ay, bx, by, r);
        const within = (t: number) => {
          const x = px + t * dx;
          const y = py + t * dy;
          const ex = bx - ax;
          const ey = by - ay;
          const len2 = ex * ex + ey * ey;
          const u = len2 > 0 ? Math.min(1, Math.max(0, ((x - ax) * ex + (y - ay) * ey) / len2)) : 0;
          return Math.hypot(ax + u * ex - x, ay + u * ey - y) <= r;
        };
        const n = 20_000;
        let inside = 0;
        for (let i = 0; i < n; i++) if (within((i + 0.5) / n)) inside++;
        const length = got ? got[1] - got[0] : 0;
        expect(Math.abs(length - inside / n)).toBeLessThan(2e-4);
      }),
      { numRuns: 200, seed: 11 },
    );
  });

  it('gives a geometry the same shares the first time and from what it kept', () => {
    const { bundle } = buildBundle({ ...fixtureSources(), projects: { file: 'p.csv', text: fixture('shapes/projects.csv') }, sites: { file: 's.geojson', text: fixture('shapes/sites.geojson') } }).value!;
    const zones = JSON.parse(fixtureSources().zones.text).features as ZoneFeature[];
    const axes = prepareAxes(JSON.parse(fixtureSources().axes.text).features);
    const first = placeProjects(bundle.projects, axes, zones);
    const again = placeProjects(bundle.projects, axes, zones);
    const fresh = structuredClone(bundle.projects);
    expect(again).toEqual(first);
    expect(placeProjects(fresh, axes, zones)).toEqual(first);
    for (const w of [250, 500, 1500]) expect(corridorShares(bundle.projects, first, axes, w)).toEqual(corridorShares(fresh, first, axes, w));
  });
});
