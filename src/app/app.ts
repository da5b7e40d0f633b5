import type { DataBundle } from '../core/bundle.ts';
import type { AxisId, MappedProject } from '../core/model.ts';
import type { KnownPlacements } from '../core/shipped_placements.ts';
import type { ProgressRow } from '../core/progress.ts';
import { nearestCorridor } from '../core/placement.ts';
import { serializeUrlState, DEFAULT_STATE, type UrlState } from '../core/url_state.ts';
import { axisOverview } from '../controls/axis_overview.ts';
import { banner, sampleLink } from '../controls/banner.ts';
import { askTileHost, basemapSwitcher, tileAccess } from '../controls/basemap_switcher.ts';
import { EVERYTHING, runControls, type Control, type ControlContext } from '../controls/control.ts';
import { corridorSlider } from '../controls/corridor_slider.ts';
import { periodSelect } from '../controls/period_select.ts';
import { editButton, embedButton, importButton, shareButton, wholeButton } from '../controls/dialog_buttons.ts';
import { exportMenu } from '../controls/export_menu.ts';
import { filterStatus } from '../controls/filter_status.ts';
import { filtersPanel } from '../controls/filters_panel.ts';
import { languageButton } from '../controls/language_button.ts';
import { legend } from '../controls/legend.ts';
import { mapPart, type MapPart } from '../controls/map_part.ts';
import { notice as createNotice, type Notice } from '../controls/notice.ts';
import { projectCard } from '../controls/project_card.ts';
import { projectList } from '../controls/project_list.ts';
import { search } from '../controls/search.ts';
import { tabs, type Tab } from '../controls/tabs.ts';
import { titles } from '../controls/titles.ts';
import { basemapSources, type MapConfig } from '../map/basemaps.ts';
import type { Covered, MapView } from '../map/map_view.ts';
import { ATTRIBUTION, type PinTiles } from '../map/style.ts';
import { LIGHT, themeFor, type Palette } from '../map/theme.ts';
import { el } from '../ui/dom.ts';
import { DataModel } from './derive.ts';
import type { LedgerPages } from './ledger_pages.ts';
import { createStore, type Store } from './store.ts';
import { syncUrl } from './url_sync.ts';
import { loadFailureSaid } from '../ui/load_error.ts';

export interface App {
  store: Store<UrlState>;
  model: DataModel;
  view: MapView;
  /** Resolves when the map first reaches idle. */
  ready: Promise<void>;
  /** Says something over the map (a notice with a dismiss button). */
  notify(text: string): void;
  /** The sidebar's open tab (a page made again for the same view opens the same one: DataHooks.tab). */
  tab(): Tab;
  /** Removes the map and every listener; the root is left empty. */
  destroy(): void;
}

/** How the page around the app swaps data in and out (main.ts keeps the history). */
export interface DataHooks {
  /** The file the shown data was imported from, if any (a banner says so, with Undo). */
  importedFrom?: string | null;
  /** `placed`: the import worker's placements of these projects (the page does not place them again). */
  onImport?: (projects: MappedProject[], file: string, placed?: KnownPlacements) => void;
  /** A progress file (调度表) applied over the data shown. */
  onImportProgress?: (rows: ProgressRow[], file: string) => void;
  onUndo?: () => void;
  /**
   * Pins cut into tiles for exactly this data (see core/pin_tiles.ts). They draw the unfiltered map at their
   * corridor width; any filter or other width draws the pins from the data, so counts always match the panel.
   */
  pinTiles?: PinTiles | null;
  /** Offers 编辑 / Edit (the shipped data, not editing yet). */
  onEdit?: () => void;
  /** While editing: the editor's panel (src/edit), above the corridor slider. */
  editPanel?: (ctx: ControlContext, getView: () => MapView, notice: Notice) => Control;
  /**
   * The ledger is served in pages (`bundle` is its head): the page shows the default view from them, and
   * `onWhole` loads the whole ledger for anything else (filters, widths, exports, edits, imports).
   */
  pages?: LedgerPages | null;
  onWhole?: () => void;
  /** The sidebar tab to open (the default: the overview). */
  tab?: Tab;
}

/**
 * The full planner/investor application on one root element: the controls (src/controls/, one module each),
 * placed in the page's skeleton and wired to one store and the actions below.
 */
