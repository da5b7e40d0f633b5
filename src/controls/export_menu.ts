import type { DataModel } from '../app/derive.ts';
import type { Store } from '../app/store.ts';
import type { DataBundle } from '../core/bundle.ts';
import type { AxisId, Lang } from '../core/model.ts';
import type { UrlState } from '../core/url_state.ts';
import type { MapView } from '../map/map_view.ts';
import type { Theme } from '../map/theme.ts';
import { el } from '../ui/dom.ts';
import { t, type StringKey } from '../ui/strings.ts';
import type { Control, ControlContext } from './control.ts';

/** What an export reads. */
export interface ExportContext {
  bundle: DataBundle;
  model: DataModel;
  store: Store<UrlState>;
  getView: () => MapView;
  theme: Theme;
  axisNames: Record<AxisId, Record<Lang, string>>;
}

/**
 * The Export menu: CSV, GeoJSON, PNG. The code that writes the files (app/export_files.ts) loads on the first
 * click: it is not needed to show the map, and the app's first download stays within its size budget.
 */
export function exportMenu(ctx: ControlContext, getView: () => MapView, onFailure: () => void): Control {
  const context: ExportContext = { bundle: ctx.bundle, model: ctx.model, store: ctx.store, getView, theme: ctx.theme, axisNames: ctx.model.axisNames };
  const files = () => import('../app/export_files.ts');
  const summary = el('summary', {});
  const labels = {
    csv: 'exportCsv',
    xlsx: 'exportXlsx',
    summary: 'exportSummaryCsv',
    geojson: 'exportGeoJson',
    png: 'exportPng',
    png4: 'exportPng4',
    a4: 'exportPrintA4',
    a3: 'exportPrintA3',
  } as const satisfies Record<string, StringKey>;
  const items = Object.fromEntries(Object.keys(labels).map((k) => [k, el('button', { type: 'button', 'data-export': k })])) as Record<keyof typeof labels, HTMLButtonElement>;
  // Tables, then the map as data, then pictures and paper.
  const list = el(
    'div',
    { class: 'export-items' },
    items.csv,
    items.xlsx,
    items.summary,
    items.geojson,
    el('hr', {}),
    items.png,
    items.png4,
    items.a4,
    items.a3,
  );
  const menu = el('details', { class: 'export-menu' }, summary, list);
  const on = (button: HTMLElement, run: (m: Awaited<ReturnType<typeof files>>) => void | Promise<void>) =>
    button.addEventListener('click', () => {
      menu.open = false;
      files().then(run).catch(onFailure);
    });
  on(items.csv, (m) => m.exportCsv(context));
  on(items.xlsx, (m) => m.exportXlsx(context));
  on(items.summary, (m) => m.exportSummaryCsv(context));
  on(items.geojson, (m) => m.exportGeoJson(context));
  on(items.png, (m) => m.exportPng(context, 2));
  on(items.png4, (m) => m.exportPng(context, 4));
  on(items.a4, (m) => m.printPage(context, 'a4'));
  on(items.a3, (m) => m.printPage(context, 'a3'));
  // The menu hangs from the button's right edge (on phones, where the button starts a row, from its left edge);
  // where that would cut it at either edge of the screen, it hangs from the other edge instead.
  menu.addEventListener('toggle', () => {
    list.classList.remove('from-left', 'from-right');
    if (!menu.open) return;
    const box = list.getBoundingClientRect();
    if (box.left < 0) list.classList.add('from-left');
    else if (box.right > document.documentElement.clientWidth) list.classList.add('from-right');
  });
  menu.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && menu.open) {
      e.stopPropagation();
      menu.open = false;
      summary.focus();
    }
  });
  return {
    element: menu,
    update(s, changed) {
      if (!changed('lang')) return;
      summary.textContent = t('export', s.lang);
      for (const [k, key] of Object.entries(labels)) items[k as keyof typeof labels].textContent = t(key, s.lang);
    },
    destroy() {},
  };
}
