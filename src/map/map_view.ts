import {
  addProtocol,
  AttributionControl,
  FullscreenControl,
  GeoJSONSource,
  Map as MapLibreMap,
  NavigationControl,
  prewarm,
  ScaleControl,
  setWorkerUrl,
  type LngLatBoundsLike,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { FeatureCollection } from 'geojson';
import type { View } from '../core/url_state.ts';
import { LOCAL_FONTS } from './fonts.ts';
import { SOURCE } from './ids.ts';
import { pinDiff } from './project_features.ts';
import { showWhenDrawn } from './first_frame.ts';
import { HomeControl } from './home_control.ts';
import { prefersReducedMotion, trackPersonMoves, wirePointer } from './map_input.ts';
import { LOCALISED_BUTTONS } from './locale.ts';
import { SchematicNoteControl } from './schematic_note.ts';
import { BASE_PARTS, BASE_SOURCES, baseCollection, type BasePart } from './base_source.ts';
import { buildStyle, OPTIONAL_SOURCES, type OptionalSource, type StyleData, type StyleOptions } from './style.ts';
import { keepGeoJsonSources, layerPropertyChanges } from './style_changes.ts';

// Vite cannot see the worker URL MapLibre computes at run time; without this a built page never loads.
// Absolute against this module: under `npm start` the URL is root-relative (/node_modules/…), which an element
// on another origin's page would resolve against that page.
const WORKER_URL = new URL(workerUrl, import.meta.url).href;
setWorkerUrl(WORKER_URL);

/** A map not loaded after this long is checked for a worker script that did not load (ms). */
const WORKER_CHECK_MS = 4000;


export interface MapViewOptions {
  container: HTMLElement;
  data: StyleData;
  style: StyleOptions;
  /** Where to start: a saved view, else these bounds. */
  view: View | null;
  bounds: LngLatBoundsLike;
  note: { badge: string; text: string };
  /** Inside a foreign page: ctrl/⌘ + scroll to zoom, two fingers to pan. */
  cooperativeGestures?: boolean;
  /** Which controls to add (default: all). */
  controls?: { zoom?: boolean; fullscreen?: boolean; scale?: boolean };
  /** Where ⌂ (whole district) takes the map; no ⌂ without it. */
  home?: LngLatBoundsLike;
  /** What the full-screen button enlarges (default: the map's container). */
  fullscreenContainer?: HTMLElement;
  /** UI strings MapLibre shows itself (cooperative-gesture hints, control titles). */
  locale?: Record<string, string>;
  interactive?: boolean;
  /** A project's pin, line or area was clicked: its ledger index (the feature's id). */
  onProjectClick?: (index: number) => void;
  /** The pointer is over a project's pin, line or area (`null`: it left them), at this point of the map. */
  onProjectHover?: (index: number | null, at: { x: number; y: number } | null) => void;
  /** Pixels at the top of the map hidden by something (a phone's card, across the map's top): a cluster opens below it. */
  coveredTop?: () => number;
  /** A click on the map that hit no pin or cluster (closes the card). */
  onEmptyClick?: () => void;
  /** After the user (or code) moved the map. */
  onMoveEnd?: (view: View) => void;
  /** A basemap tile failed; called once per basemap choice. */
  onTileError?: () => void;
  /** MapLibre's worker script could not load: the map stays blank until the page is reloaded. */
  onWorkerFailure?: () => void;
}

/** Pixels of the map covered by something over it, on the right or at the top. */
export interface Covered {
  right?: number;
  top?: number;
}

export interface MapView {
  /** `null` when the browser cannot draw maps (no WebGL): see noMapView. */
  readonly map: MapLibreMap | null;
  /** Resolves on the first `idle`: the style, data and labels are drawn. */
  readonly idle: Promise<void>;
  /** Replaces the data of the sources given (call with what really changed). */
  setData(data: Partial<StyleData>): void;
  /** Language, basemap or highlighted axis changed: the style is rebuilt and diffed. */
  setStyleOptions(style: StyleOptions): void;
  /**
   * New data and (when given) new style options at once, in the order that sends the least: into pin tiles the
   * style goes first (the pins are then not sent at all), out of them the data goes first (the style is rebuilt
   * from it).
   */
  update(changed: Partial<StyleData>, style?: StyleOptions): void;
  /** `right`: pixels on the right covered by something (the card): the bounds are fitted into the rest. */
  fitBounds(bounds: LngLatBoundsLike, covered?: Covered): void;
  /** `covered`: pixels on the right (the card on a desktop) or at the top (a phone's card): the target is centred in the rest. */
  flyTo(center: [number, number], zoom?: number, covered?: Covered): void;
  getView(): View;
  /** Another language on the running map: MapLibre's and our controls' texts, the map's accessible name, the note. */
  setLocale(locale: Record<string, string>, note: { badge: string; text: string }): void;
  /**
   * The map drawn at `scale` canvas pixels per CSS pixel (2: twice as sharp as a normal screen), copied out for a PNG
   * export; the map on screen returns to its own pixel ratio after. The scale drawn may be less than asked on a big
   * screen (MapLibre keeps the canvas within 4096 pixels): it is returned with the picture.
   */
  snapshot(scale: number): Promise<{ canvas: HTMLCanvasElement; scale: number }>;
  destroy(): void;
}

/** Event data marking camera moves the app makes on a person's request (see onMoveEnd). */
const BY_APP = { byApp: true };

let prewarmed = false;
/**
 * Starts MapLibre's workers before any map exists (they load their script and wait), so a page can fetch its
 * data meanwhile. Harmless where no map is ever drawn; once per page.
 */
export function prewarmMap(): void {
  if (prewarmed) return;
  prewarmed = true;
  prewarm();
}

let pmtilesReady: Promise<void> | null = null;
/** The pmtiles:// protocol, loaded only when a pmtiles basemap is used. */
export function ensurePmtiles(): Promise<void> {
  pmtilesReady ??= import('pmtiles').then(({ Protocol }) => {
    addProtocol('pmtiles', new Protocol().tile);
  });
  return pmtilesReady;
}

/** The one place that creates and talks to the MapLibre map. */
export function createMapView(options: MapViewOptions): MapView {
  let data = options.data;
  let style = options.style;
  // Marks for a trace and for bench/load.ts (the same names on the bare page): where a load's time goes.
  performance.mark('erqi:map');
  const map = new MapLibreMap({
    container: options.container,
    style: buildStyle(data, style),
    ...(options.view
      ? { center: options.view.center, zoom: options.view.zoom, bearing: options.view.bearing }
      : { bounds: options.bounds, fitBoundsOptions: { padding: 24 } }),
    localIdeographFontFamily: LOCAL_FONTS,
    // Labels appear at once: a 300 ms fade held the first idle and every filter's cluster counts (PERFORMANCE.md).
    fadeDuration: 0,
    // The style is the app's own, checked by the style specification in the tests (every theme, language, axis,
    // basemap and pin source: tests/core/style_programs.test.ts); not again at each load and style change.
    validateStyle: false,
    attributionControl: false,
    maxZoom: 18,
    minZoom: 7,
    cooperativeGestures: options.cooperativeGestures ?? false,
    interactive: options.interactive ?? true,
    ...(options.locale ? { locale: options.locale } : {}),
    // No preserveDrawingBuffer: it made the WebGL context 2–4× slower to create (PERFORMANCE.md, Session 11) and
    // costs a copy per frame; a snapshot draws the map once more and reads it in the same task instead.
  });
  const stopRevealWait = showWhenDrawn(map, options.container, style.theme.background);
  const controls = { zoom: true, fullscreen: true, scale: true, ...options.controls };
  if (controls.zoom) map.addControl(new NavigationControl({ showCompass: true, visualizePitch: false }), 'top-right');
  const home = options.home;
  if (home) map.addControl(new HomeControl(options.locale?.['HomeControl.Title'] ?? 'Whole district', () => map.fitBounds(home, { padding: 24 }, BY_APP)), 'top-right');
  if (controls.fullscreen) {
    map.addControl(new FullscreenControl(options.fullscreenContainer ? { container: options.fullscreenContainer } : {}), 'top-right');
  }
  if (controls.scale) map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-right');
  map.addControl(new AttributionControl({ compact: true }), 'bottom-right');
  const note = new SchematicNoteControl(options.note.badge, options.note.text);
  map.addControl(note);

  /** The ring around the pin under the pointer. */
  const showHover = (hover: FeatureCollection) => {
    data = { ...data, hover };
    setOptional(SOURCE.hover, hover);
  };
  wirePointer(map, options, showHover, BY_APP);

  let tileErrorReported = false;
  let workerFailureReported = false;
  map.on('error', (e) => {
    const sourceId = (e as { sourceId?: string }).sourceId;
    if (sourceId?.startsWith('basemap-')) {
      if (!tileErrorReported) options.onTileError?.();
      tileErrorReported = true;
      return;
    }
    // A static folder of pin tiles holds only tiles with something in them: a missing one is an empty one.
    if (sourceId === SOURCE.projects && (e.error as { status?: number } | undefined)?.status === 404) return;
    if (/worker/i.test(String((e.error as Error | undefined)?.message)) && !workerFailureReported) {
      workerFailureReported = true;
      options.onWorkerFailure?.();
    }
    console.error(e.error);
  });

  /**
   * An optional source (style.ts OPTIONAL_SOURCES) left out of the style while it had nothing to draw, added with
   * its layers in their places once it has. Before the style has loaded, or while a new one loads, it waits for it.
   */
  const waiting = new Set<OptionalSource>();
  /** An optional source's new data: set on the source, or the source added once it has something to draw. */
  const setOptional = (id: OptionalSource, value: FeatureCollection) => {
    const source = map.getSource(id) as GeoJSONSource | undefined;
    if (source) source.setData(value);
    else if (value.features.length) addLeftOut(id);
  };
  const addLeftOut = (id: OptionalSource) => {
    if (map.getSource(id)) return;
    const full = buildStyle(data, style);
    const spec = full.sources[id];
    if (!spec) return; // nothing to draw after all
    try {
      map.addSource(id, spec);
    } catch {
      // "Style is not done loading": once it has, it is built from the data then (or this adds it).
      if (!waiting.size) map.once('style.load', () => [...waiting].forEach((w) => (waiting.delete(w), addLeftOut(w))));
      waiting.add(id);
      return;
    }
    full.layers.forEach((layer, k) => {
      if (!('source' in layer) || layer.source !== id) return;
      const before = full.layers.slice(k + 1).find((next) => map.getLayer(next.id));
      map.addLayer(layer, before?.id);
    });
  };

  const getView = (): View => {
    const c = map.getCenter();
    return { center: [c.lng, c.lat], zoom: map.getZoom(), bearing: map.getBearing() };
  };
  map.once('load', () => performance.mark('erqi:map-load'));
  const idle = new Promise<void>((resolve) =>
    map.once('idle', () => {
      performance.mark('erqi:map-idle');
      resolve();
    }),
  );
  // MapLibre's workers start before the map (prewarmMap): when their script fails to load, the map never
  // loads and says nothing to it. A map still not loaded after a few seconds asks whether the script is there.
  const workerCheck = setTimeout(() => {
    if (map.loaded()) return;
    void fetch(WORKER_URL, { method: 'HEAD' })
      .then((r) => r.ok, () => false)
      .then((ok) => {
        if (!ok && !workerFailureReported) {
          workerFailureReported = true;
          options.onWorkerFailure?.();
        }
      });
  }, WORKER_CHECK_MS);
  map.once('load', () => clearTimeout(workerCheck));
  trackPersonMoves(map, options.container, idle, () => options.onMoveEnd?.(getView()));

  return {
    map,
    idle,
    getView,
    setData(changed) {
      const before = data;
      data = { ...data, ...changed };
      // The fixed parts are two sources: any part changed (the corridors, at a new width) sends its source again.
      for (const s of BASE_SOURCES) if (s.parts.some((part) => part in changed)) (map.getSource(s.id) as GeoJSONSource | undefined)?.setData(baseCollection(data, s.parts));
      for (const [key, value] of Object.entries(changed)) {
        if (BASE_PARTS.includes(key as BasePart)) continue;
        // Pins drawn from tiles are not sent: the data waits for the style to come back to GeoJSON.
        if ((key === 'projects' || key === 'shapes') && style.pinTiles) continue;
        if ((OPTIONAL_SOURCES as readonly string[]).includes(key)) {
          setOptional(key as OptionalSource, value);
          continue;
        }
        const source = map.getSource(SOURCE[key as keyof typeof SOURCE]) as GeoJSONSource | undefined;
        const diff = key === 'projects' ? pinDiff(before.projects, value) : null;
        if (diff) void source?.updateData(diff);
        else source?.setData(value);
      }
    },
    update(changed, next) {
      if (next?.pinTiles) this.setStyleOptions(next);
      this.setData(changed);
      if (next && !next.pinTiles) this.setStyleOptions(next);
    },
    setStyleOptions(next) {
      if (next.basemap !== style.basemap) tileErrorReported = false;
      const before = style;
      style = next;
      options.container.style.backgroundColor = next.theme.background;
      // Another language or highlighted axis changes a few layer properties: set just those (a style diff would
      // serialise and compare every pin). Property by property, as the diff itself would send them.
      const changes = layerPropertyChanges(buildStyle(data, before), buildStyle(data, next));
      if (changes) {
        try {
          for (const c of changes) {
            if (c.kind === 'layout') map.setLayoutProperty(c.layer, c.name as never, c.value as never);
            else map.setPaintProperty(c.layer, c.name as never, c.value as never);
          }
          return;
        } catch {
          // The style is still loading (or a layer is missing): the whole style, diffed, as for any other change.
        }
      }
      const apply = () => map.setStyle(buildStyle(data, style), { diff: true, transformStyle: keepGeoJsonSources });
      if (next.basemap.some((s) => s.url?.startsWith('pmtiles://'))) void ensurePmtiles().then(apply);
      else apply();
    },
    fitBounds(bounds, { right = 0, top = 0 } = {}) {
      map.fitBounds(bounds, { padding: { top: 40 + top, bottom: 40, left: 40, right: 40 + right }, animate: !prefersReducedMotion(), maxZoom: 15 }, BY_APP);
    },
    flyTo(center, zoom, { right = 0, top = 0 } = {}) {
      // An offset, not padding: MapLibre keeps a flight's padding for every later camera move (and the URL's centre).
      const target = { center, zoom: Math.max(zoom ?? map.getZoom(), 14) };
      const offset: [number, number] = [-right / 2, top / 2];
      if (prefersReducedMotion()) map.easeTo({ ...target, offset, duration: 0 }, BY_APP);
      else map.flyTo({ ...target, offset, duration: 800 }, BY_APP);
    },
    setLocale(locale, text) {
      // MapLibre reads its texts from this table when a control redraws (the fullscreen button's title on toggle,
      // the scale's units on a move); it has no setter, so the table is updated in place.
      const table = (map as unknown as { _locale?: Record<string, string> })._locale;
      if (table && typeof table === 'object') Object.assign(table, locale);
      const container = map.getContainer();
      for (const [selector, key] of LOCALISED_BUTTONS) {
        const label = locale[key];
        if (!label) continue;
        for (const b of container.querySelectorAll<HTMLElement>(selector)) {
          b.title = label;
          b.setAttribute('aria-label', label);
        }
      }
      if (locale['Map.Title']) map.getCanvas().setAttribute('aria-label', locale['Map.Title']);
      note.setText(text.badge, text.text);
      map.triggerRepaint();
    },
    async snapshot(scale) {
      const drawn = () =>
        new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 10_000); // a tile that never comes does not hold the export forever
          map.once('idle', () => {
            clearTimeout(timer);
            resolve();
          });
          map.triggerRepaint();
        });
      map.setPixelRatio(scale);
      try {
        await drawn();
        // Drawn now, synchronously: the drawing buffer holds this frame until the task ends.
        map.redraw();
        const source = map.getCanvas();
        const copy = document.createElement('canvas');
        copy.width = source.width;
        copy.height = source.height;
        copy.getContext('2d')!.drawImage(source, 0, 0);
        return { canvas: copy, scale: copy.width / map.getContainer().clientWidth };
      } finally {
        map.setPixelRatio(null as unknown as number); // back to the screen's own ratio (null: MapLibre's "no override")
      }
    },
    destroy() {
      clearTimeout(workerCheck);
      stopRevealWait();
      map.remove();
    },
  };
}

/**
 * Stands in for the map where the browser has no WebGL: every verb does nothing, so the figures, filters,
 * list and cards keep working around it.
 */
export function noMapView(): MapView {
  return {
    map: null,
    idle: Promise.resolve(),
    setData() {},
    setStyleOptions() {},
    update() {},
    fitBounds() {},
    flyTo() {},
    getView: () => ({ center: [113.6, 34.7], zoom: 11, bearing: 0 }),
    setLocale() {},
    snapshot() {
      return Promise.reject(new Error('no map to export: WebGL is unavailable'));
    },
    destroy() {},
  };
}
