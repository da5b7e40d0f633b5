import { AttributionControl, Map as MapLibreMap, NavigationControl, Popup, ScaleControl, setWorkerUrl, type GeoJSONSource } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { FeatureCollection } from 'geojson';
import { ERQI_BOUNDS } from '../core/bounds.ts';
import type { Lang } from '../core/model.ts';
import { CLICKABLE_LAYERS, SOURCE } from './ids.ts';
import { SchematicNoteControl } from './schematic_note.ts';
import { buildStyle, type StyleData } from './style.ts';
import type { Theme } from './theme.ts';

// Vite cannot see the worker URL MapLibre computes at run time; without this a built page never loads.
setWorkerUrl(workerUrl);

/** CSS font stack for Han characters, drawn locally (no glyph server). */
const LOCAL_FONTS = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

export interface MapViewOptions {
  container: HTMLElement;
  data: StyleData;
  theme: Theme;
  lang: Lang;
  /** Schematic note: a short badge and a sentence. */
  note: { badge: string; text: string };
  /** Called with a pin's project id when it is clicked. */
  onProjectClick?: (id: string, lngLat: [number, number]) => void;
}

export interface MapView {
  readonly map: MapLibreMap;
  /** Resolves on the first `idle`: the style, data and labels are drawn. */
  readonly idle: Promise<void>;
  /** Replaces one source's data (only call it when the data really changed). */
  setData(source: keyof typeof SOURCE, data: FeatureCollection): void;
  showPopup(lngLat: [number, number], content: Node): void;
  destroy(): void;
}

/** The one place that creates and talks to the MapLibre map. */
export function createMapView(options: MapViewOptions): MapView {
  const map = new MapLibreMap({
    container: options.container,
    style: buildStyle(options.data, options.theme, options.lang),
    bounds: ERQI_BOUNDS,
    fitBoundsOptions: { padding: 24 },
    localIdeographFontFamily: LOCAL_FONTS,
    attributionControl: false,
    maxZoom: 17,
    minZoom: 8,
  });
  map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-right');
  map.addControl(new AttributionControl({ compact: true }), 'bottom-right');
  map.addControl(new SchematicNoteControl(options.note.badge, options.note.text));

  for (const layer of CLICKABLE_LAYERS) {
    map.on('click', layer, (e) => {
      const f = e.features?.[0];
      const id = f?.properties?.['id'];
      if (typeof id === 'string' && f?.geometry.type === 'Point') {
        options.onProjectClick?.(id, f.geometry.coordinates as [number, number]);
      }
    });
    map.on('mouseenter', layer, () => (map.getCanvas().style.cursor = 'pointer'));
    map.on('mouseleave', layer, () => (map.getCanvas().style.cursor = ''));
  }

  const idle = new Promise<void>((resolve) => map.once('idle', () => resolve()));
  let popup: Popup | null = null;

  return {
    map,
    idle,
    setData(source, data) {
      (map.getSource(SOURCE[source]) as GeoJSONSource | undefined)?.setData(data);
    },
    showPopup(lngLat, content) {
      popup?.remove();
      popup = new Popup({ maxWidth: '300px' }).setLngLat(lngLat).setDOMContent(content).addTo(map);
    },
    destroy() {
      popup?.remove();
      map.remove();
    },
  };
}
