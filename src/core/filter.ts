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
  const axes = new Set<AxisId>(corridorsOf(placement, corridorM));
  if (p.axis_declared) axes.add(p.axis_declared);
  return {
    axes: [...axes],
    zone: placement.zone ?? p.zone_declared,
    status: p.status ?? 'unknown',
    sector: p.sector ?? 'unknown',
    investment: p.investment_total_yi,
    mapped: p.site !== null,
  };
}

function passes(f: Facts, filter: Filter, skip: Facet | null): boolean {
  if (skip !== 'axes' && filter.axes.length && !f.axes.some((a) => filter.axes.includes(a))) return false;
  if (skip !== 'zones' && filter.zones.length && (f.zone === null || !filter.zones.includes(f.zone))) return false;
  if (skip !== 'statuses' && filter.statuses.length && !filter.statuses.includes(f.status)) return false;
  if (skip !== 'sectors' && filter.sectors.length && !filter.sectors.includes(f.sector)) return false;
  if (skip !== 'investment' && (filter.investmentMin !== null || filter.investmentMax !== null)) {
    if (f.investment === null) return false;
    if (filter.investmentMin !== null && f.investment < filter.investmentMin) return false;
    if (filter.investmentMax !== null && f.investment > filter.investmentMax) return false;
  }
  if (skip !== 'mapped' && filter.mapped !== 'all' && f.mapped !== (filter.mapped === 'mapped')) return false;
  return true;
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
  all.forEach((f, i) => {
    if (passes(f, filter, null)) indices.push(i);
    if (passes(f, filter, 'axes')) for (const a of f.axes) counts.axes[a]++;
    if (f.zone !== null && f.zone in counts.zones && passes(f, filter, 'zones')) counts.zones[f.zone]!++;
    if (passes(f, filter, 'statuses')) counts.statuses[f.status]++;
    if (passes(f, filter, 'sectors')) counts.sectors[f.sector]++;
    if (passes(f, filter, 'mapped')) counts.mapped[f.mapped ? 'mapped' : 'unmapped']++;
  });
  return { indices, counts };
}
