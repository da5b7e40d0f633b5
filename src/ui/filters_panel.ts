import { emptyFilter, FACET_IDS, isEmptyFilter } from '../core/facets.ts';
import { el } from './dom.ts';
import { FACET_UI, type FacetProps } from './facet_controls.ts';
import { t } from './strings.ts';

export type FiltersProps = FacetProps;

/** The facets in table order (core/facets.ts), each option with its live count, and one button to clear them all. */
export function renderFilters(props: FiltersProps): HTMLElement {
  const clear = el('button', { type: 'button', class: 'clear', 'data-key': 'clear-filters' }, t('clearFilters', props.lang));
  clear.disabled = isEmptyFilter(props.filter);
  clear.addEventListener('click', () => props.onChange(emptyFilter()));
  return el('div', { class: 'filters' }, clear, ...FACET_IDS.map((id) => FACET_UI[id].render(props)));
}
