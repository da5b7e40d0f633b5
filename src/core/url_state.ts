import { EMPTY_FILTER, emptyFilter, FACET_PARAMS, formatFacetParams, parseFacetParam, type Filter } from './facets.ts';
import type { Layout } from './layout.ts';
import type { AxisId, Lang } from './model.ts';

export const BASEMAPS = ['schematic', 'tianditu-vec', 'tianditu-img', 'osm', 'custom'] as const;
export type Basemap = (typeof BASEMAPS)[number];

export const CORRIDOR_RANGE = { min: 250, max: 3000, default: 500 } as const;

export type Selection = { kind: 'none' } | { kind: 'project'; id: string } | { kind: 'axis'; id: AxisId };

export interface View {
  /** [lon, lat] */
  center: [number, number];
  zoom: number;
  bearing: number;
}

/** Everything a shared link restores. */
export interface UrlState {
  /** Which ledger: the published one, or the SAMPLE ledger (data/sample: synthetic, bannered wherever shown). */
  data: DataSet;
  /** The reporting period shown (YYYY-MM), for a ledger with progress; null: the latest. */
  period: string | null;
  lang: Lang;
  corridor: number;
  basemap: Basemap;
  /** XYZ template or pmtiles:// URL for `basemap=custom`. */
  tiles: string | null;
  selection: Selection;
  filter: Filter;
  /** `null`: the default view (the whole district). */
  view: View | null;
}

export const DATA_SETS = ['published', 'sample'] as const;
export type DataSet = (typeof DATA_SETS)[number];
/** Where each data set's bundle is, beside the page (written by `npm run data`). */
export const DATA_BUNDLE: Record<DataSet, string> = { published: 'data/bundle.json', sample: 'data/sample.json' };

export const DEFAULT_STATE: UrlState = {
  data: 'published',
  period: null,
  lang: 'zh',
  corridor: CORRIDOR_RANGE.default,
  basemap: 'schematic',
  tiles: null,
  selection: { kind: 'none' },
  filter: EMPTY_FILTER,
  view: null,
};

/**
 * Parameters (all optional; defaults are left out of links):
 *   data=sample  period=YYYY-MM  lang=zh|en  corridor=METRES  basemap=…  tiles=URL  project=ID | axis=ID
 *   axes=ID,…  zones=ID,…  status=…,…  sector=…,…  inv=MIN-MAX (亿元; either end may be empty)
 *   mapped=yes|no  map=ZOOM/LAT/LON[/BEARING]
 */
export interface Parsed {
  state: UrlState;
  /** One line per ignored parameter: what it was and why. */
  warnings: string[];
}

