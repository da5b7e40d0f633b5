import type { DataBundle } from './core/bundle.ts';

/** Fetches the data bundle. Throws an Error whose message names the file and what went wrong. */
export async function loadBundle(url: string): Promise<DataBundle> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (e) {
    throw new Error(`${url}: ${(e as Error).message}`);
  }
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new Error(`${url}: not valid JSON`);
  }
  if ((json as Partial<DataBundle> | null)?.format !== 'erqi-axis-map/bundle@1') {
    throw new Error(`${url}: not an erqi-axis-map data bundle (run npm run data)`);
  }
  return json as DataBundle;
}
