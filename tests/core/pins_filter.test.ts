import fc from 'fast-check';
import type { Feature, MultiPolygon } from 'geojson';
import { fixtureSources, LAYOUT } from '../helpers/fixtures.ts';
import { describe, expect, it } from 'vitest';
import { buildBundle } from '../../src/core/bundle.ts';
import type { Filter } from '../../src/core/facets.ts';
import { applyFilter, filterFacts } from '../../src/core/filter.ts';
import { loadAxes, type AxisFeature, type ZoneFeature } from '../../src/core/load_geo.ts';
import { SECTORS, STATUSES } from '../../src/core/model.ts';
import { corridorsOf, nearestCorridor, placeProjects, prepareAxes } from '../../src/core/placement.ts';
import { syntheticProjects } from '../../src/core/synthetic.ts';
import { pinDiff, pinFeatures, projectPins } from '../../src/map/project_features.ts';
import { repoFile } from '../../scripts/repo.ts';

fc.configureGlobal({ seed: 20231231 });

const { bundle } = buildBundle(fixtureSources()).value!;
const axes = prepareAxes(bundle.axes.features as AxisFeature[]);
const zones = bundle.zones.features as ZoneFeature[];
const placements = placeProjects(bundle.projects, axes, zones);

describe('pins', () => {
  it('draws the six located projects of the shipped ledger, numbered by ledger index, labelled in the language asked', () => {
    const all = projectPins(pinFeatures(bundle.projects, placements, 500, LAYOUT.axisIds, 'zh'));
    expect(all.features).toHaveLength(6);
    const taihe = all.features.find((f) => bundle.projects[f.id as number]!.id === 'crec-taihe')!;
    // Only what the map draws: the project is the feature's id.
    const project = bundle.projects[taihe.id as number]!;
    expect(taihe.properties).toEqual({ axis: 'jingguang', stage: 'done', yi: project.investment_total_yi ?? -1, name: project.name_zh });
    const en = projectPins(pinFeatures(bundle.projects, placements, 500, LAYOUT.axisIds, 'en')).features.find((f) => f.id === taihe.id)!;
    expect(en.properties.name).toBe(project.name_en);
    expect(en.properties.name).not.toBe(taihe.properties.name);
  });

  it('picks the filtered ones from the same features, skipping the unmapped', () => {
    const features = pinFeatures(bundle.projects, placements, 500, LAYOUT.axisIds, 'zh');
    const picked = projectPins(features, [...bundle.projects.keys()]);
    expect(picked.features.map((f) => f.id)).toEqual(projectPins(features).features.map((f) => f.id));
    const unmapped = bundle.projects.findIndex((p) => !p.site);
    expect(projectPins(features, [unmapped]).features).toEqual([]);
  });
});

describe('pinDiff', () => {
  const feature = (id: number, version: number) => ({ type: 'Feature' as const, id, properties: { version }, geometry: { type: 'Point' as const, coordinates: [id, 0] } });
  // Pins are shared objects: the same object while a pin is unchanged, a new one when it changed.
  const pool = [Array.from({ length: 61 }, (_, id) => feature(id, 0)), Array.from({ length: 61 }, (_, id) => feature(id, 1))];
  const fcOf = (ids: number[], version: (id: number) => number = () => 0) => ({
    type: 'FeatureCollection' as const,
    features: ids.map((id) => pool[version(id)]![id]!),
  });

  it('turns one set of pins into the next, sending again the ones that changed', () => {
    fc.assert(
      // In ledger order (as projectPins makes them: one walk along both) or in any order.
      fc.property(fc.uniqueArray(fc.nat(60)), fc.uniqueArray(fc.nat(60)), fc.func(fc.constantFrom(0, 1)), fc.boolean(), (a0, b0, version, sorted) => {
        const [a, b] = sorted ? [[...a0].sort((x, y) => x - y), [...b0].sort((x, y) => x - y)] : [a0, b0];
        const before = fcOf(a);
        const after = fcOf(b, version);
        const diff = pinDiff(before, after);
        if (!diff) {
          // Only when nothing is kept as it was: then all of `after` is sent anyway.
          expect(after.features.filter((f) => before.features.includes(f))).toHaveLength(0);
          return;
        }
        // Applied as MapLibre applies a diff: removals, then additions replacing any feature with their id.
        const result = new Map(before.features.map((f) => [f.id, f]));
        for (const id of diff.remove ?? []) result.delete(id as number);
        for (const f of diff.add ?? []) result.set(f.id as number, f as (typeof after.features)[number]);
        expect([...result.values()].sort((x, y) => x.id - y.id)).toEqual([...after.features].sort((x, y) => x.id - y.id));
        for (const f of after.features) expect(result.get(f.id)).toBe(f);
        // Only what is new or changed travels.
        expect(diff.add).toHaveLength(after.features.filter((f) => !before.features.includes(f)).length);
      }),
    );
  });

  it('sends everything again when every pin changed (a new corridor width recolours them all)', () => {
    expect(pinDiff(fcOf([1, 2, 3]), fcOf([1, 2, 3], () => 1))).toBeNull();
  });

  it('sends only the pins that come and go between two filters in ledger order', () => {
    const diff = pinDiff(fcOf([1, 2, 3, 5, 8]), fcOf([2, 3, 4, 8, 9]))!;
    expect(diff.remove).toEqual([1, 5]);
    expect(diff.add!.map((f) => f.id)).toEqual([4, 9]);
  });

  it('declines features without a numeric id', () => {
    const noIds = { type: 'FeatureCollection' as const, features: [{ type: 'Feature' as const, properties: {}, geometry: { type: 'Point' as const, coordinates: [0, 0] } }] };
    expect(pinDiff(fcOf([1, 2]), noIds)).toBeNull();
    expect(pinDiff(noIds, fcOf([1]))).toBeNull();
    // Nor ids that are not ledger indices (whole numbers), in order or not.
    expect(pinDiff(fcOf([1, 2, 3]), { type: 'FeatureCollection', features: [pool[0]![1]!, { ...pool[0]![2]!, id: 2.5 }, pool[0]![3]!] })).toBeNull();
  });
});

