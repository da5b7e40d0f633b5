import { emptyFilter, isEmptyFilter } from '../core/facets.ts';
import { el } from '../ui/dom.ts';
import { t } from '../ui/strings.ts';
import type { Control, ControlContext } from './control.ts';

/** Over the map, while a filter is set: how many projects it shows, and one click to clear it. */
export function filterStatus({ bundle, model, store }: ControlContext): Control {
  const box = el('div', { class: 'filter-status', role: 'status', 'aria-live': 'polite', hidden: '' });
  return {
    element: box,
    update(s, changed) {
      if (!changed('filter', 'corridor', 'lang')) return;
      box.hidden = isEmptyFilter(s.filter);
      if (box.hidden) return box.replaceChildren();
      const shown = model.derive(s.filter, s.corridor).filter.indices.length;
      const clear = el('button', { type: 'button', class: 'clear', 'data-key': 'status-clear' }, t('filterClear', s.lang));
      clear.addEventListener('click', () => store.set({ filter: emptyFilter() }));
      box.classList.toggle('empty', shown === 0);
      box.replaceChildren(el('span', {}, shown === 0 ? t('filterNone', s.lang) : t('filterShowing', s.lang, { n: shown, all: bundle.projects.length })), ' ', clear);
    },
    destroy() {},
  };
}
