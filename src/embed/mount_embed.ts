import { DataModel, EMPTY_FC } from '../app/derive.ts';
import { createStore } from '../app/store.ts';
import type { DataBundle } from '../core/bundle.ts';
import type { EmbedOptions } from '../core/embed_options.ts';
import { EMPTY_FILTER, parseFilterPatch, type Filter } from '../core/facets.ts';
import { formatCount, formatYi } from '../core/format.ts';
import type { MapEvent } from '../core/messages.ts';
import type { AxisId } from '../core/model.ts';
import { ERQI_BOUNDS } from '../core/bounds.ts';
import type { UrlState } from '../core/url_state.ts';
import { basemapSources, customTilesAllowed, customTilesHost, type MapConfig } from '../map/basemaps.ts';
import { mapLocale } from '../map/locale.ts';
import { createMapView, noMapView, type MapView } from '../map/map_view.ts';
import { pinTilesFor, type PinTiles, type StyleOptions } from '../map/style.ts';
import { axisColour, DARK, LIGHT, themeFor } from '../map/theme.ts';
import { renderAxisPanel } from '../ui/axis_panel.ts';
import { el } from '../ui/dom.ts';
import { renderLegend } from '../ui/legend.ts';
import { renderProjectCard } from '../ui/project_card.ts';
import { createSearchBox } from '../ui/search_box.ts';
import { t } from '../ui/strings.ts';

/** What a host page can do with an embedded map: the element's methods and the iframe's commands. */
export interface EmbedHandle {
  readonly ready: Promise<void>;
  readonly view: MapView;
  /** Opens a project's card (null closes it). false when there is no such project. */
  selectProject(id: string | null): boolean;
  /** Highlights an axis and fits the map to its corridor (null clears); false for an unknown axis. */
  focusAxis(id: AxisId | null): boolean;
  /**
   * Replaces the given facets; the others stay. A malformed filter (checked by the facets' schema, as the URL
   * and host commands are) is refused with a console warning naming each field, and nothing changes: false.
   */
  setFilters(filter: Partial<Filter>): boolean;
  fitDistrict(): void;
  getState(): UrlState;
  destroy(): void;
}

export interface EmbedHooks {
  emit(event: MapEvent): void;
  /** The full app's address for a state (the "open the full map" link). */
  fullMapUrl(state: UrlState): string;
  /** Pin tiles checked against this data (see load_bundle.ts loadPinTiles); as in the app. */
  pinTiles?: PinTiles | null;
}


