import { ZHENGZHOU_BOUNDS } from '../core/bounds.ts';
import { toWgs84, type Crs } from '../core/import/crs_check.ts';
import { looksProjected, projectionOf } from '../core/import/gauss_kruger.ts';
import { coordinatePair } from '../core/import/values.ts';
import type { Lang } from '../core/model.ts';
import { et } from './edit_strings.ts';

/**
 * Coordinates typed in the editor, a vertex a line, as a geometry in WGS84 — or the line that is wrong. A line is read
 * as an import reads a cell (coordinatePair): two numbers in `crs`, or a written-out pair (东经113°37′26″，北纬34°44′35″);
 * metres of a Gauss–Krüger projection (a land office's 红线范围) are read in the projection their first vertex fits.
 */
export function typedGeometry(text: string, kind: 'Point' | 'LineString' | 'Polygon', crs: Crs, lang: Lang): { geometry: unknown } | { error: string } {
  const typed: Array<{ line: number; xy: [number, number]; written: boolean }> = [];
  for (const [i, line] of text.split(/\r?\n/).entries()) {
    if (!line.trim()) continue;
    const pair = coordinatePair(line);
    if (!pair) return { error: et('badCoordinates', lang, { line: i + 1 }) };
    typed.push({ line: i + 1, xy: [Number(pair.first), Number(pair.second)], written: pair.written });
  }
  const first = typed.find((t) => !t.written);
  const projection = first && looksProjected(...first.xy) ? projectionOf(...first.xy, ZHENGZHOU_BOUNDS) : null;
  if (first && looksProjected(...first.xy) && !projection) return { error: et('projectedNowhere', lang, { line: first.line }) };
  // Written-out degrees are WGS84 (or CGCS2000, the same here); plain numbers are in the system chosen.
  const points = typed.map(({ xy, written }) => (projection && looksProjected(...xy) ? projection.toLonLat(...xy) : written ? xy : toWgs84(xy[0], xy[1], crs)));
  if (kind === 'Point') return { geometry: { type: 'Point', coordinates: points[0] ?? [] } };
  if (kind === 'LineString') return { geometry: { type: 'LineString', coordinates: points } };
  return { geometry: { type: 'Polygon', coordinates: [points] } };
}
