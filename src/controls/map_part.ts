import { EMPTY_FC } from '../app/derive.ts';
import { ERQI_BOUNDS } from '../core/bounds.ts';
import type { AxisId, Lang, MappedProject } from '../core/model.ts';
import type { UrlState } from '../core/url_state.ts';
import { mapLocale } from '../map/locale.ts';
import { createMapView, noMapView, type MapView, type MapViewOptions } from '../map/map_view.ts';
import { pinTilesFor, type PinTiles, type StyleOptions } from '../map/style.ts';
import { formatYi } from '../core/format.ts';
import { dataText, el } from '../ui/dom.ts';
import { statusLabel } from '../ui/labels.ts';
import { mapNote } from '../ui/labels.ts';
import { t } from '../ui/strings.ts';
import type { Control, ControlContext } from './control.ts';

/** What differs between the app's map and an embed's. */
export interface MapPartOptions {
  /** The map's container (placed by the page). */
  container: HTMLElement;
  /** The basemap's sources for a state (the app's custom hosts can change while it runs: see `restyle`). */
  basemap(s: UrlState): StyleOptions['basemap'];
  /** The axis drawn highlighted. */
  selectedAxis(s: UrlState): AxisId | null;
  pinTiles: PinTiles | null | undefined;
  /** MapLibre's own options: gestures, which controls, what full screen enlarges, failures. */
  map: Pick<MapViewOptions, 'cooperativeGestures' | 'interactive' | 'controls' | 'fullscreenContainer' | 'onTileError' | 'onWorkerFailure' | 'coveredTop'>;
  onProjectClick(id: string): void;
  onEmptyClick(): void;
  /** Where to say that this browser cannot draw maps (no WebGL); the rest of the page still works. */
  noWebgl(message: HTMLElement): void;
  /** The corridor bands for a width could not be made (their script chunk did not load). */
  corridorsFailed(e: Error): void;
  /**
   * The keyboard's way to the projects on the map (the full app: the List, where every pin is a row): offered by a
   * link that shows when tabbing into the map.
   */
  keyboardRoute?: () => void;
}

export interface MapPart extends Control {
  readonly view: MapView;
  /** Rebuilds the style now (e.g. after a tile host was allowed). */
  restyle(): void;
}

