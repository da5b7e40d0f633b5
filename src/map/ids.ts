/** Source and layer ids: named once, used by the style builder, the map wrapper and the tests. */
export const SOURCE = {
  /**
   * The map's fixed parts as two sources, each feature tagged with its part (base_source.ts BASE_SOURCES): `base`
   * holds the corridors, axes and landmarks; `outlines` the context districts, the district and the zones, cut no
   * finer than zoom 9.
   */
  base: 'base',
  outlines: 'outlines',
  /** Parts of `base`: a layer naming one is drawn from base, filtered to that part (base_source.ts onBase). */
  context: 'context',
  district: 'district',
  zones: 'zones',
  corridors: 'corridors',
  axes: 'axes',
  projects: 'projects',
  /** Lines and areas of the filtered projects (their pins are in `projects`). */
  shapes: 'shapes',
  landmarks: 'landmarks',
  /** The selected project, drawn above everything even when its pin is inside a cluster. */
  selection: 'selection',
  /** The pin under the pointer (the map's own state: not in the URL). */
  hover: 'hover',
} as const;

/** Raster basemap sources are `basemap-0`, `basemap-1`, … */
export const basemapSourceId = (i: number): string => `basemap-${i}`;

export const LAYER = {
  background: 'background',
  contextFill: 'context-fill',
  contextLine: 'context-line',
  contextLabel: 'context-label',
  districtFill: 'district-fill',
  zonesFill: 'zones-fill',
  zonesLine: 'zones-line',
  zonesLabel: 'zones-label',
  districtLine: 'district-line',
  corridorsFill: 'corridors-fill',
  corridorsLine: 'corridors-line',
  axesCasing: 'axes-casing',
  axesLine: 'axes-line',
  axesLabel: 'axes-label',
  landmarksCircle: 'landmarks-circle',
  landmarksLabel: 'landmarks-label',
  shapesFill: 'shapes-fill',
  shapesLine: 'shapes-line',
  shapesPoint: 'shapes-point',
  clusters: 'clusters',
  clusterCount: 'cluster-count',
  projectsPin: 'projects-pin',
  projectsDot: 'projects-dot',
  projectsLabel: 'projects-label',
  selectionHalo: 'selection-halo',
  selectionShape: 'selection-shape',
  hoverHalo: 'hover-halo',
} as const;

/** Layers whose features open a card when clicked. */
export const PIN_LAYERS = [LAYER.projectsPin, LAYER.shapesPoint, LAYER.shapesLine, LAYER.shapesFill] as const;
