import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { metresPerDegree } from './geodesy.ts';
import type { AxisFeature } from './load_geo.ts';
import { SECTORS, STATUSES, type MappedProject } from './model.ts';
import { seededRandom } from './random.ts';
import { representativePoint, type SiteGeometry } from './site_geometry.ts';

/**
 * SYNTHETIC projects for tests and benchmarks only — never the default data, and bannered whenever shown
 * (every one has `source: 'synthetic'`). Seeded: the same seed gives the same projects.
 * 60 % lie along an axis (within 1.5 km), the rest anywhere in the area; 30 % have no disclosed investment.
 */
export interface SyntheticOptions {
  count: number;
  seed: number;
  axes: readonly AxisFeature[];
  /** Where the off-axis projects fall: the district (default) or any polygon, e.g. the whole city. */
  area: Feature<Polygon | MultiPolygon>;
  /** Share of projects with no location (listed, not mapped). */
  unmappedShare?: number;
  /** Share of the located ones that are lines (half of them) and areas (the other half), around their point. */
  shapeShare?: number;
}

/** A road-like line of 3–6 vertices wandering 200–1,500 m from (lon, lat), or a 4–6-cornered plot of 80–400 m. */
function syntheticShape(random: () => number, lon: number, lat: number, kind: 'line' | 'area'): SiteGeometry {
  const { kx, ky } = metresPerDegree(lat);
  const r6 = (x: number) => Math.round(x * 1e6) / 1e6;
  if (kind === 'line') {
    const n = 3 + Math.floor(random() * 4);
    const step = (200 + random() * 1300) / (n - 1);
    let heading = random() * Math.PI * 2;
    const coordinates: number[][] = [[r6(lon), r6(lat)]];
    for (let k = 1; k < n; k++) {
      heading += (random() - 0.5) * 0.8;
      const [x, y] = coordinates[k - 1]!;
      coordinates.push([r6(x! + (step * Math.cos(heading)) / kx), r6(y! + (step * Math.sin(heading)) / ky)]);
    }
    return { type: 'LineString', coordinates };
  }
  // A star-shaped polygon (corners at increasing angles): never crosses itself.
  const n = 4 + Math.floor(random() * 3);
  const size = 40 + random() * 160;
  const ring: number[][] = [];
  for (let k = 0; k < n; k++) {
    const angle = (k / n) * Math.PI * 2 + random() * 0.5;
    const d = size * (0.7 + random() * 0.6);
    ring.push([r6(lon + (d * Math.cos(angle)) / kx), r6(lat + (d * Math.sin(angle)) / ky)]);
  }
  ring.push([...ring[0]!]);
  return { type: 'Polygon', coordinates: [ring] };
}

export const SYNTHETIC_SOURCE = 'synthetic';

export function syntheticProjects(o: SyntheticOptions): MappedProject[] {
  const random = seededRandom(o.seed);
  const [w, s, e, n] = bbox(o.area);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const projects: MappedProject[] = [];
  for (let i = 0; i < o.count; i++) {
    const id = `syn-${String(i + 1).padStart(6, '0')}`;
    let lon: number;
    let lat: number;
    if (random() < 0.6) {
      const axis = pick(o.axes).geometry.coordinates;
      const k = Math.floor(random() * (axis.length - 1));
      const t = random();
      const [a, b] = [axis[k]!, axis[k + 1]!];
      lon = a[0]! + t * (b[0]! - a[0]!);
      lat = a[1]! + t * (b[1]! - a[1]!);
      const { kx, ky } = metresPerDegree(lat);
      const r = (random() - 0.5) * 3000;
      const angle = random() * Math.PI * 2;
      lon += (r * Math.cos(angle)) / kx;
      lat += (r * Math.sin(angle)) / ky;
    } else {
      do {
        lon = w + random() * (e - w);
        lat = s + random() * (n - s);
      } while (!booleanPointInPolygon([lon, lat], o.area));
    }
    const disclosed = random() > 0.3;
    const mapped = random() >= (o.unmappedShare ?? 0.1);
    // Drawn only when asked for: the sequence of every other value stays as it was without shapes.
    const shapeDraw = o.shapeShare ? random() : 1;
    const geometry = mapped && shapeDraw < o.shapeShare! ? syntheticShape(random, lon, lat, shapeDraw < o.shapeShare! / 2 ? 'line' : 'area') : undefined;
    projects.push({
      id,
      name_zh: `合成示例项目 ${i + 1}`,
      name_en: `Synthetic project ${i + 1}`,
      axis_declared: random() < 0.5 ? pick(o.axes).properties.id : null,
      zone_declared: null,
      sector: random() < 0.9 ? pick(SECTORS) : null,
      status: random() < 0.9 ? pick(STATUSES) : null,
      // Log-normal-ish: most projects 1–30 亿元, a few over 100.
      investment_total_yi: disclosed ? Math.round(Math.exp(random() * 5.5 - 1) * 10) / 10 : null,
      investment_2023_yi: null,
      address: null,
      source: SYNTHETIC_SOURCE,
      as_of: '2023-12',
      note: 'SYNTHETIC — generated for tests and benchmarks',
      key_level: null,
      other_names: null,
      site: mapped
        ? geometry
          ? { project_id: id, feature: i, geometry, lon: representativePoint(geometry)[0], lat: representativePoint(geometry)[1], accuracy_m: 50, place: null, confidence: null, evidence: 'synthetic' }
          : { project_id: id, feature: i, lon: Math.round(lon * 1e6) / 1e6, lat: Math.round(lat * 1e6) / 1e6, accuracy_m: 50, place: null, confidence: null, evidence: 'synthetic' }
        : null,
    });
  }
  return projects;
}

function bbox(f: Feature<Polygon | MultiPolygon>): [number, number, number, number] {
  const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of polys.flat()) {
    for (const [x, y] of ring as number[][]) {
      w = Math.min(w, x!);
      e = Math.max(e, x!);
      s = Math.min(s, y!);
      n = Math.max(n, y!);
    }
  }
  return [w, s, e, n];
}
