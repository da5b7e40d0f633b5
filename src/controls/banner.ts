import { isolated } from '../core/format.ts';
import { el } from '../ui/dom.ts';
import { t } from '../ui/strings.ts';
import type { Control, ControlContext } from './control.ts';

/** Above the page: synthetic data is bannered; imported data names its file, with Undo. */
export function banner({ bundle }: ControlContext, importedFrom: string | null, onUndo: (() => void) | undefined): Control {
  const box = el('div', { class: 'banner', role: 'status', 'aria-live': 'polite' });
  const synthetic = bundle.projects.some((p) => p.source === 'synthetic');
  return {
    element: box,
    update(s, changed) {
      if (!changed('lang')) return;
      const parts: Node[] = [];
      if (synthetic) parts.push(el('strong', { class: 'synthetic' }, t('syntheticBanner', s.lang)));
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
