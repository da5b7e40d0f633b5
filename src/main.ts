import { createApp } from './app/app.ts';
import { parseUrlState } from './core/url_state.ts';
import { loadBundle, loadConfig } from './load_bundle.ts';
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
  let bundle;
  try {
    bundle = await loadBundle('data/bundle.json');
  } catch (e) {
    const message = (e as Error).message;
    window.__erqi.error = message;
    root.replaceChildren(el('div', { class: 'error', role: 'alert' }, `${t('loadError', zoneLang)}: ${message}`));
    return;
  }
  const config = await loadConfig('config.json');
  const zoneIds = bundle.zones.features.map((z) => String(z.properties?.['id']));
  const { state, warnings } = parseUrlState(location.search, zoneIds);
  for (const w of warnings) console.warn(w);
  const app = createApp(root, bundle, config, state);
  window.__erqi.app = app;
  window.__erqi.map = app.view.map;
  await app.ready;
  window.__erqi.ready = true;
}

void main();
