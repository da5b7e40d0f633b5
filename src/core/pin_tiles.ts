import type { MappedProject } from './model.ts';

/**
 * Pins cut into vector tiles ahead of time (`npm run tiles`), for ledgers too large to cluster in the browser.
 * The tile set describes itself in a TileJSON file; `erqi` says which ledger and corridor width it was cut
 * from, so the page uses it only for exactly that data.
 */
export interface PinTilesMeta {
  tilejson: '3.0.0';
  /** URL templates of the tiles, relative to the TileJSON file. */
  tiles: string[];
  minzoom: number;
  maxzoom: number;
  bounds: [number, number, number, number];
  vector_layers: Array<{ id: string; fields: Record<string, string> }>;
  erqi: {
    /** ledgerFingerprint of the projects the tiles were cut from. */
    fingerprint: string;
    /** The corridor half-width the pins' axis colours were computed at. */
    corridor_m: number;
    pins: number;
  };
}

/** The tile layer holding pins and clusters. */
export const PIN_TILE_LAYER = 'projects';
/** The tile layer holding the lines and areas (their pins are in PIN_TILE_LAYER). */
export const SHAPE_TILE_LAYER = 'shapes';

/**
 * A short hash (FNV-1a, 32 bit) of what a pin shows — id, names, status and position — over the located
 * projects in ledger order. The same ledger gives the same string in node and in the browser.
 */
export function ledgerFingerprint(projects: readonly MappedProject[]): string {
  let h = 0x811c9dc5;
  const add = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    h ^= 0x1f; // a separator no field contains
    h = Math.imul(h, 0x01000193);
  };
  let n = 0;
  for (const p of projects) {
    if (!p.site) continue;
    n++;
    add(p.id);
    add(p.name_zh);
    add(p.name_en ?? '');
    add(p.status ?? '');
    add(p.site.lon.toFixed(7));
    add(p.site.lat.toFixed(7));
    // A line or an area redrawn is other tiles too (a point adds nothing: older point tiles stay valid).
    if (p.site.geometry) add(JSON.stringify(p.site.geometry.coordinates));
  }
  return `${n}-${(h >>> 0).toString(16).padStart(8, '0')}`;
}

/** Why a tile set cannot stand in for the pins of this ledger (its projects, or their fingerprint), or null when it can. */
export function pinTilesMismatch(meta: unknown, projects: readonly MappedProject[] | string, corridorM: number): string | null {
  const m = meta as Partial<PinTilesMeta> | null;
  if (!m || m.tilejson !== '3.0.0' || !Array.isArray(m.tiles) || !m.tiles.length || !m.erqi) return 'not a TileJSON 3.0.0 file from npm run tiles';
  if (m.erqi.corridor_m !== corridorM) return `cut at a ${m.erqi.corridor_m} m corridor, the data's is ${corridorM} m`;
  const fp = typeof projects === 'string' ? projects : ledgerFingerprint(projects);
  if (m.erqi.fingerprint !== fp) return `cut from other projects (fingerprint ${m.erqi.fingerprint}, the data's is ${fp}): run npm run tiles again`;
  return null;
}
