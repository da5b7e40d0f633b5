import { isRecord } from './guards.ts';
import { parseFilterPatch, type FacetContext, type Filter } from './facets.ts';
import type { AxisId } from './model.ts';

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

/** Each command's fields beyond the envelope, with their checks: `null` when fine, else what is wrong. */
const COMMANDS: Record<HostCommand['type'], Record<string, (v: unknown, layout: FacetContext) => string | null>> = {
  'select-project': { id: (v) => (v === null || (typeof v === 'string' && v.length >= 1 && v.length <= 64) ? null : 'use a project id (1–64 characters) or null') },
  'focus-axis': { id: (v, layout) => (v === null || (typeof v === 'string' && layout.axisIds.includes(v)) ? null : `use null or one of ${layout.axisIds.join(', ')}`) },
  'set-filters': { filter: (v) => (v === undefined ? 'is required' : null) }, // checked by the facets below
  'fit-district': {},
};


export type Accepted = { command: HostCommand } | { refused: string[] } | null;

/**
 * What to do with a message from the host page: run a command, refuse a malformed one (every problem as
 * `field: message`, for a console warning; nothing changes), or `null` to ignore it silently — another
 * origin, or not addressed to this map (other scripts post messages too). Never throws.
 */
export function acceptCommand(data: unknown, origin: string, allowlist: readonly string[], ctx: FacetContext): Accepted {
  if (!allowlist.includes(origin.toLowerCase())) return null;
  if (!isRecord(data) || data['source'] !== HOST_SOURCE) return null;
  if (data['version'] !== PROTOCOL_VERSION) return { refused: [`version: this map speaks version ${PROTOCOL_VERSION}`] };
  const type = data['type'];
  const fields = typeof type === 'string' && Object.hasOwn(COMMANDS, type) ? COMMANDS[type as HostCommand['type']] : null;
  if (!fields) return { refused: [`type: use one of ${Object.keys(COMMANDS).join(', ')}`] };
  // Every field checked, unknown ones refused by name: a malformed command changes nothing.
  const refused: string[] = [];
  for (const key of Object.keys(data)) {
    if (key !== 'source' && key !== 'version' && key !== 'type' && !Object.hasOwn(fields, key)) refused.push(`${key}: is not a known field`);
  }
  for (const [key, check] of Object.entries(fields)) {
    const problem = check(data[key], ctx);
    if (problem) refused.push(`${key}: ${problem}`);
  }
  if (refused.length) return { refused };
  if (type === 'set-filters') {
    const checked = parseFilterPatch(data['filter'], ctx);
    if ('errors' in checked) return { refused: checked.errors.map((e) => (e.startsWith('filter:') ? e : `filter.${e}`)) };
    return { command: { type, filter: checked.value } };
  }
  return { command: { type, ...Object.fromEntries(Object.keys(fields).map((k) => [k, data[k]])) } as HostCommand };
}
