import type { DataBundle } from '../core/bundle.ts';
import { projectsToCsv, projectsToGeoJson } from '../core/export.ts';
import type { AxisId, Lang } from '../core/model.ts';
import type { UrlState } from '../core/url_state.ts';
import type { MapView } from '../map/map_view.ts';
import { ATTRIBUTION } from '../map/style.ts';
import type { Theme } from '../map/theme.ts';
import { describeFilter } from '../ui/facet_controls.ts';
import { t } from '../ui/strings.ts';
import type { DataModel } from './derive.ts';
import { download } from './download.ts';
import { composePng } from './export_png.ts';
import type { Layout } from './layout.ts';
import type { Store } from './store.ts';

/** The export menu: the filtered projects as CSV or GeoJSON, the view as a PNG with its legend and sources. */
export function wireExports(
  layout: Layout,
  model: DataModel,
  store: Store<UrlState>,
  getView: () => MapView,
  ctx: { bundle: DataBundle; theme: Theme; axisNames: Record<AxisId, Record<Lang, string>> },
): void {
  const { bundle, theme, axisNames } = ctx;
  const exportName = (ext: string) => `erqi-projects-${bundle.as_of}.${ext}`;
  layout.exportCsv.addEventListener('click', () => {
    const d = model.derive(store.get().filter, store.get().corridor).filtered();
    download(exportName('csv'), projectsToCsv(d.projects, d.placements, store.get().corridor), 'text/csv;charset=utf-8');
  });
  layout.exportGeoJson.addEventListener('click', () => {
    const d = model.derive(store.get().filter, store.get().corridor).filtered();
    download(exportName('geojson'), JSON.stringify(projectsToGeoJson(d.projects, d.placements, store.get().corridor), null, 1), 'application/geo+json');
  });
  layout.exportPng.addEventListener('click', async () => {
    const s = store.get();
    const view = getView();
    if (!view.map) return;
    view.map.redraw();
    const blob = await composePng(view.snapshot(), {
      lang: s.lang,
      theme,
      title: t('title', s.lang),
      asOf: bundle.as_of,
      corridorM: s.corridor,
      axisNames,
      filterText: describeFilter(s.filter, { lang: s.lang, axisNames, zones: model.zones }),
      attribution: Object.values(ATTRIBUTION),
    });
    download(exportName('png'), blob);
  });
}
