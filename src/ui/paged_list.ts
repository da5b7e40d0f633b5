import type { ListRow } from '../core/ledger_pages.ts';
import type { AxisId, Lang } from '../core/model.ts';
import { el } from './dom.ts';
import { projectTable } from './project_table.ts';
import { lt } from './lazy_strings.ts';
import { t } from './strings.ts';

export interface PagedListProps {
  rows: readonly ListRow[];
  /** This page (from 0) and how many there are. */
  page: number;
  pages: number;
  total: number;
  lang: Lang;
  selectedId: string | null;
  axisNames: Record<AxisId, { zh: string; en: string }>;
  zoneNames: Record<string, { zh: string; en: string }>;
  /** The whole ledger's size, said before it is loaded. */
  wholeSize: string;
  onSelect(id: string): void;
  onPage(k: number): void;
  onWhole(): void;
}

/** A page of the list from ledger pages: sorted by name, with the way to the other pages and to the whole ledger. */
export function renderPagedList(props: PagedListProps): HTMLElement {
  const { lang, page, pages } = props;
  const button = (key: 'pagePrev' | 'pageNext', to: number) => {
    const b = el('button', { type: 'button', 'data-key': key }, lt(key, lang));
    if (to < 0 || to >= pages) b.disabled = true;
    else b.addEventListener('click', () => props.onPage(to));
    return b;
  };
  const whole = el('button', { type: 'button', class: 'link', 'data-key': 'whole' }, t('wholeLoad', lang));
  whole.addEventListener('click', props.onWhole);
  const where = lt('pageOf', lang, { k: page + 1, n: pages });
  return el(
    'div',
    { class: 'table-wrap paged' },
    el('nav', { class: 'pager', 'aria-label': where }, button('pagePrev', page - 1), el('span', {}, where), button('pageNext', page + 1)),
    projectTable(props.rows, props.total, { lang, sort: { key: 'name', dir: 'asc' }, selectedId: props.selectedId, axisNames: props.axisNames, zoneNames: props.zoneNames, onSelect: props.onSelect }),
    el('p', { class: 'muted' }, lt('pagedNote', lang, { size: props.wholeSize }), ' ', whole),
  );
}
