import type { ExportContext } from '../controls/export_menu.ts';
import { formatMetres } from '../core/format.ts';
import type { Lang } from '../core/model.ts';
import { describeFilter } from '../ui/facet_controls.ts';
import { mapNote } from '../ui/labels.ts';
import { legendEntries, type LegendEntry } from '../ui/legend.ts';
import { lt } from '../ui/lazy_strings.ts';
import { t } from '../ui/strings.ts';

/** Synthetic data (the sample ledger): marked in every file's name, in GeoJSON's top level, on pictures and paper. */
export const isSynthetic = (c: ExportContext): boolean => c.store.get().data === 'sample' || c.model.synthetic;

/** The words above and below an exported map or a printed page: title, data date, period, corridor, filter, note. */
export function pageText(c: ExportContext): { lang: Lang; title: string; subtitle: string; filterText: string; note: string } {
  const s = c.store.get();
  const period = c.model.periodOf(s.period)?.period;
  return {
    lang: s.lang,
    title: t('title', s.lang),
    subtitle: [`${t('asOf', s.lang)} ${c.bundle.as_of}`, period ? `${t('period', s.lang)} ${period}` : null, `${t('corridor', s.lang)} ${formatMetres(s.corridor, s.lang)}`]
      .filter(Boolean)
      .join(' · '),
    filterText: describeFilter(s.filter, { lang: s.lang, axisNames: c.axisNames, zones: c.model.zones }),
    note: mapNote(c.bundle, s.lang),
  };
}

/** The day of an export or a print, YYYY-MM-DD. */
export const today = (): string => new Date().toISOString().slice(0, 10);

/** The legend of the current state, as a picture or a page lists it. */
export function legendOf(c: ExportContext): LegendEntry[] {
  const s = c.store.get();
  return legendEntries({ lang: s.lang, theme: c.theme, corridorM: s.corridor, axisNames: c.axisNames, shapes: c.model.anyShapes });
}

/**
 * The map drawn at `scale` for a picture or a page, and what is drawn over it (export_png.ts decorateMap): the camera
 * the scale bar and north arrow read, and the synthetic-data watermark.
 */
export async function mapShot(c: ExportContext, scale: number) {
  const view = c.getView();
  const shot = await view.snapshot(scale);
  const { center, zoom, bearing } = view.getView();
  const lang = c.store.get().lang;
  return { ...shot, over: { lang, camera: { lat: center[1], zoom, bearing }, watermark: isSynthetic(c) ? lt('sampleMark', lang) : null } };
}
