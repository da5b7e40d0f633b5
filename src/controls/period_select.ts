import { el } from '../ui/dom.ts';
import { t } from '../ui/strings.ts';
import type { Control, ControlContext } from './control.ts';

/** The reporting period (报告期) for a ledger with progress: pins, figures and cards as they stood then. */
export function periodSelect({ model, store }: ControlContext): Control | null {
  const progress = model.progress;
  if (!progress) return null;
  const label = el('label', { for: 'period-select' });
  const select = el('select', { id: 'period-select', 'data-key': 'period' });
  select.addEventListener('change', () => {
    const latest = progress.periods.at(-1);
    store.set({ period: select.value === latest ? null : select.value });
  });
  return {
    element: el('div', { class: 'period-control' }, label, select),
    update(s, changed) {
      if (!changed('period', 'lang')) return;
      label.textContent = t('period', s.lang);
      const latest = progress.periods.at(-1)!;
      select.replaceChildren(...progress.periods.map((p) => el('option', { value: p }, p === latest ? `${p}${t('periodLatest', s.lang)}` : p)));
      select.value = model.periodOf(s.period)!.period;
    },
    destroy() {},
  };
}