describe('applyFilter counts, against filtering again with each facet left out', () => {
  const axisFeatures = loadAxes('a', repoFile('geo/axes.geojson').text).value;
  const district = JSON.parse(repoFile('geo/district.geojson').text).features[0] as Feature<MultiPolygon>;
  const projects = syntheticProjects({ count: 400, seed: 3, axes: axisFeatures, area: district });
  const synthPlacements = placeProjects(projects, prepareAxes(axisFeatures), zones);
  const zoneIds = zones.map((z) => z.properties.id);
  const layout = { axisIds: axes.map((a) => a.id), zoneIds };
  const facts = filterFacts(projects, synthPlacements, 500, layout);
  const subset = <T,>(xs: readonly T[]) => fc.subarray([...xs]);
  const filters = fc.record({
    axes: subset(layout.axisIds),
    zones: subset(zoneIds),
    statuses: subset([...STATUSES, 'unknown'] as const),
    sectors: subset([...SECTORS, 'unknown'] as const),
    investmentMin: fc.option(fc.integer({ min: 0, max: 50 })),
    investmentMax: fc.constant(null),
    mapped: fc.constantFrom('all', 'mapped', 'unmapped' as const),
  }) as fc.Arbitrary<Filter>;

  it('finds the nearest containing corridor as the head of the sorted list', () => {
    for (const width of [250, 500, 1500, 3000]) {
      for (const pl of synthPlacements.all()) expect(nearestCorridor(pl, width, layout.axisIds)).toBe(corridorsOf(pl, width, layout.axisIds)[0] ?? null);
    }
    // Equal distances keep the axes' order, as the sort does.
    const tie = { distances_m: [100, 50, 50], zone: null, shape: null };
    expect(nearestCorridor(tie, 500, layout.axisIds)).toBe(corridorsOf(tie, 500, layout.axisIds)[0]);
    expect(nearestCorridor(tie, 500, layout.axisIds)).toBe('daxue');
  });

  it('counts each option as the projects it would show with the other facets as set', () => {
    fc.assert(
      fc.property(filters, (filter) => {
        const r = applyFilter(projects, synthPlacements, filter, 500, layout, facts);
        const count = (f: Filter, pick: (i: number) => boolean) =>
          applyFilter(projects, synthPlacements, f, 500, layout, facts).indices.filter(pick).length;
        for (const s of [...STATUSES, 'unknown'] as const) {
          expect(r.counts.statuses[s]).toBe(count({ ...filter, statuses: [s] }, () => true));
        }
        for (const a of ['songshan', 'daxue', 'jingguang'] as const) {
          expect(r.counts.axes[a]).toBe(count({ ...filter, axes: [a] }, () => true));
        }
        expect(r.counts.mapped.mapped).toBe(count({ ...filter, mapped: 'mapped' }, () => true));
      }),
      { numRuns: 60 },
    );
  });
});
