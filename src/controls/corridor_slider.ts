import { formatMetres } from '../core/format.ts';
import { CORRIDOR_RANGE } from '../core/url_state.ts';
import { el } from '../ui/dom.ts';
import { t } from '../ui/strings.ts';
import type { Control, ControlContext } from './control.ts';

/**
 * The corridor half-width slider. Dragging redraws once per frame without history entries; the value let go
 * of is one history entry.
 */
export function corridorSlider({ store }: ControlContext): Control {
  const label = el('label', { for: 'corridor-input' });
  const input = el('input', {
    id: 'corridor-input',
    type: 'range',
    min: String(CORRIDOR_RANGE.min),
    max: String(CORRIDOR_RANGE.max),
    step: '50',
    'data-key': 'corridor',
  });
  const output = el('output', { for: 'corridor-input', class: 'corridor-value' });
  let frame = 0;
  input.addEventListener('input', () => {
    const value = Number(input.value);
    output.textContent = formatMetres(value, store.get().lang);
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => store.set({ corridor: value }, 'replace'));
  });
  input.addEventListener('change', () => store.set({ corridor: Number(input.value) }, 'push'));
  return {
    element: el('div', { class: 'corridor-control' }, label, input, output),
    update(s, changed) {
      if (changed('lang')) label.textContent = t('corridor', s.lang);
      if (!changed('corridor', 'lang')) return;
      if (document.activeElement !== input) input.value = String(s.corridor);
      output.textContent = formatMetres(s.corridor, s.lang);
    },
    destroy: () => cancelAnimationFrame(frame),
  };
}
