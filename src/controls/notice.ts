import type { Store } from '../app/store.ts';
import type { UrlState } from '../core/url_state.ts';
import { el } from '../ui/dom.ts';
import { t, type StringKey } from '../ui/strings.ts';
import type { Control } from './control.ts';

/** Parts of the app loaded on first use; when one does not load (a flaky network) the notice says which. */
export type PartName = 'partMapWorker' | 'partImport' | 'partCorridors' | 'partExport' | 'partEmbed' | 'partShare';

export interface Notice extends Control {
  /** One notice over the map, with a dismiss button (and any other buttons given). */
  notify(text: string, ...actions: HTMLElement[]): void;
  /** A script chunk that did not load: said, never silent. */
  partFailed(what: PartName): void;
  say(key: StringKey, vars?: Record<string, string | number>): void;
  clear(): void;
}

export function notice(store: Store<UrlState>): Notice {
  const box = el('div', { class: 'notice', role: 'status', 'aria-live': 'polite' });
  /** A notice said from the strings table is said again in the other language when the language changes. */
  let said: ((lang: UrlState['lang']) => string) | null = null;
  const clear = () => {
    said = null;
    box.replaceChildren();
  };
  const notify = (text: string, ...actions: HTMLElement[]) => {
    said = null;
    const dismiss = el('button', { type: 'button', class: 'dismiss' }, t('dismiss', store.get().lang));
    dismiss.addEventListener('click', clear);
    box.replaceChildren(el('p', { role: 'alert' }, text, ...actions.flatMap((a) => [' ', a]), ' ', dismiss));
  };
  const sayIn = (words: (lang: UrlState['lang']) => string) => {
    notify(words(store.get().lang));
    said = words;
  };
  return {
    element: box,
    update(s, changed) {
      if (changed('lang') && said) sayIn(said);
    },
    destroy: clear,
    notify,
    clear,
    say: (key, vars) => sayIn((lang) => t(key, lang, vars)),
    partFailed: (what) => sayIn((lang) => t('partFailed', lang, { what: t(what, lang) })),
  };
}
