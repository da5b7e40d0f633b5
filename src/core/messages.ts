import { AXIS_IDS, type AxisId } from './model.ts';
import type { Filter } from './filter.ts';

/**
 * The postMessage protocol between a host page and an embedded map (iframe), version 1.
 *
 * From the map, to the host:  { source: 'erqi-axis-map', version: 1, type, …payload }
 *   ready          { }
 *   height         { height }                 content height in CSS px, for auto-resizing the iframe
 *   project-select { id, name_zh, name_en }    id null when the card closes
 *   axis-select    { id }                      id null when cleared
 *   filter-change  { filter }
 * From the host, to the map: { source: 'erqi-axis-map-host', version: 1, type, … } — only from an origin in
 * the embed's `origins` allowlist; anything else is ignored.
 *   select-project { id }   (null to close)
 *   focus-axis     { id }   (null to clear)
 *   set-filters    { filter }   a partial Filter
 *   fit-district   { }
 */
export const PROTOCOL_VERSION = 1;
export const MAP_SOURCE = 'erqi-axis-map';
export const HOST_SOURCE = 'erqi-axis-map-host';

export type MapEvent =
  | { type: 'ready' }
  | { type: 'height'; height: number }
  | { type: 'project-select'; id: string | null; name_zh: string | null; name_en: string | null }
  | { type: 'axis-select'; id: AxisId | null }
  | { type: 'filter-change'; filter: Filter };

export type HostCommand =
  | { type: 'select-project'; id: string | null }
  | { type: 'focus-axis'; id: AxisId | null }
  | { type: 'set-filters'; filter: Partial<Filter> }
  | { type: 'fit-district' };

export const envelope = (event: MapEvent) => ({ source: MAP_SOURCE, version: PROTOCOL_VERSION, ...event });

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** A command the map should run, or `null` (wrong origin, wrong protocol, malformed): never throws. */
export function acceptCommand(data: unknown, origin: string, allowlist: readonly string[]): HostCommand | null {
  if (!allowlist.includes(origin.toLowerCase())) return null;
  if (!isRecord(data) || data['source'] !== HOST_SOURCE || data['version'] !== PROTOCOL_VERSION) return null;
  switch (data['type']) {
    case 'select-project': {
      const id = data['id'];
      return id === null || (typeof id === 'string' && id.length <= 64) ? { type: 'select-project', id } : null;
    }
    case 'focus-axis': {
      const id = data['id'];
      return id === null || (AXIS_IDS as readonly unknown[]).includes(id) ? { type: 'focus-axis', id: id as AxisId | null } : null;
    }
    case 'set-filters':
      return isRecord(data['filter']) ? { type: 'set-filters', filter: data['filter'] as Partial<Filter> } : null;
    case 'fit-district':
      return { type: 'fit-district' };
    default:
      return null;
  }
}
