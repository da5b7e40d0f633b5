import type { RasterSourceSpecification } from 'maplibre-gl';
import type { Basemap } from '../core/url_state.ts';

/** Deployment settings read at run time from config.json (never committed with a key in it). */
export interface MapConfig {
  /** 天地图 key (tk). Without it the 天地图 basemaps are offered but disabled. */
  tiandituKey: string;
  /** URL of a TileJSON file written by `npm run tiles` (relative to the page): pins drawn from its tiles. */
  pinTiles?: string | null;
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
 * Raster sources under the schematic layers, bottom first. `[]` for the schematic basemap, or when
 * a basemap cannot be used (no key, no URL): the caller says why.
 */
export function basemapSources(basemap: Basemap, config: MapConfig, customTiles: string | null): RasterSourceSpecification[] {
  switch (basemap) {
    case 'schematic':
      return [];
    case 'tianditu-vec':
      return config.tiandituKey ? [raster(tianditu('vec', config.tiandituKey), TIANDITU_ATTRIBUTION), raster(tianditu('cva', config.tiandituKey), TIANDITU_ATTRIBUTION)] : [];
    case 'tianditu-img':
      return config.tiandituKey ? [raster(tianditu('img', config.tiandituKey), TIANDITU_ATTRIBUTION), raster(tianditu('cia', config.tiandituKey), TIANDITU_ATTRIBUTION)] : [];
    case 'osm':
      return [raster(['https://tile.openstreetmap.org/{z}/{x}/{y}.png'], '© OpenStreetMap contributors', 19)];
    case 'custom':
      if (!customTiles) return [];
      if (customTiles.startsWith('pmtiles://')) {
        return [{ type: 'raster', url: customTiles, tileSize: 256, attribution: 'custom tiles' }];
      }
      return [raster([customTiles], 'custom tiles')];
  }
}

/** Whether a basemap can be shown with this configuration. */
export function basemapAvailable(basemap: Basemap, config: MapConfig, customTiles: string | null): boolean {
  return basemap === 'schematic' || basemapSources(basemap, config, customTiles).length > 0;
}