export function createApp(
  root: HTMLElement,
  bundle: DataBundle,
  config: MapConfig,
  initial: UrlState,
  hooks: DataHooks = {},
  palette: Palette = LIGHT,
): App {
  const model = new DataModel(bundle, hooks.pages ?? null);
  const theme = themeFor(palette, model.layout);
  const store = createStore<UrlState>(initial);
  const tiles = tileAccess(config);
  const notice = createNotice(store);
  const wide = () => globalThis.innerWidth > 700;

  // ------------------------------------------------------------------ actions
  /** Where focus returns when the card closes: the control that opened it (or, re-rendered, its successor). */
  let returnFocus: { node: HTMLElement; key: string | null } | null = null;
  /** What the card covers: the map's right on a desktop, its top on a phone (where it spans the width). */
  const coveredBy = (slot: HTMLElement): Covered => (wide() ? { right: slot.offsetWidth + 16 } : { top: slot.offsetHeight + 10 });
  const selectProject = (id: string, fly: boolean) => {
    const found = model.project(id);
    if (!found) {
      // A ledger in pages: the project's chunk is fetched first, then it is selected as any other.
      void model.pages?.project(id).then(
        (p) => p && alive && selectProject(id, fly),
        (e: Error) => void loadFailureSaid(e, store.get().lang).then((said) => notice.notify(said)),
      );
      return;
    }
    const active = document.activeElement as HTMLElement | null;
    if (active && active !== document.body && !card.element.contains(active)) returnFocus = { node: active, key: active.dataset['key'] ?? null };
    store.set({ selection: { kind: 'project', id } });
    if (fly) showSite(id);
    card.element.querySelector<HTMLElement>('.project-card')?.focus();
  };
  /** A line or an area fitted whole, a point flown to — in the part of the map the card leaves free. */
  const showSite = (id: string) => {
    const bounds = model.siteBounds(id);
    const site = model.project(id)?.project.site;
    const covered = coveredBy(card.element);
    if (bounds) map.view.fitBounds(bounds, covered);
    else if (site) map.view.flyTo([site.lon, site.lat], undefined, covered);
  };
  const closeCard = () => {
    store.set({ selection: { kind: 'none' } });
    // The list re-renders when the selection changes: the button that opened the card is then a new node with
    // the same data-key.
    const again = returnFocus?.key ? root.querySelector<HTMLElement>(`[data-key="${CSS.escape(returnFocus.key)}"]`) : null;
    const target = returnFocus && document.contains(returnFocus.node) ? returnFocus.node : (again ?? map.element.querySelector('canvas'));
    (target as HTMLElement | null)?.focus();
    returnFocus = null;
  };
  /** Selecting an axis filters to it and fits the map to its corridor; selecting it again clears both. */
  const selectAxis = (id: AxisId) => {
    const s = store.get();
    if (s.selection.kind === 'axis' && s.selection.id === id) {
      store.set({ selection: { kind: 'none' }, filter: { ...s.filter, axes: s.filter.axes.filter((a) => a !== id) } });
      return;
    }
    store.set({ selection: { kind: 'axis', id }, filter: { ...s.filter, axes: [id] } });
    map.view.fitBounds(model.axisBounds(id, s.corridor));
  };
  const ctx: ControlContext = { bundle, model, store, theme, selectProject, selectAxis, ...(hooks.onWhole ? { loadWhole: hooks.onWhole } : {}) };
  let map: MapPart;

  // ------------------------------------------------------------------ controls
  const mapEl = el('div', { id: 'map', class: 'map' });
    const card = projectCard(ctx, {
    link: (s) => `${location.origin}${location.pathname}${serializeUrlState({ ...DEFAULT_STATE, lang: s.lang, selection: s.selection })}`,
    onClose: closeCard,
  });
  const header = {
    titles: titles(),
    search: search(ctx, 'search-slot', (target) => ('center' in target ? map.view.flyTo(target.center, 15) : map.view.fitBounds(target.bounds))),
    basemap: basemapSwitcher(ctx, tiles),
    lang: languageButton(ctx),
    edit: hooks.onEdit ? editButton(ctx, hooks.onEdit) : null,
    import: hooks.onImport ? importButton(ctx, hooks.onImport, () => notice.partFailed('partImport'), hooks.onImportProgress) : null,
    share: shareButton(ctx, () => map.view, { importedFrom: hooks.importedFrom ?? null, editing: !!hooks.editPanel }, () => notice.partFailed('partShare')),
    embed: embedButton(ctx, () => notice.partFailed('partEmbed')),
    // A ledger in pages exports, imports and edits once whole: one button loads it.
    export: model.pages ? null : exportMenu(ctx, () => map.view, () => notice.partFailed('partExport')),
    whole: model.pages && hooks.onWhole ? wholeButton(ctx, hooks.onWhole) : null,
    // The sample ledger is offered from the published one (the banner leads back).
    sample: initial.data === 'published' && !hooks.importedFrom && !hooks.editPanel ? sampleLink() : null,
  };
  const top = banner(ctx, hooks.importedFrom ?? null, hooks.onUndo);
  const slider = corridorSlider(ctx);
  const period = periodSelect(ctx);
  const panels = tabs(store, {
    // The panel highlights the selected axis, or the spatial axis of the selected project.
    overview: axisOverview(ctx, {
      chartSwitch: true,
      highlight: (s) => {
        if (s.selection.kind === 'axis') return s.selection.id;
        const p = s.selection.kind === 'project' ? model.project(s.selection.id) : null;
        return p ? nearestCorridor(p.placement, s.corridor, model.layout.axisIds) : null;
      },
    }),
    filters: filtersPanel(ctx),
    list: projectList(ctx),
  }, hooks.tab);
  const status = filterStatus(ctx);
  const editor = hooks.editPanel?.(ctx, () => map.view, notice) ?? null;
  const key = legend(ctx, { open: wide(), attribution: Object.values(ATTRIBUTION) });

  const tools = [header.basemap, header.lang, header.sample, header.edit, header.import, header.share, header.embed, header.export, header.whole].filter((c) => c !== null);
  root.replaceChildren(
    el('header', { class: 'top' }, header.titles.element, header.search.element, el('div', { class: 'tools' }, ...tools.map((c) => c.element))),
    top.element,
    el(
      'main',
      { class: 'layout' },
      el('aside', { class: 'sidebar', id: 'panel' }, editor?.element, slider.element, period?.element, panels.element),
      el('div', { class: 'map-wrap' }, mapEl, notice.element, status.element, key.element, card.element),
    ),
  );

  const drawing = () => !!map.view.map?.getCanvas().classList.contains('drawing');
  // The page's controls are drawn before the map is made: it measures its container once. (Made first, it was
  // resized as the header filled in — 4 px on a desktop, 30 on a phone — and drew its first frames again.)
  const page = [header.titles, header.search, ...tools, top, ...(editor ? [editor] : []), slider, ...(period ? [period] : []), panels, status, key, card, notice];
  const shown = store.get();
  for (const c of page) c.update(shown, EVERYTHING);
  map = mapPart(ctx, {
    container: mapEl,
    basemap: (s) => basemapSources(s.basemap, tiles.config(), s.tiles),
    // The selected axis, or the one axis the filter keeps: opening a project's card keeps its axis in focus.
    selectedAxis: (s) => (s.selection.kind === 'axis' ? s.selection.id : s.filter.axes.length === 1 ? s.filter.axes[0]! : null),
    pinTiles: hooks.pinTiles,
    map: {
      onTileError: () => notice.say('tilesFailed'),
      onWorkerFailure: () => notice.partFailed('partMapWorker'),
      // On a phone the card spans the map's top: a cluster opens in the part below it.
      coveredTop: () => (card.element.querySelector('.project-card') ? (coveredBy(card.element).top ?? 0) : 0),
    },
    // While the editor draws (src/edit), a click on the map is a vertex, not a selection.
    onProjectClick: (id) => drawing() || selectProject(id, false),
    onEmptyClick: () => {
      if (!drawing() && store.get().selection.kind === 'project') store.set({ selection: { kind: 'none' } });
    },
    noWebgl: (message) => notice.element.replaceChildren(message),
    corridorsFailed: () => notice.partFailed('partCorridors'),
    keyboardRoute: () => panels.show('list', true),
  });

  // ------------------------------------------------------------------ wiring
  askTileHost(initial, tiles, notice, () => map.restyle());
  // The map hears of a change first, as in the embeds: a filter's pins go to MapLibre's worker, which clusters them
  // while the page draws its panel and list (at 50,000 projects those take 15–30 ms of the main thread).
  const stopControls = runControls(store, [map, ...page], store.get() === shown ? page : []);
  // Back and forward restore a saved view; the map moves itself for every other change.
  const unrestore = store.subscribe((s, _prev, how, changed) => {
    if (how === 'restore' && changed.has('view') && s.view) map.view.map?.jumpTo({ center: s.view.center, zoom: s.view.zoom, bearing: s.view.bearing });
  });
  const unsync = syncUrl(store, model.layout);
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && store.get().selection.kind === 'project' && !document.querySelector('dialog[open]')) closeCard();
  };
  document.addEventListener('keydown', onKey);

  // A project's link on a phone opens centred on its site, under the card: it moves to the part left free.
  const linked = initial.selection.kind === 'project' ? initial.selection.id : null;
  let alive = true;
  if (linked && !initial.view && !wide() && model.project(linked)) void map.view.idle.then(() => alive && store.get().selection.kind === 'project' && showSite(linked));
  const missing = (id: string) => {
    // Said, not only logged: a link to a project someone imported or edited in their own browser opens here.
    console.warn(`URL parameter project=${id} ignored: no such project`);
    notice.say('linkProjectMissing', { id: id.slice(0, 80) });
    store.set({ selection: { kind: 'none' } }, 'replace');
  };
  if (initial.selection.kind === 'project' && model.pages) {
    // A ledger in pages: the linked project is looked up in them, then shown where it is.
    const id = initial.selection.id;
    void model.pages.project(id).then(
      (p) => {
        if (!alive || store.get().selection.kind !== 'project') return;
        if (!p) return missing(id);
        if (!initial.view) void map.view.idle.then(() => alive && showSite(id));
      },
      (e: Error) => void loadFailureSaid(e, store.get().lang).then((said) => notice.notify(said)),
    );
  } else if (initial.selection.kind === 'project' && !model.project(initial.selection.id)) missing(initial.selection.id);
  return {
    store,
    model,
    view: map.view,
    ready: map.view.idle,
    notify: (text) => notice.notify(text),
    tab: () => panels.current(),
    destroy() {
      alive = false;
      unrestore();
      unsync();
      stopControls();
      document.removeEventListener('keydown', onKey);
      root.replaceChildren();
    },
  };
}
