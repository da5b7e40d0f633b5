import { el } from '../ui/dom.ts';
import { createSearchBox } from '../ui/search_box.ts';
import type { Control, ControlContext } from './control.ts';

/** Search by name or address over the whole ledger; choosing a hit opens its card and flies to it. */
/** `className`: the wrapper's class (the app's header slot, the embed's corner). */
export function search({ bundle, store, selectProject }: ControlContext, className: string): Control {
  const box = createSearchBox(bundle.projects, store.get().lang, (id) => selectProject(id, true));
  return {
    element: el('div', { class: className }, box.element),
    update(s, changed) {
      if (changed('lang')) box.setLang(s.lang);
    },
    destroy() {},
  };
}
