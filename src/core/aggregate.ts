import type { ZoneFeature } from './load_geo.ts';
import type { Reported } from './load_reported.ts';
import { SECTOR_KEYS, STATUS_KEYS, type AxisId, type MappedProject, type Sector, type Status } from './model.ts';
import { corridorShares, type Placements, type PreparedAxis } from './placement.ts';
import { ledgerFacts, type LedgerFacts } from './filter.ts';

/** What a set of projects adds up to. `investment_yi` is `null` when none of them disclosed it. */
export interface Tally {
  projects: number;
  /** Sum of disclosed total investment, 亿元. */
  investment_yi: number | null;
  /** How many of `projects` disclosed their investment. */
  disclosed: number;
  /**
   * The disclosed investment apportioned by each project's share inside (of a line's length, an area's area; all
   * of a point): a road with a third of its length in a corridor adds a third of its investment. 亿元.
   */
  investment_apportioned_yi: number | null;
  by_status: Partial<Record<Status | 'unknown', number>>;
  by_sector: Partial<Record<Sector | 'unknown', number>>;
  project_ids: string[];
}

/**
 * Project ids counted when aggregated and named only as far as they are read: a mismatch list may run to thousands
 * at 50,000 projects, and the panel names a dozen of them on every filter change.
 */
export interface IdList {
  readonly count: number;
  /** The first `n` ids (all when omitted), in ledger order. */
  ids(n?: number): string[];
  /**
   * The first `n` with their names, as the panel names them: from the projects the list was counted in (no lookup
   * by id: at 50,000 projects an index of every id cost the first view 20–50 ms to name a dozen).
   */
  named(n?: number): NamedId[];
  /** Written out whole (`npm run data -- --json`): the list of ids. */
  toJSON(): string[];
}

/** A project of an id list, as it is named. */
export type NamedId = Pick<MappedProject, 'id' | 'name_zh' | 'name_en'>;

export interface AxisAggregate {
  id: AxisId;
  name_zh: string;
  name_en: string;
  theme_zh: string;
  theme_en: string;
  length_km: number;
  reported: { projects: number; investment_yi: number; source: string; as_of: string; quote: string };
  /** Located projects inside this axis's corridor (a project in two overlapping corridors counts in both). */
  mapped: Tally & {
    /** Disclosed investment per km of axis, 亿元/km. */
    investment_per_km: number | null;
    /** Of `projects`, how many have this as their nearest axis (their spatial axis). */
    nearest: number;
  };
  /** mapped ÷ reported. `investment` is `null` while no mapped project disclosed investment. */
  coverage: { projects: number; investment: number | null };
  /** This axis's reported figures as a share of the district's reported programme. */
  share_of_district: { projects: number | null; investment: number | null };
  /** Declared on this axis in the ledger, located, but outside its corridor. */
  declared_outside: IdList;
  /** Inside this corridor, declared on another axis, and outside that axis's corridor. */
  inside_declared_elsewhere: IdList;
}

export interface ZoneAggregate {
  id: string;
  name_zh: string;
  name_en: string;
  schematic: boolean;
  mapped: Tally;
  declared_outside: IdList;
  inside_declared_elsewhere: IdList;
}

export interface Aggregates {
  corridor_m: number;
  axes: AxisAggregate[];
  zones: ZoneAggregate[];
  ledger: {
    /** All projects in the ledger (after the filter, if any). */
    all: Tally;
    mapped: number;
    /** Kept and listed, never dropped: no single location is known. */
    unmapped_ids: string[];
    /** Located, but in no corridor at this width. */
    outside_corridors_ids: string[];
    /** Inside (or touching) at least one corridor, and of those, inside two or more (wide corridors overlap). */
    in_corridors: number;
    in_several_corridors: number;
  };
}

/** The district programme figure that axis shares are taken of. */
export const DISTRICT_PROGRAMME_ID = 'major_projects';


/** The non-zero counts, keyed in the model's order of statuses or sectors. */
function countsOf<K extends string>(keys: readonly K[], counts: Int32Array): Partial<Record<K, number>> {
  const out: Partial<Record<K, number>> = {};
  keys.forEach((k, i) => {
    if (counts[i]) out[k] = counts[i];
  });
  return out;
}

