/**
 * embed.html: the map for an <iframe>. Reads its options from the URL, reports ready, its height and
 * selections to the parent page, and takes commands only from the origins in `origins=`.
 */
import { parseEmbedOptions } from '../core/embed_options.ts';
import { acceptCommand, envelope, type MapEvent } from '../core/messages.ts';
import { DATA_BUNDLE, parseUrlState, serializeUrlState } from '../core/url_state.ts';
import { loadBundle, loadStart } from '../load_bundle.ts';
import { readPages } from '../app/read_pages.ts';
import { firstMount, mountEmbed, showLoadFailure, wholeOnDemand, type EmbedHandle } from './mount_embed.ts';
import './embed.css';

declare global {
  interface Window {
    __erqiEmbed?: { ready: boolean; error?: string; handle?: import('./mount_embed.ts').EmbedHandle };
  }
}

async function main(): Promise<void> {
  const root = document.getElementById('embed')!;
  window.__erqiEmbed = { ready: false };
  const pairs = [...new URLSearchParams(location.search)];
  let start;
  try {
    // The SAMPLE ledger only when asked for (data=sample): bannered as in the app.
    start = await loadStart(DATA_BUNDLE[new URLSearchParams(location.search).get('data') === 'sample' ? 'sample' : 'published'], location.href, readPages);
  } catch (e) {
    window.__erqiEmbed.error = (e as Error).message;
    await showLoadFailure(root, e as Error, new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh');
    return;
  }
  const { bundle, config, pinTiles, layout, pages } = start;
  const { state, warnings } = parseUrlState(location.search, layout);
  const { options, warnings: embedWarnings } = parseEmbedOptions(pairs, layout);
  for (const w of [...warnings, ...embedWarnings]) console.warn(w);

  const inFrame = window.parent !== window;
  /** Events are public facts about public data: posted to the allowed origins, or to any parent when none is set. */
  const emit = (event: MapEvent) => {
    if (!inFrame) return;
    const message = envelope(event);
    if (options.origins.length) for (const origin of options.origins) window.parent.postMessage(message, origin);
    else window.parent.postMessage(message, '*');
  };
  const fullMapUrl = (s: typeof state) => new URL(`index.html${serializeUrlState(s)}`, location.href).href;
  // A ledger in pages, asked for a view they do not hold (a host's filter, a zone option): the whole ledger.
  const onWhole: (() => void) | undefined = pages
    ? wholeOnDemand(pages, bundle, options, {
        load: () => loadBundle(pages.bundleUrl),
        current: () => handle,
        mount: (data, at, opts, paged) => {
          handle.destroy();
          handle = mountWith(data, at, opts, paged);
          window.__erqiEmbed!.handle = handle;
        },
      }, 'erqi-axis-map')
    : undefined;
  const mountWith = (data: typeof bundle, at: typeof state, opts: typeof options, paged: typeof pages | null): EmbedHandle =>
    mountEmbed(root, data, config, at, opts, { emit, fullMapUrl, pinTiles, pages: paged, ...(onWhole ? { onWhole } : {}) });
  // A view the pages do not hold is mounted once, from the whole ledger loaded first (firstMount).
  const first = await firstMount(pages ?? null, bundle, state, options, () => loadBundle(pages!.bundleUrl), root, 'erqi-axis-map');
  let handle: EmbedHandle = mountWith(first.data, first.state, first.options, first.pages);
  window.__erqiEmbed.handle = handle;

  addEventListener('message', (e: MessageEvent) => {
    if (e.source !== window.parent) return;
    const accepted = acceptCommand(e.data, e.origin, options.origins, layout);
    if (!accepted) return;
    if ('refused' in accepted) {
      console.warn(`embed: command from ${e.origin} refused, nothing changed: ${accepted.refused.join('; ')}`);
      return;
    }
    const { command } = accepted;
    switch (command.type) {
      case 'select-project':
        handle.selectProject(command.id);
        break;
      case 'focus-axis':
        handle.focusAxis(command.id);
        break;
      case 'set-filters':
        handle.setFilters(command.filter);
        break;
      case 'fit-district':
        handle.fitDistrict();
        break;
    }
  });

  // The content's own height, for a host that resizes the iframe to fit. Not the document's scrollHeight: that is
  // never less than the frame itself, so a frame made taller once would never be told to shrink.
  let lastHeight = 0;
  const reportHeight = () => {
    const height = Math.ceil(root.getBoundingClientRect().height);
    if (height !== lastHeight) emit({ type: 'height', height });
    lastHeight = height;
  };
  new ResizeObserver(reportHeight).observe(root, { box: 'border-box' });
  await handle.ready;
  reportHeight();
  performance.mark('erqi:ready');
  window.__erqiEmbed.ready = true;
}

void main();
