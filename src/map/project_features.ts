import { visibleControls } from '../core/format.ts';
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { GeoJSONSourceDiff } from 'maplibre-gl';
import type { AxisId, Lang, MappedProject } from '../core/model.ts';
import type { Placements } from '../core/placement.ts';
import { siteKind, type SiteGeometry } from '../core/site_geometry.ts';
import { stageOf, type Stage } from './stages.ts';

/**
 * What the map draws a project's pin by, and nothing more: every property is cloned to MapLibre's worker, kept by its
 * clustering and read per tile (a pin's six properties, with both names and the id, cost the 50,000-pin load 0.2 s).
 * The project is the feature's id, its ledger index.
 */
export interface PinLook {
  /** The pin's shape (see stages.ts). */
  stage: Stage;
  /** Nearest axis whose corridor contains the pin; `none` outside every corridor. */
  axis: AxisId | 'none';
}

export interface ProjectPinProperties extends PinLook {
  /** Total investment in 亿元, or -1 where it is not disclosed (the pin's size: stages.ts INVESTMENT_CLASSES). */
  yi: number;
  /** The pin's label: the name in the language shown (a change of language sends the pins again). */
  name: string;
}

export type PinFeature = Feature<Point, ProjectPinProperties>;

/** A line or an area drawn in its pin's colour and stage, and which of the two it is. */
export type ShapeFeature = Feature<Exclude<SiteGeometry, Point>, PinLook & { kind: 'line' | 'area' | 'point' }>;

/** A pin's label: the name in `lang`, its bidirectional controls shown, not obeyed (issue #16). */
export const pinName = (p: MappedProject, lang: Lang): string => visibleControls(lang === 'zh' ? p.name_zh : (p.name_en ?? p.name_zh));

/**
 * Every line's and area's (and multi-point's) feature at a corridor width, by ledger index; null (or missing: an
 * empty array when the ledger has none) for single points and unmapped projects. Their pins stay in pinFeatures:
 * at district zoom a road is a pin among pins.
 */
export function shapeFeatures(
  projects: readonly MappedProject[],
  placements: Placements,
  corridorM: number,
  axisIds: readonly AxisId[],
): Array<ShapeFeature | null> {
  // A ledger of points only (the usual one) keeps no array of 50,000 nulls: projectShapes reads a missing entry as none.
  if (!projects.some((p) => p.site?.geometry)) return [];
  return projects.map((p, i): ShapeFeature | null => {
    const g = p.site?.geometry;
    if (!g || g.type === 'Point') return null;
    const look = { stage: stageOf(p.status), axis: placements.nearestCorridor(i, corridorM, axisIds) ?? 'none' };
    return { type: 'Feature', id: i, properties: { ...look, kind: siteKind(g) }, geometry: g };
  });
}

/** The lines and areas of the projects at `indices` (all when omitted). */
export function projectShapes(features: ReadonlyArray<ShapeFeature | null>, indices?: readonly number[]): FeatureCollection {
  const out: ShapeFeature[] = [];
  if (!features.length) return { type: 'FeatureCollection', features: out }; // a ledger of points: nothing to pick
  for (const i of indices ?? features.keys()) {
    const f = features[i];
    if (f) out.push(f);
  }
  return { type: 'FeatureCollection', features: out };
}

/**
 * Every project's pin at a corridor width (the width decides its colour) with its label in `lang`, by ledger
 * index; `null` for the unmapped ones, which are listed, not drawn. Built once per width and language: a filter
 * change only picks from it.
 */
export function pinFeatures(
  projects: readonly MappedProject[],
  placements: Placements,
  corridorM: number,
  axisIds: readonly AxisId[],
  lang: Lang,
): Array<PinFeature | null> {
  return projects.map((p, i): PinFeature | null =>
    p.site
      ? {
          type: 'Feature',
          id: i,
          properties: {
            stage: stageOf(p.status),
            axis: placements.nearestCorridor(i, corridorM, axisIds) ?? 'none',
            yi: p.investment_total_yi ?? -1,
            name: pinName(p, lang),
          },
          geometry: { type: 'Point', coordinates: [p.site.lon, p.site.lat] },
        }
      : null,
  );
}

/** The pins of the projects at `indices` (the current filter; all when omitted). */
export function projectPins(features: ReadonlyArray<PinFeature | null>, indices?: readonly number[]): FeatureCollection<Point, ProjectPinProperties> {
  const out: PinFeature[] = [];
  for (const i of indices ?? features.keys()) {
    const f = features[i];
    if (f) out.push(f);
  }
  return { type: 'FeatureCollection', features: out };
}

/**
 * The change from one set of pins to the next as a diff (pins carry their ledger index as feature id), when
 * that is smaller than sending them all: a filter change then sends only the pins that come or go, not
 * tens of thousands cloned to the worker again. A pin whose feature is another object than before (its
 * colour changed with the corridor width: pinFeatures builds new ones per width) is sent again.
 */
export function pinDiff(before: FeatureCollection, after: FeatureCollection): GeoJSONSourceDiff | null {
  return sortedPinDiff(before.features, after.features) ?? anyOrderPinDiff(before, after);
}

/**
 * pinDiff for pins in ledger order (as projectPins makes them): one walk along both, allocating only the diff.
 * `undefined` when the ids are not whole numbers in rising order (then anyOrderPinDiff).
 */
function sortedPinDiff(before: readonly Feature[], after: readonly Feature[]): GeoJSONSourceDiff | null | undefined {
  const add: Feature[] = [];
  const remove: number[] = [];
  let a = 0;
  let b = 0;
  let last = -1;
  while (a < before.length || b < after.length) {
    const fa = before[a];
    const fb = after[b];
    const ia = fa ? fa.id : Infinity;
    const ib = fb ? fb.id : Infinity;
    if (!(typeof ia === 'number' && typeof ib === 'number' && (Number.isInteger(ia) || ia === Infinity) && (Number.isInteger(ib) || ib === Infinity))) return undefined;
    if (ia === ib) {
      if (ia <= last) return undefined;
      last = ia;
      if (fa !== fb) add.push(fb!); // changed: an added feature replaces the one with its id
      a++;
      b++;
    } else if (ia < ib) {
      if (ia <= last || ia < 0) return undefined;
      last = ia;
      remove.push(ia);
      a++;
    } else {
      if (ib <= last || ib < 0) return undefined;
      last = ib;
      add.push(fb!);
      b++;
    }
    if (add.length >= after.length && after.length > 0) return null;
  }
  return add.length >= after.length ? null : { add, remove };
}

function anyOrderPinDiff(before: FeatureCollection, after: FeatureCollection): GeoJSONSourceDiff | null {
  // Pins are numbered by ledger index, so the previous pins are looked up by index rather than through a Map.
  let size = 0;
  for (const fc of [before, after]) {
    for (const f of fc.features) {
      if (typeof f.id !== 'number' || !Number.isInteger(f.id) || f.id < 0) return null;
      if (f.id >= size) size = f.id + 1;
    }
  }
  const was = new Array<Feature | undefined>(size);
  for (const f of before.features) was[f.id as number] = f;
  /** Ids that stay in the set, unchanged or replaced: everything else from before is removed. */
  const stays = new Uint8Array(size);
  const add: Feature[] = [];
  for (const f of after.features) {
    const i = f.id as number;
    stays[i] = 1;
    if (was[i] !== f) add.push(f); // new, or changed: an added feature replaces the one with its id
  }
  if (add.length >= after.features.length) return null;
  const remove: number[] = [];
  for (const f of before.features) if (!stays[f.id as number]) remove.push(f.id as number);
  return { add, remove };
}
