import type { DataBundle } from '../core/bundle.ts';
import type { AxisId, Lang } from '../core/model.ts';
import type { UrlState } from '../core/url_state.ts';
import type { MapView } from '../map/map_view.ts';
import type { Theme } from '../map/theme.ts';
import type { DataModel } from './derive.ts';
import type { Layout } from './layout.ts';
import type { Store } from './store.ts';

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
 * The export menu's buttons. The code that writes the files (export_files.ts) loads on the first click: it is
 * not needed to show the map, and the app's first download stays within its size budget.
 */
export function wireExports(layout: Layout, context: ExportContext, onFailure: () => void): void {
  const files = () => import('./export_files.ts');
  const on = (button: HTMLElement, run: (m: Awaited<ReturnType<typeof files>>) => void | Promise<void>) =>
    button.addEventListener('click', () => {
      files().then(run, onFailure);
    });
  on(layout.exportCsv, (m) => m.exportCsv(context));
  on(layout.exportGeoJson, (m) => m.exportGeoJson(context));
  on(layout.exportPng, (m) => m.exportPng(context));
}
