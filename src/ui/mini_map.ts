import type { FeatureCollection, Position } from 'geojson';
import { axisColour, type Theme } from '../map/theme.ts';
import { svg } from './axis_chart.ts';

export interface MiniMapProps {
  /** The district's outline and the axes, as the bundle holds them. */
  district: FeatureCollection;
  axes: FeatureCollection;
  /** [lon, lat] pairs of the points to show. */
  points: Float64Array;
  theme: Theme;
  label: string;
}

/**
 * A small picture of where points fall against the district and its axes — no tiles, no WebGL: the import preview
 * shows it before anything is applied (pins off by a swapped column or a wrong coordinate system show at once).
 * The frame takes in the district and every point, so points far away are seen far away.
 */
export function renderMiniMap(p: MiniMapProps): SVGSVGElement {
  const rings: Position[][] = [];
  for (const f of p.district.features) {
    const g = f.geometry;
    if (g?.type === 'Polygon') rings.push(...g.coordinates);
    else if (g?.type === 'MultiPolygon') for (const poly of g.coordinates) rings.push(...poly);
  }
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  const take = (lon: number, lat: number) => {
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) return;
    w = Math.min(w, lon);
    e = Math.max(e, lon);
    s = Math.min(s, lat);
    n = Math.max(n, lat);
  };
  for (const r of rings) for (const [lon, lat] of r) take(lon!, lat!);
  for (let i = 0; i < p.points.length; i += 2) take(p.points[i]!, p.points[i + 1]!);
  if (!Number.isFinite(w)) [w, s, e, n] = [113.5, 34.6, 113.7, 34.8];
  const width = 260;
  const kx = Math.cos((((s + n) / 2) * Math.PI) / 180); // degrees of longitude are shorter here
  const spanX = Math.max((e - w) * kx, 1e-6);
  const spanY = Math.max(n - s, 1e-6);
  const height = Math.min(260, Math.max(120, (width * spanY) / spanX));
  const scale = Math.min((width - 12) / spanX, (height - 12) / spanY);
  const x = (lon: number) => 6 + (lon - w) * kx * scale;
  const y = (lat: number) => height - 6 - (lat - s) * scale;
  const path = (coords: Position[]) => coords.map(([lon, lat], i) => `${i ? 'L' : 'M'}${x(lon!).toFixed(1)},${y(lat!).toFixed(1)}`).join('');
  const root = svg('svg', { viewBox: `0 0 ${width} ${height.toFixed(0)}`, class: 'mini-map', role: 'img', 'aria-label': p.label });
  root.append(svg('title', {}, p.label));
  for (const r of rings) root.append(svg('path', { d: `${path(r)}Z`, fill: p.theme.district.fill, stroke: p.theme.district.line, 'stroke-width': 1 }));
  for (const f of p.axes.features) {
    if (f.geometry?.type !== 'LineString') continue;
    root.append(svg('path', { d: path(f.geometry.coordinates), fill: 'none', stroke: axisColour(p.theme, String(f.properties?.['id'])), 'stroke-width': 2 }));
  }
  const dots = svg('g', { class: 'mini-map-points' });
  for (let i = 0; i < p.points.length; i += 2) dots.append(svg('circle', { cx: x(p.points[i]!).toFixed(1), cy: y(p.points[i + 1]!).toFixed(1), r: 2.2, fill: p.theme.cluster }));
  root.append(dots);
  return root;
}
