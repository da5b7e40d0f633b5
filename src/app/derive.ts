import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { aggregate, ledgerTally, type Aggregates, type Tally } from '../core/aggregate.ts';
import type { DataBundle } from '../core/bundle.ts';
import { historyIndex, periodsOf, type ProgressRow } from '../core/progress.ts';
import { isEmptyFilter, type Filter } from '../core/facets.ts';
import { applyFilter, filterFacts, ledgerFacts, type Facts, type FilterResult } from '../core/filter.ts';
import type { AxisFeature, ZoneFeature } from '../core/load_geo.ts';
import type { Layout } from '../core/layout.ts';
import type { AxisId, Lang, MappedProject } from '../core/model.ts';
import type { Selection } from '../core/url_state.ts';
import { corridorShares, placeProjects, prepareAxes, type Placement, type Placements, type PreparedAxis } from '../core/placement.ts';
import type { Place } from '../core/search.ts';
import type { SharesAt } from '../core/shipped_placements.ts';
import { siteBounds } from '../core/site_geometry.ts';
import type { LedgerPages } from './ledger_pages.ts';
import { pinFeatures, projectPins, projectShapes, shapeFeatures, type PinFeature, type ShapeFeature } from '../map/project_features.ts';

export const EMPTY_FC: FeatureCollection = { type: 'FeatureCollection', features: [] };

export interface Derived {
  filter: FilterResult;
  /** The projects that pass the filter and their placements (built on demand: only exports need them). */
  filtered(): { projects: MappedProject[]; placements: Placements };
  /** Per-axis and per-zone figures (computed on first read). */
  readonly aggregates: Aggregates;
  /** Their pins, labelled in `lang`. */
  pins(lang: Lang): FeatureCollection;
  /** The lines and areas among them. */
  shapes: FeatureCollection;
}

/** The data set's fixed parts, and the figures for a filter and corridor width (memoised on both). */
export class DataModel {
  readonly axes: PreparedAxis[];
  readonly zones: ZoneFeature[];
  /** Which axes and zones this data set has (ids in file order). */
  readonly layout: Layout;
  readonly placements: Placements;
  /** Axis and zone names in both languages, for labels across the UI. */
  readonly axisNames: Record<AxisId, Record<Lang, string>>;
  readonly zoneNames: Record<string, Record<Lang, string>>;
  /** Whether any project declares an axis (if none does, the mismatch lists cannot say anything). */
  readonly anyDeclared: boolean;
  /** Synthetic data (the sample ledger, benches): bannered wherever shown and marked in every export. */
  readonly synthetic: boolean;
  /** Whether any site is a line, an area or several points (the legend then explains them). */
  readonly anyShapes: boolean;
  /** The whole ledger's tally, whatever the filter (what the public record covers). */
  get ledgerTotals(): Tally {
    if (this.pages) return this.pages.aggregates.ledger.all;
    // The columns a filter already read, when there are any (the first view's panel asks after its figures).
    return (this.totals ??= ledgerTally(this.bundle.projects, this.facts?.value ?? ledgerFacts(this.bundle.projects, this.layout)));
  }
  /** Progress by period, indexed by project, with the periods in order; null without a progress file. */
  get progress(): { index: Map<string, ProgressRow[]>; periods: string[] } | null {
    if (!this.bundle.progress?.length) return null;
    return (this.progressIndex ??= { index: historyIndex(this.bundle.progress), periods: periodsOf(this.bundle.progress) });
  }
  /** The period shown: the one asked for if the data has it, else the latest. */
  periodOf(asked: string | null): { period: string; previous: string | null } | null {
    const p = this.progress;
    if (!p) return null;
    const i = asked && p.periods.includes(asked) ? p.periods.indexOf(asked) : p.periods.length - 1;
    return { period: p.periods[i]!, previous: i > 0 ? p.periods[i - 1]! : null };
  }
  private progressIndex: { index: Map<string, ProgressRow[]>; periods: string[] } | null = null;
  private totals: Tally | null = null;
  private memo: { key: string; value: Derived } | null = null;
  /** Project index by id, made on the first lookup (a visitor who never selects a project never needs it). */
  private indexById: Map<string, number> | null = null;
  private facts: { corridorM: number; value: Facts } | null = null;
  /** Every pin at a width, per label language (made when first asked for). */
  private pins: { corridorM: number; byLang: Partial<Record<Lang, Array<PinFeature | null>>> } | null = null;
  private shapes: { corridorM: number; value: Array<ShapeFeature | null> } | null = null;
  private shares: SharesAt | null = null;
  private corridorCache = new Map<number, Promise<FeatureCollection<Polygon | MultiPolygon>>>();

  /** How many projects the ledger has (with pages: the whole ledger's, not the few fetched). */
  readonly count: number;

