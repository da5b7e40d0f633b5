import { GeoJSONSource, type Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { LAYER, PIN_LAYERS, SOURCE } from './ids.ts';
import type { MapViewOptions } from './map_view.ts';
import { CLUSTER_MAX_ZOOM } from './style.ts';

// What a person does on the map: points at and clicks pins and clusters, and moves it (map_view.ts wires these up).

export const prefersReducedMotion = (): boolean => globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

/**
 * Clicks and hovers on pins, lines, areas and clusters: a project's ledger index to `options`, the hover ring
 * through `showHover`, a cluster opened (eased to with `byApp`, the event data of moves the app makes for a person).
 */
export function wirePointer(
  map: MapLibreMap,
  options: Pick<MapViewOptions, 'onProjectClick' | 'onProjectHover' | 'onEmptyClick' | 'coveredTop'>,
  showHover: (hover: FeatureCollection) => void,
  byApp: object,
): void {
  for (const layer of PIN_LAYERS) {
    map.on('click', layer, (e) => {
      const index = e.features?.[0]?.id;
      if (typeof index === 'number') options.onProjectClick?.(index);
    });
    map.on('mousemove', layer, (e) => {
      map.getCanvas().style.cursor = 'pointer';
      const f = e.features?.[0];
      if (typeof f?.id === 'number') options.onProjectHover?.(f.id, { x: e.point.x, y: e.point.y });
      if (f?.geometry.type === 'Point') {
        showHover({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: f.geometry }] });
      }
    });
    map.on('mouseleave', layer, () => {
      map.getCanvas().style.cursor = '';
      options.onProjectHover?.(null, null);
      showHover({ type: 'FeatureCollection', features: [] });
    });
  }
  // A click that hit no pin or cluster: the layers' own handlers above ran for those that did.
  map.on('click', (e) => {
    const layers = [...PIN_LAYERS, LAYER.clusters].filter((l) => map.getLayer(l));
    if (!map.queryRenderedFeatures(e.point, { layers }).length) options.onEmptyClick?.();
  });
  map.on('click', LAYER.clusters, async (e) => {
    const feature = e.features?.[0];
    const clusterId = feature?.properties?.['cluster_id'];
    if (typeof clusterId !== 'number' || feature?.geometry.type !== 'Point') return;
    const source = map.getSource(SOURCE.projects);
    // Clusters cut into tiles carry no index to ask: two zoom levels in splits most of them.
    const zoom = source instanceof GeoJSONSource ? await source.getClusterExpansionZoom(clusterId) : Math.min(map.getZoom() + 2, CLUSTER_MAX_ZOOM + 1);
    // The pins it opens into land in the part of the map nothing covers.
    const covered = options.coveredTop?.() ?? 0;
    map.easeTo({ center: feature.geometry.coordinates as [number, number], zoom, offset: [0, covered / 2], animate: !prefersReducedMotion() }, byApp);
  });
  map.on('mouseenter', LAYER.clusters, () => (map.getCanvas().style.cursor = 'pointer'));
  map.on('mouseleave', LAYER.clusters, () => (map.getCanvas().style.cursor = ''));
}

/**
 * Calls `onMoveEnd` after each move a person made (or the app made for them), from the first idle on: the initial fit
 * is the default view, not a view worth a link, and a resize of the page is no one's move.
 * A wheel zoom's camera events carry no originalEvent at all (only the map's own 'wheel' event does), and a
 * pinch eases on after the fingers lift: a move counts as a person's when it starts within half a second of
 * their wheel, touch, pointer or key, or when any of its events carries one (or the app moved for them).
 */
export function trackPersonMoves(map: MapLibreMap, container: HTMLElement, idle: Promise<void>, onMoveEnd: () => void): void {
  type MoveEvent = { originalEvent?: Event; byApp?: boolean };
  const INPUT_WINDOW_MS = 500;
  let inputAt = -Infinity;
  let byPerson = false;
  const input = () => (inputAt = performance.now());
  for (const type of ['wheel', 'mousedown', 'touchstart'] as const) map.on(type, input);
  container.addEventListener('keydown', input);
  void idle.then(() => {
    map.on('movestart', (e: MoveEvent) => {
      byPerson = Boolean(e.originalEvent || e.byApp) || performance.now() - inputAt < INPUT_WINDOW_MS;
    });
    map.on('move', (e: MoveEvent) => {
      if (e.originalEvent) byPerson = true;
    });
    map.on('moveend', (e: MoveEvent) => {
      if (byPerson || e.originalEvent || e.byApp) onMoveEnd();
      byPerson = false;
    });
  });
}
