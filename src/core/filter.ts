import type { Layout } from './layout.ts';
import { SECTOR_KEYS, sectorIndex, STATUS_KEYS, statusIndex, type AxisId, type MappedProject, type Sector, type Status } from './model.ts';
import type { FacetId, Filter } from './facets.ts';
import type { Placements } from './placement.ts';

/** One bit per facet: which of them a project fails (a facet missing here does not compile). */
const BIT = { axes: 1, zones: 2, statuses: 4, sectors: 8, investment: 16, mapped: 32 } as const satisfies Record<FacetId, number>;

/**
 * What aggregation reads of each project, one column each (typed arrays: a pass over 50,000 projects reads
 * numbers in a row rather than 50,000 objects scattered in memory). They do not depend on the corridor width.
 */
export interface LedgerFacts {
  length: number;
  /** Index into STATUSES + 'unknown'. */
  status: Uint8Array;
  /** Index into SECTORS + 'unknown'. */
  sector: Uint8Array;
  /** Disclosed investment in 亿元; NaN where not disclosed. */
  investment: Float64Array;
  mapped: Uint8Array;
  /** The axis the ledger declares, as its index in the layout; -1 for none. */
  declaredAxis: Int8Array;
  /** The zone the ledger declares, as its index in the layout; -1 for none (or one the layout lacks). */
  declaredZone: Int8Array;
}

/**
 * What every project offers the facets, computed once per corridor width, one column per facet (typed arrays:
 * a filter change reads numbers, not objects).
 */
export interface Facts extends LedgerFacts {
  /** Bit k: inside (or touching) the corridor of the layout's k-th axis, or declared on it. */
  axes: BitColumn;
  /** Bit k: lies in (a line or an area: touches) the layout's k-th zone; or, not mapped, is declared in it. */
  zones: BitColumn;
}

/** A bit set per project, in the smallest unsigned integers that hold the layout's axes or zones (three axes: a byte). */
export type BitColumn = Uint8Array | Uint16Array | Uint32Array;
const bitColumn = (n: number, bits: number): BitColumn => (bits <= 8 ? new Uint8Array(n) : bits <= 16 ? new Uint16Array(n) : new Uint32Array(n));

const emptyLedgerFacts = (n: number): LedgerFacts => ({
  length: n,
  status: new Uint8Array(n),
  sector: new Uint8Array(n),
  investment: new Float64Array(n),
  mapped: new Uint8Array(n),
  declaredAxis: new Int8Array(n),
  declaredZone: new Int8Array(n),
});

/** One project's columns of LedgerFacts. */
function setLedgerFacts(f: LedgerFacts, i: number, p: MappedProject, axisIds: readonly AxisId[], zoneIndex: ReadonlyMap<string, number>): void {
  f.status[i] = statusIndex(p.status);
  f.sector[i] = sectorIndex(p.sector);
  f.investment[i] = p.investment_total_yi ?? NaN;
  f.mapped[i] = p.site !== null ? 1 : 0;
  f.declaredAxis[i] = p.axis_declared === null ? -1 : axisIds.indexOf(p.axis_declared);
  f.declaredZone[i] = p.zone_declared === null ? -1 : (zoneIndex.get(p.zone_declared) ?? -1);
}

