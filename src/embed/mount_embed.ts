import { DataModel } from '../app/derive.ts';
import { createStore } from '../app/store.ts';
import { axisChips } from '../controls/axis_chips.ts';
import { axisOverview } from '../controls/axis_overview.ts';
import { banner } from '../controls/banner.ts';
import { runControls, type Control, type ControlContext } from '../controls/control.ts';
import { legend } from '../controls/legend.ts';
import { mapPart, type MapPart } from '../controls/map_part.ts';
import { projectCard } from '../controls/project_card.ts';
import { search } from '../controls/search.ts';
import type { DataBundle } from '../core/bundle.ts';
import { bundleAtPeriod } from '../core/progress.ts';
import type { EmbedOptions } from '../core/embed_options.ts';
import { EMPTY_FILTER, isEmptyFilter, parseFilterPatch, type Filter } from '../core/facets.ts';
import { formatBytes } from '../core/format.ts';
import type { MapEvent } from '../core/messages.ts';
import type { AxisId, Lang } from '../core/model.ts';
import { ERQI_BOUNDS } from '../core/bounds.ts';
import type { UrlState } from '../core/url_state.ts';
import { basemapSources, customTilesAllowed, customTilesHost, type MapConfig } from '../map/basemaps.ts';
import type { MapView } from '../map/map_view.ts';
import type { PinTiles } from '../map/style.ts';
import type { LedgerPages } from '../app/ledger_pages.ts';
import { DARK, LIGHT, themeFor } from '../map/theme.ts';
import { el } from '../ui/dom.ts';
import { loadFailureSaid } from '../ui/load_error.ts';
import { t } from '../ui/strings.ts';

/** What a host page can do with an embedded map: the element's methods and the iframe's commands. */
export interface EmbedHandle {
  readonly ready: Promise<void>;
  readonly view: MapView;
  /**
   * Opens a project's card (null closes it). false when there is no such project. A ledger in pages answers once
   * the project has been looked up in them (a promise): true when its card is open, false when the ledger lacks it.
   */
  selectProject(id: string | null): boolean | Promise<boolean>;
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
  /**
   * A ledger in pages (`bundle` is their head): the embed shows the default view from them, and asks `onWhole` for
   * the whole ledger when it is shown anything else (a host's filter, a zone option) — the page mounts it again
   * from the whole ledger in its state then (getState).
   */
  pages?: LedgerPages | null;
  onWhole?: () => void;
}


/** How a page (the iframe's, the element) mounts its embed again, for wholeOnDemand. */
export interface Remount {
  /** Loads the whole ledger the pages name. */
  load(): Promise<DataBundle>;
  /** Destroys the embed shown and mounts it again: the data, the state, the options, the pages (null: whole). */
  mount(data: DataBundle, at: UrlState, options: EmbedOptions, pages: LedgerPages | null): void;
  /** The embed shown now (null: gone, or mounting anew). */
  current(): EmbedHandle | null;
}

/** Said in the console for the host page's developer (the iframe's host has nothing else to read). */
const notLoaded = (who: string, e: Error): void => console.warn(`${who}: the whole ledger did not load (${e.message}); showing the default view`);

/** The pages' default view of an embed in `state` (no filter, no zone, their width): where it goes back without the whole ledger. */
function defaultView(pages: LedgerPages, state: UrlState, options: EmbedOptions): { state: UrlState; options: EmbedOptions } {
  return { state: { ...state, filter: EMPTY_FILTER, corridor: pages.index.summary.corridor_m }, options: { ...options, zone: null } };
}

/**
 * The `onWhole` of an embed on a ledger in pages (`head`: their bundle): loads the whole ledger once, then mounts
 * the embed again in the view it shows then (a host may have changed it while the ledger loaded). If it does not
 * load: the default view from the pages again (a zone option is a filter: dropped with it), with a warning; a
 * later filter tries again.
 */
export function wholeOnDemand(pages: LedgerPages, head: DataBundle, options: EmbedOptions, remount: Remount, who: string): () => void {
  let loading = false;
  return () => {
    if (loading) return;
    loading = true;
    remount.load().then(
      (whole) => {
        const shown = remount.current();
        if (shown) remount.mount(whole, shown.getState(), options, null);
      },
      (e: Error) => {
        loading = false;
        notLoaded(who, e);
        const shown = remount.current();
        if (shown) {
          const back = defaultView(pages, shown.getState(), options);
          remount.mount(head, back.state, back.options, pages);
        }
      },
    );
  };
}

/**
 * An embed whose data did not load: why, in its language, naming the file (the iframe's page and the element).
 * `current`: whether this is still what the embed shows once the words have come (an element mounted again meanwhile is not).
 */
