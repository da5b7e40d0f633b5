import type { FeatureCollection, Point } from 'geojson';
import type { AxisId, MappedProject } from '../core/model.ts';
import { corridorsOf, type Placement } from '../core/placement.ts';
import { stageOf, type Stage } from './icons.ts';

export interface ProjectPinProperties {
  id: string;
  name_zh: string;
  name_en: string;
  /** The pin's shape (see icons.ts). */
  stage: Stage;
  /** Nearest axis whose corridor contains the pin; `none` outside every corridor. */
  axis: AxisId | 'none';
}

/**
 * The pins: located projects among `indices` (the current filter; all when omitted). The unmapped ones
 * are listed, not drawn.
 */
export function projectPins(
  projects: readonly MappedProject[],
  placements: readonly Placement[],
  corridorM: number,
  indices?: readonly number[],
): FeatureCollection<Point, ProjectPinProperties> {
  const features: FeatureCollection<Point, ProjectPinProperties>['features'] = [];
  for (const i of indices ?? projects.keys()) {
    const p = projects[i]!;
    if (!p.site) continue;
    features.push({
      type: 'Feature',
      id: i,
      properties: {
        id: p.id,
        name_zh: p.name_zh,
        name_en: p.name_en ?? p.name_zh,
        stage: stageOf(p.status),
        axis: corridorsOf(placements[i]!, corridorM)[0] ?? 'none',
      },
      geometry: { type: 'Point', coordinates: [p.site.lon, p.site.lat] },
    });
  }
  return { type: 'FeatureCollection', features };
}
