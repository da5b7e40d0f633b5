import type { UrlState } from '../core/url_state.ts';
import { el } from '../ui/dom.ts';
import { renderProjectTable, sortedOrder, type Sort } from '../ui/project_table.ts';
import { lazyControl, replaceKeepingFocus, type Control, type ControlContext } from './control.ts';

/** The List tab: the filtered projects, sortable; a row opens the project's card. */
export function projectList(ctx: ControlContext): Control {
  if (ctx.model.pages) return lazyControl(() => import('./paged_list.ts').then((m) => m.pagedList(ctx)));
  const { bundle, model, selectProject } = ctx;
  const box = el('div', {});
  let sort: Sort = { key: 'name', dir: 'asc' };
  // The sort order over the whole ledger, kept until the sort, language or corridor changes.
  let order: { key: string; value: number[] } | null = null;
  const orderFor = (s: UrlState): number[] => {
    const key = `${sort.key}|${sort.dir}|${s.lang}|${s.corridor}`;
    if (order?.key !== key) order = { key, value: sortedOrder(bundle.projects, model.placements, s.corridor, s.lang, sort, model.layout.axisIds) };
    return order.value;
  };
  const draw = (s: UrlState) =>
    replaceKeepingFocus(
      box,
      renderProjectTable({
        projects: bundle.projects,
        placements: model.placements,
        indices: model.derive(s.filter, s.corridor).filter.indices,
        order: orderFor(s),
        corridorM: s.corridor,
        lang: s.lang,
        sort,
        selectedId: s.selection.kind === 'project' ? s.selection.id : null,
        axisNames: model.axisNames,
        zoneNames: model.zoneNames,
        onSort: (next) => {
          sort = next;
          draw(s);
        },
        onSelect: (id) => selectProject(id, true),
      }),
    );
  return {
    element: box,
    update(s, changed) {
      if (changed('filter', 'corridor', 'lang', 'selection')) draw(s);
    },
    destroy() {},
  };
}
