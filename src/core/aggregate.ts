import type { ZoneFeature } from './load_geo.ts';
import type { Reported } from './load_reported.ts';
import type { AxisId, MappedProject, Sector, Status } from './model.ts';
import { corridorsOf, type Placement, type PreparedAxis } from './placement.ts';

/** What a set of projects adds up to. `investment_yi` is `null` when none of them disclosed it. */
export interface Tally {
  projects: number;
  /** Sum of disclosed total investment, 亿元. */
  investment_yi: number | null;
  /** How many of `projects` disclosed their investment. */
  disclosed: number;
  by_status: Partial<Record<Status | 'unknown', number>>;
  by_sector: Partial<Record<Sector | 'unknown', number>>;
  project_ids: string[];
}

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
  declared_outside: string[];
  /** Inside this corridor, declared on another axis, and outside that axis's corridor. */
  inside_declared_elsewhere: string[];
}

export interface ZoneAggregate {
  id: string;
  name_zh: string;
  name_en: string;
  schematic: boolean;
  mapped: Tally;
  declared_outside: string[];
  inside_declared_elsewhere: string[];
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
  };
}

/** The district programme figure that axis shares are taken of. */
export const DISTRICT_PROGRAMME_ID = 'major_projects';

function tally(projects: readonly MappedProject[]): Tally {
  const t: Tally = { projects: 0, investment_yi: null, disclosed: 0, by_status: {}, by_sector: {}, project_ids: [] };
  let sum = 0;
  for (const p of projects) {
    t.projects++;
    t.project_ids.push(p.id);
    if (p.investment_total_yi !== null) {
      t.disclosed++;
      sum += p.investment_total_yi;
    }
    const s = p.status ?? 'unknown';
    t.by_status[s] = (t.by_status[s] ?? 0) + 1;
    const c = p.sector ?? 'unknown';
    t.by_sector[c] = (t.by_sector[c] ?? 0) + 1;
  }
  if (t.disclosed > 0) t.investment_yi = sum;
  return t;
}

const ratio = (a: number | null | undefined, b: number | null | undefined): number | null =>
  a === null || a === undefined || !b ? null : a / b;

/**
 * Per-axis and per-zone figures for a set of projects (the current filter) at a corridor half-width.
 * `placements[i]` belongs to `projects[i]` (see placeProjects).
 */
export function aggregate(
  projects: readonly MappedProject[],
  placements: readonly Placement[],
  axes: readonly PreparedAxis[],
  zones: readonly ZoneFeature[],
  reported: Reported,
  corridorM: number,
): Aggregates {
  if (projects.length !== placements.length) {
    throw new Error('aggregate: placements must be computed for the same projects (placeProjects(projects, …))');
  }
  const corridors = placements.map((p) => corridorsOf(p, corridorM));
  const programme = reported.district.find((d) => d.id === DISTRICT_PROGRAMME_ID);

  const axisAggregates = axes.map((axis): AxisAggregate => {
    const inside = projects.filter((_, i) => corridors[i]!.includes(axis.id));
    const mapped = tally(inside);
    const rep = reported.axes.find((r) => r.id === axis.id)!;
    const length_km = axis.length_m / 1000;
    const p = axis.feature.properties;
    return {
      id: axis.id,
      name_zh: p.name_zh,
      name_en: p.name_en,
      theme_zh: p.theme_zh,
      theme_en: p.theme_en,
      length_km,
      reported: { projects: rep.projects, investment_yi: rep.investment_yi, source: rep.source, as_of: rep.as_of, quote: rep.quote },
      mapped: {
        ...mapped,
        investment_per_km: ratio(mapped.investment_yi, length_km),
        nearest: projects.filter((_, i) => corridors[i]![0] === axis.id).length,
      },
      coverage: { projects: mapped.projects / rep.projects, investment: ratio(mapped.investment_yi, rep.investment_yi) },
      share_of_district: {
        projects: ratio(rep.projects, programme?.projects),
        investment: ratio(rep.investment_yi, programme?.investment_yi),
      },
      declared_outside: projects
        .filter((q, i) => q.axis_declared === axis.id && q.site && !corridors[i]!.includes(axis.id))
        .map((q) => q.id),
      inside_declared_elsewhere: projects
        .filter((q, i) => {
          const declared = q.axis_declared;
          return declared !== null && declared !== axis.id && corridors[i]!.includes(axis.id) && !corridors[i]!.includes(declared);
        })
        .map((q) => q.id),
    };
  });

  const zoneIds = new Set(zones.map((z) => z.properties.id));
  const zoneAggregates = zones.map((zone): ZoneAggregate => {
    const id = zone.properties.id;
    const z = zone.properties;
    return {
      id,
      name_zh: z.name_zh,
      name_en: z.name_en,
      schematic: z.schematic,
      mapped: tally(projects.filter((_, i) => placements[i]!.zone === id)),
      declared_outside: projects.filter((q, i) => q.zone_declared === id && q.site && placements[i]!.zone !== id).map((q) => q.id),
      inside_declared_elsewhere: projects
        .filter((q, i) => placements[i]!.zone === id && q.zone_declared !== null && q.zone_declared !== id && zoneIds.has(q.zone_declared))
        .map((q) => q.id),
    };
  });

  return {
    corridor_m: corridorM,
    axes: axisAggregates,
    zones: zoneAggregates,
    ledger: {
      all: tally(projects),
      mapped: projects.filter((p) => p.site).length,
      unmapped_ids: projects.filter((p) => !p.site).map((p) => p.id),
      outside_corridors_ids: projects.filter((p, i) => p.site && corridors[i]!.length === 0).map((p) => p.id),
    },
  };
}