/**
 * The ids of the projects at these indices (null: every project), named when read and only as far as asked: most
 * figures only count them (a filter change at 50,000 projects need not read 50,000 project objects for ids nobody
 * shows). The whole list is made once.
 */
function idList(projects: readonly MappedProject[], indices: readonly number[] | null): IdList {
  let all: string[] | null = null;
  const count = indices ? indices.length : projects.length;
  const named = (n = count): MappedProject[] => (indices ? indices.slice(0, n).map((i) => projects[i]!) : projects.slice(0, n));
  const ids = (n = count): string[] => {
    if (n >= count) return (all ??= indices ? indices.map((i) => projects[i]!.id) : projects.map((p) => p.id));
    return named(n).map((p) => p.id);
  };
  return { count, ids, named, toJSON: () => ids() };
}

/**
 * The ids of the `count` projects of a scope (indices, or every project: null) that pass `member`, found when
 * first read: an axis's or a zone's tally names its projects this way rather than keeping a list of indices that
 * nearly nobody reads (a fifth of a cold aggregation at 100,000 projects went to filling them).
 */
function idsWhere(projects: readonly MappedProject[], scope: readonly number[] | null, count: number, member: (i: number) => boolean): string[] {
  const out: string[] = [];
  const n = scope ? scope.length : projects.length;
  for (let j = 0; j < n && out.length < count; j++) {
    const i = scope ? scope[j]! : j;
    if (member(i)) out.push(projects[i]!.id);
  }
  return out;
}

/**
 * A running tally; `sum` becomes `investment_yi` only if anything was disclosed. A project comes in as its
 * status and sector as indices into STATUS_KEYS and SECTOR_KEYS and its investment (NaN: not disclosed), read once
 * per project however many tallies it joins.
 */
class Tallier {
  private projects = 0;
  private disclosed = 0;
  private sum = 0;
  private apportioned = 0;
  private readonly byStatus = new Int32Array(STATUS_KEYS.length);
  private readonly bySector = new Int32Array(SECTOR_KEYS.length);

  /** `share`: the part of the project inside what is tallied (1 for a point, or for the ledger as a whole). */
  add(status: number, sector: number, investment: number, share = 1): void {
    this.projects++;
    if (investment === investment) {
      this.disclosed++;
      this.sum += investment;
      this.apportioned += investment * share;
    }
    this.byStatus[status]!++;
    this.bySector[sector]!++;
  }

  /** The disclosed investment so far, 亿元; null while none is disclosed. */
  get investment(): number | null {
    return this.disclosed > 0 ? this.sum : null;
  }

  /**
   * The tally, with `extra` figures beside it. `project_ids` is made when first read: the projects of `scope` (the
   * aggregation's indices, or every project: null) that pass `member` (all of them when it is null).
   */
  done<E extends object>(projects: readonly MappedProject[], scope: readonly number[] | null, member: ((i: number) => boolean) | null, extra: E): Tally & E {
    let ids: string[] | null = null;
    const count = this.projects;
    const listed = () => (ids ??= member ? idsWhere(projects, scope, count, member) : idList(projects, scope).ids());
    return {
      projects: this.projects,
      investment_yi: this.investment,
      disclosed: this.disclosed,
      investment_apportioned_yi: this.disclosed > 0 ? this.apportioned : null,
      by_status: countsOf(STATUS_KEYS, this.byStatus),
      by_sector: countsOf(SECTOR_KEYS, this.bySector),
      get project_ids() {
        return listed();
      },
      ...extra,
    };
  }
}

/**
 * The whole ledger's tally (what aggregate's `ledger.all` is without a filter), from its columns alone: it does not
 * depend on where the projects lie, so nothing is placed or measured for it.
 */
export function ledgerTally(projects: readonly MappedProject[], facts: LedgerFacts): Tally {
  const all = new Tallier();
  for (let i = 0; i < projects.length; i++) all.add(facts.status[i]!, facts.sector[i]!, facts.investment[i]!);
  return all.done(projects, null, null, {});
}

