/**
 * Types for erqi-axis-map.js, the <erqi-axis-map> custom element (EMBEDDING.md).
 * Copy beside your code, or reference it with /// <reference path="…/erqi-axis-map.d.ts" />.
 */
/** An axis id of the map's data (geo/axes.geojson); the shipped map has these three. */
export type AxisId = 'songshan' | 'daxue' | 'jingguang' | (string & {});
export type Status = 'planned' | 'negotiating' | 'signed' | 'started' | 'under_construction' | 'completed' | 'operating';
export type Sector = 'industry' | 'sci_tech' | 'health' | 'commerce' | 'culture_tourism' | 'urban_renewal' | 'infrastructure';

/** The facets; an empty list means "any". Investment in 亿元 (CNY 100 m). */
export interface Filter {
  axes: AxisId[];
  zones: string[];
  statuses: Array<Status | 'unknown'>;
  sectors: Array<Sector | 'unknown'>;
  investmentMin: number | null;
  investmentMax: number | null;
  mapped: 'all' | 'mapped' | 'unmapped';
}

export interface ErqiAxisMapEventMap {
  ready: CustomEvent<Record<string, never>>;
  'project-select': CustomEvent<{ id: string | null; name_zh: string | null; name_en: string | null }>;
  'axis-select': CustomEvent<{ id: AxisId | null }>;
  'filter-change': CustomEvent<{ filter: Filter }>;
}

export declare class ErqiAxisMap extends HTMLElement {
  /** Opens a project's card (null closes it); resolves false when there is no such project (a ledger in pages: once the project has been looked up in them). */
  selectProject(id: string | null): Promise<boolean>;
  /** Highlights an axis and fits the map to its corridor (null clears); resolves false for an unknown axis. */
  focusAxis(id: AxisId | null): Promise<boolean>;
  /**
   * Replaces the given facets; the others stay. A malformed filter is refused with a console warning naming
   * each field, and nothing changes: resolves false.
   */
  setFilters(filter: Partial<Filter>): Promise<boolean>;
  fitDistrict(): Promise<void>;
  /** Removes the map and frees its WebGL context; re-inserting the element draws it again. */
  destroy(): void;
  addEventListener<K extends keyof ErqiAxisMapEventMap>(type: K, listener: (this: ErqiAxisMap, ev: ErqiAxisMapEventMap[K]) => void, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'erqi-axis-map': ErqiAxisMap;
  }
}
