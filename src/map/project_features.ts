import type { FeatureCollection, Point } from 'geojson';
import type { AxisId, MappedProject } from '../core/model.ts';
import { corridorsOf, type Placement } from '../core/placement.ts';

export interface ProjectPinProperties {
  id: string;
  name_zh: string;
  name_en: string;
  status: string;
  /** Nearest axis whose corridor contains the pin; `none` outside every corridor. */
  axis: AxisId | 'none';
  accuracy_m: number | null;
}

/** The pins: located projects only (the unmapped ones are listed, not drawn). */
export function projectPins(
  projects: readonly MappedProject[],
  placements: readonly Placement[],
  corridorM: number,
): FeatureCollection<Point, ProjectPinProperties> {
  const features: FeatureCollection<Point, ProjectPinProperties>['features'] = [];
  projects.forEach((p, i) => {
    if (!p.site) return;
    features.push({
      type: 'Feature',
      id: i,
      properties: {
        id: p.id,
        name_zh: p.name_zh,
        name_en: p.name_en ?? p.name_zh,
        status: p.status ?? 'unknown',
        axis: corridorsOf(placements[i]!, corridorM)[0] ?? 'none',
        accuracy_m: p.site.accuracy_m,
      },
      geometry: { type: 'Point', coordinates: [p.site.lon, p.site.lat] },
    });
  });
  return { type: 'FeatureCollection', features };
}
