import { el } from '../ui/dom.ts';
import { t } from '../ui/strings.ts';
import type { Control } from './control.ts';

/** The page's title, its subtitle and the document title. */
export function titles(): Control {
  const title = el('h1', {});
  const subtitle = el('span', { class: 'subtitle' });
  return {
    element: el('div', { class: 'titles' }, title, subtitle),
    update(s, changed) {
      if (!changed('lang')) return;
      document.title = `${t('title', s.lang)} · Erqi axis map`;
      title.textContent = t('title', s.lang);
      subtitle.textContent = t('subtitle', s.lang);
    },
    destroy() {},
  };
}
