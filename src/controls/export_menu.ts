import type { DataModel } from '../app/derive.ts';
import type { Store } from '../app/store.ts';
import type { DataBundle } from '../core/bundle.ts';
import type { AxisId, Lang } from '../core/model.ts';
import type { UrlState } from '../core/url_state.ts';
import type { MapView } from '../map/map_view.ts';
import type { Theme } from '../map/theme.ts';
import { el } from '../ui/dom.ts';
import { t } from '../ui/strings.ts';
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
  const items = {
    csv: el('button', { type: 'button', 'data-export': 'csv' }),
    geojson: el('button', { type: 'button', 'data-export': 'geojson' }),
    png: el('button', { type: 'button', 'data-export': 'png' }),
  };
  const list = el('div', { class: 'export-items' }, items.csv, items.geojson, items.png);
  const menu = el('details', { class: 'export-menu' }, summary, list);
  const on = (button: HTMLElement, run: (m: Awaited<ReturnType<typeof files>>) => void | Promise<void>) =>
    button.addEventListener('click', () => {
      menu.open = false;
      files().then(run, onFailure);
    });
  on(items.csv, (m) => m.exportCsv(context));
  on(items.geojson, (m) => m.exportGeoJson(context));
  on(items.png, (m) => m.exportPng(context));
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
      items.csv.textContent = t('exportCsv', s.lang);
      items.geojson.textContent = t('exportGeoJson', s.lang);
      items.png.textContent = t('exportPng', s.lang);
    },
    destroy() {},
  };
}
