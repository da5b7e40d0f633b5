import { fixtureSources } from '../helpers/fixtures.ts';
import { describe, expect, it } from 'vitest';
import { buildBundle } from '../../src/core/bundle.ts';
import { EMPTY_FILTER } from '../../src/core/facets.ts';
import { applyFilter } from '../../src/core/filter.ts';
import type { ZoneFeature } from '../../src/core/load_geo.ts';
import type { AxisFeature } from '../../src/core/load_geo.ts';
import { Placements, placeProjects, prepareAxes } from '../../src/core/placement.ts';
import { searchPlaces, searchProjects } from '../../src/core/search.ts';
import { DataModel } from '../../src/app/derive.ts';
import { searchKeys } from '../../scripts/search_keys.ts';

const { bundle } = buildBundle(fixtureSources()).value!;
const projects = bundle.projects;
const placements = placeProjects(projects, prepareAxes(bundle.axes.features as AxisFeature[]), bundle.zones.features as ZoneFeature[]);
const LAYOUT = { axisIds: ['songshan', 'daxue', 'jingguang'], zoneIds: ['north', 'central', 'south'] };
const ids = (indices: number[]) => indices.map((i) => projects[i]!.id);

describe('applyFilter on the shipped ledger', () => {
  it('passes everything with no facet set', () => {
    const r = applyFilter(projects, placements, EMPTY_FILTER, 500, LAYOUT);
    expect(r.indices).toHaveLength(18);
    expect(r.counts.mapped).toEqual({ mapped: 6, unmapped: 12 });
    expect(r.counts.axes).toEqual({ songshan: 1, daxue: 1, jingguang: 1 });
  });

  it('filters by axis through the corridor at the current width', () => {
    const f = { ...EMPTY_FILTER, axes: ['jingguang' as const] };
    expect(ids(applyFilter(projects, placements, f, 500, LAYOUT).indices)).toEqual(['crec-taihe']);
    expect(ids(applyFilter(projects, placements, f, 1600, LAYOUT).indices)).toEqual([
      'crec-taihe',
      'yaxiya-zhuoyue',
      'erqi-square-tunnel',
      'dehua-street',
      'digital-sci-tech-city', // ~1.4 km from 京广路's south-east bend
    ]);
  });

  it('combines facets, and counts each option under the other facets', () => {
    const f = { ...EMPTY_FILTER, statuses: ['operating' as const], mapped: 'mapped' as const };
    const r = applyFilter(projects, placements, f, 500, LAYOUT);
    expect(ids(r.indices)).toEqual(['crec-taihe', 'yaxing-wanjia', 'yaxiya-zhuoyue']);
    // Status counts ignore the status facet itself but respect "mapped".
    expect(r.counts.statuses).toMatchObject({ operating: 3, completed: 2, unknown: 1, started: 0 });
    // "Mapped" counts respect the status facet.
    expect(r.counts.mapped).toEqual({ mapped: 3, unmapped: 1 });
  });

  it('leaves out undisclosed investment once a range is set (never treats it as 0)', () => {
    const f = { ...EMPTY_FILTER, investmentMin: 0 };
    expect(applyFilter(projects, placements, f, 500, LAYOUT).indices).toEqual([]);
  });

  it('filters by schematic zone', () => {
    const f = { ...EMPTY_FILTER, zones: ['central'] };
    expect(ids(applyFilter(projects, placements, f, 500, LAYOUT).indices)).toEqual(['yaxing-wanjia', 'digital-sci-tech-city']);
  });
});

describe('applyFilter with many zones', () => {
  // The facts keep each project's zones as bits in the smallest integers that hold the layout's: a byte for three,
  // 16 bits for twelve, 32 for twenty. The project in the last zone must pass a filter on it in every case.
  it.each([3, 12, 20, 31])('finds the project in the last of %i zones', (count) => {
    const zoneIds = Array.from({ length: count }, (_, k) => `z${k}`);
    const layout = { axisIds: LAYOUT.axisIds, zoneIds };
    const rows = Array.from({ length: count }, (_, i) => ({ ...projects[i % projects.length]!, id: `p${i}` }));
    const p = Placements.empty(rows.length, 3, zoneIds, false);
    for (let i = 0; i < rows.length; i++) {
      p.cm.set([100_000, 200_000, 300_000], i * 3);
      p.zones[i] = i;
    }
    const mapped = rows.map((r) => ({ ...r, site: r.site ?? { lon: 113.6, lat: 34.7, accuracy_m: 10, evidence: 'test' } }));
    const last = applyFilter(mapped as typeof projects, p, { ...EMPTY_FILTER, zones: [`z${count - 1}`] }, 500, layout);
    expect(last.indices).toEqual([count - 1]);
    expect(last.counts.zones[`z${count - 1}`]).toBe(1);
    expect(Object.values(applyFilter(mapped as typeof projects, p, EMPTY_FILTER, 500, layout).counts.zones)).toEqual(zoneIds.map(() => 1));
  });
});

