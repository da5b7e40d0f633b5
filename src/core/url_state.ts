import { EMPTY_FILTER, type Filter } from './filter.ts';
import { AXIS_IDS, SECTOR_KEYS, STATUS_KEYS, type AxisId, type Lang } from './model.ts';

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

export const DEFAULT_STATE: UrlState = {
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
 *   lang=zh|en  corridor=METRES  basemap=…  tiles=URL  project=ID | axis=ID
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

const cloneDefault = (): UrlState => ({ ...DEFAULT_STATE, filter: { ...EMPTY_FILTER, axes: [], zones: [], statuses: [], sectors: [] } });

const list = (v: string | null): string[] => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : []);

export function parseUrlState(search: string, zoneIds: readonly string[]): Parsed {
  const warnings: string[] = [];
  const state = cloneDefault();
  const ignore = (key: string, value: string, why: string) => warnings.push(`URL parameter ${key}=${value} ignored: ${why}`);

  for (const [key, value] of queryPairs(search)) {
    switch (key) {
      case 'lang':
        if (value === 'zh' || value === 'en') state.lang = value;
        else ignore(key, value, 'use zh or en');
        break;
      case 'corridor': {
        const n = Number(value);
        if (/^\d+(\.\d+)?$/.test(value) && n >= CORRIDOR_RANGE.min && n <= CORRIDOR_RANGE.max) state.corridor = n;
        else ignore(key, value, `use a half-width in metres from ${CORRIDOR_RANGE.min} to ${CORRIDOR_RANGE.max}`);
        break;
      }
      case 'basemap':
        if ((BASEMAPS as readonly string[]).includes(value)) state.basemap = value as Basemap;
        else ignore(key, value, `use one of ${BASEMAPS.join(', ')}`);
        break;
      case 'tiles':
        if (/^(https?:\/\/|pmtiles:\/\/)/.test(value)) state.tiles = value;
        else ignore(key, value, 'use an http(s):// XYZ template or a pmtiles:// URL');
        break;
      case 'project':
        if (/^[^\s,;/?#&]{1,64}$/u.test(value)) state.selection = { kind: 'project', id: value };
        else ignore(key, value, 'not a project id');
        break;
      case 'axis':
        if ((AXIS_IDS as readonly string[]).includes(value)) {
          if (state.selection.kind !== 'project') state.selection = { kind: 'axis', id: value as AxisId };
        } else ignore(key, value, `use one of ${AXIS_IDS.join(', ')}`);
        break;
      case 'axes':
      case 'zones':
      case 'status':
      case 'sector': {
        const allowed: readonly string[] =
          key === 'axes' ? AXIS_IDS : key === 'zones' ? zoneIds : key === 'status' ? STATUS_KEYS : SECTOR_KEYS;
        const values = list(value);
        const bad = values.filter((v) => !allowed.includes(v));
        if (bad.length) ignore(key, bad.join(','), `use ${allowed.join(', ')}`);
        const good = [...new Set(values.filter((v) => allowed.includes(v)))];
        const field = key === 'axes' ? 'axes' : key === 'zones' ? 'zones' : key === 'status' ? 'statuses' : 'sectors';
        (state.filter as unknown as Record<string, string[]>)[field] = good;
        break;
      }
      case 'inv': {
        const m = /^(\d+(?:\.\d+)?)?-(\d+(?:\.\d+)?)?$/.exec(value);
        if (m && (m[1] || m[2]) && !(m[1] && m[2] && Number(m[1]) > Number(m[2]))) {
          state.filter.investmentMin = m[1] ? Number(m[1]) : null;
          state.filter.investmentMax = m[2] ? Number(m[2]) : null;
        } else ignore(key, value, 'use MIN-MAX in 亿元, e.g. 10-50, 10- or -50');
        break;
      }
      case 'mapped':
        if (value === 'yes' || value === 'no') state.filter.mapped = value === 'yes' ? 'mapped' : 'unmapped';
        else ignore(key, value, 'use yes or no');
        break;
      case 'map': {
        const parts = value.split('/').map(Number);
        const [zoom, lat, lon, bearing = 0] = parts;
        if (
          (parts.length === 3 || parts.length === 4) &&
          parts.every(Number.isFinite) &&
          zoom! >= 0 && zoom! <= 22 && Math.abs(lat!) <= 85 && Math.abs(lon!) <= 180
        ) {
          // Normalise only what needs it: (x % 360 + 360) % 360 would turn 67.6 into 67.60000000000002.
          const b = bearing >= 0 && bearing < 360 ? bearing : ((bearing % 360) + 360) % 360;
          state.view = { zoom: zoom!, center: [lon!, lat!], bearing: b };
        } else ignore(key, value, 'use ZOOM/LAT/LON or ZOOM/LAT/LON/BEARING');
        break;
      }
      default:
        // Other pages' parameters (utm_*, embed options) are not ours to judge.
        break;
    }
  }
  return { state, warnings };
}

const round = (x: number, digits: number): number => Number(x.toFixed(digits));

/** The query string (with a leading `?`, or empty) for a state, leaving out every default. */
export function serializeUrlState(state: UrlState): string {
  const pairs: string[] = [];
  const p = { set: (key: string, value: string) => pairs.push(`${key}=${encode(value)}`) };
  if (state.lang !== DEFAULT_STATE.lang) p.set('lang', state.lang);
  if (state.corridor !== DEFAULT_STATE.corridor) p.set('corridor', String(state.corridor));
  if (state.basemap !== DEFAULT_STATE.basemap) p.set('basemap', state.basemap);
  if (state.tiles) p.set('tiles', state.tiles);
  if (state.selection.kind === 'project') p.set('project', state.selection.id);
  if (state.selection.kind === 'axis') p.set('axis', state.selection.id);
  const f = state.filter;
  if (f.axes.length) p.set('axes', f.axes.join(','));
  if (f.zones.length) p.set('zones', f.zones.join(','));
  if (f.statuses.length) p.set('status', f.statuses.join(','));
  if (f.sectors.length) p.set('sector', f.sectors.join(','));
  if (f.investmentMin !== null || f.investmentMax !== null) p.set('inv', `${f.investmentMin ?? ''}-${f.investmentMax ?? ''}`);
  if (f.mapped !== 'all') p.set('mapped', f.mapped === 'mapped' ? 'yes' : 'no');
  if (state.view) {
    const v = state.view;
    const parts = [round(v.zoom, 2), round(v.center[1], 5), round(v.center[0], 5)];
    if (round(v.bearing, 1) !== 0) parts.push(round(v.bearing, 1));
    p.set('map', parts.join('/'));
  }
  return pairs.length ? `?${pairs.join('&')}` : '';
}
