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

/** Synthetic data (the sample ledger): marked in every file's name, in GeoJSON's top level and on the PNG. */
const isSynthetic = (c: ExportContext) => c.store.get().data === 'sample' || c.model.synthetic;

const exportName = (c: ExportContext, ext: string) => {
  const s = c.store.get();
  // A ledger with progress: the period shown, in place of the data date.
  const period = c.model.periodOf(s.period)?.period;
  const name = exportFileName(period ?? c.bundle.as_of, s.filter, { lang: s.lang, axisNames: c.axisNames, zones: c.model.zones }, ext);
  return isSynthetic(c) ? `${t('sampleFile', s.lang)}-${name}` : name;
};

export function exportCsv(c: ExportContext): void {
  const s = c.store.get();
  const d = c.model.derive(s.filter, s.corridor).filtered();
  download(exportName(c, 'csv'), projectsToCsv(d.projects, d.placements, s.corridor, c.model.layout.axisIds, { lang: s.lang, axisNames: c.model.axisNames, zoneNames: c.model.zoneNames }), 'text/csv;charset=utf-8');
}

export function exportGeoJson(c: ExportContext): void {
  const s = c.store.get();
  const d = c.model.derive(s.filter, s.corridor).filtered();
  const fc = projectsToGeoJson(d.projects, d.placements, s.corridor, c.model.layout.axisIds);
  const period = c.model.periodOf(s.period)?.period;
  const dated = period ? { ...fc, period } : fc;
  const marked = isSynthetic(c) ? { ...dated, synthetic: true, notice: `${t('sampleMark', 'zh')} / ${t('sampleMark', 'en')}: ${t('sampleBanner', s.lang)}` } : dated;
  download(exportName(c, 'geojson'), JSON.stringify(marked, null, 1), 'application/geo+json');
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
    asOf: c.model.periodOf(s.period) ? `${c.bundle.as_of} · ${t('period', s.lang)} ${c.model.periodOf(s.period)!.period}` : c.bundle.as_of,
    corridorM: s.corridor,
    axisNames: c.axisNames,
    filterText: describeFilter(s.filter, { lang: s.lang, axisNames: c.axisNames, zones: c.model.zones }),
    attribution: Object.values(ATTRIBUTION),
    watermark: isSynthetic(c) ? t('sampleMark', s.lang) : null,
  });
  download(exportName(c, 'png'), blob);
}
