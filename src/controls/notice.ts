import type { Store } from '../app/store.ts';
import type { UrlState } from '../core/url_state.ts';
import { el } from '../ui/dom.ts';
import { t, type StringKey } from '../ui/strings.ts';
import type { Control } from './control.ts';

/** Parts of the app loaded on first use; when one does not load (a flaky network) the notice says which. */
export type PartName = 'partMapWorker' | 'partImport' | 'partCorridors' | 'partExport' | 'partEmbed';

export interface Notice extends Control {
  /** One notice over the map, with a dismiss button (and any other buttons given). */
  notify(text: string, ...actions: HTMLElement[]): void;
  /** A script chunk that did not load: said, never silent. */
  partFailed(what: PartName): void;
  say(key: StringKey): void;
  clear(): void;
}

export function notice(store: Store<UrlState>): Notice {
  const box = el('div', { class: 'notice', role: 'status', 'aria-live': 'polite' });
  const clear = () => box.replaceChildren();
  const notify = (text: string, ...actions: HTMLElement[]) => {
    const dismiss = el('button', { type: 'button', class: 'dismiss' }, t('dismiss', store.get().lang));
    dismiss.addEventListener('click', clear);
    box.replaceChildren(el('p', { role: 'alert' }, text, ...actions.flatMap((a) => [' ', a]), ' ', dismiss));
  };
  return {
    element: box,
    update() {},
    destroy: clear,
    notify,
    clear,
    say: (key) => notify(t(key, store.get().lang)),
    partFailed: (what) => notify(t('partFailed', store.get().lang, { what: t(what, store.get().lang) })),
  };
}
