import type { Lang, MappedProject } from '../core/model.ts';
import { searchPlaces, searchProjects, type Place } from '../core/search.ts';
import { dataText, el } from './dom.ts';
import { t } from './strings.ts';

export interface SearchBox {
  element: HTMLElement;
  setLang(lang: Lang): void;
}

export interface SearchOptions {
  /** Pinyin of names (the bundle's search_keys): "taiheli", "zttl" find 中铁·泰和里. */
  keys?: Record<string, string>;
  /** Landmarks, roads and zones found beside the projects, and where choosing one goes (none without it). */
  places?: readonly Place[];
  onPlace?: (place: Place) => void;
  /** A ledger in pages: its projects are found in the search pages (fetched), not in `projects`. */
  find?: (query: string) => Promise<ReadonlyArray<Pick<MappedProject, 'id' | 'name_zh' | 'name_en'>>>;
}

/** One line of the results: a project (by its index in the ledger) or a place. */
type Hit = { kind: 'project'; p: Pick<MappedProject, 'id' | 'name_zh' | 'name_en' | 'other_names' | 'address'> } | { kind: 'place'; place: Place };

const PLACE_KIND: Record<Place['kind'], 'placeLandmark' | 'placeAxis' | 'placeZone'> = { landmark: 'placeLandmark', axis: 'placeAxis', zone: 'placeZone' };

/**
 * A combobox (WAI-ARIA 1.2): results as you type — projects by name, other name, pinyin or address, then places —
 * ↑/↓ to move, Enter to open, Esc to close; how many were found is announced. Searches the whole ledger, whatever
 * the filter: an investor looks for a name, not a facet.
 */
export function createSearchBox(projects: readonly MappedProject[], initialLang: Lang, onSelect: (id: string) => void, options: SearchOptions = {}): SearchBox {
  let lang = initialLang;
  let hits: Hit[] = [];
  let active = -1;
  const input = el('input', {
    type: 'search',
    id: 'search-input',
    role: 'combobox',
    autocomplete: 'off',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': 'search-results',
  });
  const label = el('label', { for: 'search-input', class: 'visually-hidden' });
  const list = el('ul', { id: 'search-results', role: 'listbox', class: 'search-results', hidden: '' });
  const status = el('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const choose = (i: number) => {
    const hit = hits[i];
    if (!hit) return;
    close();
    if (hit.kind === 'place') {
      input.value = lang === 'zh' ? hit.place.name_zh : hit.place.name_en;
      options.onPlace?.(hit.place);
      return;
    }
    const { p } = hit;
    input.value = lang === 'zh' ? p.name_zh : (p.name_en ?? p.name_zh);
    onSelect(p.id);
  };
  const highlight = (i: number) => {
    active = i;
    for (const li of list.querySelectorAll('[role="option"]')) li.setAttribute('aria-selected', String(li.id === `search-option-${i}`));
    if (i >= 0) input.setAttribute('aria-activedescendant', `search-option-${i}`);
    else input.removeAttribute('aria-activedescendant');
  };
  const option = (i: number, key: string, main: string, rest: Array<string | Node>) => {
    const li = el('li', { id: `search-option-${i}`, role: 'option', 'aria-selected': 'false', 'data-hit': key }, dataText(main), el('span', { class: 'muted' }, ' ', ...rest));
    li.addEventListener('mousedown', (e) => e.preventDefault()); // keep focus in the input
    li.addEventListener('click', () => choose(i));
    return li;
  };
  /** Queries asked of the search pages: an answer to an earlier one is dropped. */
  let asked = 0;
  const update = () => {
    const { find } = options;
    if (!find) return show(searchProjects(projects, input.value, 10, options.keys).map((h): Hit => ({ kind: 'project', p: projects[h.index]! })));
    const mine = ++asked;
    const query = input.value;
    if (!query.trim()) return show([]);
    find(query).then(
      (found) => mine === asked && show(found.map((p): Hit => ({ kind: 'project', p: { other_names: null, address: null, ...p } }))),
      (e: Error) => {
        console.warn(`search: ${e.message}`);
        if (mine !== asked) return;
        show([]);
        // Not "no matching project": the search pages did not answer.
        list.replaceChildren(el('li', { class: 'muted', role: 'presentation' }, t('loadError', lang)));
      },
    );
  };
  const show = (found: Hit[]) => {
    const places = options.onPlace ? searchPlaces(options.places ?? [], input.value, 5, options.keys).map((place): Hit => ({ kind: 'place', place })) : [];
    hits = [...found, ...places];
    const items = hits.map((hit, i) => {
      if (hit.kind === 'place') {
        const { place } = hit;
        return option(i, `${place.kind}:${place.id}`, lang === 'zh' ? place.name_zh : place.name_en, [t(PLACE_KIND[place.kind], lang), ' · ', dataText(lang === 'zh' ? place.name_en : place.name_zh)]);
      }
      const { p } = hit;
      const li = option(i, `project:${p.id}`, lang === 'zh' ? p.name_zh : (p.name_en ?? p.name_zh), [
        dataText(lang === 'zh' ? (p.name_en ?? '') : p.name_zh),
        ...(p.other_names ? [' · ', dataText(p.other_names)] : []),
        ...(p.address ? [' · ', dataText(p.address)] : []),
      ]);
      li.dataset['project'] = p.id;
      return li;
    });
    const firstPlace = hits.findIndex((h) => h.kind === 'place');
    if (firstPlace >= 0) items.splice(firstPlace, 0, el('li', { class: 'search-group', role: 'presentation' }, t('searchPlaces', lang)));
    list.replaceChildren(...items);
    const open = input.value.trim() !== '';
    list.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    if (open && !hits.length) list.append(el('li', { class: 'muted', role: 'presentation' }, t('noResults', lang)));
    status.textContent = open ? t(places.length ? 'searchFoundPlaces' : 'searchFound', lang, { n: found.length, m: places.length }) : '';
    highlight(hits.length ? 0 : -1);
  };
  input.addEventListener('input', update);
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && hits.length) {
      e.preventDefault();
      if (list.hidden) update();
      highlight((active + 1) % hits.length);
    } else if (e.key === 'ArrowUp' && hits.length) {
      e.preventDefault();
      highlight((active - 1 + hits.length) % hits.length);
    } else if (e.key === 'Enter' && active >= 0 && !list.hidden) {
      e.preventDefault();
      choose(active);
    } else if (e.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', close);

  const setLang = (next: Lang) => {
    lang = next;
    label.textContent = t('search', lang);
    input.placeholder = t('searchPlaceholder', lang);
    if (!list.hidden) update();
  };
  setLang(lang);
  return { element: el('div', { class: 'search' }, label, input, list, status), setLang };
}
