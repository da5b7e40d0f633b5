/**
 * Where a project might be, from the names the map already ships: landmarks and the places of located sites. A
 * suggestion is a starting point the planner confirms (accuracy and evidence are still theirs to give).
 */
import type { FeatureCollection, Point } from 'geojson';
import { distanceM } from '../core/geodesy.ts';
import { CRS_OPTIONS, toWgs84, type Crs } from '../core/import/crs_check.ts';
import type { MappedProject } from '../core/model.ts';

export interface Place {
  name: string;
  lon: number;
  lat: number;
  kind: 'landmark' | 'site';
}

/** Names compared without spaces, dots and a bracketed qualifier: 碧波园（片区） → 碧波园. */
const core = (s: string): string => s.normalize('NFKC').replace(/[(（][^)）]*[)）]/g, '').replace(/[\s·•]/g, '');

export function knownPlaces(landmarks: FeatureCollection, projects: readonly MappedProject[]): Place[] {
  const out: Place[] = [];
  for (const f of landmarks.features) {
    const name = f.properties?.['name_zh'];
    if (f.geometry?.type === 'Point' && typeof name === 'string') {
      const [lon, lat] = (f.geometry as Point).coordinates as [number, number];
      out.push({ name, lon, lat, kind: 'landmark' });
    }
  }
  for (const p of projects) if (p.site?.place) out.push({ name: p.site.place.split(/[(（]/)[0]!.trim(), lon: p.site.lon, lat: p.site.lat, kind: 'site' });
  return out;
}

/** Places whose name (at least two characters) the project's name or address contains. */
export function placesFor(project: MappedProject, places: readonly Place[]): Place[] {
  const text = core(`${project.name_zh} ${project.address ?? ''}`);
  return places.filter((p) => {
    const n = core(p.name);
    return n.length >= 2 && text.includes(n) && !(p.kind === 'site' && project.site && p.lon === project.site.lon && p.lat === project.site.lat);
  });
}

export interface CrsHint {
  crs: Crs;
  place: string;
  /** Metres from the place as typed, and under the suggested reading. */
  typedM: number;
  suggestedM: number;
}

/**
 * A typed point that lands hundreds of metres from the place its project names, but on it when read as GCJ-02 or
 * BD-09 (as Chinese map pickers give them), probably is in that system. Null when there is nothing to compare or
 * the reading given is the best one.
 */
export function crsHint(lon: number, lat: number, declared: Crs, places: readonly Place[]): CrsHint | null {
  let best: CrsHint | null = null;
  for (const place of places) {
    const [x, y] = toWgs84(lon, lat, declared);
    const typedM = distanceM(x, y, place.lon, place.lat);
    for (const crs of CRS_OPTIONS) {
      if (crs === declared) continue;
      // Coordinates typed in `declared` that really are in `crs`: read them as `crs` instead.
      const [u, v] = toWgs84(lon, lat, crs);
      const m = distanceM(u, v, place.lon, place.lat);
      if (m < 250 && typedM - m > 300 && (!best || m < best.suggestedM)) best = { crs, place: place.name, typedM, suggestedM: m };
    }
  }
  return best;
}
