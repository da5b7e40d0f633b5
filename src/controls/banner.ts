import { isolated } from '../core/format.ts';
import { serializeUrlState, type UrlState } from '../core/url_state.ts';
import { el } from '../ui/dom.ts';
import { t } from '../ui/strings.ts';
import type { Control, ControlContext } from './control.ts';

/** The same page with another data set (a new page load: the data is the page's). */
const withData = (s: UrlState, data: UrlState['data']) =>
  `${location.pathname}${serializeUrlState({ ...s, data, selection: { kind: 'none' }, view: null })}`;

/**
 * Above the page: the sample ledger and any synthetic data are bannered, always; imported data names its file,
 * with Undo. `links`: offer the way back to the published ledger (the app; an embed has its own full-map link).
 */
export function banner({ bundle, model }: ControlContext, importedFrom: string | null, onUndo: (() => void) | undefined, links = true): Control {
  const box = el('div', { class: 'banner', role: 'status', 'aria-live': 'polite' });
  return {
    element: box,
    update(s, changed) {
      if (!changed('lang', 'data', 'filter', 'corridor', 'basemap')) return;
      const parts: Node[] = [];
      if (s.data === 'sample' || model.synthetic) parts.push(el('strong', { class: 'synthetic' }, t(s.data === 'sample' ? 'sampleBanner' : 'syntheticBanner', s.lang)));
      if (s.data === 'sample' && links) parts.push(el('a', { href: withData(s, 'published'), class: 'data-back', 'data-key': 'data-back' }, t('sampleClose', s.lang)));
      if (importedFrom) {
        parts.push(el('span', {}, t('importedBanner', s.lang, { file: isolated(importedFrom), n: bundle.projects.length })));
        if (onUndo) {
          const undo = el('button', { type: 'button', class: 'undo', 'data-key': 'undo' }, t('undo', s.lang));
          undo.addEventListener('click', onUndo);
          parts.push(undo);
        }
      }
      box.replaceChildren(...parts);
      box.hidden = parts.length === 0;
    },
    destroy() {},
  };
}

/** 示例台账 / Sample ledger: opens the synthetic sample (its totals equal the report), for a first look at what a full ledger shows. */
export function sampleLink(): Control {
  const link = el('a', { class: 'sample-link', 'data-key': 'sample' });
  return {
    element: link,
    update(s) {
      link.textContent = t('sampleOpen', s.lang);
      link.title = t('sampleOpenTitle', s.lang);
      link.href = withData(s, 'sample');
    },
    destroy() {},
  };
}
