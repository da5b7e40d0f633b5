import { formatCount, formatYi } from '../core/format.ts';
import { axisColour } from '../map/theme.ts';
import { el } from '../ui/dom.ts';
import { pendingNote } from '../ui/labels.ts';
import { t } from '../ui/strings.ts';
import type { Control, ControlContext } from './control.ts';

/** The embed's compact panel: one chip per axis (reported | on the map); a chip focuses its axis. */
export function axisChips({ model, theme, selectAxis }: ControlContext, element: HTMLElement, enabled: boolean): Control {
  return {
    element,
    update(s, changed) {
      if (!changed('filter', 'corridor', 'lang', 'selection')) return;
      const selected = s.selection.kind === 'axis' ? s.selection.id : null;
      const lang = s.lang;
      // A ledger in pages holds the default view's figures only: others wait for the whole ledger (never zeros).
      if (!model.covers(s.filter, s.corridor)) return element.replaceChildren(pendingNote(lang));
      element.replaceChildren(
        ...model.derive(s.filter, s.corridor).aggregates.axes.map((a) => {
          const b = el(
            'button',
            { type: 'button', class: 'axis-chip', 'aria-pressed': String(selected === a.id), 'data-axis': a.id },
            el('strong', {}, lang === 'zh' ? a.name_zh : a.name_en),
            ` ${t('reported', lang)} ${formatCount(a.reported.projects, lang)} · ${formatYi(a.reported.investment_yi, lang)} | ${t('onMap', lang)} ${formatCount(a.mapped.projects, lang)}`,
          );
          b.style.borderColor = axisColour(theme, a.id);
          b.disabled = !enabled;
          b.addEventListener('click', () => selectAxis(a.id));
          return b;
        }),
      );
    },
    destroy() {},
  };
}
