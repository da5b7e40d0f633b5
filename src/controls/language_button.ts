import { el } from '../ui/dom.ts';
import { t } from '../ui/strings.ts';
import type { Control, ControlContext } from './control.ts';

/** 中文 ⇄ English; also keeps the document's `lang` in step (screen readers and fonts read it). */
export function languageButton({ store }: ControlContext): Control {
  const button = el('button', { type: 'button', class: 'lang', 'data-key': 'lang' });
  button.addEventListener('click', () => store.set({ lang: store.get().lang === 'zh' ? 'en' : 'zh' }));
  return {
    element: button,
    update(s, changed) {
      if (!changed('lang')) return;
      const other = s.lang === 'zh' ? 'English' : '中文';
      document.documentElement.lang = s.lang === 'zh' ? 'zh-CN' : 'en';
      button.textContent = other;
      button.setAttribute('aria-label', `${t('language', s.lang)}: ${other}`);
      button.lang = s.lang === 'zh' ? 'en' : 'zh-CN';
    },
    destroy() {},
  };
}
