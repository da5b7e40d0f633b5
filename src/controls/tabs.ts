import type { Store } from '../app/store.ts';
import type { UrlState } from '../core/url_state.ts';
import { el } from '../ui/dom.ts';
import { t, type StringKey } from '../ui/strings.ts';
import { changedIn, type Changed, type Control } from './control.ts';

export const TABS = ['overview', 'filters', 'list'] as const;
export type Tab = (typeof TABS)[number];
const TAB_LABEL: Record<Tab, StringKey> = { overview: 'tabOverview', filters: 'tabFilters', list: 'tabList' };

/**
 * Tabs per the WAI-ARIA pattern: one selected, ←/→ move between them, the others' panels hidden. Only the open
 * tab's control draws on a change; the others collect what changed and draw when opened. With tens of thousands
 * of projects that keeps a filter change to one panel's DOM.
 */
export function tabs(store: Store<UrlState>, panels: Record<Tab, Control>, initial: Tab = 'overview'): Control & { show(name: Tab, focus?: boolean): void; current(): Tab } {
  let open: Tab = initial;
  const list = el('div', { role: 'tablist', class: 'tabs' });
  const buttons = {} as Record<Tab, HTMLButtonElement>;
  const boxes = {} as Record<Tab, HTMLElement>;
  /** Keys changed while a tab was hidden ('all' before its first draw). */
  const pending: Record<Tab, Set<keyof UrlState> | 'all'> = { overview: 'all', filters: 'all', list: 'all' };
  const select = (name: Tab) => {
    open = name;
    for (const k of TABS) {
      const selected = k === name;
      buttons[k].setAttribute('aria-selected', String(selected));
      buttons[k].tabIndex = selected ? 0 : -1;
      boxes[k].hidden = !selected;
    }
  };
  const show = (name: Tab, focus = false) => {
    select(name);
    const keys = pending[name];
    if (keys === 'all' || keys.size) panels[name].update(store.get(), keys === 'all' ? () => true : changedIn(keys));
    pending[name] = new Set();
    if (focus) buttons[name].focus();
  };
  for (const name of TABS) {
    buttons[name] = el('button', { type: 'button', role: 'tab', id: `tab-${name}`, 'aria-controls': `panel-${name}`, 'data-tab': name });
    boxes[name] = el('div', { role: 'tabpanel', id: `panel-${name}`, 'aria-labelledby': `tab-${name}`, class: 'tabpanel', tabindex: '0' }, panels[name].element);
    buttons[name].addEventListener('click', () => show(name));
    buttons[name].addEventListener('keydown', (e) => {
      if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
      const i = TABS.indexOf(open);
      show(TABS[(i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!, true);
    });
    list.append(buttons[name]);
  }
  const element = el('div', { class: 'tab-area' }, list, ...TABS.map((name) => boxes[name]));
  select(open);
  return {
    element,
    show,
    current: () => open,
    update(s, changed: Changed) {
      if (changed('lang')) for (const name of TABS) buttons[name].textContent = t(TAB_LABEL[name], s.lang);
      for (const name of TABS) {
        if (name === open) {
          panels[name].update(s, changed);
          pending[name] = new Set();
        } else {
          const keys = pending[name];
          if (keys !== 'all') for (const k of Object.keys(s) as Array<keyof UrlState>) if (changed(k)) keys.add(k);
        }
      }
    },
    destroy() {
      for (const name of TABS) panels[name].destroy();
    },
  };
}
