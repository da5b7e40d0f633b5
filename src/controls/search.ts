import type { Place } from '../core/search.ts';
import { el } from '../ui/dom.ts';
import { createSearchBox } from '../ui/search_box.ts';
import type { Control, ControlContext } from './control.ts';

/**
 * Search by name, other name, pinyin or address over the whole ledger, and for places; choosing a project opens its
 * card and flies to it, an axis is selected, a landmark or zone is shown (`goTo`; without it, no places are listed).
 * `className`: the wrapper's class (the app's header slot, the embed's corner).
 */
export function search(
  { bundle, model, store, selectProject, selectAxis }: ControlContext,
  className: string,
  goTo?: (target: { center: [number, number] } | { bounds: [[number, number], [number, number]] }) => void,
): Control {
  const box = createSearchBox(bundle.projects, store.get().lang, (id) => selectProject(id, true), {
    ...(bundle.search_keys ? { keys: bundle.search_keys } : {}),
    ...(model.pages ? { find: (q: string) => model.pages!.search(q) } : {}),
    ...(goTo
      ? {
          places: model.places,
          onPlace: (place: Place) => {
            if (place.kind === 'axis') return selectAxis(place.id);
            const target = model.placeTarget(place);
            if (target) goTo(target);
          },
        }
      : {}),
  });
  return {
    element: el('div', { class: className }, box.element),
    update(s, changed) {
      if (changed('lang')) box.setLang(s.lang);
    },
    destroy() {},
  };
}
