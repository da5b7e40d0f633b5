import { AXIS_IDS, SECTORS, STATUSES, type AxisId, type MappedProject, type Sector, type Status } from './model.ts';
import { corridorsOf, type Placement } from './placement.ts';

/** The planners' facets. An empty list means "any". */
export interface Filter {
  axes: AxisId[];
  zones: string[];
  statuses: Array<Status | 'unknown'>;
  sectors: Array<Sector | 'unknown'>;
  /** 亿元, inclusive. Setting either end leaves out projects whose investment is not disclosed. */
  investmentMin: number | null;
  investmentMax: number | null;
  mapped: 'all' | 'mapped' | 'unmapped';
}

export const EMPTY_FILTER: Filter = {
  axes: [],
  zones: [],
  statuses: [],
  sectors: [],
  investmentMin: null,
  investmentMax: null,
  mapped: 'all',
};

export const isEmptyFilter = (f: Filter): boolean =>
  !f.axes.length && !f.zones.length && !f.statuses.length && !f.sectors.length && f.investmentMin === null && f.investmentMax === null && f.mapped === 'all';

type Facet = 'axes' | 'zones' | 'statuses' | 'sectors' | 'investment' | 'mapped';

/** What one project offers the facets, computed once per corridor width. */
export interface Facts {
  axes: AxisId[];
  zone: string | null;
  status: Status | 'unknown';
  sector: Sector | 'unknown';
  investment: number | null;
  mapped: boolean;
}

function facts(p: MappedProject, placement: Placement, corridorM: number): Facts {
  const axes = corridorsOf(placement, corridorM);
  if (p.axis_declared && !axes.includes(p.axis_declared)) axes.push(p.axis_declared);
  return {
    axes,
    zone: placement.zone ?? p.zone_declared,
    status: p.status ?? 'unknown',
    sector: p.sector ?? 'unknown',
    investment: p.investment_total_yi,
    mapped: p.site !== null,
  };
}

/** One bit per facet: which of them a project fails. */
const BIT = { axes: 1, zones: 2, statuses: 4, sectors: 8, investment: 16, mapped: 32 } as const satisfies Record<Facet, number>;

/**
 * The facets a project fails, as bits. It passes the filter when none is set, and counts for a facet's options
 * when no *other* facet is set: each facet is tested once per project, however many counts use it.
 */
function failures(f: Facts, filter: Filter): number {
  let mask = 0;
  if (filter.axes.length && !f.axes.some((a) => filter.axes.includes(a))) mask |= BIT.axes;
  if (filter.zones.length && (f.zone === null || !filter.zones.includes(f.zone))) mask |= BIT.zones;
  if (filter.statuses.length && !filter.statuses.includes(f.status)) mask |= BIT.statuses;
  if (filter.sectors.length && !filter.sectors.includes(f.sector)) mask |= BIT.sectors;
  if (filter.investmentMin !== null || filter.investmentMax !== null) {
    if (
      f.investment === null ||
      (filter.investmentMin !== null && f.investment < filter.investmentMin) ||
      (filter.investmentMax !== null && f.investment > filter.investmentMax)
    ) {
      mask |= BIT.investment;
    }
  }
  if (filter.mapped !== 'all' && f.mapped !== (filter.mapped === 'mapped')) mask |= BIT.mapped;
  return mask;
}

export interface FilterResult {
  /** Indices into `projects` that pass the filter, in ledger order. */
  indices: number[];
  /**
   * How many projects each option would show, given every other facet as set (the usual faceted-search
   * count: choosing the option adds exactly that many, or narrows to that many).
   */
  counts: {
    axes: Record<AxisId, number>;
    zones: Record<string, number>;
    statuses: Record<Status | 'unknown', number>;
    sectors: Record<Sector | 'unknown', number>;
    mapped: Record<'mapped' | 'unmapped', number>;
  };
}

/** Every project's facets at a corridor width: pass them to applyFilter to filter again without recomputing. */
export function filterFacts(projects: readonly MappedProject[], placements: readonly Placement[], corridorM: number): Facts[] {
  return projects.map((p, i) => facts(p, placements[i]!, corridorM));
}

export function applyFilter(
  projects: readonly MappedProject[],
  placements: readonly Placement[],
  filter: Filter,
  corridorM: number,
  zoneIds: readonly string[],
  precomputed?: readonly Facts[],
): FilterResult {
  const all = precomputed ?? filterFacts(projects, placements, corridorM);
  const zero = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  const counts: FilterResult['counts'] = {
    axes: zero(AXIS_IDS),
    zones: zero(zoneIds),
    statuses: zero([...STATUSES, 'unknown'] as const),
    sectors: zero([...SECTORS, 'unknown'] as const),
    mapped: zero(['mapped', 'unmapped'] as const),
  };
  const indices: number[] = [];
  /** Passes every facet except (at most) the one given. */
  const passesBut = (mask: number, facet: number) => (mask & ~facet) === 0;
  for (let i = 0; i < all.length; i++) {
    const f = all[i]!;
    const mask = failures(f, filter);
    if (mask === 0) indices.push(i);
    if (passesBut(mask, BIT.axes)) for (const a of f.axes) counts.axes[a]++;
    if (f.zone !== null && f.zone in counts.zones && passesBut(mask, BIT.zones)) counts.zones[f.zone]!++;
    if (passesBut(mask, BIT.statuses)) counts.statuses[f.status]++;
    if (passesBut(mask, BIT.sectors)) counts.sectors[f.sector]++;
    if (passesBut(mask, BIT.mapped)) counts.mapped[f.mapped ? 'mapped' : 'unmapped']++;
  }
  return { indices, counts };
}
