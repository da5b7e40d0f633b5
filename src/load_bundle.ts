import type { DataBundle } from './core/bundle.ts';
import { checkBundle } from './core/bundle_shape.ts';
import { knownPlacements } from './core/shipped_placements.ts';
import { pinTilesMismatch, type PinTilesMeta } from './core/pin_tiles.ts';
import type { MapConfig } from './map/basemaps.ts';
import type { PinTiles } from './map/style.ts';
import { layoutOf, type Layout } from './core/layout.ts';
import { prewarmMap } from './map/map_view.ts';
import type { PagesIndex } from './core/ledger_pages.ts';
import { PAGES_FORMAT } from './core/pages_format.ts';
import type { LedgerPages } from './app/ledger_pages.ts';

async function fetchJson(url: string, timeoutMs?: number): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, timeoutMs ? { signal: AbortSignal.timeout(timeoutMs) } : {});
  } catch (e) {
    const why = (e as Error).name === 'TimeoutError' ? `no answer in ${timeoutMs! / 1000} s` : (e as Error).message;
    throw new Error(`${url}: ${why}`);
  }
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  try {
    return await response.json();
  } catch {
    throw new Error(`${url}: not valid JSON`);
  }
}

/**
 * Fetches the data bundle (a ledger in pages: the whole bundle they name). Throws an Error whose message names the
 * file and what went wrong.
 */
export async function loadBundle(url: string): Promise<DataBundle> {
  return (await loadData(url)).bundle;
}

/** A fetched bundle checked, its placements read. */
function bundleOf(json: unknown, url: string): DataBundle {
  if ((json as Partial<DataBundle> | null)?.format !== 'erqi-axis-map/bundle@1') {
    throw new Error(`${url}: not an erqi-axis-map data bundle (run npm run data)`);
  }
  // The right tag is not the right shape: a hand-edited or truncated bundle is named here, not left to fail
  // somewhere inside the map.
  const checked = checkBundle(json);
  if ('errors' in checked) throw new Error(`${url}: not a valid data bundle (run npm run data): ${checked.errors.join('; ')}`);
  const bundle = checked.value;
  // One copy of each repeated text (a quarter of the heap at 50,000 projects), in idle time once the map is drawn.
  // Optional: a chunk that does not load leaves the copies, and nothing else.
  if (bundle.projects.length > 0) void import('./app/share_when_idle.ts').then((m) => m.shareWhenIdle(bundle.projects), () => {});
  // The data build's placements: read once and bound to the sites; the page places only what they do not cover.
  if (bundle.placements) {
    const known = knownPlacements(bundle);
    delete bundle.placements;
    if ('why' in known) console.warn(`${url}: its placements are not used (${known.why}); placing the projects here`);
    else bundle.placed = known.value;
  }
  return bundle;
}

/** config.json is optional: past this the map starts with the defaults rather than wait (ms). */
const CONFIG_TIMEOUT_MS = 3000;

/**
 * Deployment settings (config.json beside index.html). A build-time VITE_TIANDITU_KEY wins; a missing, slow
 * or broken file means defaults, with a warning: the map must work without it.
 */
export async function loadConfig(url: string): Promise<MapConfig> {
  const envKey = (import.meta.env['VITE_TIANDITU_KEY'] as string | undefined) ?? '';
  try {
    const json = (await fetchJson(url, CONFIG_TIMEOUT_MS)) as Partial<Record<keyof MapConfig, unknown>> | null;
    const hosts = Array.isArray(json?.tileHosts) ? json.tileHosts.filter((h): h is string => typeof h === 'string' && /^[a-z0-9.-]+$/i.test(h)) : [];
    return {
      tiandituKey: envKey || (typeof json?.tiandituKey === 'string' ? json.tiandituKey : ''),
      pinTiles: typeof json?.pinTiles === 'string' && json.pinTiles ? json.pinTiles : null,
      tileHosts: hosts,
    };
  } catch (e) {
    console.warn(`${(e as Error).message}: using defaults`);
    return { tiandituKey: envKey, pinTiles: null, tileHosts: [] };
  }
}

