/**
 * Where the map writes the names of the zones and the neighbouring districts (src/core/label_points.ts): one point
 * per area, inside it, in its widest part; a neighbour's in its part near the district.
 */
import { describe, expect, it } from 'vitest';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { buildBundle } from '../../src/core/bundle.ts';
import { boxAround, labelPoint, withLabelPoints } from '../../src/core/label_points.ts';
import { insideRings } from '../helpers/geodesic.ts';
import { fixtureSources } from '../helpers/fixtures.ts';

const rings = (g: Polygon | MultiPolygon) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);
const square = (x0: number, y0: number, size: number): Polygon => ({ type: 'Polygon', coordinates: [[[x0, y0], [x0 + size, y0], [x0 + size, y0 + size], [x0, y0 + size], [x0, y0]]] });

describe('labelPoint', () => {
  it('is the middle of a square, and of the larger of two squares', () => {
    const [x, y] = labelPoint(square(113, 34, 0.1));
    expect(x).toBeCloseTo(113.05, 3);
    expect(y).toBeCloseTo(34.05, 3);
    const two: MultiPolygon = { type: 'MultiPolygon', coordinates: [square(113, 34, 0.02).coordinates, square(113.5, 34.5, 0.2).coordinates] };
    const [x2, y2] = labelPoint(two);
    expect(x2).toBeCloseTo(113.6, 3);
    expect(y2).toBeCloseTo(34.6, 3);
  });

  it('keeps out of a U’s notch, where its centre of mass would fall', () => {
    // A U: 0.3° wide, its arms 0.1° wide, the notch between them open to the north.
    const u: Polygon = { type: 'Polygon', coordinates: [[[113, 34], [113.3, 34], [113.3, 34.3], [113.2, 34.3], [113.2, 34.1], [113.1, 34.1], [113.1, 34.3], [113, 34.3], [113, 34]]] };
    const [x, y] = labelPoint(u) as [number, number];
    expect(insideRings(x, y, rings(u))).toBe(true);
    expect(x > 113.1 && x < 113.2 && y > 34.1).toBe(false);
  });

  it('takes the part within `near` of an area reaching far beyond it', () => {
    // 0.5° wide, the box over its eastern tenth: the name is written there, not 0.2° further west.
    const [x, y] = labelPoint(square(113, 34, 0.5), [113.45, 34.2, 113.6, 34.3]);
    expect(x).toBeGreaterThan(113.45);
    expect(y).toBeGreaterThan(34.2);
    expect(y).toBeLessThan(34.3);
    // A box the area does not reach: its own middle.
    expect(labelPoint(square(113, 34, 0.5), [114, 35, 114.1, 35.1])[0]).toBeCloseTo(113.25, 2);
  });
});

describe('withLabelPoints', () => {
  const area = { type: 'Feature' as const, properties: { id: 'a' }, geometry: square(113, 34, 0.4) };
  const band = (x0: number, x1: number) => ({ type: 'Feature' as const, properties: {}, geometry: { type: 'Polygon' as const, coordinates: [[[x0, 33.9], [x1, 33.9], [x1, 34.5], [x0, 34.5], [x0, 33.9]]] } });
  const at = (f: { properties: Record<string, unknown> | null }) => f.properties!['label_point'] as [number, number];

  it('writes a name where the area has the most room outside what it avoids (a corridor)', () => {
    // A corridor over the middle third: the name goes in the wider of the two sides left.
    const [x] = at(withLabelPoints([area], { avoid: [band(113.12, 113.24)] })[0]!);
    expect(x).toBeGreaterThan(113.24);
    expect(at(withLabelPoints([area])[0]!)[0]).toBeCloseTo(113.2, 2);
  });

  it('keeps the whole area’s middle when what it avoids cannot be clipped away (a degenerate ring)', () => {
    const broken = { type: 'Feature' as const, properties: {}, geometry: { type: 'Polygon' as const, coordinates: [[[113.1, 34.1], [Number.NaN, 34.1], [113.2, 34.2], [113.1, 34.1]]] } };
    expect(at(withLabelPoints([area], { avoid: [broken] })[0]!)[0]).toBeCloseTo(113.2, 2);
  });

  it('keeps the whole area’s middle when too little room is left outside (a corridor over most of it)', () => {
    expect(at(withLabelPoints([area], { avoid: [band(113.03, 113.37)] })[0]!)[0]).toBeCloseTo(113.2, 2);
  });
});

describe('the bundle’s zones and neighbours', () => {
  const bundle = buildBundle(fixtureSources()).value!.bundle;
  const near = boxAround(bundle.district, 0.15)!;

  it('each carry a label point inside their own area', () => {
    for (const f of [...bundle.zones.features, ...bundle.context.features] as Array<Feature<Polygon | MultiPolygon>>) {
      const at = f.properties!['label_point'] as [number, number];
      expect(at, String(f.properties!['name_zh'])).toHaveLength(2);
      expect(insideRings(at[0], at[1], rings(f.geometry)), String(f.properties!['name_zh'])).toBe(true);
    }
  });

  it('name each neighbour touching the first view’s frame inside that frame', () => {
    const inFrame = ([x, y]: number[]) => x! >= near[0] && x! <= near[2] && y! >= near[1] && y! <= near[3];
    const touching = bundle.context.features.filter((f) => rings(f.geometry as Polygon | MultiPolygon).some((p) => p[0]!.some(inFrame)));
    expect(touching.map((f) => f.properties!['name_zh']).sort()).toEqual(['中原区', '新密市', '新郑市', '管城回族区', '荥阳市', '金水区'].sort());
    for (const f of touching) expect(inFrame(f.properties!['label_point'] as number[]), String(f.properties!['name_zh'])).toBe(true);
  });

  it('name each zone outside the first view’s corridors, where the axes’ names and the pins are written', () => {
    for (const z of bundle.zones.features) {
      const [x, y] = z.properties['label_point' as keyof typeof z.properties] as unknown as [number, number];
      for (const c of bundle.corridors.features) expect(insideRings(x, y, rings(c.geometry)), `${z.properties.id} in ${String(c.properties?.['axis_id'])}`).toBe(false);
    }
  });

  it('leave the areas as they were, beside the point', () => {
    const plain = buildBundle(fixtureSources()).value!.bundle;
    const again = withLabelPoints(plain.zones.features);
    expect(again.map((f) => ({ ...f, properties: { ...f.properties, label_point: undefined } }))).toEqual(plain.zones.features.map((f) => ({ ...f, properties: { ...f.properties, label_point: undefined } })));
  });
});
