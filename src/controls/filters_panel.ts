import { el } from '../ui/dom.ts';
import { renderFilters } from '../ui/filters_panel.ts';
import { pendingNote } from '../ui/labels.ts';
import { replaceKeepingFocus, type Control, type ControlContext } from './control.ts';

/** The Filters tab: every facet with its live counts. */
export function filtersPanel({ model, theme, store }: ControlContext): Control {
  const box = el('div', {});
  return {
    element: box,
    update(s, changed) {
      if (!changed('filter', 'corridor', 'lang')) return;
      // A ledger in pages counts the default view only: other counts wait for the whole ledger.
      if (!model.covers(s.filter, s.corridor)) return box.replaceChildren(pendingNote(s.lang));
      replaceKeepingFocus(
        box,
        renderFilters({
          filter: s.filter,
          counts: model.derive(s.filter, s.corridor).filter.counts,
          zones: model.zones,
          axisNames: model.axisNames,
          lang: s.lang,
          theme,
          onChange: (filter) => store.set({ filter }),
        }),
      );
    },
    destroy() {},
  };
}