/** The width-independent columns alone (aggregation without a filter's facts at hand). */
export function ledgerFacts(projects: readonly MappedProject[], layout: Layout): LedgerFacts {
  const f = emptyLedgerFacts(projects.length);
  const zoneIndex = new Map(layout.zoneIds.map((id, k) => [id, k]));
  for (let i = 0; i < projects.length; i++) setLedgerFacts(f, i, projects[i]!, layout.axisIds, zoneIndex);
  return f;
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
export function filterFacts(projects: readonly MappedProject[], placements: Placements, corridorM: number, layout: Layout): Facts {
  const { axisIds } = layout;
  const zoneBit = new Map(layout.zoneIds.map((id, k) => [id, 1 << k]));
  const zoneIndex = new Map(layout.zoneIds.map((id, k) => [id, k]));
  const n = projects.length;
  const f: Facts = { ...emptyLedgerFacts(n), axes: bitColumn(n, axisIds.length), zones: bitColumn(n, layout.zoneIds.length) };
  const K = placements.axisCount;
  // Whole centimetres (-1: not mapped, inside no corridor) against the half-width in centimetres.
  const d = placements.cm;
  const corridorCm = corridorM * 100;
  // The placements' zone indices as bits of this layout's zones (the same layout: the same order, checked by id).
  const bitOf = Uint32Array.from(placements.zoneIds, (id) => zoneBit.get(id) ?? 0);
  for (let i = 0; i < n; i++) {
    setLedgerFacts(f, i, projects[i]!, axisIds, zoneIndex);
    const declaredAxis = f.declaredAxis[i]!;
    let axes = 0;
    for (let k = 0; k < axisIds.length; k++) if ((d[i * K + k]! >= 0 && d[i * K + k]! <= corridorCm) || declaredAxis === k) axes |= 1 << k;
    f.axes[i] = axes;
    let zones = 0;
    const shape = placements.shapes[i];
    if (shape) for (const z of shape.zones) zones |= zoneBit.get(z.id) ?? 0;
    else if (placements.zones[i]! >= 0) zones = bitOf[placements.zones[i]!]!;
    if (zones === 0 && f.declaredZone[i]! >= 0) zones = 1 << f.declaredZone[i]!;
    f.zones[i] = zones;
  }
  return f;
}

export function applyFilter(
  projects: readonly MappedProject[],
  placements: Placements,
  filter: Filter,
  corridorM: number,
  layout: Layout,
  precomputed?: Facts,
): FilterResult {
  const { axisIds, zoneIds } = layout;
  const f = precomputed ?? filterFacts(projects, placements, corridorM, layout);
  // The filter as lookups: a bit mask of axes, and a yes/no per status and per sector.
  const axisMask = axisIds.reduce((m, id, k) => (filter.axes.includes(id) ? m | (1 << k) : m), 0);
  const statusOk = Uint8Array.from(STATUS_KEYS, (k) => (filter.statuses.includes(k) ? 1 : 0));
  const sectorOk = Uint8Array.from(SECTOR_KEYS, (k) => (filter.sectors.includes(k) ? 1 : 0));
  const { investmentMin: min, investmentMax: max } = filter;
  const byInvestment = min !== null || max !== null;
  const wantMapped = filter.mapped === 'mapped' ? 1 : 0;

  const axisCounts = new Int32Array(axisIds.length);
  const statusCounts = new Int32Array(STATUS_KEYS.length);
  const sectorCounts = new Int32Array(SECTOR_KEYS.length);
  const zoneMask = zoneIds.reduce((m, id, k) => (filter.zones.includes(id) ? m | (1 << k) : m), 0);
  const zoneCounts = new Int32Array(zoneIds.length);
  const mappedCounts = [0, 0];
  const indices: number[] = [];
  for (let i = 0; i < f.length; i++) {
    // The facets this project fails, as bits. It passes the filter when none is set, and counts for a facet's
    // options when no *other* facet is set: each facet is tested once, however many counts use it.
    let mask = 0;
    const axes = f.axes[i]!;
    const zones = f.zones[i]!;
    const investment = f.investment[i]!;
    if (axisMask && !(axes & axisMask)) mask |= BIT.axes;
    if (zoneMask && !(zones & zoneMask)) mask |= BIT.zones;
    if (filter.statuses.length && !statusOk[f.status[i]!]) mask |= BIT.statuses;
    if (filter.sectors.length && !sectorOk[f.sector[i]!]) mask |= BIT.sectors;
    // NaN (not disclosed) fails every comparison: a set range leaves it out.
    if (byInvestment && !((min === null || investment >= min) && (max === null || investment <= max))) mask |= BIT.investment;
    if (filter.mapped !== 'all' && f.mapped[i] !== wantMapped) mask |= BIT.mapped;

    if (mask === 0) indices.push(i);
    if ((mask & ~BIT.axes) === 0) for (let k = 0; k < axisIds.length; k++) if (axes & (1 << k)) axisCounts[k]!++;
    if (zones && (mask & ~BIT.zones) === 0) for (let k = 0; k < zoneIds.length; k++) if (zones & (1 << k)) zoneCounts[k]!++;
    if ((mask & ~BIT.statuses) === 0) statusCounts[f.status[i]!]!++;
    if ((mask & ~BIT.sectors) === 0) sectorCounts[f.sector[i]!]!++;
    if ((mask & ~BIT.mapped) === 0) mappedCounts[f.mapped[i]!]!++;
  }
  const record = <K extends string>(keys: readonly K[], counts: ArrayLike<number>) =>
    Object.fromEntries(keys.map((k, i) => [k, counts[i]!])) as Record<K, number>;
  return {
    indices,
    counts: {
      axes: record(axisIds, axisCounts),
      zones: record(zoneIds, zoneCounts),
      statuses: record(STATUS_KEYS, statusCounts),
      sectors: record(SECTOR_KEYS, sectorCounts),
      mapped: { mapped: mappedCounts[1]!, unmapped: mappedCounts[0]! },
    },
  };
}
