import type { DataBundle } from '../core/bundle.ts';
import { emptyFilter, isEmptyFilter, type Filter } from '../core/facets.ts';
import { formatMetres, isolated } from '../core/format.ts';
import type { AxisId, Lang, MappedProject } from '../core/model.ts';
import { nearestCorridor } from '../core/placement.ts';
import { serializeUrlState, DEFAULT_STATE, type Basemap, type UrlState } from '../core/url_state.ts';
import { ERQI_BOUNDS } from '../core/bounds.ts';
import { basemapAvailable, basemapSources, customTilesAllowed, customTilesHost, type MapConfig } from '../map/basemaps.ts';
import { mapLocale } from '../map/locale.ts';
import { createMapView, noMapView, type MapView } from '../map/map_view.ts';
import { ATTRIBUTION, pinTilesFor, type PinTiles, type StyleOptions } from '../map/style.ts';
import { LIGHT, themeFor, type Palette } from '../map/theme.ts';
import { renderAxisPanel } from '../ui/axis_panel.ts';
import type { ChartMetric } from '../ui/axis_chart.ts';
import { el } from '../ui/dom.ts';
import { renderFilters } from '../ui/filters_panel.ts';
import { renderLegend } from '../ui/legend.ts';
import { renderProjectCard } from '../ui/project_card.ts';
import { renderProjectTable, sortedOrder, type Sort } from '../ui/project_table.ts';
import { createSearchBox } from '../ui/search_box.ts';
import { t } from '../ui/strings.ts';
import { DataModel, EMPTY_FC } from './derive.ts';
import { wireExports } from './export_actions.ts';
import { createLayout, selectTab, TABS, type Tab } from './layout.ts';
import { createStore, type ChangeKind, type Store } from './store.ts';
import { syncUrl } from './url_sync.ts';

export interface App {
  store: Store<UrlState>;
  model: DataModel;
  view: MapView;
  /** Resolves when the map first reaches idle. */
  ready: Promise<void>;
  /** Removes the map and every listener; the root is left empty. */
  destroy(): void;
}

/** How the page around the app swaps data in and out (main.ts keeps the history). */
export interface DataHooks {
  /** The file the shown data was imported from, if any (a banner says so, with Undo). */
  importedFrom?: string | null;
  onImport?: (projects: MappedProject[], file: string) => void;
  onUndo?: () => void;
  /**
   * Pins cut into tiles for exactly this data (see core/pin_tiles.ts). They draw the unfiltered map at their
   * corridor width; any filter or other width draws the pins from the data, so counts always match the panel.
   */
  pinTiles?: PinTiles | null;
}


/** Re-renders a container, keeping keyboard focus on the element with the same `data-key`. */
function replaceKeepingFocus(container: HTMLElement, ...nodes: Node[]): void {
  const active = document.activeElement as HTMLElement | null;
  const key = active && container.contains(active) ? active.dataset['key'] : undefined;
  container.replaceChildren(...nodes);
  if (key) (container.querySelector(`[data-key="${CSS.escape(key)}"]`) as HTMLElement | null)?.focus();
}

