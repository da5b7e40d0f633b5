import type { Lang, MappedProject } from '../core/model.ts';
import { searchProjects } from '../core/search.ts';
import { dataText, el } from './dom.ts';
import { t } from './strings.ts';

export interface SearchBox {
  element: HTMLElement;
  setLang(lang: Lang): void;
}

/**
 * A combobox (WAI-ARIA 1.2): results as you type, ↑/↓ to move, Enter to open the project, Esc to close.
 * Searches the whole ledger, whatever the filter: an investor looks for a name, not a facet.
 */
export function createSearchBox(projects: readonly MappedProject[], initialLang: Lang, onSelect: (id: string) => void): SearchBox {
  let lang = initialLang;
  let hits: number[] = [];
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
    const p = projects[hits[i]!];
    if (!p) return;
    close();
    input.value = lang === 'zh' ? p.name_zh : (p.name_en ?? p.name_zh);
    onSelect(p.id);
  };
  const highlight = (i: number) => {
    active = i;
    [...list.children].forEach((li, k) => li.setAttribute('aria-selected', String(k === i)));
    if (i >= 0) input.setAttribute('aria-activedescendant', `search-option-${i}`);
    else input.removeAttribute('aria-activedescendant');
  };
  const update = () => {
    hits = searchProjects(projects, input.value).map((h) => h.index);
    list.replaceChildren(
      ...hits.map((index, i) => {
        const p = projects[index]!;
        const li = el(
          'li',
          { id: `search-option-${i}`, role: 'option', 'aria-selected': 'false', 'data-project': p.id },
          dataText(lang === 'zh' ? p.name_zh : (p.name_en ?? p.name_zh)),
          el('span', { class: 'muted' }, ' ', dataText(lang === 'zh' ? (p.name_en ?? '') : p.name_zh), ...(p.address ? [' · ', dataText(p.address)] : [])),
        );
        li.addEventListener('mousedown', (e) => e.preventDefault()); // keep focus in the input
        li.addEventListener('click', () => choose(i));
        return li;
      }),
    );
    const open = input.value.trim() !== '';
    list.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    if (open && !hits.length) list.append(el('li', { class: 'muted', role: 'presentation' }, t('noResults', lang)));
    status.textContent = open ? `${hits.length}` : '';
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