  /**
   * `pages`: the ledger is served in pages (ledger_pages.ts) and `bundle` is its head, without projects: the
   * default view's figures come from the pages, and a project from its chunk once fetched.
   */
  constructor(
    readonly bundle: DataBundle,
    readonly pages: LedgerPages | null = null,
  ) {
    this.axes = prepareAxes(bundle.axes.features as AxisFeature[]);
    this.zones = bundle.zones.features as ZoneFeature[];
    this.layout = { axisIds: this.axes.map((a) => a.id), zoneIds: this.zones.map((z) => z.properties.id) };
    this.placements = placeProjects(bundle.projects, this.axes, this.zones, bundle.placed);
    // Used whole (no site edited since the data build): its shares at the bundle's width are this data's too.
    const placed = bundle.placed;
    if (placed && this.placements === placed.placements) this.shares = placed.shares;
    this.axisNames = Object.fromEntries(
      this.axes.map((a) => [a.id, { zh: a.feature.properties.name_zh, en: a.feature.properties.name_en }]),
    ) as Record<AxisId, Record<Lang, string>>;
    this.zoneNames = Object.fromEntries(this.zones.map((z) => [z.properties.id, { zh: z.properties.name_zh, en: z.properties.name_en }]));
    const summary = pages?.index.summary;
    this.anyDeclared = summary ? summary.anyDeclared : bundle.projects.some((p) => p.axis_declared !== null);
    this.anyShapes = summary ? summary.anyShapes : bundle.projects.some((p) => p.site?.geometry !== undefined);
    this.synthetic = summary ? summary.synthetic : bundle.projects.some((p) => p.source === 'synthetic');
    this.count = pages ? pages.index.projects : bundle.projects.length;
    this.corridorCache.set(bundle.corridor_m, Promise.resolve(bundle.corridors));
  }

  /** Whether this data holds the figures for a filter and width (with pages: the default view only). */
  covers(filter: Filter, corridorM: number): boolean {
    return !this.pages || (corridorM === this.pages.index.summary.corridor_m && isEmptyFilter(filter));
  }

  derive(filter: Filter, corridorM: number): Derived {
    const key = JSON.stringify([filter, corridorM]);
    if (this.memo?.key === key) return this.memo.value;
    if (this.pages && this.covers(filter, corridorM)) {
      // The pages' default view: its figures from the data build, its pins from the tiles.
      const { aggregates, index } = this.pages;
      const value: Derived = {
        filter: { indices: [], counts: index.summary.counts },
        filtered: () => ({ projects: [], placements: this.placements }),
        aggregates,
        pins: () => EMPTY_FC,
        shapes: EMPTY_FC,
      };
      this.memo = { key, value };
      return value;
    }
    if (this.facts?.corridorM !== corridorM) this.facts = { corridorM, value: filterFacts(this.bundle.projects, this.placements, corridorM, this.layout) };
    const shares = this.sharesAt(corridorM);
    const result = applyFilter(this.bundle.projects, this.placements, filter, corridorM, this.layout, this.facts.value);
    const { projects, reported } = this.bundle;
    const { placements, axes, zones } = this;
    const facts = this.facts.value;
    let aggregates: Aggregates | null = null;
    const value: Derived = {
      filter: result,
      filtered: () => ({ projects: result.indices.map((i) => projects[i]!), placements: placements.pick(result.indices) }),
      // Computed when first read: a change made on the filters or list tab does not need the overview's figures.
      get aggregates() {
        return (aggregates ??= aggregate(projects, placements, axes, zones, reported, corridorM, { indices: result.indices, shares, facts }));
      },
      pins: (lang) => projectPins(this.pinsAt(corridorM, lang), result.indices),
      shapes: projectShapes(this.shapesAt(corridorM), result.indices),
    };
    this.memo = { key, value };
    return value;
  }

  /** Every pin at a width, labelled in `lang` (kept for the width last asked for). */
  private pinsAt(corridorM: number, lang: Lang): Array<PinFeature | null> {
    if (this.pins?.corridorM !== corridorM) this.pins = { corridorM, byLang: {} };
    return (this.pins.byLang[lang] ??= pinFeatures(this.bundle.projects, this.placements, corridorM, this.layout.axisIds, lang));
  }

  /** The lines and areas at a width (kept for the width last asked for). */
  private shapesAt(corridorM: number): Array<ShapeFeature | null> {
    if (this.shapes?.corridorM !== corridorM) {
      this.shapes = { corridorM, value: shapeFeatures(this.bundle.projects, this.placements, corridorM, this.layout.axisIds) };
    }
    return this.shapes.value;
  }

  /** Corridor bands at a width: the bundle's own, or buffered on demand (turf's buffer loads only then). */
  corridors(corridorM: number): Promise<FeatureCollection<Polygon | MultiPolygon>> {
    let c = this.corridorCache.get(corridorM);
    if (!c) {
      c = import('../core/corridors.ts').then(({ corridorPolygons }) =>
        corridorPolygons(this.bundle.axes.features as AxisFeature[], corridorM),
      );
      // A chunk that failed to load is tried again next time, not remembered as failed.
      c.catch(() => this.corridorCache.delete(corridorM));
      this.corridorCache.set(corridorM, c);
    }
    return c;
  }

