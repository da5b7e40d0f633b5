import type { AxisAggregate } from '../core/aggregate.ts';
import { AXIS_SUMMARY_COLUMNS, type SummaryColumn } from '../core/axis_summary.ts';
import { formatCount, formatNumber, formatPercent, NOT_DISCLOSED } from '../core/format.ts';
import type { AxisId, Lang } from '../core/model.ts';
import { el } from './dom.ts';
import { t } from './strings.ts';

/** Which column the table is sorted by, and which way; `null`: the layout's own axis order. */
export type TableSort = { key: string; descending: boolean } | null;

export interface AxisTableProps {
  axes: readonly AxisAggregate[];
  lang: Lang;
  sort: TableSort;
  onSort: (sort: TableSort) => void;
  selectedAxis: AxisId | null;
  onSelectAxis: (id: AxisId) => void;
}

function display(c: SummaryColumn, v: string | number | null, lang: Lang): string {
  if (v === null) return NOT_DISCLOSED[lang];
  if (typeof v === 'string') return v;
  return c.kind === 'share' ? formatPercent(v, lang) : c.kind === 'count' ? formatCount(v, lang) : formatNumber(v, lang);
}

/**
 * Sorts by a column: unknown ("未公开") last whichever the direction, ties in the layout's order, so the same click
 * always gives the same table.
 */
export function sortAxes(axes: readonly AxisAggregate[], sort: TableSort, lang: Lang): AxisAggregate[] {
  const column = sort && AXIS_SUMMARY_COLUMNS.find((c) => c.key === sort.key);
  if (!column || !sort) return [...axes];
  const keyed = axes.map((a, i) => ({ a, i, v: column.value(a, lang) }));
  const sign = sort.descending ? -1 : 1;
  return keyed
    .sort((x, y) => {
      if (x.v === null || y.v === null) return x.v === y.v ? x.i - y.i : x.v === null ? 1 : -1;
      const d = typeof x.v === 'number' && typeof y.v === 'number' ? x.v - y.v : String(x.v).localeCompare(String(y.v), lang === 'zh' ? 'zh-CN' : 'en');
      return d ? sign * d : x.i - y.i;
    })
    .map((k) => k.a);
}

/**
 * The axes side by side, every figure labelled with its unit; a click on a column header sorts by it (again: the
 * other way), a click on an axis selects it on the map. Wider than the panel: it scrolls sideways, the axis names
 * staying in view.
 */
export function renderAxisTable(props: AxisTableProps): HTMLElement {
  const { lang, sort } = props;
  const head = el(
    'tr',
    {},
    ...AXIS_SUMMARY_COLUMNS.map((c) => {
      const active = sort?.key === c.key;
      const button = el('button', { type: 'button', class: 'sort', 'data-sort': c.key }, c.kind === 'share' ? `${c.label[lang]} %` : c.label[lang]);
      // Numbers sort largest first on the first click (what a planner compares), names A→Z.
      button.addEventListener('click', () => props.onSort({ key: c.key, descending: active ? !sort.descending : c.kind !== 'text' }));
      return el('th', { scope: 'col', 'aria-sort': active ? (sort.descending ? 'descending' : 'ascending') : 'none' }, button);
    }),
  );
  const rows = sortAxes(props.axes, sort, lang).map((a) =>
    el(
      'tr',
      { 'data-axis': a.id, class: props.selectedAxis === a.id ? 'selected' : '' },
      ...AXIS_SUMMARY_COLUMNS.map((c, k) => {
        const text = display(c, c.value(a, lang), lang);
        if (k > 0) return el('td', { 'data-col': c.key, class: c.kind === 'text' ? '' : 'num' }, text);
        const pick = el('button', { type: 'button', class: 'link', 'aria-pressed': String(props.selectedAxis === a.id) }, text);
        pick.addEventListener('click', () => props.onSelectAxis(a.id));
        return el('th', { scope: 'row', 'data-col': c.key }, pick);
      }),
    ),
  );
  const table = el('table', { class: 'axis-table' }, el('caption', { class: 'visually-hidden' }, t('axisTableHeading', lang)), el('thead', {}, head), el('tbody', {}, ...rows));
  return el(
    'div',
    { class: 'axis-table-box' },
    el('div', { class: 'axis-table-wrap', role: 'region', 'aria-label': t('axisTableHeading', lang), tabindex: '0' }, table),
    el('p', { class: 'note' }, t('axisTableCaption', lang)),
  );
}