/** The full planner/investor application on one root element. */
export function createApp(
  root: HTMLElement,
  bundle: DataBundle,
  config: MapConfig,
  initial: UrlState,
  hooks: DataHooks = {},
  palette: Palette = LIGHT,
): App {
  const model = new DataModel(bundle);
  const theme = themeFor(palette, model.layout);
  // Custom tile hosts: those config.json lists, and those the user typed or confirmed in this page.
  const tileHosts = new Set(config.tileHosts ?? []);
  const tileConfig = (): MapConfig => ({ ...config, tileHosts: [...tileHosts] });
  const store = createStore<UrlState>(initial);
  const layout = createLayout(root);
  const { axisNames, zoneNames, anyDeclared } = model;
  let tab: Tab = 'overview';
  let chartMetric: ChartMetric = 'projects';
  let sort: Sort = { key: 'name', dir: 'asc' };
  let returnFocus: HTMLElement | null = null;
  let returnFocusKey: string | null = null;
  // The legend starts open where there is room for it; after that it stays as the user left it.
  let legendOpen = (globalThis.innerWidth ?? 1024) > 700;

  // ------------------------------------------------------------------ actions
  const setFilter = (filter: Filter) => store.set({ filter });

  const selectProject = (id: string, fly: boolean) => {
    if (!model.project(id)) return;
    const active = document.activeElement as HTMLElement | null;
    if (active && active !== document.body && !layout.cardSlot.contains(active)) {
      returnFocus = active;
      returnFocusKey = active.dataset['key'] ?? null;
    }
    store.set({ selection: { kind: 'project', id } });
    const site = model.project(id)!.project.site;
    // A line or an area is fitted whole, a point flown to — beside the card where it sits over the map (desktop).
    const bounds = model.siteBounds(id);
    const card = globalThis.innerWidth > 700 ? layout.cardSlot.offsetWidth + 16 : 0;
    if (fly && bounds) view.fitBounds(bounds, card);
    else if (fly && site) view.flyTo([site.lon, site.lat], undefined, card);
    (layout.cardSlot.querySelector('.project-card') as HTMLElement | null)?.focus();
  };

  const closeCard = () => {
    store.set({ selection: { kind: 'none' } });
    // The list re-renders when the selection changes: the button that opened the card is then a new node
    // with the same data-key.
    const again = returnFocusKey ? root.querySelector<HTMLElement>(`[data-key="${CSS.escape(returnFocusKey)}"]`) : null;
    const target = returnFocus && document.contains(returnFocus) ? returnFocus : (again ?? layout.mapEl.querySelector('canvas'));
    (target as HTMLElement | null)?.focus();
    returnFocus = null;
    returnFocusKey = null;
  };

  const fitAxis = (id: AxisId) => view.fitBounds(model.axisBounds(id, store.get().corridor));

  /** Selecting an axis filters to it and fits the map to its corridor; selecting it again clears both. */
  const selectAxis = (id: AxisId) => {
    const s = store.get();
    if (s.selection.kind === 'axis' && s.selection.id === id) {
      store.set({ selection: { kind: 'none' }, filter: { ...s.filter, axes: s.filter.axes.filter((a) => a !== id) } });
      return;
    }
    store.set({ selection: { kind: 'axis', id }, filter: { ...s.filter, axes: [id] } });
    fitAxis(id);
  };

  // ------------------------------------------------------------------ the map
  const styleOptions = (s: UrlState): StyleOptions => ({
    theme,
    lang: s.lang,
    basemap: basemapSources(s.basemap, tileConfig(), s.tiles),
    // The selected axis, or the one axis the filter keeps: opening a project's card keeps its axis in focus.
    selectedAxis: s.selection.kind === 'axis' ? s.selection.id : s.filter.axes.length === 1 ? s.filter.axes[0]! : null,
    pinTiles: pinTilesFor(hooks.pinTiles, s),
  });
  const first = model.derive(initial.filter, initial.corridor);
  // Where a link without a saved view starts: on its project, on its axis, or on the whole district.
  const initialSite = initial.selection.kind === 'project' ? model.project(initial.selection.id)?.project.site : null;
  const initialView = initial.view ?? (initialSite ? { center: [initialSite.lon, initialSite.lat] as [number, number], zoom: 14, bearing: 0 } : null);
  /** One notice over the map, with a dismiss button (and any other buttons given). */
  const notify = (text: string, ...actions: HTMLElement[]) => {
    const dismiss = el('button', { type: 'button', class: 'dismiss' }, t('dismiss', store.get().lang));
    dismiss.addEventListener('click', () => layout.notice.replaceChildren());
    layout.notice.replaceChildren(el('p', { role: 'alert' }, text, ...actions.flatMap((a) => [' ', a]), ' ', dismiss));
  };
  /** A script chunk that did not load (a flaky network, a half-deployed update): said, never silent. */
  const partFailed = (what: 'partMapWorker' | 'partImport' | 'partCorridors' | 'partExport' | 'partEmbed') => {
    const lang = store.get().lang;
    notify(t('partFailed', lang, { what: t(what, lang) }));
  };
  let view: MapView;
  try {
    view = createMapView({
      container: layout.mapEl,
      data: {
        context: bundle.context,
        district: bundle.district,
        zones: bundle.zones,
        corridors: initial.corridor === bundle.corridor_m ? bundle.corridors : EMPTY_FC,
        axes: bundle.axes,
        landmarks: bundle.landmarks,
        projects: first.pins,
        shapes: first.shapes,
        selection: model.selectionPoint(initial.selection),
      },
      style: styleOptions(initial),
      view: initialView,
      bounds: initial.selection.kind === 'axis' ? model.axisBounds(initial.selection.id, store.get().corridor) : ERQI_BOUNDS,
      note: { badge: t('schematicBadge', initial.lang), text: `${t('schematicNote', initial.lang)} ${t('asOf', initial.lang)} ${bundle.as_of}` },
      locale: mapLocale(initial.lang),
      onProjectClick: (id) => selectProject(id, false),
      onEmptyClick: () => {
        if (store.get().selection.kind === 'project') store.set({ selection: { kind: 'none' } });
      },
      onMoveEnd: (v) => store.set({ view: v }, 'replace'),
      onTileError: () => notify(t('tilesFailed', store.get().lang)),
      onWorkerFailure: () => partFailed('partMapWorker'),
    });
  } catch (e) {
    // No WebGL (old device, disabled GPU, locked-down browser): keep everything that does not need the map.
    console.warn(`map unavailable: ${(e as Error).message}`);
    view = noMapView();
    layout.notice.replaceChildren(el('p', { class: 'no-webgl', role: 'alert' }, t('noWebgl', initial.lang)));
  }
  /** A link's custom tiles from a host nobody allowed: say so plainly, and load them only if the user says. */
  const askTileHost = (s: UrlState) => {
    if (s.basemap !== 'custom' || !s.tiles || customTilesAllowed(s.tiles, tileConfig())) return;
    const host = customTilesHost(s.tiles);
    const lang = s.lang;
    if ('error' in host) {
      notify(t('tilesUrlRefused', lang, { why: host.error }));
      return;
    }
    const load = el('button', { type: 'button', class: 'load-tiles' }, t('tilesHostLoad', lang));
    load.addEventListener('click', () => {
      tileHosts.add(host.host);
      layout.notice.replaceChildren();
      view.update({}, styleOptions(store.get()));
    });
    notify(t('tilesHostAsk', lang, { host: isolated(host.host) }), load);
  };
  askTileHost(initial);
  if (initial.corridor !== bundle.corridor_m) {
    model.corridors(initial.corridor).then((c) => view.setData({ corridors: c }), () => partFailed('partCorridors'));
  }

  // ------------------------------------------------------------------ static controls
  const search = createSearchBox(bundle.projects, initial.lang, (id) => selectProject(id, true));
  layout.searchSlot.append(search.element);
  layout.langButton.addEventListener('click', () => store.set({ lang: store.get().lang === 'zh' ? 'en' : 'zh' }));
  layout.basemapSelect.addEventListener('change', () => {
    const basemap = layout.basemapSelect.value as Basemap;
    layout.customInput.hidden = basemap !== 'custom';
    if (basemap === 'custom' && !store.get().tiles) {
      layout.customInput.focus();
      return;
    }
    store.set({ basemap });
  });
  layout.customInput.addEventListener('change', () => {
    const url = layout.customInput.value.trim();
    const host = customTilesHost(url);
    // The user typed it here: its host is theirs to choose (a link's host needs confirming: askTileHost).
    if ('host' in host) {
      tileHosts.add(host.host);
      store.set({ basemap: 'custom', tiles: url });
    }
  });
  let corridorFrame = 0;
  layout.corridorInput.addEventListener('input', () => {
    const value = Number(layout.corridorInput.value);
    layout.corridorOutput.textContent = formatMetres(value, store.get().lang);
    cancelAnimationFrame(corridorFrame);
    corridorFrame = requestAnimationFrame(() => store.set({ corridor: value }, 'replace'));
  });
  // The slider's final value is one history entry, not one per pixel dragged.
  layout.corridorInput.addEventListener('change', () => store.set({ corridor: Number(layout.corridorInput.value) }, 'push'));
  // Only the open tab's panel is rendered on a change; the others are rendered when opened. With tens of
  // thousands of projects that keeps a filter change to one panel's DOM.
  const pending: Partial<Record<Tab, () => void>> = {};
  const panel = (name: Tab, draw: () => void) => {
    if (name === tab) {
      delete pending[name];
      draw();
    } else {
      pending[name] = draw;
    }
  };
  const showTab = (name: Tab, focus = false) => {
    tab = name;
    pending[name]?.();
    delete pending[name];
    selectTab(layout, tab, focus);
  };
  for (const tabName of TABS) {
    layout.tabs[tabName].addEventListener('click', () => showTab(tabName));
    layout.tabs[tabName].addEventListener('keydown', (e) => {
      const i = TABS.indexOf(tab);
      if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') showTab(TABS[(i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!, true);
    });
  }
  wireExports(layout, { bundle, model, store, getView: () => view, theme, axisNames }, () => partFailed('partExport'));
  layout.importButton.addEventListener('click', () => {
    // Loaded on first use: most visitors never import.
    const onImport = hooks.onImport;
    if (onImport) {
      import('../ui/import_dialog.ts').then(
        (m) => m.openImportDialog(bundle, store.get().corridor, store.get().lang, onImport),
        () => partFailed('partImport'),
      );
    }
  });
  const renderBanner = (lang: Lang) => {
    const synthetic = bundle.projects.some((p) => p.source === 'synthetic');
    const parts: Node[] = [];
    if (synthetic) parts.push(el('strong', { class: 'synthetic' }, t('syntheticBanner', lang)));
    if (hooks.importedFrom) {
      parts.push(el('span', {}, t('importedBanner', lang, { file: isolated(hooks.importedFrom), n: bundle.projects.length })));
      if (hooks.onUndo) {
        const undo = el('button', { type: 'button', class: 'undo', 'data-key': 'undo' }, t('undo', lang));
        undo.addEventListener('click', hooks.onUndo);
        parts.push(undo);
      }
    }
    layout.banner.replaceChildren(...parts);
    layout.banner.hidden = parts.length === 0;
  };
  layout.embedButton.addEventListener('click', () => {
    const base = new URL('.', location.href).href;
    import('../ui/embed_dialog.ts').then(
      (m) => m.openEmbedDialog(base, store.get(), store.get().lang),
      () => partFailed('partEmbed'),
    );
  });
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && store.get().selection.kind === 'project' && !document.querySelector('dialog[open]')) closeCard();
  };
  document.addEventListener('keydown', onKey);

  // The list's sort order over the whole ledger, kept until the sort, language or corridor changes.
  let order: { key: string; value: number[] } | null = null;
  const orderFor = (s: UrlState): number[] => {
    const key = `${sort.key}|${sort.dir}|${s.lang}|${s.corridor}`;
    if (order?.key !== key) order = { key, value: sortedOrder(bundle.projects, model.placements, s.corridor, s.lang, sort, model.layout.axisIds) };
    return order.value;
  };

  /** Over the map, while a filter is set: how many projects it shows, and one click to clear it. */
  const renderFilterStatus = (s: UrlState, shown: number) => {
    const box = layout.filterStatus;
    box.hidden = isEmptyFilter(s.filter);
    if (box.hidden) return box.replaceChildren();
    const clear = el('button', { type: 'button', class: 'clear', 'data-key': 'status-clear' }, t('filterClear', s.lang));
    clear.addEventListener('click', () => store.set({ filter: emptyFilter() }));
    const all = bundle.projects.length;
    box.classList.toggle('empty', shown === 0);
    box.replaceChildren(el('span', {}, shown === 0 ? t('filterNone', s.lang) : t('filterShowing', s.lang, { n: shown, all })), ' ', clear);
  };

  // ------------------------------------------------------------------ render
  const render = (s: UrlState, prev: UrlState | null, how: ChangeKind, changed?: ReadonlySet<keyof UrlState>) => {
    /** Did any of these keys change (everything did on the first render)? Each part redraws only for its keys. */
    const has = (...keys: Array<keyof UrlState>) => !prev || !changed || keys.some((k) => changed.has(k));
    if (prev && how === 'restore' && has('view') && s.view) view.map?.jumpTo({ center: s.view.center, zoom: s.view.zoom, bearing: s.view.bearing });
    // A pan or zoom changes only the view: the address bar follows it (url_sync.ts) and nothing here redraws.
    if (!has('lang', 'corridor', 'basemap', 'tiles', 'selection', 'filter')) return;
    const d = model.derive(s.filter, s.corridor);
    if (has('lang')) {
      layout.setTexts(s.lang, (b) => basemapAvailable(b, tileConfig(), s.tiles));
      search.setLang(s.lang);
      renderBanner(s.lang);
      layout.importButton.hidden = !hooks.onImport;
    }
    if (has('basemap', 'tiles')) {
      layout.basemapSelect.value = s.basemap;
      layout.customInput.hidden = s.basemap !== 'custom';
      if (s.tiles && layout.customInput.value !== s.tiles) layout.customInput.value = s.tiles;
    }
    if (has('corridor', 'lang')) {
      if (document.activeElement !== layout.corridorInput) layout.corridorInput.value = String(s.corridor);
      layout.corridorOutput.textContent = formatMetres(s.corridor, s.lang);
    }

    if (prev) {
      // Compare the inputs, not derive(prev): the memo holds one entry, and recomputing prev costs a full pass.
      const a = styleOptions(s);
      const b = styleOptions(prev);
      const restyle = a.lang !== b.lang || a.selectedAxis !== b.selectedAxis || s.basemap !== prev.basemap || s.tiles !== prev.tiles || a.pinTiles !== b.pinTiles;
      view.update(s.filter !== prev.filter || s.corridor !== prev.corridor ? { projects: d.pins, shapes: d.shapes } : {}, restyle ? a : undefined);
      if (s.corridor !== prev.corridor) {
        model.corridors(s.corridor).then(
          (c) => {
            if (store.get().corridor === s.corridor) view.setData({ corridors: c });
          },
          () => partFailed('partCorridors'),
        );
      }
      if (has('selection')) view.setData({ selection: model.selectionPoint(s.selection) });
    }

    const selectedProject = s.selection.kind === 'project' ? model.project(s.selection.id) : null;
    // The panel highlights the selected axis, or the spatial axis of the selected project.
    const highlight =
      s.selection.kind === 'axis' ? s.selection.id : selectedProject ? nearestCorridor(selectedProject.placement, s.corridor, model.layout.axisIds) : null;
    const renderOverview = () =>
      replaceKeepingFocus(
        layout.panels.overview,
        renderAxisPanel({
          aggregates: d.aggregates,
          reported: bundle.reported,
          lang: s.lang,
          theme,
          selectedAxis: highlight,
          projectById: (id) => model.project(id)?.project ?? null,
          anyDeclared,
          ledgerTotals: model.ledgerTotals,
          chartMetric,
          onChartMetric: (metric) => {
            chartMetric = metric;
            renderOverview();
          },
          onSelectAxis: selectAxis,
          onSelectProject: (id) => selectProject(id, true),
        }),
      );
    if (has('filter', 'corridor', 'lang', 'selection')) panel('overview', renderOverview);
    if (has('filter', 'corridor', 'lang')) panel('filters', () =>
      replaceKeepingFocus(
        layout.panels.filters,
        renderFilters({ filter: s.filter, counts: d.filter.counts, zones: model.zones, axisNames, lang: s.lang, theme, onChange: setFilter }),
      ),
    );
    const renderTable = () =>
      replaceKeepingFocus(
        layout.panels.list,
        renderProjectTable({
          projects: bundle.projects,
          placements: model.placements,
          indices: d.filter.indices,
          order: orderFor(s),
          corridorM: s.corridor,
          lang: s.lang,
          sort,
          selectedId: s.selection.kind === 'project' ? s.selection.id : null,
          axisNames,
          zoneNames,
          onSort: (next) => {
            sort = next;
            renderTable();
          },
          onSelect: (id) => selectProject(id, true),
        }),
      );
    if (has('filter', 'corridor', 'lang', 'selection')) panel('list', renderTable);
    if (has('filter', 'corridor', 'lang')) renderFilterStatus(s, d.filter.indices.length);
    if (has('lang', 'corridor')) layout.legendSlot.replaceChildren(
      renderLegend({
        lang: s.lang,
        theme,
        corridorM: s.corridor,
        asOf: bundle.as_of,
        axisNames,
        attribution: Object.values(ATTRIBUTION),
        shapes: model.anyShapes,
        open: legendOpen,
        onToggle: (open) => (legendOpen = open),
      }),
    );

    if (!has('selection', 'lang', 'corridor')) return;
    if (selectedProject) {
      const link = `${location.origin}${location.pathname}${serializeUrlState({ ...DEFAULT_STATE, lang: s.lang, selection: s.selection })}`;
      replaceKeepingFocus(
        layout.cardSlot,
        renderProjectCard({
          project: selectedProject.project,
          placement: selectedProject.placement,
          shares: model.sharesAt(s.corridor)[selectedProject.index] ?? null,
          corridorM: s.corridor,
          lang: s.lang,
          sources: bundle.reported.sources,
          axisNames,
          zoneNames,
          link,
          onClose: closeCard,
        }),
      );
    } else {
      layout.cardSlot.replaceChildren();
    }
  };

  selectTab(layout, tab);
  render(initial, null, 'restore');
  const unsubscribe = store.subscribe(render);
  const unsync = syncUrl(store, model.layout);

  if (initial.selection.kind === 'project' && !model.project(initial.selection.id)) {
    console.warn(`URL parameter project=${initial.selection.id} ignored: no such project`);
    store.set({ selection: { kind: 'none' } }, 'replace');
  }
  return {
    store,
    model,
    view,
    ready: view.idle,
    destroy() {
      unsubscribe();
      unsync();
      document.removeEventListener('keydown', onKey);
      view.destroy();
      root.replaceChildren();
    },
  };
}
