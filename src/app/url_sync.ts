import type { Layout } from '../core/layout.ts';
import { parseUrlState, serializeUrlState, type UrlState } from '../core/url_state.ts';
import type { ChangeKind, Store } from './store.ts';

/** Longest a panned view waits before it is written to the address bar (MapLibre's hash does the same). */
const REPLACE_THROTTLE_MS = 300;

/**
 * Keeps the address bar and the store in step: settings, filters and selection make history entries,
 * panning replaces the current one, and back/forward restore exactly what the entry holds.
 */
export function syncUrl<S extends UrlState>(store: Store<S>, layout: Layout): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const write = (how: ChangeKind) => {
    const url = `${location.pathname}${serializeUrlState(store.get())}${location.hash}`;
    if (url === `${location.pathname}${location.search}${location.hash}`) return;
    if (how === 'push') history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  };
  const unsubscribe = store.subscribe((_state, _previous, how) => {
    if (how === 'restore') return;
    if (how === 'push') {
      if (timer) clearTimeout(timer);
      timer = null;
      write('push');
    } else if (!timer) {
      timer = setTimeout(() => {
        timer = null;
        write('replace');
      }, REPLACE_THROTTLE_MS);
    }
  });
  const onPop = () => {
    const { state, warnings } = parseUrlState(location.search, layout);
    for (const w of warnings) console.warn(w);
    store.set(state as Partial<S>, 'restore');
  };
  addEventListener('popstate', onPop);
  return () => {
    unsubscribe();
    removeEventListener('popstate', onPop);
  };
}
