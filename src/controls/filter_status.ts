import { emptyFilter, FACET_IDS, FACETS, isEmptyFilter } from '../core/facets.ts';
import { dataText, el } from '../ui/dom.ts';
import { FACET_UI } from '../ui/facet_controls.ts';
import { t } from '../ui/strings.ts';
import type { Control, ControlContext } from './control.ts';

/**
 * Over the map, while a filter is set: a chip for each active facet (× takes that one off), how many projects the
 * filter shows, and one click to clear it all.
 */
export function filterStatus({ model, store }: ControlContext): Control {
  const box = el('div', { class: 'filter-status', role: 'status', 'aria-live': 'polite', hidden: '' });
  return {
    element: box,
    update(s, changed) {
      if (!changed('filter', 'corridor', 'lang')) return;
      box.hidden = isEmptyFilter(s.filter);
      if (box.hidden) return box.replaceChildren();
      // A ledger in pages: the count waits for the whole ledger.
      const shown = model.covers(s.filter, s.corridor) ? model.derive(s.filter, s.corridor).filter.indices.length : null;
      const clear = el('button', { type: 'button', class: 'clear', 'data-key': 'status-clear' }, t('filterClear', s.lang));
      clear.addEventListener('click', () => store.set({ filter: emptyFilter() }));
      box.classList.toggle('empty', shown === 0);
      const words = { lang: s.lang, axisNames: model.axisNames, zones: model.zones };
      const chips = FACET_IDS.flatMap((id) => {
        const value = FACET_UI[id].describe(s.filter, words);
        if (!value) return [];
        const label = `${t(FACET_UI[id].label, s.lang)}: ${value}`;
        const chip = el('button', { type: 'button', class: 'filter-chip', 'data-facet': id, 'aria-label': t('filterRemove', s.lang, { what: label }) }, dataText(value), el('span', { 'aria-hidden': 'true' }, ' ×'));
        chip.title = label;
        chip.addEventListener('click', () => store.set({ filter: { ...store.get().filter, ...FACETS[id].empty } }));
        return [chip];
      });
      box.replaceChildren(
        ...chips,
        el('span', {}, shown === null ? t('pageLoading', s.lang) : shown === 0 ? t('filterNone', s.lang) : t('filterShowing', s.lang, { n: shown, all: model.count })),
        ' ',
        clear,
      );
    },
    destroy() {},
  };
}
