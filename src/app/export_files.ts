/**
 * What the export menu writes: the filtered projects as CSV or GeoJSON, the view as a PNG with its legend and
 * sources. Loaded on the first export (controls/export_menu.ts), not with the map.
 */
import { projectsToCsv, projectsToGeoJson } from '../core/export.ts';
import { ATTRIBUTION } from '../map/style.ts';
import { describeFilter, exportFileName } from '../ui/facet_controls.ts';
import { mapNote } from '../ui/labels.ts';
import { t } from '../ui/strings.ts';
import { download } from './download.ts';
import type { ExportContext } from '../controls/export_menu.ts';
import { composePng } from './export_png.ts';

const exportName = (c: ExportContext, ext: string) => {
  const s = c.store.get();
  return exportFileName(c.bundle.as_of, s.filter, { lang: s.lang, axisNames: c.axisNames, zones: c.model.zones }, ext);
};

export function exportCsv(c: ExportContext): void {
  const s = c.store.get();
  const d = c.model.derive(s.filter, s.corridor).filtered();
  download(exportName(c, 'csv'), projectsToCsv(d.projects, d.placements, s.corridor, c.model.layout.axisIds, { lang: s.lang, axisNames: c.model.axisNames, zoneNames: c.model.zoneNames }), 'text/csv;charset=utf-8');
}

export function exportGeoJson(c: ExportContext): void {
  const s = c.store.get();
  const d = c.model.derive(s.filter, s.corridor).filtered();
  download(exportName(c, 'geojson'), JSON.stringify(projectsToGeoJson(d.projects, d.placements, s.corridor, c.model.layout.axisIds), null, 1), 'application/geo+json');
}

export async function exportPng(c: ExportContext): Promise<void> {
  const s = c.store.get();
  const view = c.getView();
  if (!view.map) return;
  view.map.redraw();
  const blob = await composePng(view.snapshot(), {
    lang: s.lang,
    theme: c.theme,
    title: t('title', s.lang),
    note: mapNote(c.bundle, s.lang),
    asOf: c.bundle.as_of,
    corridorM: s.corridor,
    axisNames: c.axisNames,
    filterText: describeFilter(s.filter, { lang: s.lang, axisNames: c.axisNames, zones: c.model.zones }),
    attribution: Object.values(ATTRIBUTION),
  });
  download(exportName(c, 'png'), blob);
}
