import type { UrlState } from '../core/url_state.ts';
import { formatBytes } from '../core/format.ts';
import { el } from '../ui/dom.ts';
import * as ui from '../ui/paged_list.ts';
import { pendingNote } from '../ui/labels.ts';
import { loadFailureSaid } from '../ui/load_error.ts';
import { replaceKeepingFocus, type Control, type ControlContext } from './control.ts';

/** The List tab over ledger pages: a page of rows sorted by name, fetched when shown (its code too). */
export function pagedList({ model, selectProject, loadWhole }: ControlContext): Control {
  const pages = model.pages!;
  const box = el('div', {});
  let page = 0;
  /** Draws count: an answer for an earlier draw is dropped. */
  let drawn = 0;
  const draw = async (s: UrlState) => {
    const mine = ++drawn;
    if (!model.covers(s.filter, s.corridor)) return box.replaceChildren(pendingNote(s.lang));
    if (!box.firstChild) box.replaceChildren(pendingNote(s.lang));
    try {
      const rows = await pages.listPage(s.lang, page);
      if (mine !== drawn) return;
      replaceKeepingFocus(
        box,
        ui.renderPagedList({
          rows,
          page,
          pages: pages.index.list.pages,
          total: model.count,
          lang: s.lang,
          selectedId: s.selection.kind === 'project' ? s.selection.id : null,
          axisNames: model.axisNames,
          zoneNames: model.zoneNames,
          wholeSize: formatBytes(pages.index.bundle_bytes),
          onSelect: (id) => selectProject(id, true),
          onPage: (k) => {
            page = k;
            void draw(s);
          },
          onWhole: () => loadWhole?.(),
        }),
      );
    } catch (e) {
      const said = await loadFailureSaid(e as Error, s.lang);
      if (mine === drawn) box.replaceChildren(el('p', { class: 'error', role: 'alert' }, said));
    }
  };
  return {
    element: box,
    update(s, changed) {
      if (changed('lang')) page = 0; // another language's pages are in its own order
      if (changed('filter', 'corridor', 'lang', 'selection')) void draw(s);
    },
    destroy() {
      drawn = -1;
    },
  };
}
