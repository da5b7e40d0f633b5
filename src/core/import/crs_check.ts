import gcoord from 'gcoord';
import { distanceM, pointToLineM } from '../geodesy.ts';
import type { PreparedAxis } from '../placement.ts';

export const CRS_OPTIONS = ['wgs84', 'gcj02', 'bd09'] as const;
export type Crs = (typeof CRS_OPTIONS)[number];

const GCOORD = { wgs84: gcoord.WGS84, gcj02: gcoord.GCJ02, bd09: gcoord.BD09 } as const;

/** [lon, lat] in `crs` → WGS84. */
export function toWgs84(lon: number, lat: number, crs: Crs): [number, number] {
  if (crs === 'wgs84') return [lon, lat];
  const [x, y] = gcoord.transform([lon, lat], GCOORD[crs], gcoord.WGS84) as [number, number];
  return [Math.round(x * 1e7) / 1e7, Math.round(y * 1e7) / 1e7];
}

export interface CrsSuggestion {
  crs: Crs;
  /** Median distance, metres, as declared and as suggested: to the matching known places, or to the axes. */
  declaredMedianM: number;
  suggestedMedianM: number;
  /** What the distances were measured to. */
  basis: 'known places' | 'axes';
}

/** A located place whose name an imported row may carry (the shipped sites and landmarks). */
export interface Anchor {
  name: string;
  lon: number;
  lat: number;
}

export interface PointToCheck {
  lon: number;
  lat: number;
  /** Name and address of the row, to find it among the anchors (joined only for the rows the check reads). */
  name: string;
  address: string;
}

/** Rows read by the check, at most. */
const SAMPLE = 2_000;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};
const norm = (s: string): string => s.normalize('NFKC').replace(/[\s·•（）()]/g, '');

/**
 * Chinese map pickers give GCJ-02 (~550 m off WGS84 here) or BD-09 (~1.2 km). When the rows name places we
 * know, compare their positions under each reading; the one that puts them on the known places wins.
 * Without two such rows, fall back to the axes (projects cluster along them) and speak only when the other
 * reading is much closer. Says nothing when unsure.
 */
export function suggestCrs(
  points: readonly PointToCheck[],
  declared: Crs,
  anchors: readonly Anchor[],
  axes: readonly PreparedAxis[],
): CrsSuggestion | null {
  // A median needs no more than a few thousand rows: a large ledger is read at evenly spaced rows (the same
  // rows every time), so its check costs what a small one's does.
  const step = Math.max(1, points.length / SAMPLE);
  const sample = step === 1 ? points : Array.from({ length: SAMPLE }, (_, i) => points[Math.floor(i * step)]!);
  const names = anchors.map((a) => ({ a, n: norm(a.name) })).filter(({ n }) => n.length >= 3);
  const matched = sample.flatMap((p) => {
    const t = norm(`${p.name} ${p.address}`);
    const hit = names.find(({ n }) => t.includes(n) || n.includes(t.slice(0, Math.max(3, t.length))));
    return hit ? [{ p, a: hit.a }] : [];
  });
  const score = (distance: (crs: Crs) => number[]) =>
    CRS_OPTIONS.map((crs) => ({ crs, m: median(distance(crs)) }));
  let basis: CrsSuggestion['basis'];
  let scores: Array<{ crs: Crs; m: number }>;
  if (matched.length >= 2) {
    basis = 'known places';
    scores = score((crs) => matched.map(({ p, a }) => {
      const [x, y] = toWgs84(p.lon, p.lat, crs);
      return distanceM(x, y, a.lon, a.lat);
    }));
  } else if (sample.length >= 10) {
    basis = 'axes';
    scores = score((crs) => sample.map((p) => {
      const [x, y] = toWgs84(p.lon, p.lat, crs);
      return Math.min(...axes.map((a) => pointToLineM(x, y, a.line)));
    }));
  } else {
    return null;
  }
  const mine = scores.find((s) => s.crs === declared)!;
  const best = scores.reduce((a, b) => (b.m < a.m ? b : a));
  if (best.crs === declared) return null;
  const clear = basis === 'known places' ? best.m < 250 && mine.m - best.m > 300 : best.m < mine.m * 0.4 && mine.m - best.m > 300;
  return clear ? { crs: best.crs, declaredMedianM: mine.m, suggestedMedianM: best.m, basis } : null;
}
