import type { DataBundle } from './core/bundle.ts';
import type { MapConfig } from './map/basemaps.ts';

async function fetchJson(url: string): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (e) {
    throw new Error(`${url}: ${(e as Error).message}`);
  }
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  try {
    return await response.json();
  } catch {
    throw new Error(`${url}: not valid JSON`);
  }
}

/** Fetches the data bundle. Throws an Error whose message names the file and what went wrong. */
export async function loadBundle(url: string): Promise<DataBundle> {
  const json = await fetchJson(url);
  if ((json as Partial<DataBundle> | null)?.format !== 'erqi-axis-map/bundle@1') {
    throw new Error(`${url}: not an erqi-axis-map data bundle (run npm run data)`);
  }
  return json as DataBundle;
}

/**
 * Deployment settings (config.json beside index.html). A build-time VITE_TIANDITU_KEY wins; a missing or
 * broken file means defaults, with a warning: the map must work without it.
 */
export async function loadConfig(url: string): Promise<MapConfig> {
  const envKey = (import.meta.env['VITE_TIANDITU_KEY'] as string | undefined) ?? '';
  try {
    const json = (await fetchJson(url)) as Partial<MapConfig>;
    return { tiandituKey: envKey || (typeof json.tiandituKey === 'string' ? json.tiandituKey : '') };
  } catch (e) {
    console.warn(`${(e as Error).message}: using defaults`);
    return { tiandituKey: envKey };
  }
}