/** `?a=1&b=x%2Cy` → [['a','1'], ['b','x,y']]. (No URLSearchParams: the core has no DOM or Node types.) */
function queryPairs(search: string): Array<[string, string]> {
  const decode = (s: string): string | null => {
    try {
      return decodeURIComponent(s.replace(/\+/g, ' '));
    } catch {
      return null;
    }
  };
  const pairs: Array<[string, string]> = [];
  for (const part of search.replace(/^[?#]/, '').split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const key = decode(eq < 0 ? part : part.slice(0, eq));
    const value = decode(eq < 0 ? '' : part.slice(eq + 1));
    if (key !== null && value !== null) pairs.push([key, value]);
  }
  return pairs;
}

/** Encodes a value, keeping `,` `/` `:` readable in links. */
const encode = (s: string): string => encodeURIComponent(s).replace(/%2C/g, ',').replace(/%2F/g, '/').replace(/%3A/g, ':');

const cloneDefault = (): UrlState => ({ ...DEFAULT_STATE, filter: emptyFilter() });

type Reader = (state: UrlState, value: string, refuse: (why: string) => void, layout: Layout) => void;

/** The URL parameters besides the facets (facets.ts), each with its reader. */
const READERS: Record<string, Reader> = {
  data(state, value, refuse) {
    if ((DATA_SETS as readonly string[]).includes(value)) state.data = value as DataSet;
    else refuse(`use ${DATA_SETS.join(' or ')}`);
  },
  period(state, value, refuse) {
    if (/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) state.period = value;
    else refuse('use a month, YYYY-MM (e.g. 2023-11)');
  },
  lang(state, value, refuse) {
    if (value === 'zh' || value === 'en') state.lang = value;
    else refuse('use zh or en');
  },
  corridor(state, value, refuse) {
    const n = Number(value);
    if (/^\d+(\.\d+)?$/.test(value) && n >= CORRIDOR_RANGE.min && n <= CORRIDOR_RANGE.max) state.corridor = n;
    else refuse(`use a half-width in metres from ${CORRIDOR_RANGE.min} to ${CORRIDOR_RANGE.max}`);
  },
  basemap(state, value, refuse) {
    if ((BASEMAPS as readonly string[]).includes(value)) state.basemap = value as Basemap;
    else refuse(`use one of ${BASEMAPS.join(', ')}`);
  },
  tiles(state, value, refuse) {
    if (/^(https?:\/\/|pmtiles:\/\/)/.test(value)) state.tiles = value;
    else refuse('use an http(s):// XYZ template or a pmtiles:// URL');
  },
  project(state, value, refuse) {
    if (/^[^\s,;/?#&]{1,64}$/u.test(value)) state.selection = { kind: 'project', id: value };
    else refuse('not a project id');
  },
  axis(state, value, refuse, layout) {
    if (layout.axisIds.includes(value)) {
      if (state.selection.kind !== 'project') state.selection = { kind: 'axis', id: value };
    } else refuse(`use one of ${layout.axisIds.join(', ')}`);
  },
  map(state, value, refuse) {
    const parts = value.split('/').map((s) => (s.trim() === '' ? NaN : Number(s)));
    const [zoom, lat, lon, bearing = 0] = parts;
    if (
      (parts.length === 3 || parts.length === 4) &&
      parts.every(Number.isFinite) &&
      zoom! >= 0 && zoom! <= 22 && Math.abs(lat!) <= 85 && Math.abs(lon!) <= 180
    ) {
      // Normalise only what needs it: (x % 360 + 360) % 360 would turn 67.6 into 67.60000000000002.
      const b = bearing >= 0 && bearing < 360 ? bearing : ((bearing % 360) + 360) % 360;
      state.view = { zoom: zoom!, center: [lon!, lat!], bearing: b };
    } else refuse('use ZOOM/LAT/LON or ZOOM/LAT/LON/BEARING');
  },
};

/** Every parameter the shared state reads: the iframe's URL parameters and the element's attributes. */
export const STATE_PARAMS: readonly string[] = [...Object.keys(READERS), ...FACET_PARAMS];

export function parseUrlState(search: string, layout: Layout): Parsed {
  const warnings: string[] = [];
  const state = cloneDefault();
  for (const [key, value] of queryPairs(search)) {
    const ignore = (v: string, why: string) => warnings.push(`URL parameter ${key}=${v} ignored: ${why}`);
    const read = Object.hasOwn(READERS, key) ? READERS[key] : undefined;
    if (read) read(state, value, (why) => ignore(value, why), layout);
    // Else a facet (facets.ts), or another page's parameter (utm_*, embed options): not ours to judge.
    else parseFacetParam(state.filter, key, value, layout, ignore);
  }
  return { state, warnings };
}

const round = (x: number, digits: number): number => Number(x.toFixed(digits));

/** The query string (with a leading `?`, or empty) for a state, leaving out every default. */
export function serializeUrlState(state: UrlState): string {
  const pairs: string[] = [];
  const p = { set: (key: string, value: string) => pairs.push(`${key}=${encode(value)}`) };
  if (state.data !== DEFAULT_STATE.data) p.set('data', state.data);
  if (state.period) p.set('period', state.period);
  if (state.lang !== DEFAULT_STATE.lang) p.set('lang', state.lang);
  if (state.corridor !== DEFAULT_STATE.corridor) p.set('corridor', String(state.corridor));
  if (state.basemap !== DEFAULT_STATE.basemap) p.set('basemap', state.basemap);
  if (state.tiles) p.set('tiles', state.tiles);
  if (state.selection.kind === 'project') p.set('project', state.selection.id);
  if (state.selection.kind === 'axis') p.set('axis', state.selection.id);
  for (const [key, value] of formatFacetParams(state.filter)) p.set(key, value);
  if (state.view) {
    const v = state.view;
    const parts = [round(v.zoom, 2), round(v.center[1], 5), round(v.center[0], 5)];
    if (round(v.bearing, 1) !== 0) parts.push(round(v.bearing, 1));
    p.set('map', parts.join('/'));
  }
  return pairs.length ? `?${pairs.join('&')}` : '';
}
