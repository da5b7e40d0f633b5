import { isEmptyFilter, type Filter, type FilterResult } from '../core/filter.ts';
import type { ZoneFeature } from '../core/load_geo.ts';
import { AXIS_IDS, SECTORS, STATUSES, type Lang } from '../core/model.ts';
import type { Theme } from '../map/theme.ts';
import { el } from './dom.ts';
import { sectorLabel, statusLabel } from './labels.ts';
import { t, type StringKey } from './strings.ts';

export interface FiltersProps {
  filter: Filter;
  counts: FilterResult['counts'];
  zones: readonly ZoneFeature[];
  axisNames: Record<string, { zh: string; en: string }>;
  lang: Lang;
  theme: Theme;
  onChange: (filter: Filter) => void;
}

type ListKey = 'axes' | 'zones' | 'statuses' | 'sectors';

function checkboxGroup<V extends string>(
  props: FiltersProps,
  key: ListKey,
  legend: StringKey,
  options: ReadonlyArray<{ value: V; label: string; count: number; colour?: string }>,
): HTMLElement {
  const selected = props.filter[key] as readonly string[];
  const fieldset = el('fieldset', { class: 'facet', 'data-facet': key }, el('legend', {}, t(legend, props.lang)));
  for (const o of options) {
    const id = `f-${key}-${o.value}`;
    const input = el('input', { type: 'checkbox', id, value: o.value, 'data-key': id });
    input.checked = selected.includes(o.value);
    input.addEventListener('change', () => {
      const next = input.checked ? [...selected, o.value] : selected.filter((v) => v !== o.value);
      props.onChange({ ...props.filter, [key]: next });
    });
    const swatch = o.colour ? el('span', { class: 'swatch', 'aria-hidden': 'true' }) : null;
    if (swatch && o.colour) swatch.style.background = o.colour;
    fieldset.append(
      el('div', { class: 'facet-option' }, input, el('label', { for: id }, swatch, o.label, ' ', el('span', { class: 'count' }, `(${o.count})`))),
    );
  }
  return fieldset;
}

function numberInput(props: FiltersProps, which: 'investmentMin' | 'investmentMax', label: StringKey): HTMLElement {
  const id = `f-${which}`;
  const input = el('input', { type: 'number', id, min: '0', step: 'any', inputmode: 'decimal', 'data-key': id });
  const value = props.filter[which];
  input.value = value === null ? '' : String(value);
  // On change (Enter or leaving the field), not on every keystroke: typing "12.5" is not three filters.
  input.addEventListener('change', () => {
    const n = input.value.trim() === '' ? null : Number(input.value);
    props.onChange({ ...props.filter, [which]: n !== null && Number.isFinite(n) && n >= 0 ? n : null });
  });
  return el('span', { class: 'range-end' }, el('label', { for: id }, t(label, props.lang)), input);
}

/** The facets, each option with its live count, and one button to clear them all. */
export function renderFilters(props: FiltersProps): HTMLElement {
  const { lang, counts, filter } = props;
  const clear = el('button', { type: 'button', class: 'clear', 'data-key': 'clear-filters' }, t('clearFilters', lang));
  clear.disabled = isEmptyFilter(filter);
  clear.addEventListener('click', () =>
    props.onChange({ axes: [], zones: [], statuses: [], sectors: [], investmentMin: null, investmentMax: null, mapped: 'all' }),
  );

  const mapped = el('fieldset', { class: 'facet', 'data-facet': 'mapped' }, el('legend', {}, t('filterMapped', lang)));
  for (const [value, label, count] of [
    ['all', 'mappedAll', counts.mapped.mapped + counts.mapped.unmapped],
    ['mapped', 'mappedYes', counts.mapped.mapped],
    ['unmapped', 'mappedNo', counts.mapped.unmapped],
  ] as const) {
    const id = `f-mapped-${value}`;
    const input = el('input', { type: 'radio', name: 'f-mapped', id, value, 'data-key': id });
    input.checked = filter.mapped === value;
    input.addEventListener('change', () => props.onChange({ ...filter, mapped: value }));
    mapped.append(el('div', { class: 'facet-option' }, input, el('label', { for: id }, t(label, lang), ' ', el('span', { class: 'count' }, `(${count})`))));
  }

  return el(
    'div',
    { class: 'filters' },
    clear,
    checkboxGroup(
      props,
      'axes',
      'filterAxis',
      AXIS_IDS.map((id) => ({ value: id, label: props.axisNames[id]![lang], count: counts.axes[id], colour: props.theme.axis[id] })),
    ),
    el('p', { class: 'muted small' }, t('axisFilterNote', lang)),
    checkboxGroup(
      props,
      'zones',
      'filterZone',
      props.zones.map((z) => ({ value: z.properties.id, label: lang === 'zh' ? z.properties.name_zh : z.properties.name_en, count: counts.zones[z.properties.id] ?? 0 })),
    ),
    checkboxGroup(props, 'statuses', 'filterStatus', [...STATUSES, 'unknown' as const].map((s) => ({ value: s, label: statusLabel(s, lang), count: counts.statuses[s] }))),
    checkboxGroup(props, 'sectors', 'filterSector', [...SECTORS, 'unknown' as const].map((s) => ({ value: s, label: sectorLabel(s, lang), count: counts.sectors[s] }))),
    el(
      'fieldset',
      { class: 'facet', 'data-facet': 'investment' },
      el('legend', {}, t('filterInvestment', lang)),
      el('div', { class: 'range' }, numberInput(props, 'investmentMin', 'min'), numberInput(props, 'investmentMax', 'max')),
      el('p', { class: 'muted small' }, t('filterInvestmentNote', lang)),
    ),
    mapped,
  );
}