  /** The bounds of an axis's corridor at a width (generously padded), for fitting the map to it. */
  axisBounds(id: AxisId, corridorM: number): [[number, number], [number, number]] {
    const coords = this.axes.find((a) => a.id === id)!.feature.geometry.coordinates;
    const pad = corridorM / 90_000; // metres → degrees, generous at this latitude
    const lons = coords.map((c) => c[0]!);
    const lats = coords.map((c) => c[1]!);
    return [
      [Math.min(...lons) - pad, Math.min(...lats) - pad],
      [Math.max(...lons) + pad, Math.max(...lats) + pad],
    ];
  }

  /** Each line's and area's share inside each corridor at a width (per width: computed once, kept for the last). */
  sharesAt(corridorM: number): ReadonlyArray<number[] | null> {
    if (this.shares?.corridorM !== corridorM) this.shares = { corridorM, value: corridorShares(this.bundle.projects, this.placements, this.axes, corridorM) };
    return this.shares!.value;
  }

  /** The selected project's pin for the selection ring, and its line or area outlined (empty when nothing located is selected). */
  selectionPoint(selection: Selection): FeatureCollection {
    const site = selection.kind === 'project' ? this.project(selection.id)?.project.site : null;
    if (!site) return EMPTY_FC;
    const pin = { type: 'Feature' as const, properties: {}, geometry: { type: 'Point' as const, coordinates: [site.lon, site.lat] } };
    return { type: 'FeatureCollection', features: site.geometry && site.geometry.type !== 'MultiPoint' ? [{ type: 'Feature', properties: {}, geometry: site.geometry }, pin] : [pin] };
  }

  /** The bounds of a project's site (a point: null), for fitting the map to a line or an area. */
  siteBounds(id: string): [[number, number], [number, number]] | null {
    const g = this.project(id)?.project.site?.geometry;
    if (!g) return null;
    const [w, s, e, n] = siteBounds(g);
    return [[w, s], [e, n]];
  }

  private placeList: Place[] | null = null;
  /** The named places search finds beside the projects: landmarks, then the axes (roads), then the zones. */
  get places(): Place[] {
    this.placeList ??= [
      ...this.bundle.landmarks.features.flatMap((f): Place[] => {
        const p = f.properties ?? {};
        return f.geometry?.type === 'Point' && typeof p['name_zh'] === 'string'
          ? [{ kind: 'landmark', id: String(p['id'] ?? p['name_zh']), name_zh: p['name_zh'], name_en: typeof p['name_en'] === 'string' ? p['name_en'] : p['name_zh'] }]
          : [];
      }),
      ...this.axes.map((a): Place => ({ kind: 'axis', id: a.id, name_zh: a.feature.properties.name_zh, name_en: a.feature.properties.name_en })),
      ...this.zones.map((z): Place => ({ kind: 'zone', id: z.properties.id, name_zh: z.properties.name_zh, name_en: z.properties.name_en })),
    ];
    return this.placeList;
  }

  /** Where the map goes for a place: a landmark's point, or a zone's bounds (an axis is selected instead: selectAxis). */
  placeTarget(place: Place): { center: [number, number] } | { bounds: [[number, number], [number, number]] } | null {
    if (place.kind === 'landmark') {
      const f = this.bundle.landmarks.features.find((f) => String(f.properties?.['id'] ?? f.properties?.['name_zh']) === place.id);
      return f?.geometry?.type === 'Point' ? { center: f.geometry.coordinates as [number, number] } : null;
    }
    if (place.kind === 'zone') {
      const z = this.zones.find((z) => z.properties.id === place.id);
      if (!z) return null;
      const [w, s, e, n] = siteBounds(z.geometry);
      return { bounds: [[w, s], [e, n]] };
    }
    return null;
  }

  /** A project by id (with pages: once its chunk is fetched; `index` is its ledger index). */
  project(id: string): { project: MappedProject; placement: Placement; index: number } | null {
    const i = (this.indexById ??= new Map(this.bundle.projects.map((p, k) => [p.id, k]))).get(id) ?? -1;
    if (i >= 0) return { project: this.bundle.projects[i]!, placement: this.placements.at(i), index: i };
    const paged = this.pages?.loaded(id);
    return paged ? { project: paged.chunk.model.bundle.projects[paged.local]!, placement: paged.chunk.model.placements.at(paged.local), index: paged.chunk.from + paged.local } : null;
  }

  /** A project by ledger index (with pages: once its chunk is fetched). */
  projectAt(i: number): MappedProject | null {
    const paged = this.pages?.loadedAt(i);
    return (paged ? paged.chunk.model.bundle.projects[paged.local] : this.bundle.projects[i]) ?? null;
  }

  /** A line's or an area's shares inside each corridor at a width (null: a point), by ledger index. */
  shareOf(i: number, corridorM: number): number[] | null {
    const paged = this.pages?.loadedAt(i);
    return (paged ? paged.chunk.model.sharesAt(corridorM)[paged.local] : this.sharesAt(corridorM)[i]) ?? null;
  }
}
