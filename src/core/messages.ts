import { z } from './zod.ts';
import { describeIssue, filterPatchSchema, parseFilterPatch, type FacetContext, type Filter } from './facets.ts';
import { AXIS_IDS, type AxisId } from './model.ts';

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

/** The commands' schemas: the filter is checked by the facets' own schema (facets.ts), as the URL is. */
const commandSchema = (ctx: FacetContext) =>
  z.discriminatedUnion('type', [
    z.strictObject({ ...ENVELOPE, type: z.literal('select-project'), id: z.string().min(1).max(64).nullable() }),
    z.strictObject({ ...ENVELOPE, type: z.literal('focus-axis'), id: z.enum(AXIS_IDS).nullable() }),
    z.strictObject({ ...ENVELOPE, type: z.literal('set-filters'), filter: filterPatchSchema(ctx) }),
    z.strictObject({ ...ENVELOPE, type: z.literal('fit-district') }),
  ]);
const ENVELOPE = { source: z.literal(HOST_SOURCE), version: z.literal(PROTOCOL_VERSION) };

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

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
  const r = commandSchema(ctx).safeParse(data);
  if (!r.success) return { refused: r.error.issues.map(describeIssue) };
  const { source: _s, version: _v, ...command } = r.data;
  if (command.type === 'set-filters') {
    const checked = parseFilterPatch(command.filter, ctx);
    if ('errors' in checked) return { refused: checked.errors.map((e) => `filter.${e}`) };
  }
  return { command: command as HostCommand };
}
