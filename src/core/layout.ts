import type { AxisId } from './model.ts';

/**
 * The layout — which axes and zones this map has — is data: geo/axes.geojson and geo/zones.geojson (in the
 * bundle: its `axes` and `zones`). Everything that checks an axis or zone id (the URL, embed options, host
 * commands, the ledger's axis_declared) is given a Layout instead of a list written in code, so another
 * district's "N zones, M axes" map is a data change.
 */
export interface Layout {
  /** In file order: the order of the panel, the legend and every per-axis list. */
  readonly axisIds: readonly AxisId[];
  readonly zoneIds: readonly string[];
}

/** An axis or zone id: short, lower-case, safe in a URL and an attribute (`songshan`, `north`). */
export const LAYOUT_ID = /^[a-z][a-z0-9_-]{0,31}$/;

/** At most this many axes: a project's corridors are one bit each in a 32-bit mask (filter.ts, aggregate.ts). */
export const MAX_AXES = 31;
/** The same for zones (a line or an area can touch several: one bit each). */
export const MAX_ZONES = 31;

type Collection = { features: ReadonlyArray<{ properties?: unknown }> };
const idOf = (f: { properties?: unknown }): string => String((f.properties as { id?: unknown } | null)?.id);

/** The layout of a data bundle (or of anything with axes and zones as feature collections). */
export const layoutOf = (b: { axes: Collection; zones: Collection }): Layout => ({
  axisIds: b.axes.features.map(idOf),
  zoneIds: b.zones.features.map(idOf),
});
