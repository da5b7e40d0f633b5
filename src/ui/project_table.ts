import { formatYi } from '../core/format.ts';
import { STATUSES, type AxisId, type Lang, type MappedProject, type Status } from '../core/model.ts';
import type { Placements } from '../core/placement.ts';
import { dataText, el } from './dom.ts';
import { statusLabel } from './labels.ts';
import { t } from './strings.ts';

export type SortKey = 'name' | 'axis' | 'zone' | 'status' | 'investment';
export interface Sort {
  key: SortKey;
  dir: 'asc' | 'desc';
}

export interface TableProps {
  /** The whole ledger and its placements; `indices` picks the filtered rows, `order` sorts them. */
  projects: readonly MappedProject[];
  placements: Placements;
  indices: readonly number[];
  /** Every index of `projects`, sorted (sortedOrder): cached by the caller across filter changes. */
  order: readonly number[];
  corridorM: number;
  lang: Lang;
  sort: Sort;
  selectedId: string | null;
  axisNames: Record<AxisId, { zh: string; en: string }>;
  zoneNames: Record<string, { zh: string; en: string }>;
  onSort: (sort: Sort) => void;
  onSelect: (id: string) => void;
}

/** Rows drawn at once; the rest is counted (a real ledger of thousands is filtered, not scrolled). */
export const MAX_ROWS = 500;

/** Sorts rows; undisclosed values (null) always go last, whatever the direction. */
export function sortRows<T>(rows: T[], value: (r: T) => string | number | null, dir: 'asc' | 'desc', lang: Lang): T[] {
  const collator = new Intl.Collator(lang === 'zh' ? 'zh-CN' : 'en', { numeric: true });
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === null || vb === null) return va === vb ? 0 : va === null ? 1 : -1;
    return sign * (typeof va === 'number' && typeof vb === 'number' ? va - vb : collator.compare(String(va), String(vb)));
  });
}

/**
 * Every project's index in the order of a column: computed once per sort, language and corridor width, so a
 * filter change does not sort tens of thousands of rows again.
 */
export function sortedOrder(
  projects: readonly MappedProject[],
  placements: Placements,
  corridorM: number,
  lang: Lang,
  sort: Sort,
  axisIds: readonly AxisId[],
): number[] {
  const value = (i: number): string | number | null => {
    const p = projects[i]!;
    switch (sort.key) {
      case 'name':
        return lang === 'zh' ? p.name_zh : (p.name_en ?? p.name_zh);
      case 'axis': {
        const a = placements.nearestCorridor(i, corridorM, axisIds) ?? p.axis_declared;
        return a === null ? null : axisIds.indexOf(a);
      }
      case 'zone':
        return placements.zone(i);
      case 'status':
        return p.status === null ? null : STATUSES.indexOf(p.status);
      case 'investment':
        return p.investment_total_yi;
    }
  };
  const keyed = projects.map((_, i) => ({ i, v: value(i) }));
  return sortRows(keyed, (r) => r.v, sort.dir, lang).map((r) => r.i);
}

/** One row of the table (the List tab's, or a page of ledger pages: core/ledger_pages.ts ListRow). */
export interface TableRow {
  id: string;
  name: string;
  mapped: boolean;
  axis: AxisId | null;
  zone: string | null;
  status: Status | null;
  yi: number | null;
}

/** The filtered projects as a sortable table: the list view, and the screen-reader alternative to the map. */
export function renderProjectTable(props: TableProps): HTMLElement {
  const { lang } = props;
  const visible = new Uint8Array(props.projects.length);
  for (const i of props.indices) visible[i] = 1;
  const rows: TableRow[] = [];
  for (const i of props.order) {
    if (!visible[i]) continue;
    const p = props.projects[i]!;
    rows.push({
      id: p.id,
      name: lang === 'zh' ? p.name_zh : (p.name_en ?? p.name_zh),
      mapped: p.site !== null,
      axis: props.placements.nearestCorridor(i, props.corridorM, Object.keys(props.axisNames)) ?? p.axis_declared,
      zone: props.placements.zone(i),
      status: p.status,
      yi: p.investment_total_yi,
    });
    if (rows.length === MAX_ROWS) break;
  }
  const total = props.indices.length;
  return el('div', { class: 'table-wrap' }, projectTable(rows, total, props), total > MAX_ROWS ? el('p', { class: 'muted' }, `${MAX_ROWS} / ${total}`) : null);
}

/**
 * The table itself, for rows already made. Without `onSort` the headers are not buttons (ledger pages come sorted
 * by name).
 */
export function projectTable(
  rows: readonly TableRow[],
  total: number,
  props: Pick<TableProps, 'lang' | 'sort' | 'selectedId' | 'axisNames' | 'zoneNames' | 'onSelect'> & { onSort?: TableProps['onSort'] },
): HTMLElement {
  const { lang, sort } = props;
  const header = (key: SortKey, label: string, className = '') => {
    const active = sort.key === key;
    const attrs = { scope: 'col', 'aria-sort': active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none', ...(className ? { class: className } : {}) };
    const onSort = props.onSort;
    if (!onSort) return el('th', attrs, label);
    const button = el('button', { type: 'button', class: 'sort', 'data-key': `sort-${key}` }, label, active ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : '');
    button.setAttribute('aria-label', t('sortBy', lang, { col: label }));
    button.addEventListener('click', () => onSort({ key, dir: active && sort.dir === 'asc' ? 'desc' : 'asc' }));
    return el('th', attrs, button);
  };

  const body = el('tbody');
  for (const r of rows) {
    const open = el('button', { type: 'button', class: 'link', 'data-key': `row-${r.id}` }, dataText(r.name));
    open.addEventListener('click', () => props.onSelect(r.id));
    const tr = el(
      'tr',
      { 'data-project': r.id, ...(props.selectedId === r.id ? { 'aria-current': 'true', class: 'selected' } : {}) },
      el('th', { scope: 'row' }, open, r.mapped ? null : el('span', { class: 'badge' }, t('mappedNo', lang))),
      el('td', {}, r.axis ? (props.axisNames[r.axis]?.[lang] ?? r.axis) : '—'),
      el('td', { class: 'col-zone' }, r.zone ? (props.zoneNames[r.zone]?.[lang] ?? r.zone) : '—'),
      el('td', {}, r.status ? statusLabel(r.status, lang) : t('unknown', lang)),
      el('td', { class: 'num' }, formatYi(r.yi, lang)),
    );
    body.append(tr);
  }
  return el(
    'table',
    { class: 'project-table' },
    el('caption', {}, `${t('listCaption', lang)}: ${total}`),
    el(
      'thead',
      {},
      el('tr', {}, header('name', t('colName', lang)), header('axis', t('colAxis', lang)), header('zone', t('colZone', lang), 'col-zone'), header('status', t('colStatus', lang)), header('investment', t('colInvestment', lang))),
    ),
    body,
  );
}