/** The map: pins, lines and areas for the filter and corridor width; the selection; the highlighted axis. */
export function mapPart({ bundle, model, store, theme }: ControlContext, options: MapPartOptions): MapPart {
  const initial = store.get();
  const styleOf = (s: UrlState): StyleOptions => ({
    theme,
    lang: s.lang,
    basemap: options.basemap(s),
    selectedAxis: options.selectedAxis(s),
    pinTiles: pinTilesFor(options.pinTiles, s),
  });
  /** Restyling rebuilds and diffs the whole style: only when what it is built from changed. */
  const sameStyle = (a: StyleOptions, b: StyleOptions) =>
    a.lang === b.lang && a.selectedAxis === b.selectedAxis && a.pinTiles === b.pinTiles && JSON.stringify(a.basemap) === JSON.stringify(b.basemap);
  let applied = styleOf(initial);
  /** The note over the map: what its geometry is, and the data date. */
  const noteOf = (lang: Lang) => ({ badge: t('schematicBadge', lang), text: `${mapNote(bundle, lang)} ${t('asOf', lang)} ${bundle.as_of}` });
  const first = model.derive(initial.filter, initial.corridor);
  // Where a link without a saved view starts: on its project, on its axis, or on the whole district.
  const site = initial.selection.kind === 'project' ? model.project(initial.selection.id)?.project.site : null;
  // A hover names the project under the pointer — name, stage, investment — before any click.
  const tip = el('div', { class: 'map-tip', role: 'tooltip', hidden: '' });
  options.container.append(tip);
  /** The pin under the pointer (a ledger in pages fetches its project's chunk first). */
  let hovered: number | null = null;
  const hideTip = () => {
    hovered = null;
    tip.hidden = true;
  };
  /** A pin's project, now or once its chunk is fetched (a ledger in pages: tiles name only the ledger index). */
  const withProject = (index: number, then: (p: MappedProject) => void) => {
    const p = model.projectAt(index);
    if (p) return then(p);
    void model.pages?.chunkAt(index).then(
      () => {
        const q = model.projectAt(index);
        if (q) then(q);
      },
      (e: Error) => console.warn(e.message),
    );
  };
  const showTip = (index: number, at: { x: number; y: number }) => {
    hovered = index;
    withProject(index, (p) => hovered === index && drawTip(p, at));
  };
  const drawTip = (p: MappedProject, at: { x: number; y: number }) => {
    const lang = store.get().lang;
    tip.replaceChildren(
      el('strong', {}, dataText(lang === 'zh' ? p.name_zh : (p.name_en ?? p.name_zh))),
      el('span', {}, `${statusLabel(p.status ?? 'unknown', lang)} · ${t('colInvestment', lang)} ${formatYi(p.investment_total_yi, lang)}`),
    );
    tip.hidden = false;
    // Beside the pointer, flipped to its left near the right edge.
    const right = at.x > options.container.clientWidth - 240;
    tip.style.left = `${right ? at.x - 12 : at.x + 14}px`;
    tip.style.top = `${at.y + 14}px`;
    tip.classList.toggle('flip', right);
  };
  const skip = options.keyboardRoute ? el('button', { type: 'button', class: 'map-skip', 'data-key': 'map-skip' }) : null;
  if (skip) {
    skip.addEventListener('click', options.keyboardRoute!);
    options.container.prepend(skip);
  }
  let view: MapView;
  try {
    view = createMapView({
      container: options.container,
      data: {
        context: bundle.context,
        district: bundle.district,
        zones: bundle.zones,
        corridors: initial.corridor === bundle.corridor_m ? bundle.corridors : EMPTY_FC,
        axes: bundle.axes,
        landmarks: bundle.landmarks,
        projects: first.pins(initial.lang),
        shapes: first.shapes,
        selection: model.selectionPoint(initial.selection),
      },
      style: applied,
      view: initial.view ?? (site ? { center: [site.lon, site.lat], zoom: 14, bearing: 0 } : null),
      bounds: initial.selection.kind === 'axis' ? model.axisBounds(initial.selection.id, initial.corridor) : ERQI_BOUNDS,
      note: noteOf(initial.lang),
      locale: mapLocale(initial.lang),
      home: ERQI_BOUNDS,
      ...options.map,
      // Pins carry their ledger index, not the project's id (every property is sent to MapLibre's worker).
      onProjectClick: (index) => {
        hideTip();
        withProject(index, (p) => options.onProjectClick(p.id));
      },
      onProjectHover: (index, at) => (index !== null && at ? showTip(index, at) : hideTip()),
      onEmptyClick: options.onEmptyClick,
      onMoveEnd: (v) => store.set({ view: v }, 'replace'),
    });
  } catch (e) {
    // No WebGL (old device, disabled GPU, locked-down browser): keep everything that does not need the map.
    console.warn(`map unavailable: ${(e as Error).message}`);
    view = noMapView();
    options.noWebgl(el('p', { class: 'no-webgl', role: 'alert' }, t('noWebgl', initial.lang)));
  }
  const showCorridors = (corridor: number) =>
    model.corridors(corridor).then((c) => {
      if (store.get().corridor === corridor) view.setData({ corridors: c });
    }, options.corridorsFailed);
  if (initial.corridor !== bundle.corridor_m) showCorridors(initial.corridor);

  let drawn = false;
  return {
    element: options.container,
    view,
    restyle() {
      applied = styleOf(store.get());
      view.update({}, applied);
    },
    update(s, changed) {
      // The map was built from the first state; a pan or zoom changes only `view`, which the map already shows.
      if (skip && changed('lang')) skip.textContent = t('mapKeyboardRoute', s.lang);
      if (!drawn) return void (drawn = true);
      if (!changed('lang', 'corridor', 'basemap', 'tiles', 'selection', 'filter')) return;
      const next = styleOf(s);
      const restyle = !sameStyle(next, applied);
      if (restyle) applied = next;
      // The pins are labelled in the language shown: another language sends them again (the lines and areas stay).
      const d = changed('filter', 'corridor', 'lang') ? model.derive(s.filter, s.corridor) : null;
      const shapes = changed('filter', 'corridor') ? { shapes: d!.shapes } : {};
      view.update(d ? { projects: d.pins(s.lang), ...shapes } : {}, restyle ? next : undefined);
      if (changed('corridor')) showCorridors(s.corridor);
      if (changed('selection')) view.setData({ selection: model.selectionPoint(s.selection) });
      if (changed('lang')) view.setLocale(mapLocale(s.lang), noteOf(s.lang));
    },
    destroy: () => view.destroy(),
  };
}
