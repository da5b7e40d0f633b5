/**
 * Fewer shader programs at load. MapLibre links one WebGL program per layer type and per way each paint property
 * is given: a constant or a zoom curve (a uniform), a value per feature (an attribute), or per feature and zoom (a
 * pair of attributes). A fill with a constant colour and a fill coloured by zone need two programs; on software
 * WebGL each costs 20–60 ms to link, on the main thread, before the first frame (PERFORMANCE.md). Giving each such
 * property the same way in every layer of a type lets all of them share one program.
 */
import type { LayerSpecification } from 'maplibre-gl';
import { TRANSPARENT } from './theme.ts';

type Way = 'feature' | 'zoomFeature';
type Paint = Record<string, unknown>;

/**
 * How each layer type's properties are given, and the value a layer that leaves one out has (the style
 * specification's default). `line-dasharray` is lifted only where a layer has one (dashed lines are another
 * program whatever else is done).
 */
const SHARED: Partial<Record<LayerSpecification['type'], Record<string, { way: Way; otherwise: unknown }>>> = {
  fill: { 'fill-color': { way: 'feature', otherwise: TRANSPARENT }, 'fill-opacity': { way: 'feature', otherwise: 1 } },
  line: {
    'line-color': { way: 'feature', otherwise: TRANSPARENT },
    'line-opacity': { way: 'feature', otherwise: 1 },
    'line-width': { way: 'zoomFeature', otherwise: 1 },
  },
  circle: {
    'circle-color': { way: 'feature', otherwise: TRANSPARENT },
    'circle-radius': { way: 'zoomFeature', otherwise: 5 },
    'circle-stroke-color': { way: 'feature', otherwise: TRANSPARENT },
    'circle-stroke-width': { way: 'feature', otherwise: 0 },
  },
  symbol: { 'text-color': { way: 'feature', otherwise: TRANSPARENT } },
};

/** Operators whose value depends on the feature (the style specification's feature-dependent expressions). */
const FEATURE_OPERATORS = new Set(['get', 'has', 'id', 'properties', 'geometry-type', 'feature-state', 'accumulated', 'line-progress']);

function uses(value: unknown, test: (operator: string) => boolean): boolean {
  if (!Array.isArray(value)) return false;
  if (value[0] === 'literal') return false;
  if (typeof value[0] === 'string' && test(value[0])) return true;
  return value.some((v) => uses(v, test));
}
const byFeature = (v: unknown) => uses(v, (op) => FEATURE_OPERATORS.has(op));
const byZoom = (v: unknown) => uses(v, (op) => op === 'zoom');

/** The same value, read per feature: both branches alike, so only the way it is given changes. */
const perFeature = (value: unknown): unknown => {
  if (byFeature(value)) return value;
  const v = Array.isArray(value) && typeof value[0] !== 'string' ? ['literal', value] : value;
  return ['case', ['has', '_'], v, v];
};

/** A zoom curve's stops, each read per feature; anything else, the same at every zoom. */
function perFeatureAndZoom(value: unknown): unknown {
  if (byFeature(value) && byZoom(value)) return value;
  if (Array.isArray(value) && (value[0] === 'interpolate' || value[0] === 'step') && byZoom(value)) {
    // ['interpolate', kind, ['zoom'], z, out, …] / ['step', ['zoom'], out, z, out, …]: the outputs sit after each stop.
    const first = value[0] === 'interpolate' ? 3 : 2;
    const stepOut = value[0] === 'step';
    return value.map((v, i) => (i >= first && (stepOut ? (i - first) % 2 === 0 : (i - first) % 2 === 1) ? perFeature(v) : v));
  }
  if (byZoom(value)) throw new Error(`shared_programs: a zoom expression that is not a curve: ${JSON.stringify(value)}`);
  const v = perFeature(value);
  return ['interpolate', ['linear'], ['zoom'], 0, v, 24, v];
}

/** The layers with their shared properties given per feature (and zoom), as SHARED says; nothing they draw changes. */
export function sharePrograms(layers: LayerSpecification[]): LayerSpecification[] {
  return layers.map((layer) => {
    const shared = SHARED[layer.type];
    if (!shared) return layer;
    const paint: Paint = { ...((layer as { paint?: Paint }).paint ?? {}) };
    for (const [property, { way, otherwise }] of Object.entries(shared)) {
      const value = paint[property] ?? otherwise;
      paint[property] = way === 'feature' ? perFeature(value) : perFeatureAndZoom(value);
    }
    if (paint['line-dasharray'] !== undefined) paint['line-dasharray'] = perFeature(paint['line-dasharray']);
    return { ...layer, paint } as LayerSpecification;
  });
}
