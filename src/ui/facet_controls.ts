import { FACET_IDS, type FacetId, type Filter } from '../core/facets.ts';
import type { FilterResult } from '../core/filter.ts';
import type { ZoneFeature } from '../core/load_geo.ts';
import { SECTOR_KEYS, STATUS_KEYS, type Lang } from '../core/model.ts';
import { axisColour, type Theme } from '../map/theme.ts';
import { stageOf } from '../map/stages.ts';
import { el } from './dom.ts';
import { pinSymbol } from './legend.ts';
import { sectorLabel, statusLabel } from './labels.ts';
import { t, type StringKey } from './strings.ts';

/** What a facet's control and its words need. */
export interface FacetProps {
  filter: Filter;
  counts: FilterResult['counts'];
  zones: readonly ZoneFeature[];
  axisNames: Record<string, { zh: string; en: string }>;
  lang: Lang;
  theme: Theme;
  onChange: (filter: Filter) => void;
}

/** The UI half of a facet (the other half is its entry in core/facets.ts). */
interface FacetUi {
  /** Its heading in the filters panel. */
  label: StringKey;
  /** Its control in the filters panel. */
  render(props: FacetProps): HTMLElement;
  /** Its value in words (export footer, file names); '' when the facet is not set. */
  describe(filter: Filter, words: Omit<FacetProps, 'counts' | 'onChange' | 'theme' | 'filter'>): string;
}

type ListField = 'axes' | 'zones' | 'statuses' | 'sectors';

function checkboxGroup(
  props: FacetProps,
  key: ListField,
  legend: StringKey,
  options: ReadonlyArray<{ value: string; label: string; count: number; colour?: string; icon?: Element }>,
  note?: StringKey,
): HTMLElement {
  const selected = props.filter[key] as readonly string[];
  const fieldset = el('fieldset', { class: 'facet', 'data-facet': key }, el('legend', {}, t(legend, props.lang)));
  for (const o of options) {
    const id = `f-${key}-${o.value}`;
    const input = el('input', { type: 'checkbox', id, value: o.value, 'data-key': id });
    input.checked = selected.includes(o.value);
    // An option that would show nothing cannot be ticked (one already ticked can still be cleared).
    if (o.count === 0 && !input.checked) {
      input.disabled = true;
      fieldset.classList.add('has-empty');
    }
    input.addEventListener('change', () => {
      const next = input.checked ? [...selected, o.value] : selected.filter((v) => v !== o.value);
      props.onChange({ ...props.filter, [key]: next });
    });
    const swatch = o.colour ? el('span', { class: 'swatch', 'aria-hidden': 'true' }) : null;
    if (swatch && o.colour) swatch.style.background = o.colour;
    fieldset.append(
      el('div', { class: 'facet-option' }, input, el('label', { for: id }, swatch, o.icon ?? null, o.label, ' ', el('span', { class: 'count' }, `(${o.count})`))),
    );
  }
  if (note) fieldset.append(el('p', { class: 'muted small' }, t(note, props.lang)));
  return fieldset;
}