describe('searchProjects', () => {
  const names = (q: string) => searchProjects(projects, q).map((h) => projects[h.index]!.name_zh);

  it('finds a project by its Chinese name, with or without the middle dot', () => {
    expect(names('泰和里')).toEqual(['中铁·泰和里']);
    expect(names('中铁泰和')).toEqual(['中铁·泰和里']);
  });

  it('finds a project by its English name, ignoring case and width', () => {
    expect(names('byd')).toEqual(['比亚迪河南旗舰展示中心']);
    expect(names('ＢＹＤ')).toEqual(['比亚迪河南旗舰展示中心']);
  });

  it('finds a project by address and ranks names that start with the query first', () => {
    expect(searchProjects(projects, '嵩山南路')[0]!.field).toBe('address');
    expect(names('二七')[0]).toBe('二七广场隧道工程');
  });

  it('returns nothing for an empty query', () => {
    expect(searchProjects(projects, '  ')).toEqual([]);
  });

  it('finds a project by another name the sources use (别名: the report’s 泰合里 for 泰和里)', () => {
    expect(projects.find((p) => p.id === 'crec-taihe')!.other_names).toBe('中铁·泰合里');
    expect(names('泰合里')).toEqual(['中铁·泰和里']);
    expect(searchProjects(projects, '泰合里')[0]!.field).toBe('other_names');
  });

  it('finds by pinyin and by initials with the data build’s keys, and not from a single letter', () => {
    const keys = searchKeys(bundle);
    expect(keys['crec-taihe']).toBe('zhongtie·taiheli zt·thl');
    const withKeys = (q: string) => searchProjects(projects, q, 10, keys).map((h) => projects[h.index]!.name_zh);
    expect(withKeys('taiheli')).toEqual(['中铁·泰和里']);
    expect(withKeys('ztthl')).toEqual(['中铁·泰和里']);
    expect(withKeys('Dehua')).toContain('德化步行街'); // 德化 in its English name and its pinyin
    expect(withKeys('buxingjie')).toEqual(['德化步行街']); // 行 read xing, as in 步行
    // One letter matches names, never pinyin (it would find half the ledger).
    expect(searchProjects(projects, 'z', 10, keys).filter((h) => h.field === 'pinyin')).toEqual([]);
    expect(searchProjects(projects, 'ztthl')).toEqual([]); // without keys, pinyin is not guessed
  });
});

describe('searchPlaces', () => {
  const model = new DataModel(bundle);
  const keys = searchKeys(bundle);
  const found = (q: string) => searchPlaces(model.places, q, 5, keys).map((p) => `${p.kind}:${p.name_zh}`);

  it('finds landmarks, axes and zones by Chinese, English and pinyin, and knows where each is', () => {
    expect(found('二七广场')).toEqual(['landmark:二七广场']);
    expect(found('erqiguangchang')).toEqual(['landmark:二七广场']);
    expect(found('Erqi Square')).toEqual(['landmark:二七广场']);
    // The road first (its name starts with it), then the museum's 嵩山馆.
    expect(found('嵩山')).toEqual(['axis:嵩山路', 'landmark:郑州博物馆（嵩山馆）']);
    expect(found('songshan')[0]).toBe('axis:嵩山路');
    expect(found('南片')).toEqual(['zone:南片（示意）']);
    const square = model.places.find((p) => p.name_zh === '二七广场')!;
    const target = model.placeTarget(square) as { center: [number, number] };
    const feature = bundle.landmarks.features.find((f) => f.properties!['name_zh'] === '二七广场')!;
    expect(target.center).toEqual((feature.geometry as { coordinates: number[] }).coordinates);
    const south = model.placeTarget(model.places.find((p) => p.kind === 'zone' && p.id === 'south')!) as { bounds: [[number, number], [number, number]] };
    expect(south.bounds[0][1]).toBeLessThan(south.bounds[1][1]);
  });
});