const ratio = (a: number | null | undefined, b: number | null | undefined): number | null =>
  a === null || a === undefined || !b ? null : a / b;

/**
 * Per-axis and per-zone figures for a set of projects (the current filter) at a corridor half-width.
 * `placements[i]` belongs to `projects[i]` (see placeProjects). One pass over the projects: fast enough to
 * run on every filter change at tens of thousands of projects.
 */
export function aggregate(
  projects: readonly MappedProject[],
  placements: Placements,
  axes: readonly PreparedAxis[],
  zones: readonly ZoneFeature[],
  reported: Reported,
  corridorM: number,
  {
    indices,
    shares = corridorShares(projects, placements, axes, corridorM),
    facts,
  }: {
    /** Only these projects (indices into `projects`, e.g. a filter's result); all when omitted. */
    indices?: readonly number[];
    /** corridorShares(projects, placements, axes, corridorM), when already computed (it is per width). */
    shares?: ReadonlyArray<number[] | null>;
    /** The projects' columns (filterFacts or ledgerFacts), when already made; else made here. */
    facts?: LedgerFacts;
  } = {},
): Aggregates {
  if (projects.length !== placements.length) {
    throw new Error('aggregate: placements must be computed for the same projects (placeProjects(projects, …))');
  }
  const f = facts ?? ledgerFacts(projects, { axisIds: axes.map((a) => a.id), zoneIds: zones.map((z) => z.properties.id) });
  const A = axes.map(() => ({ tally: new Tallier(), nearest: 0, declaredOutside: [] as number[], insideElsewhere: [] as number[] }));
  const Z = zones.map(() => ({ tally: new Tallier(), declaredOutside: [] as number[], insideElsewhere: [] as number[] }));
  const zoneIndex = new Map(zones.map((z, k) => [z.properties.id, k]));
  // The placements' zone indices as this aggregation's (the same layout: the same order, checked by id).
  const zoneOf = Int8Array.from(placements.zoneIds, (id) => zoneIndex.get(id) ?? -1);
  const K = placements.axisCount;
  // Whole centimetres against the half-width in centimetres (see Placements.cm); a mapped row has no -1.
  const dist = placements.cm;
  const corridorCm = corridorM * 100;
  // Every project given joins `all`: its ids are the given indices' (not a second list of 50,000).
  const all = new Tallier();
  let mapped = 0;
  const unmapped: number[] = [];
  const outside: number[] = [];
  let inCorridors = 0;
  let inSeveral = 0;

  const n = indices ? indices.length : projects.length;
  for (let j = 0; j < n; j++) {
    const i = indices ? indices[j]! : j;
    const status = f.status[i]!;
    const sector = f.sector[i]!;
    const investment = f.investment[i]!;
    all.add(status, sector, investment);
    if (!f.mapped[i] || !placements.mapped(i)) {
      unmapped.push(i);
      continue;
    }
    mapped++;
    // Which corridors contain the site (a bit per axis), and the nearest of them.
    let mask = 0;
    let nearest = -1;
    let nearestD = Infinity;
    for (let k = 0; k < axes.length; k++) {
      const dk = dist[i * K + k]!;
      if (dk <= corridorCm) {
        mask |= 1 << k;
        if (dk < nearestD) {
          nearestD = dk;
          nearest = k;
        }
      }
    }
    if (mask === 0) outside.push(i);
    else {
      inCorridors++;
      if (mask & (mask - 1)) inSeveral++;
    }
    const share = shares[i];
    for (let k = 0; k < axes.length; k++) if (mask & (1 << k)) A[k]!.tally.add(status, sector, investment, share ? share[k]! : 1);
    if (nearest >= 0) A[nearest]!.nearest++;
    const declared = f.declaredAxis[i]!;
    if (declared >= 0 && !(mask & (1 << declared))) {
      A[declared]!.declaredOutside.push(i);
      for (let k = 0; k < axes.length; k++) if (mask & (1 << k)) A[k]!.insideElsewhere.push(i);
    }

    // A line or an area counts in every zone it touches, with its share there; a point in the one holding it.
    const declaredZone = f.declaredZone[i]!;
    const shape = placements.shapes[i];
    if (shape) {
      const touched = shape.zones;
      for (const { id, share: s } of touched) {
        const z = zoneIndex.get(id);
        if (z !== undefined) Z[z]!.tally.add(status, sector, investment, s);
      }
      if (declaredZone >= 0 && !touched.some((t) => zoneIndex.get(t.id) === declaredZone)) {
        Z[declaredZone]!.declaredOutside.push(i);
        for (const { id } of touched) {
          const z = zoneIndex.get(id);
          if (z !== undefined) Z[z]!.insideElsewhere.push(i);
        }
      }
    } else {
      const pz = placements.zones[i]!;
      const z = pz < 0 ? -1 : zoneOf[pz]!;
      if (z >= 0) Z[z]!.tally.add(status, sector, investment);
      if (declaredZone >= 0 && declaredZone !== z) {
        Z[declaredZone]!.declaredOutside.push(i);
        if (z >= 0) Z[z]!.insideElsewhere.push(i);
      }
    }
  }

  // Who is in a tally, asked again only when its project_ids are read (see idsWhere): as the pass above decides.
  const scope = indices ?? null;
  const located = (i: number) => f.mapped[i] === 1 && placements.mapped(i);
  const inCorridor = (i: number, k: number) => located(i) && dist[i * K + k]! <= corridorCm;
  const inZone = (i: number, z: number) => {
    if (!located(i)) return false;
    const shape = placements.shapes[i];
    if (shape) return shape.zones.some((t) => zoneIndex.get(t.id) === z);
    const pz = placements.zones[i]!;
    return pz >= 0 && zoneOf[pz] === z;
  };
  const programme = reported.district.find((d) => d.id === DISTRICT_PROGRAMME_ID);
  const axisAggregates = axes.map((axis, k): AxisAggregate => {
    const acc = A[k]!;
    const rep = reported.axes.find((r) => r.id === axis.id)!;
    const length_km = axis.length_m / 1000;
    const p = axis.feature.properties;
    const mappedTally = acc.tally.done(projects, scope, (i) => inCorridor(i, k), { investment_per_km: ratio(acc.tally.investment, length_km), nearest: acc.nearest });
    return {
      id: axis.id,
      name_zh: p.name_zh,
      name_en: p.name_en,
      theme_zh: p.theme_zh,
      theme_en: p.theme_en,
      length_km,
      reported: { projects: rep.projects, investment_yi: rep.investment_yi, source: rep.source, as_of: rep.as_of, quote: rep.quote },
      mapped: mappedTally,
      coverage: { projects: mappedTally.projects / rep.projects, investment: ratio(mappedTally.investment_yi, rep.investment_yi) },
      share_of_district: {
        projects: ratio(rep.projects, programme?.projects),
        investment: ratio(rep.investment_yi, programme?.investment_yi),
      },
      declared_outside: idList(projects, acc.declaredOutside),
      inside_declared_elsewhere: idList(projects, acc.insideElsewhere),
    };
  });

  const zoneAggregates = zones.map((zone, k): ZoneAggregate => {
    const z = zone.properties;
    const acc = Z[k]!;
    return {
      id: z.id,
      name_zh: z.name_zh,
      name_en: z.name_en,
      schematic: z.schematic,
      mapped: acc.tally.done(projects, scope, (i) => inZone(i, k), {}),
      declared_outside: idList(projects, acc.declaredOutside),
      inside_declared_elsewhere: idList(projects, acc.insideElsewhere),
    };
  });

  const unmappedIds = idList(projects, unmapped);
  const outsideIds = idList(projects, outside);
  return {
    corridor_m: corridorM,
    axes: axisAggregates,
    zones: zoneAggregates,
    ledger: {
      all: all.done(projects, scope, null, {}),
      mapped,
      get unmapped_ids() {
        return unmappedIds.ids();
      },
      get outside_corridors_ids() {
        return outsideIds.ids();
      },
      in_corridors: inCorridors,
      in_several_corridors: inSeveral,
    },
  };
}
