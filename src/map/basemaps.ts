import type { RasterSourceSpecification } from 'maplibre-gl';
import type { Lang } from '../core/model.ts';
import type { Basemap } from '../core/url_state.ts';

/** Deployment settings read at run time from config.json (never committed with a key in it). */
export interface MapConfig {
  /** 天地图 key (tk). Without it the 天地图 basemaps are offered but disabled. */
  tiandituKey: string;
  /** URL of a TileJSON file written by `npm run tiles` (relative to the page): pins drawn from its tiles. */
  pinTiles?: string | null;
  /**
   * Hosts a link's `tiles=` may load a custom basemap from (exact host names, e.g. "tiles.example.gov.cn").
   * Any other host is ignored with a notice — in the full app, until the user confirms it.
   */
  tileHosts?: readonly string[];
}

export const TIANDITU_HOSTS = ['t0', 't1', 't2', 't3', 't4', 't5', 't6', 't7'] as const;

/** One WMTS layer of 天地图 in Web Mercator (`_w`): WGS84-aligned, unlike GCJ-02 services (~550 m off here). */
function tianditu(layer: 'vec' | 'cva' | 'img' | 'cia', key: string): string[] {
  return TIANDITU_HOSTS.map(
    (h) =>
      `https://${h}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}&STYLE=default` +
      `&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${encodeURIComponent(key)}`,
  );
}

const TIANDITU_ATTRIBUTION = '© 天地图 Tianditu (国家地理信息公共服务平台)';
const raster = (tiles: string[], attribution: string, maxzoom = 18): RasterSourceSpecification => ({
  type: 'raster',
  tiles,
  tileSize: 256,
  maxzoom,
  attribution,
});

/**
 * The host a custom tile URL (XYZ template or pmtiles://URL) loads from, or why it cannot be used: only
 * http(s), no user name or password in it (`https://127.0.0.1@other.example/` loads from other.example).
 */
export function customTilesHost(url: string): { host: string } | { error: string } {
  const inner = url.startsWith('pmtiles://') ? url.slice('pmtiles://'.length) : url;
  let parsed: URL;
  try {
    parsed = new URL(inner.replace(/\{[a-z]\}/g, '0'));
  } catch {
    return { error: 'not a URL' };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return { error: 'only http(s) tiles' };
  if (parsed.username || parsed.password) return { error: 'a user name or password in a tile URL is refused' };
  return { host: parsed.hostname.toLowerCase() };
}

/** May this custom tile URL load, given the configured hosts (and any the user confirmed)? */
export function customTilesAllowed(url: string, config: MapConfig): boolean {
  const r = customTilesHost(url);
  return 'host' in r && (config.tileHosts ?? []).some((h) => h.toLowerCase() === r.host);
}

/**
 * The basemaps, one entry each: the menu's label and the raster sources under the schematic layers, bottom
 * first. A basemap id (url_state.ts BASEMAPS) without an entry here does not compile.
 */
export const BASEMAP_TABLE: Record<Basemap, { label: Record<Lang, string>; sources(config: MapConfig, customTiles: string | null): RasterSourceSpecification[] }> = {
  schematic: { label: { zh: '示意底图（离线）', en: 'Schematic (offline)' }, sources: () => [] },
  'tianditu-vec': {
    label: { zh: '天地图 矢量', en: 'Tianditu vector' },
    sources: (c) => (c.tiandituKey ? [raster(tianditu('vec', c.tiandituKey), TIANDITU_ATTRIBUTION), raster(tianditu('cva', c.tiandituKey), TIANDITU_ATTRIBUTION)] : []),
  },
  'tianditu-img': {
    label: { zh: '天地图 影像', en: 'Tianditu imagery' },
    sources: (c) => (c.tiandituKey ? [raster(tianditu('img', c.tiandituKey), TIANDITU_ATTRIBUTION), raster(tianditu('cia', c.tiandituKey), TIANDITU_ATTRIBUTION)] : []),
  },
  osm: {
    label: { zh: 'OpenStreetMap', en: 'OpenStreetMap' },
    sources: () => [raster(['https://tile.openstreetmap.org/{z}/{x}/{y}.png'], '© OpenStreetMap contributors', 19)],
  },
  custom: {
    label: { zh: '自定义瓦片地址', en: 'Custom tile URL' },
    sources(c, customTiles) {
      if (!customTiles || !customTilesAllowed(customTiles, c)) return [];
      if (customTiles.startsWith('pmtiles://')) return [{ type: 'raster', url: customTiles, tileSize: 256, attribution: 'custom tiles' }];
      return [raster([customTiles], 'custom tiles')];
    },
  },
};

/**
 * Raster sources under the schematic layers, bottom first. `[]` for the schematic basemap, or when
 * a basemap cannot be used (no key, no URL, a tile host not allowed): the caller says why.
 */
export function basemapSources(basemap: Basemap, config: MapConfig, customTiles: string | null): RasterSourceSpecification[] {
  return BASEMAP_TABLE[basemap].sources(config, customTiles);
}

/** Whether a basemap can be shown with this configuration. */
export function basemapAvailable(basemap: Basemap, config: MapConfig, customTiles: string | null): boolean {
  return basemap === 'schematic' || basemapSources(basemap, config, customTiles).length > 0;
}