/** A chrome-light map for a foreign page: map, optional figures, card; no header, no tabs. */
export function mountEmbed(
  root: HTMLElement,
  bundle: DataBundle,
  config: MapConfig,
  initial: UrlState,
  options: EmbedOptions,
  hooks: EmbedHooks,
): EmbedHandle {
  const model = new DataModel(bundle);
  if (initial.basemap === 'custom' && initial.tiles && !customTilesAllowed(initial.tiles, config)) {
    const host = customTilesHost(initial.tiles);
    console.warn(`erqi-axis-map: custom tiles ignored: ${'host' in host ? `${host.host} is not in config.json's tileHosts` : host.error}`);
  }
  const theme = themeFor(options.theme === 'dark' ? DARK : LIGHT, model.layout);
  const start: UrlState = options.zone ? { ...initial, filter: { ...initial.filter, zones: [options.zone] } } : initial;
  const store = createStore<UrlState>(start);
  const { axisNames, zoneNames } = model;
  const lang = start.lang;
  const has = (c: EmbedOptions['controls'][number]) => options.controls.includes(c);

  const mapEl = el('div', { class: 'embed-map' });
  const cardSlot = el('div', { class: 'card-slot' });
  const legendSlot = el('div', { class: 'legend-slot' });
  const panel = el('div', { class: `embed-panel panel-${options.panel}` });
  const mapWrap = el('div', { class: 'embed-map-wrap' }, mapEl, cardSlot, legendSlot);
  mapWrap.style.setProperty('--embed-height', `${options.height}px`);
  const container = el('div', { class: 'erqi-embed', 'data-theme': options.theme, lang: lang === 'zh' ? 'zh-CN' : 'en' }, mapWrap);
  if (options.panel !== 'none') container.append(panel);
  if (!options.interactive) container.classList.add('static');
  root.replaceChildren(container);

  const fullLink = el('a', { class: 'full-link', target: '_blank', rel: 'noopener' }, t('openFullMap', lang));
  if (has('link')) mapWrap.append(fullLink);

  // ---------------------------------------------------------------- actions
  const selectProject = (id: string | null): boolean => {
    if (id !== null && (typeof id !== 'string' || !model.project(id))) return false;
    store.set({ selection: id === null ? { kind: 'none' } : { kind: 'project', id } });
    const site = id ? model.project(id)!.project.site : null;
    const bounds = id ? model.siteBounds(id) : null;
    if (bounds && options.interactive) view.fitBounds(bounds);
    else if (site && options.interactive) view.flyTo([site.lon, site.lat]);
    return true;
  };
  /** The axis a host or a chip focused, kept while a project is selected. */
  let focused: AxisId | null = start.selection.kind === 'axis' ? start.selection.id : null;
  const focusAxis = (id: AxisId | null): boolean => {
    if (id !== null && !model.layout.axisIds.includes(id)) {
      console.warn(`erqi-axis-map: focusAxis refused: use null or one of ${model.layout.axisIds.join(', ')}`);
      return false;
    }
    focused = id;
    store.set({ selection: id === null ? { kind: 'none' } : { kind: 'axis', id } });
    if (id) view.fitBounds(model.axisBounds(id, store.get().corridor));
    return true;
  };

  // ---------------------------------------------------------------- map
  const styleOf = (s: UrlState): StyleOptions => ({
    theme,
    lang,
    basemap: basemapSources(s.basemap, config, s.tiles),
    // The focused axis stays highlighted while a project's card is open.
    selectedAxis: s.selection.kind === 'axis' ? s.selection.id : s.selection.kind === 'project' ? focused : null,
    pinTiles: pinTilesFor(hooks.pinTiles, s),
  });
  const first = model.derive(start.filter, start.corridor);
  let applied = styleOf(start);
  const site = start.selection.kind === 'project' ? model.project(start.selection.id)?.project.site : null;
  let view: MapView;
  try {
    view = createMapView({
      container: mapEl,
      data: {
        context: bundle.context,
        district: bundle.district,
        zones: bundle.zones,
        corridors: start.corridor === bundle.corridor_m ? bundle.corridors : EMPTY_FC,
        axes: bundle.axes,
        landmarks: bundle.landmarks,
        projects: first.pins,
        shapes: first.shapes,
        selection: model.selectionPoint(start.selection),
      },
      style: styleOf(start),
      view: start.view ?? (site ? { center: [site.lon, site.lat], zoom: 14, bearing: 0 } : null),
      bounds: start.selection.kind === 'axis' ? model.axisBounds(start.selection.id, store.get().corridor) : ERQI_BOUNDS,
      note: { badge: t('schematicBadge', lang), text: `${t('schematicNote', lang)} ${t('asOf', lang)} ${bundle.as_of}` },
      cooperativeGestures: options.interactive,
      interactive: options.interactive,
      controls: { zoom: has('zoom') && options.interactive, fullscreen: has('fullscreen'), scale: has('scale') },
      fullscreenContainer: container,
      locale: mapLocale(lang),
      onProjectClick: (id) => selectProject(id),
      onEmptyClick: () => {
        if (store.get().selection.kind === 'project') selectProject(null);
      },
      onMoveEnd: (v) => store.set({ view: v }, 'replace'),
      onWorkerFailure: () => mapWrap.append(el('p', { class: 'no-webgl map-failed', role: 'alert' }, t('partFailed', lang, { what: t('partMapWorker', lang) }))),
    });
  } catch (e) {
    // No WebGL (old device, locked-down browser): the figures, search and cards still work, as in the full app.
    console.warn(`erqi-axis-map: map unavailable: ${(e as Error).message}`);
    view = noMapView();
    mapEl.replaceChildren(el('p', { class: 'no-webgl', role: 'alert' }, t('noWebgl', lang)));
  }
  if (start.corridor !== bundle.corridor_m) {
    model.corridors(start.corridor).then(
      (c) => view.setData({ corridors: c }),
      (e: Error) => console.warn(`erqi-axis-map: corridor bands unavailable: ${e.message}`),
    );
  }

  if (has('search') && options.interactive) {
    const search = createSearchBox(bundle.projects, lang, (id) => selectProject(id));
    mapWrap.append(el('div', { class: 'embed-search' }, search.element));
  }

  // ---------------------------------------------------------------- render
  const render = (s: UrlState, prev: UrlState | null) => {
    const d = model.derive(s.filter, s.corridor);
    if (prev) {
      // Compared with the style last applied, not styleOf(prev): the focused axis lives outside the state.
      const a = styleOf(s);
      const restyle = a.selectedAxis !== applied.selectedAxis || a.pinTiles !== applied.pinTiles;
      if (restyle) applied = a;
      view.update(prev.filter !== s.filter || prev.corridor !== s.corridor ? { projects: d.pins, shapes: d.shapes } : {}, restyle ? a : undefined);
      if (JSON.stringify(prev.selection) !== JSON.stringify(s.selection)) view.setData({ selection: model.selectionPoint(s.selection) });
    }
    fullLink.href = hooks.fullMapUrl(s);
    const selectedAxis = s.selection.kind === 'axis' ? s.selection.id : null;
    if (options.panel === 'compact') {
      panel.replaceChildren(
        ...d.aggregates.axes.map((a) => {
          const b = el(
            'button',
            { type: 'button', class: 'axis-chip', 'aria-pressed': String(selectedAxis === a.id), 'data-axis': a.id },
            el('strong', {}, lang === 'zh' ? a.name_zh : a.name_en),
            ` ${t('reported', lang)} ${formatCount(a.reported.projects, lang)} · ${formatYi(a.reported.investment_yi, lang)} | ${t('onMap', lang)} ${formatCount(a.mapped.projects, lang)}`,
          );
          b.style.borderColor = axisColour(theme, a.id);
          b.disabled = !options.interactive;
          b.addEventListener('click', () => focusAxis(selectedAxis === a.id ? null : a.id));
          return b;
        }),
      );
    } else if (options.panel === 'full') {
      panel.replaceChildren(
        renderAxisPanel({
          aggregates: d.aggregates,
          reported: bundle.reported,
          lang,
          theme,
          selectedAxis,
          projectById: (id) => model.project(id)?.project ?? null,
          anyDeclared: model.anyDeclared,
          ledgerTotals: model.ledgerTotals,
          onSelectAxis: (id) => focusAxis(selectedAxis === id ? null : id),
          onSelectProject: (id) => selectProject(id),
        }),
      );
    }
    if (has('legend')) {
      legendSlot.replaceChildren(
        renderLegend({ lang, theme, corridorM: s.corridor, asOf: bundle.as_of, axisNames, shapes: model.anyShapes, open: false, onToggle: () => {} }),
      );
    }
    const selected = s.selection.kind === 'project' ? model.project(s.selection.id) : null;
    cardSlot.replaceChildren(
      ...(selected
        ? [
            renderProjectCard({
              project: selected.project,
              placement: selected.placement,
              shares: model.sharesAt(s.corridor)[selected.index] ?? null,
              corridorM: s.corridor,
              lang,
              sources: bundle.reported.sources,
              axisNames,
              zoneNames,
              link: hooks.fullMapUrl({ ...s, view: null, filter: EMPTY_FILTER }),
              onClose: () => selectProject(null),
            }),
          ]
        : []),
    );
  };

  render(start, null);
  store.subscribe((s, prev) => {
    render(s, prev);
    if (JSON.stringify(s.selection) !== JSON.stringify(prev.selection)) {
      if (s.selection.kind === 'project' || prev.selection.kind === 'project') {
        const p = s.selection.kind === 'project' ? model.project(s.selection.id)?.project : null;
        hooks.emit({ type: 'project-select', id: p?.id ?? null, name_zh: p?.name_zh ?? null, name_en: p?.name_en ?? null });
      }
      if (s.selection.kind === 'axis' || prev.selection.kind === 'axis') {
        hooks.emit({ type: 'axis-select', id: s.selection.kind === 'axis' ? s.selection.id : null });
      }
    }
    if (s.filter !== prev.filter) hooks.emit({ type: 'filter-change', filter: s.filter });
  });
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && store.get().selection.kind === 'project') selectProject(null);
  };
  container.addEventListener('keydown', onKey);

  const ready = view.idle.then(() => hooks.emit({ type: 'ready' }));
  return {
    ready,
    view,
    selectProject,
    focusAxis,
    setFilters(filter) {
      const checked = parseFilterPatch(filter, model.layout);
      if ('errors' in checked) {
        console.warn(`erqi-axis-map: setFilters refused, nothing changed: ${checked.errors.join('; ')}`);
        return false;
      }
      store.set({ filter: { ...store.get().filter, ...checked.value } });
      return true;
    },
    fitDistrict() {
      focused = null;
      store.set({ selection: { kind: 'none' } });
      view.fitBounds(ERQI_BOUNDS);
    },
    getState: () => store.get(),
    destroy() {
      view.destroy();
      root.replaceChildren();
    },
  };
}
