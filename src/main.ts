import { createApp, type App } from './app/app.ts';
import type { DataBundle } from './core/bundle.ts';
import type { MappedProject } from './core/model.ts';
import type { KnownPlacements } from './core/shipped_placements.ts';
import { bundleAtPeriod, type ProgressRow } from './core/progress.ts';
import { DATA_BUNDLE, parseUrlState, type DataSet, type UrlState } from './core/url_state.ts';
import { loadBundle, loadStart } from './load_bundle.ts';
import { emptyFilter } from './core/facets.ts';
import { formatBytes } from './core/format.ts';
import { readPages } from './app/read_pages.ts';
import type { Tab } from './controls/tabs.ts';
import { el } from './ui/dom.ts';
import { loadErrorSaid, loadFailureSaid } from './ui/load_error.ts';
import { t } from './ui/strings.ts';
import './style.css';

/** What the browser tests read: `ready` once the map is drawn. */
declare global {
  interface Window {
    __erqi?: { ready: boolean; error?: string; app?: import('./app/app.ts').App; map?: import('maplibre-gl').Map };
  }
}

async function main(): Promise<void> {
  const root = document.getElementById('app')!;
  window.__erqi = { ready: false };
  const params = new URLSearchParams(location.search);
  const zoneLang = params.get('lang') === 'en' ? 'en' : 'zh';
  // The SAMPLE ledger only when the link asks for it (data=sample); the published one otherwise.
  const dataSet: DataSet = params.get('data') === 'sample' ? 'sample' : 'published';
  let start;
  try {
    start = await loadStart(DATA_BUNDLE[dataSet], location.href, readPages);
  } catch (e) {
    root.replaceChildren(el('div', { class: 'error', role: 'alert' }, await loadFailureSaid(e as Error, zoneLang)));
    window.__erqi.error = (e as Error).message;
    return;
  }
  // Tiles stand in for the shipped data's pins only: an imported ledger is drawn from its own data.
  const { config, pinTiles, layout } = start;
  let bundle = start.bundle;
  /** A ledger in pages (npm run pages): shown from them until something needs it whole (then null). */
  let pages = start.pages ?? null;
  const { state, warnings } = parseUrlState(location.search, layout);
  for (const w of warnings) console.warn(w);

  // Imported ledgers stack on the shipped data; Undo pops back. Nothing is lost until the page is left.
  const stack: Array<{ bundle: DataBundle; file: string | null }> = [{ bundle, file: null }];
  let app: App | null = null;
  /** While editing (项目落图): the session, its change log replayed over the shipped data (src/edit, loaded then). */
  let editing: { session: import('./edit/index.ts').EditSession; editor: typeof import('./edit/index.ts') } | null = null;
  /** The same view made again (another ledger, editing on or off), on the same sidebar tab. */
  const remount = () => void mount({ ...app!.store.get() }, app!.tab());
  /** Loads a ledger in pages whole, once, then shows the same view from it (a failure: back to the default view). */
  let whole: Promise<void> | null = null;
  const loadWhole = () => {
    const paged = pages;
    if (!paged || whole) return;
    const lang = app!.store.get().lang;
    app!.notify(t('wholeLoading', lang, { n: paged.index.projects, size: formatBytes(paged.index.bundle_bytes) }));
    whole = loadBundle(paged.bundleUrl).then(
      (loaded) => {
        bundle = loaded;
        stack[0] = { bundle: loaded, file: null };
        pages = null;
        remount();
      },
      (e: Error) => {
        whole = null;
        console.warn(e.message);
        const s = app!.store.get();
        void loadErrorSaid(e, s.lang).then((why) => app!.notify(t('wholeFailed', s.lang, { why })));
        app!.store.set({ filter: emptyFilter(), corridor: paged.index.summary.corridor_m });
      },
    );
  };
  const startEditing = async () => {
    const lang = app!.store.get().lang;
    let editor: typeof import('./edit/index.ts');
    try {
      editor = await import('./edit/index.ts');
    } catch {
      app!.notify(t('partFailed', lang, { what: t('partEdit', lang) }));
      return;
    }
    try {
      const session = await editor.startSession(bundle, remount, () => app!.notify(editor.et('otherTab', app!.store.get().lang)));
      editing = { session, editor };
      remount();
    } catch (e) {
      // Storage blocked or full: editing refuses to start rather than lose work; the map goes on as before.
      app!.notify(editor.et('unavailable', lang, { why: (e as Error).message }));
    }
  };
  const stopEditing = () => {
    editing?.session.stop();
    editing = null;
    remount();
  };
  const mount = async (initial: UrlState, tab?: Tab) => {
    const top = stack.at(-1)!;
    app?.destroy();
    window.__erqi!.ready = false;
    const edit = editing;
    // A ledger with progress is shown as it stood at the period asked for (the latest by default).
    const shown = bundleAtPeriod(edit ? { ...bundle, projects: edit.session.projects } : top.bundle, initial.period);
    app = createApp(root, shown, config, initial, {
      // Every file shown over the published data, in the order they came (a ledger, then its 调度表).
      importedFrom: edit || top.file === null ? null : stack.flatMap((s) => (s.file ? [s.file] : [])).join(' + '),
      ...(pages ? { pages, onWhole: loadWhole } : {}),
      ...(tab ? { tab } : {}),
      // Tiles were cut from the shipped pins: edited data is drawn from itself.
      pinTiles: top.file === null && (!edit || edit.session.changes.length === 0) ? pinTiles : null,
      ...(edit
        ? { editPanel: (ctx, getView, notice) => edit.editor.editPanel(ctx, edit.session, getView, notice, stopEditing) }
        : pages
          ? {}
          : {
              onImport: (projects: MappedProject[], file: string, placed?: KnownPlacements) => {
                stack.push({ bundle: { ...top.bundle, projects, placed }, file });
                void mount({ ...app!.store.get(), selection: { kind: 'none' } });
              },
              // A progress file over the data shown (Undo takes it off again), at its latest period.
              onImportProgress: (progress: ProgressRow[], file: string) => {
                stack.push({ bundle: { ...top.bundle, progress }, file });
                void mount({ ...app!.store.get(), period: null });
              },
              // The published ledger is what the editor edits (not an imported file, not the sample).
              ...(stack.length === 1 && dataSet === 'published' ? { onEdit: () => void startEditing() } : {}),
            }),
      ...(stack.length > 1 && !edit
        ? {
            onUndo: () => {
              stack.pop();
              void mount({ ...app!.store.get(), selection: { kind: 'none' } });
            },
          }
        : {}),
    });
    window.__erqi!.app = app;
    window.__erqi!.map = app.view.map ?? undefined;
    // Another period: the statuses change, so pins, filters and figures are built again for it.
    const mounted = app;
    mounted.store.subscribe((s, _prev, _how, changed) => {
      if (changed.has('period') && app === mounted) void mount(s);
      // A ledger in pages holds the default view: another filter or width loads it whole.
      if (app === mounted && !mounted.model.covers(s.filter, s.corridor)) loadWhole();
    });
    if (!mounted.model.covers(initial.filter, initial.corridor)) loadWhole();
    await app.ready;
    performance.mark('erqi:ready');
    window.__erqi!.ready = true;
  };
  await mount(state);
}

void main();