function numberInput(props: FacetProps, which: 'investmentMin' | 'investmentMax', label: StringKey): HTMLElement {
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

const zoneName = (zones: readonly ZoneFeature[], id: string, lang: Lang): string => {
  const z = zones.find((f) => f.properties.id === id);
  return z ? (lang === 'zh' ? z.properties.name_zh : z.properties.name_en) : id;
};

/** One entry per facet of core/facets.ts: a facet without its UI does not compile. */
export const FACET_UI: Record<FacetId, FacetUi> = {
  axes: {
    label: 'filterAxis',
    render: (props) =>
      checkboxGroup(
        props,
        'axes',
        'filterAxis',
        Object.entries(props.axisNames).map(([id, names]) => ({ value: id, label: names[props.lang], count: props.counts.axes[id] ?? 0, colour: axisColour(props.theme, id) })),
        'axisFilterNote',
      ),
    describe: (f, w) => f.axes.map((a) => w.axisNames[a]?.[w.lang] ?? a).join('/'),
  },
  zones: {
    label: 'filterZone',
    render: (props) =>
      checkboxGroup(
        props,
        'zones',
        'filterZone',
        props.zones.map((z) => ({ value: z.properties.id, label: zoneName(props.zones, z.properties.id, props.lang), count: props.counts.zones[z.properties.id] ?? 0 })),
      ),
    describe: (f, w) => f.zones.map((z) => zoneName(w.zones, z, w.lang)).join('/'),
  },
  statuses: {
    label: 'filterStatus',
    render: (props) =>
      // Each status with the pin it is drawn as (the legend's four groups): the filter and the legend read alike.
      checkboxGroup(
        props,
        'statuses',
        'filterStatus',
        STATUS_KEYS.map((s) => ({
          value: s,
          label: statusLabel(s, props.lang),
          count: props.counts.statuses[s],
          icon: pinSymbol(stageOf(s), axisColour(props.theme, Object.keys(props.axisNames)[0]), props.theme.pinInner),
        })),
      ),
    describe: (f, w) => f.statuses.map((s) => statusLabel(s, w.lang)).join('/'),
  },
  sectors: {
    label: 'filterSector',
    render: (props) =>
      checkboxGroup(props, 'sectors', 'filterSector', SECTOR_KEYS.map((s) => ({ value: s, label: sectorLabel(s, props.lang), count: props.counts.sectors[s] }))),
    describe: (f, w) => f.sectors.map((s) => sectorLabel(s, w.lang)).join('/'),
  },
  investment: {
    label: 'filterInvestment',
    render: (props) =>
      el(
        'fieldset',
        { class: 'facet', 'data-facet': 'investment' },
        el('legend', {}, t('filterInvestment', props.lang)),
        el('div', { class: 'range' }, numberInput(props, 'investmentMin', 'min'), numberInput(props, 'investmentMax', 'max')),
        el('p', { class: 'muted small' }, t('filterInvestmentNote', props.lang)),
      ),
    describe: (f) => (f.investmentMin !== null || f.investmentMax !== null ? `${f.investmentMin ?? ''}–${f.investmentMax ?? ''} 亿元` : ''),
  },
  mapped: {
    label: 'filterMapped',
    render(props) {
      const { counts, filter, lang } = props;
      const fieldset = el('fieldset', { class: 'facet', 'data-facet': 'mapped' }, el('legend', {}, t('filterMapped', lang)));
      for (const [value, label, count] of [
        ['all', 'mappedAll', counts.mapped.mapped + counts.mapped.unmapped],
        ['mapped', 'mappedYes', counts.mapped.mapped],
        ['unmapped', 'mappedNo', counts.mapped.unmapped],
      ] as const) {
        const id = `f-mapped-${value}`;
        const input = el('input', { type: 'radio', name: 'f-mapped', id, value, 'data-key': id });
        input.checked = filter.mapped === value;
        input.addEventListener('change', () => props.onChange({ ...filter, mapped: value }));
        fieldset.append(el('div', { class: 'facet-option' }, input, el('label', { for: id }, t(label, lang), ' ', el('span', { class: 'count' }, `(${count})`))));
      }
      return fieldset;
    },
    describe: (f, w) => (f.mapped === 'all' ? '' : t(f.mapped === 'mapped' ? 'mappedYes' : 'mappedNo', w.lang)),
  },
};

/** The active facets in words, in table order: ["嵩山路", "在建"]. */
export function filterParts(filter: Filter, words: Parameters<FacetUi['describe']>[1]): string[] {
  return FACET_IDS.map((id) => FACET_UI[id].describe(filter, words)).filter(Boolean);
}

/** The active facets in a sentence ('' when none is set): "筛选：嵩山路 · 在建". */
export function describeFilter(filter: Filter, words: Parameters<FacetUi['describe']>[1]): string {
  const parts = filterParts(filter, words);
  return parts.length ? `${t('tabFilters', words.lang)}: ${parts.join(' · ')}` : '';
}

/**
 * A file name that says what is in the file: "二七项目-2023-12-嵩山路-在建.csv" — the data date and the filter, with
 * what a file system refuses (/ \ : * ? " < > |, spaces) made "_", and a long filter cut at 80 characters.
 */
export function exportFileName(asOf: string, filter: Filter, words: Parameters<FacetUi['describe']>[1], ext: string): string {
  const parts = filterParts(filter, words).join('-').replace(/[\\/:*?"<>|\s]+/g, '_');
  const base = `${t('exportFilePrefix', words.lang)}-${asOf}${parts ? `-${parts.slice(0, 80)}` : ''}`;
  return `${base}.${ext}`;
}
