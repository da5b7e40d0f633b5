/**
 * What the export menu writes: the filtered projects as CSV, Excel or GeoJSON, the axes compared, the view as a PNG
 * report page, a printed page. Loaded on the first export (controls/export_menu.ts), not with the map.
 */
import type { ExportContext } from '../controls/export_menu.ts';
import { axisSummaryTable } from '../core/axis_summary.ts';
import { projectsTable, projectsToGeoJson, tableToCsv, type Table } from '../core/export.ts';
import { ATTRIBUTION } from '../map/style.ts';
import { exportFileName } from '../ui/facet_controls.ts';
import { t } from '../ui/strings.ts';
import { lt } from '../ui/lazy_strings.ts';
import { download } from './download.ts';
import { composePng } from './export_png.ts';
import { isSynthetic, legendOf, mapShot, pageText, today } from './page_text.ts';

export { printPage } from './print_page.ts';

const exportName = (c: ExportContext, ext: string, what?: string) => {
  const s = c.store.get();
  // A ledger with progress: the period shown, in place of the data date.
  const period = c.model.periodOf(s.period)?.period;
  const base = exportFileName(period ?? c.bundle.as_of, s.filter, { lang: s.lang, axisNames: c.axisNames, zones: c.model.zones }, ext);
  const name = what ? `${what}-${base}` : base;
  return isSynthetic(c) ? `${lt('sampleFile', s.lang)}-${name}` : name;
};

/** The filtered projects as a table in the interface's language (the import reads it back). */
function projectRows(c: ExportContext): Table {
  const s = c.store.get();
  const d = c.model.derive(s.filter, s.corridor).filtered();
  return projectsTable(d.projects, d.placements, s.corridor, c.model.layout.axisIds, { lang: s.lang, axisNames: c.model.axisNames, zoneNames: c.model.zoneNames });
}

/** The axes compared (core/axis_summary.ts) under the current filter and corridor. */
function summaryRows(c: ExportContext): Table {
  const s = c.store.get();
  return axisSummaryTable(c.model.derive(s.filter, s.corridor).aggregates.axes, s.lang);
}

export function exportCsv(c: ExportContext): void {
  download(exportName(c, 'csv'), tableToCsv(projectRows(c)), 'text/csv;charset=utf-8');
}

export function exportSummaryCsv(c: ExportContext): void {
  download(exportName(c, 'csv', lt('summaryFile', c.store.get().lang)), tableToCsv(summaryRows(c)), 'text/csv;charset=utf-8');
}

/**
 * An Excel workbook: the projects (the sheet the import reads back), the axes compared, and what the file is — title,
 * data date, period, corridor, filter, the note on the geometry, sources, export date; the synthetic-data notice first
 * when it is the sample. The writer (write-excel-file) loads on this click only.
 */
export async function exportXlsx(c: ExportContext): Promise<void> {
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  const s = c.store.get();
  const text = pageText(c);
  const projects = projectRows(c);
  const summary = summaryRows(c);
  const bold = (value: string) => ({ value, fontWeight: 'bold' as const });
  const sheet = (table: Table) => [table.header.map(bold), ...table.rows.map((r) => r.map((v) => (v === null ? null : v)))];
  const about: Array<Array<string | number | { value: string; fontWeight: 'bold' }>> = [
    ...(isSynthetic(c) ? [[bold(lt('sampleMark', s.lang)), t('sampleBanner', s.lang)]] : []),
    [bold(lt('aboutTitle', s.lang)), text.title],
    [bold(lt('aboutShown', s.lang)), text.subtitle],
    [bold(lt('aboutFilter', s.lang)), text.filterText || lt('aboutNoFilter', s.lang)],
    [bold(lt('aboutProjects', s.lang)), projects.rows.length],
    [bold(lt('aboutNote', s.lang)), text.note],
    [bold(lt('aboutUndisclosed', s.lang)), lt('aboutUndisclosedText', s.lang)],
    ...Object.values(ATTRIBUTION).map((a, i) => [bold(i === 0 ? t('source', s.lang) : ''), a]),
    [bold(lt('exportedOn', s.lang)), today()],
  ];
  const widths = (table: Table) => table.header.map((h) => ({ width: Math.min(40, Math.max(10, h.length * 2)) }));
  const blob = await writeXlsxFile([
    { data: sheet(projects), sheet: lt('sheetProjects', s.lang), columns: widths(projects), stickyRowsCount: 1 },
    { data: sheet(summary), sheet: lt('sheetSummary', s.lang), columns: widths(summary), stickyRowsCount: 1 },
    { data: about, sheet: lt('sheetAbout', s.lang), columns: [{ width: 18 }, { width: 90 }] },
  ]).toBlob();
  download(exportName(c, 'xlsx'), blob);
}

export function exportGeoJson(c: ExportContext): void {
  const s = c.store.get();
  const d = c.model.derive(s.filter, s.corridor).filtered();
  const fc = projectsToGeoJson(d.projects, d.placements, s.corridor, c.model.layout.axisIds);
  const period = c.model.periodOf(s.period)?.period;
  const dated = period ? { ...fc, period } : fc;
  const marked = isSynthetic(c) ? { ...dated, synthetic: true, notice: `${lt('sampleMark', 'zh')} / ${lt('sampleMark', 'en')}: ${t('sampleBanner', s.lang)}` } : dated;
  download(exportName(c, 'geojson'), JSON.stringify(marked, null, 1), 'application/geo+json');
}

/** The view as a report page (title, map with scale bar and north arrow, whole legend, sources), at `scale` × the screen. */
export async function exportPng(c: ExportContext, scale: number): Promise<void> {
  if (!c.getView().map) return;
  const shot = await mapShot(c, scale);
  const blob = await composePng(shot.canvas, shot.scale, {
    ...pageText(c),
    ...shot.over,
    legend: legendOf(c),
    attribution: Object.values(ATTRIBUTION),
    exported: today(),
  });
  download(exportName(c, 'png'), blob);
}

