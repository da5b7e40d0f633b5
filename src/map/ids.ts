/** Source and layer ids: named once, used by the style builder, the map wrapper and the tests. */
export const SOURCE = {
  context: 'context',
  district: 'district',
  zones: 'zones',
  corridors: 'corridors',
  axes: 'axes',
  projects: 'projects',
  landmarks: 'landmarks',
} as const;

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
  projectsCircle: 'projects-circle',
  projectsLabel: 'projects-label',
} as const;

/** Layers a click or hover picks features from. */
export const CLICKABLE_LAYERS = [LAYER.projectsCircle] as const;