export async function showLoadFailure(root: HTMLElement, error: Error, lang: Lang, current: () => boolean = () => true): Promise<void> {
  const why = await loadFailureSaid(error, lang);
  if (!current()) return;
  root.replaceChildren(el('div', { class: 'erqi-embed', lang: lang === 'zh' ? 'zh-CN' : 'en' }, el('p', { class: 'embed-error', role: 'alert' }, why)));
}

/** What an embed is first mounted with: its data, its state and options, and the pages (null: the whole ledger). */
export interface FirstMount {
  data: DataBundle;
  state: UrlState;
  options: EmbedOptions;
  pages: LedgerPages | null;
}

/**
 * What an embed on a ledger in pages is first mounted with. The pages hold the default view (no filter, no zone
 * option, their corridor width): that is mounted from them at once. Any other view is mounted from the whole ledger,
 * loaded first while `root` says so — a map made from the pages would only be thrown away when it came (its WebGL
 * context, style and tiles made twice, and a second `ready`). If it does not load: the default view from the pages,
 * with a warning naming why, as wholeOnDemand does.
 */
export async function firstMount(
  pages: LedgerPages | null,
  head: DataBundle,
  state: UrlState,
  options: EmbedOptions,
  load: () => Promise<DataBundle>,
  root: HTMLElement,
  who: string,
): Promise<FirstMount> {
  if (!pages || (!options.zone && isEmptyFilter(state.filter) && state.corridor === pages.index.summary.corridor_m)) return { data: head, state, options, pages };
  const saying = t('wholeLoading', state.lang, { n: pages.index.projects, size: formatBytes(pages.index.bundle_bytes) });
  root.replaceChildren(el('div', { class: 'erqi-embed', 'data-theme': options.theme, lang: state.lang === 'zh' ? 'zh-CN' : 'en' }, el('p', { class: 'embed-loading', role: 'status' }, saying)));
  try {
    return { data: await load(), state, options, pages: null };
  } catch (e) {
    notLoaded(who, e as Error);
    return { data: head, ...defaultView(pages, state, options), pages };
  }
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
  // A ledger with progress as it stood at the period asked for (period=YYYY-MM; the latest by default).
  const model = new DataModel(bundleAtPeriod(bundle, initial.period), hooks.pages ?? null);
  if (initial.basemap === 'custom' && initial.tiles && !customTilesAllowed(initial.tiles, config)) {
    const host = customTilesHost(initial.tiles);
    console.warn(`erqi-axis-map: custom tiles ignored: ${'host' in host ? `${host.host} is not in config.json's tileHosts` : host.error}`);
  }
  const theme = themeFor(options.theme === 'dark' ? DARK : LIGHT, model.layout);
  const start: UrlState = options.zone ? { ...initial, filter: { ...initial.filter, zones: [options.zone] } } : initial;
  const store = createStore<UrlState>(start);
  const lang = start.lang;
  const has = (c: EmbedOptions['controls'][number]) => options.controls.includes(c);

  // ---------------------------------------------------------------- actions
  /** Until destroyed (a lookup in pages may answer after). */
  let alive = true;
  const selectProject = (id: string | null): boolean | Promise<boolean> => {
    if (typeof id === 'string' && !model.project(id) && model.pages) {
      // A ledger in pages: looked up (its chunk fetched), then selected. The iframe's host has no answer to read, so
      // one the ledger lacks is also said in the console.
      const said = (why: string) => (console.warn(`erqi-axis-map: selectProject: ${why}`), false);
      return model.pages.project(id).then(
        (p) => (p ? alive && selectProject(id) === true : said(`no project ${id.slice(0, 80)}`)),
        (e: Error) => said(e.message),
      );
    }
    if (id !== null && (typeof id !== 'string' || !model.project(id))) return false;
    store.set({ selection: id === null ? { kind: 'none' } : { kind: 'project', id } });
    const site = id ? model.project(id)!.project.site : null;
    const bounds = id ? model.siteBounds(id) : null;
    if (bounds && options.interactive) map.view.fitBounds(bounds);
    else if (site && options.interactive) map.view.flyTo([site.lon, site.lat]);
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
    if (id) map.view.fitBounds(model.axisBounds(id, store.get().corridor));
    return true;
  };
  const ctx: ControlContext = {
    bundle: model.bundle,
    model,
    store,
    theme,
    selectProject: (id) => void selectProject(id),
    // A chip or a panel row: focuses its axis; the focused one again clears.
    selectAxis: (id) => {
      const s = store.get().selection;
      focusAxis(s.kind === 'axis' && s.id === id ? null : id);
    },
  };

  // ---------------------------------------------------------------- controls (the app's modules)
  let map: MapPart;
  const mapEl = el('div', { class: 'embed-map' });
  const mapWrap = el('div', { class: 'embed-map-wrap' }, mapEl);
  mapWrap.style.setProperty('--embed-height', `${options.height}px`);
  const container = el('div', { class: 'erqi-embed', 'data-theme': options.theme, lang: lang === 'zh' ? 'zh-CN' : 'en' }, mapWrap);
  const card = projectCard(ctx, { link: (s) => hooks.fullMapUrl({ ...s, view: null, filter: EMPTY_FILTER }), onClose: () => selectProject(null) });
  const controls: Control[] = [card];
  mapWrap.append(card.element);
  if (has('legend')) controls.push(legend(ctx, { open: false }));
  if (has('search') && options.interactive) {
    controls.push(search(ctx, 'embed-search', (target) => ('center' in target ? map.view.flyTo(target.center, 15) : map.view.fitBounds(target.bounds))));
  }
  const panelEl = el('div', { class: `embed-panel panel-${options.panel}` });
  if (options.panel === 'compact') controls.push(axisChips(ctx, panelEl, options.interactive));
  if (options.panel === 'full') controls.push(axisOverview(ctx, { element: panelEl, chartSwitch: false, highlight: (s) => (s.selection.kind === 'axis' ? s.selection.id : null) }));
  for (const c of controls.slice(1)) if (c.element !== panelEl) mapWrap.append(c.element);
  // Synthetic data (the sample ledger, data=sample) is bannered in an embed too.
  if (start.data === 'sample' || model.synthetic) {
    const top = banner(ctx, null, undefined, false);
    controls.push(top);
    container.prepend(top.element);
  }
  const fullLink = el('a', { class: 'full-link', target: '_blank', rel: 'noopener' }, t('openFullMap', lang));
  if (has('link')) mapWrap.append(fullLink);
  if (options.panel !== 'none') container.append(panelEl);
  if (!options.interactive) container.classList.add('static');
  root.replaceChildren(container);
  // The map measures its container when it is made: it is made in the page.
  map = mapPart(ctx, {
    container: mapEl,
    basemap: (s) => basemapSources(s.basemap, config, s.tiles),
    // The focused axis stays highlighted while a project's card is open.
    selectedAxis: (s) => (s.selection.kind === 'axis' ? s.selection.id : s.selection.kind === 'project' ? focused : null),
    pinTiles: hooks.pinTiles,
    map: {
      cooperativeGestures: options.interactive,
      interactive: options.interactive,
      controls: { zoom: has('zoom') && options.interactive, fullscreen: has('fullscreen'), scale: has('scale') },
      fullscreenContainer: container,
      onWorkerFailure: () => mapWrap.append(el('p', { class: 'no-webgl map-failed', role: 'alert' }, t('partFailed', lang, { what: t('partMapWorker', lang) }))),
    },
    onProjectClick: (id) => selectProject(id),
    onEmptyClick: () => {
      if (store.get().selection.kind === 'project') selectProject(null);
    },
    noWebgl: (message) => mapEl.replaceChildren(message),
    corridorsFailed: (e) => console.warn(`erqi-axis-map: corridor bands unavailable: ${e.message}`),
  });
  controls.unshift(map);

  // ---------------------------------------------------------------- wiring
  const stop = runControls(store, controls);
  // A ledger in pages holds the default view: any other is shown from the whole ledger (the page mounts it).
  const wantsWhole = (s: UrlState) => model.pages && hooks.onWhole && !model.covers(s.filter, s.corridor);
  // (Asked once mounted: the page that mounts this has its handle by then.)
  if (wantsWhole(start)) queueMicrotask(() => alive && hooks.onWhole!());
  fullLink.href = hooks.fullMapUrl(start);
  store.subscribe((s, prev, _how, changed) => {
    fullLink.href = hooks.fullMapUrl(s);
    if (changed.has('selection')) {
      if (s.selection.kind === 'project' || prev.selection.kind === 'project') {
        const p = s.selection.kind === 'project' ? model.project(s.selection.id)?.project : null;
        hooks.emit({ type: 'project-select', id: p?.id ?? null, name_zh: p?.name_zh ?? null, name_en: p?.name_en ?? null });
      }
      if (s.selection.kind === 'axis' || prev.selection.kind === 'axis') {
        hooks.emit({ type: 'axis-select', id: s.selection.kind === 'axis' ? s.selection.id : null });
      }
    }
    if (changed.has('filter')) hooks.emit({ type: 'filter-change', filter: s.filter });
    if (wantsWhole(s)) hooks.onWhole!();
  });
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && store.get().selection.kind === 'project') selectProject(null);
  };
  container.addEventListener('keydown', onKey);

  const ready = map.view.idle.then(() => hooks.emit({ type: 'ready' }));
  return {
    ready,
    view: map.view,
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
      map.view.fitBounds(ERQI_BOUNDS);
    },
    getState: () => store.get(),
    destroy() {
      alive = false;
      stop();
      root.replaceChildren();
    },
  };
}