/**
 * The pin tiles named in config.json (a URL relative to `relativeTo`, the folder of config.json), if they were
 * cut from exactly these projects at this corridor width; otherwise null, with a warning saying why (the pins are
 * then drawn from the data, as without tiles).
 */
export async function loadPinTiles(url: string | null | undefined, bundle: DataBundle, relativeTo: string | URL = location.href, fingerprint?: string): Promise<PinTiles | null> {
  if (!url) return null;
  const base = new URL(url, relativeTo);
  try {
    const meta = await fetchJson(base.href);
    const why = pinTilesMismatch(meta, fingerprint ?? bundle.projects, bundle.corridor_m);
    if (why) {
      console.warn(`${url}: ${why}; drawing the pins from the data`);
      return null;
    }
    const m = meta as PinTilesMeta;
    // Templates resolve against the TileJSON file; braces survive URL resolution only when put back.
    const tiles = m.tiles.map((t) => new URL(t, base).href.replace(/%7B/g, '{').replace(/%7D/g, '}'));
    return { tiles, maxzoom: m.maxzoom, bounds: m.bounds, corridorM: m.erqi.corridor_m };
  } catch (e) {
    console.warn(`${(e as Error).message}; drawing the pins from the data`);
    return null;
  }
}

/** A reader of ledger pages (read_pages.ts: loaded with their code); without one, a page reads the whole ledger. */
export type PagesReader = (json: unknown, url: string) => Promise<LedgerPages>;

/** The data a page shows: a bundle, or a ledger in pages (`bundle` then is their head, without projects). */
export interface Loaded {
  bundle: DataBundle;
  pages?: LedgerPages;
}

/**
 * Fetches the data file: with `pages`, a pages index is read as pages; without, the whole ledger it names is
 * loaded. Throws an Error naming the file and what went wrong.
 */
export async function loadData(url: string, pages?: PagesReader): Promise<Loaded> {
  const json = await fetchJson(url);
  if ((json as Partial<PagesIndex> | null)?.format === PAGES_FORMAT && pages) {
    const read = await pages(json, new URL(url, location.href).href);
    return { bundle: read.head, pages: read };
  }
  const index = json as Partial<PagesIndex> | null;
  if (index?.format === PAGES_FORMAT && typeof index.bundle === 'string') return { bundle: bundleOf(await fetchJson(new URL(index.bundle, new URL(url, location.href)).href), url) };
  return { bundle: bundleOf(json, url) };
}

/** What every page starts from: the data, the deployment's settings, pin tiles cut from that data, its layout. */
export interface Start {
  /** With `pages`: their head, the ledger without its projects. */
  bundle: DataBundle;
  /** The ledger in pages (a reader given and the data file is a pages index). */
  pages?: LedgerPages;
  config: MapConfig;
  pinTiles: PinTiles | null;
  layout: Layout;
}

/**
 * The app, the iframe and the element start the same way: MapLibre's workers, config.json (beside `base`) and the
 * bundle all load at once — the workers start while the data is on its way. Throws the bundle's error (its file
 * and what went wrong) for the page to show; config.json and the tiles never throw (defaults, with a warning).
 * `bundle`: its URL, or the promise of an already requested one (the element shares one per `src`); `pages`: reads
 * a ledger in pages as pages (loadData).
 */
export async function loadStart(bundle: string | Promise<Loaded>, base: string | URL = location.href, pages?: PagesReader): Promise<Start> {
  prewarmMap();
  const configLoad = loadConfig(new URL('config.json', base).href);
  const data = await (typeof bundle === 'string' ? loadData(bundle, pages) : bundle);
  const config = await configLoad;
  performance.mark('erqi:data');
  // Tiles of a ledger in pages are checked against the pages' fingerprint (the head has no projects).
  const pinTiles = await loadPinTiles(config.pinTiles, data.bundle, base, data.pages?.index.fingerprint);
  return { ...data, config, pinTiles, layout: layoutOf(data.bundle) };
}
