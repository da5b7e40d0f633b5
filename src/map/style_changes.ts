import type { GeoJSONSourceSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';

/*
 * How a new style (style.ts buildStyle) reaches the running map: property by property when only layers' layout and
 * paint differ, else as a diff in which every GeoJSON source keeps the data the map already holds.
 */

/** One layer property to set on the running map (map.setLayoutProperty or map.setPaintProperty). */
export interface LayerPropertyChange {
  layer: string;
  kind: 'layout' | 'paint';
  name: string;
  value: unknown;
}

/**
 * What turns style `before` into `after` when only layers' layout and paint properties differ (another language,
 * another highlighted axis): the properties to set, layer by layer. `null` when anything else differs (sources,
 * which layers there are, their order, filters or zoom ranges): then the whole style is diffed. Setting a few
 * properties skips serialising and comparing every GeoJSON source's data, which a style diff does — at 50,000 pins
 * most of a language switch.
 */
export function layerPropertyChanges(before: StyleSpecification, after: StyleSpecification): LayerPropertyChange[] | null {
  const sourceIds = Object.keys(before.sources);
  if (sourceIds.join() !== Object.keys(after.sources).join()) return null;
  for (const id of sourceIds) {
    const [a, b] = [before.sources[id]!, after.sources[id]!];
    if (a.type !== b.type) return null;
    // GeoJSON data travels by setData and updateData; any other source must be the same.
    const { data: _a, ...restA } = a as GeoJSONSourceSpecification;
    const { data: _b, ...restB } = b as GeoJSONSourceSpecification;
    if (JSON.stringify(restA) !== JSON.stringify(restB)) return null;
  }
  if (before.layers.length !== after.layers.length) return null;
  const changes: LayerPropertyChange[] = [];
  for (let i = 0; i < before.layers.length; i++) {
    const a = before.layers[i] as LayerSpecification & { layout?: Record<string, unknown>; paint?: Record<string, unknown> };
    const b = after.layers[i] as typeof a;
    const { layout: la = {}, paint: pa = {}, ...restA } = a;
    const { layout: lb = {}, paint: pb = {}, ...restB } = b;
    if (JSON.stringify(restA) !== JSON.stringify(restB)) return null;
    for (const [kind, x, y] of [['layout', la, lb], ['paint', pa, pb]] as const) {
      for (const name of new Set([...Object.keys(x), ...Object.keys(y)])) {
        if (JSON.stringify(x[name]) !== JSON.stringify(y[name])) changes.push({ layer: b.id, kind, name, value: y[name] });
      }
    }
  }
  return changes;
}

/**
 * For a style change (language, basemap, highlighted axis): every GeoJSON source keeps what the map already holds.
 * Their data reaches the map through setData and updateData as it changes, so the style diff has nothing to send;
 * left to compare, it would find the pins' order changed by a diff and send tens of thousands of them again.
 * A source that changes kind (pins from tiles ↔ from data) is taken from the new style.
 */
export function keepGeoJsonSources(previous: StyleSpecification | undefined, next: StyleSpecification): StyleSpecification {
  if (!previous) return next;
  const sources = { ...next.sources };
  for (const [id, source] of Object.entries(sources)) {
    const held = previous.sources[id];
    if (source.type === 'geojson' && held?.type === 'geojson') sources[id] = held;
  }
  return { ...next, sources };
}
