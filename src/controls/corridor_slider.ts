import type { DataModel } from '../app/derive.ts';
import { formatCount, formatMetres } from '../core/format.ts';
import type { Lang } from '../core/model.ts';
import { CORRIDOR_RANGE } from '../core/url_state.ts';
import { el } from '../ui/dom.ts';
import { t } from '../ui/strings.ts';
import type { Control, ControlContext } from './control.ts';

/** Widths offered with one click (the slider and the number box take any other, in 50 m steps). */
export const CORRIDOR_PRESETS = [500, 1000, 1500] as const;
const STEP = 50;

/** Which located projects entered and left each axis's corridor between two widths. */
export function corridorChange(model: DataModel, from: number, to: number): Array<{ axis: string; entered: string[]; left: string[] }> {
  return model.layout.axisIds.map((axis, k) => {
    const entered: string[] = [];
    const left: string[] = [];
    for (let i = 0; i < model.placements.length; i++) {
      if (!model.placements.mapped(i)) continue;
      const d = model.placements.distance(i, k);
      const before = d <= from;
      const after = d <= to;
      if (after && !before) entered.push(model.bundle.projects[i]!.id);
      if (before && !after) left.push(model.bundle.projects[i]!.id);
    }
    return { axis, entered, left };
  });
}

/** The change in words: "500 → 1,000 米：大学路 +2（二七米房…）；京广路 +1" — or that nothing moved. */
function changeText(model: DataModel, from: number, to: number, lang: Lang): string {
  const name = (id: string) => {
    const p = model.project(id)?.project;
    return p ? (lang === 'zh' ? p.name_zh : (p.name_en ?? p.name_zh)) : id;
  };
  const names = (ids: string[]) => {
    if (!ids.length) return '';
    const shown = `${ids.slice(0, 2).map(name).join(lang === 'zh' ? '、' : ', ')}${ids.length > 2 ? '…' : ''}`;
    return lang === 'zh' ? `（${shown}）` : ` (${shown})`;
  };
  const parts = corridorChange(model, from, to)
    .filter((c) => c.entered.length || c.left.length)
    .map((c) => {
      const axis = model.axisNames[c.axis]![lang];
      const moves = [c.entered.length ? `+${formatCount(c.entered.length, lang)}${names(c.entered)}` : '', c.left.length ? `−${formatCount(c.left.length, lang)}${names(c.left)}` : ''];
      return `${axis} ${moves.filter(Boolean).join(' ')}`;
    });
  const head = `${formatMetres(from, lang)} → ${formatMetres(to, lang)}`;
  return parts.length ? t('corridorChanged', lang, { head, parts: parts.join(lang === 'zh' ? '；' : '; ') }) : t('corridorUnchanged', lang, { head });
}

/**
 * The corridor half-width: a slider, a number box and presets (500 / 1,000 / 1,500 m), and a note on what a change
 * moved — which projects entered or left each corridor. Dragging redraws once per frame without history entries;
 * the value let go of (or typed, or picked) is one history entry.
 */
export function corridorSlider({ store, model }: ControlContext): Control {
  const label = el('label', { for: 'corridor-input' });
  const input = el('input', {
    id: 'corridor-input',
    type: 'range',
    min: String(CORRIDOR_RANGE.min),
    max: String(CORRIDOR_RANGE.max),
    step: String(STEP),
    'data-key': 'corridor',
  });
  const number = el('input', {
    id: 'corridor-number',
    type: 'number',
    class: 'corridor-number',
    min: String(CORRIDOR_RANGE.min),
    max: String(CORRIDOR_RANGE.max),
    step: String(STEP),
    inputmode: 'numeric',
  });
  const unit = el('span', { class: 'corridor-unit', 'aria-hidden': 'true' });
  const presets = CORRIDOR_PRESETS.map((m) => {
    const b = el('button', { type: 'button', class: 'corridor-preset', 'data-preset': String(m) });
    b.addEventListener('click', () => commit(m));
    return b;
  });
  const presetGroup = el('div', { class: 'corridor-presets', role: 'group' }, ...presets);
  const note = el('p', { class: 'corridor-change', role: 'status', 'aria-live': 'polite' });
  /** The width the last note counted from: the one committed before. */
  let committed = store.get().corridor;
  const commit = (value: number) => {
    const v = Math.min(CORRIDOR_RANGE.max, Math.max(CORRIDOR_RANGE.min, Math.round(value / STEP) * STEP));
    if (!Number.isFinite(v)) return;
    store.set({ corridor: v }, 'push');
    number.value = String(v);
    say(store.get());
  };
  let frame = 0;
  input.addEventListener('input', () => {
    const value = Number(input.value);
    number.value = String(value);
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => store.set({ corridor: value }, 'replace'));
  });
  input.addEventListener('change', () => commit(Number(input.value)));
  // Typed: on Enter or leaving the box (not on every keystroke: "1" on the way to "1500" is not a width).
  number.addEventListener('change', () => (number.value === '' ? (number.value = String(store.get().corridor)) : commit(Number(number.value))));
  function say(s: { corridor: number; lang: Lang }): void {
    if (s.corridor === committed) return;
    note.textContent = changeText(model, committed, s.corridor, s.lang);
    committed = s.corridor;
  }
  return {
    element: el('div', { class: 'corridor-control' }, label, input, el('span', { class: 'corridor-box' }, number, unit), presetGroup, note),
    update(s, changed) {
      if (changed('lang')) {
        label.textContent = t('corridor', s.lang);
        unit.textContent = s.lang === 'zh' ? '米' : 'm';
        number.setAttribute('aria-label', `${t('corridor', s.lang)} (${s.lang === 'zh' ? '米' : 'm'})`);
        presetGroup.setAttribute('aria-label', t('corridorPresets', s.lang));
        presets.forEach((b, i) => (b.textContent = formatMetres(CORRIDOR_PRESETS[i]!, s.lang)));
        if (note.textContent) note.textContent = '';
      }
      if (!changed('corridor', 'lang')) return;
      if (document.activeElement !== input) input.value = String(s.corridor);
      if (document.activeElement !== number || changed('corridor')) number.value = String(s.corridor);
      presets.forEach((b, i) => b.setAttribute('aria-pressed', String(CORRIDOR_PRESETS[i] === s.corridor)));
      // While dragging, the note waits for the value let go of (commit says it).
      if (changed('corridor') && !dragging(input)) say(s);
    },
    destroy: () => cancelAnimationFrame(frame),
  };
}

/** A range input being dragged: the pointer is down on it. */
const dragging = (input: HTMLInputElement) => input.matches(':active');
