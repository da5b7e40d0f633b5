import { fixtureSources } from '../helpers/fixtures.ts';
import { describe, expect, it } from 'vitest';
import { buildBundle } from '../../src/core/bundle.ts';
import { EMPTY_FILTER } from '../../src/core/facets.ts';
import { applyFilter } from '../../src/core/filter.ts';
import type { ZoneFeature } from '../../src/core/load_geo.ts';
import type { AxisFeature } from '../../src/core/load_geo.ts';
import { placeProjects, prepareAxes } from '../../src/core/placement.ts';
import { searchProjects } from '../../src/core/search.ts';

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
});
