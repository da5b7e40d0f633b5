import { createApp, type App } from './app/app.ts';
import type { DataBundle } from './core/bundle.ts';
import { parseUrlState, type UrlState } from './core/url_state.ts';
import { loadStart } from './load_bundle.ts';
import { el } from './ui/dom.ts';
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
  const zoneLang = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh';
  let start;
  try {
    start = await loadStart('data/bundle.json');
  } catch (e) {
    const message = (e as Error).message;
    window.__erqi.error = message;
    root.replaceChildren(el('div', { class: 'error', role: 'alert' }, `${t('loadError', zoneLang)}: ${message}`));
    return;
  }
  // Tiles stand in for the shipped data's pins only: an imported ledger is drawn from its own data.
  const { bundle, config, pinTiles, layout } = start;
  const { state, warnings } = parseUrlState(location.search, layout);
  for (const w of warnings) console.warn(w);

  // Imported ledgers stack on the shipped data; Undo pops back. Nothing is lost until the page is left.
  const stack: Array<{ bundle: DataBundle; file: string | null }> = [{ bundle, file: null }];
  let app: App | null = null;
  const mount = async (initial: UrlState) => {
    const top = stack.at(-1)!;
    app?.destroy();
    window.__erqi!.ready = false;
    app = createApp(root, top.bundle, config, initial, {
      importedFrom: top.file,
      pinTiles: top.file === null ? pinTiles : null,
      onImport: (projects, file) => {
        stack.push({ bundle: { ...top.bundle, projects }, file });
        void mount({ ...app!.store.get(), selection: { kind: 'none' } });
      },
      ...(stack.length > 1
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
    await app.ready;
    window.__erqi!.ready = true;
  };
  await mount(state);
}

void main();
