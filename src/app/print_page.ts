/**
 * A report page for the browser's print (and print-to-PDF): title and what is shown, the map with a scale bar and a
 * north arrow, the whole legend, the axes compared, the note on the geometry, every source and the date — on one
 * A4 or A3 landscape page. Loaded with the other exports, on the first click.
 */
import { ATTRIBUTION } from '../map/style.ts';
import { renderAxisTable } from '../ui/axis_table.ts';
import { el } from '../ui/dom.ts';
import { legendList } from '../ui/legend.ts';
import { t } from '../ui/strings.ts';
import { lt } from '../ui/lazy_strings.ts';
import type { ExportContext } from '../controls/export_menu.ts';
import { decorateMap } from './export_png.ts';
import { isSynthetic, legendOf, mapShot, pageText, today } from './page_text.ts';

export type Paper = 'a4' | 'a3';

/** The map at twice the screen's sharpness, with its scale bar and north arrow, as an image file. */
async function mapPicture(c: ExportContext): Promise<Blob> {
  const shot = await mapShot(c, 2);
  decorateMap(shot.canvas.getContext('2d')!, shot.canvas.width, shot.canvas.height, shot.scale, shot.over);
  return new Promise((resolve, reject) => shot.canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('print: no picture'))), 'image/png'));
}

/** Builds the page (hidden on screen), opens the print dialog, and removes the page when printing is over. */
export async function printPage(c: ExportContext, paper: Paper): Promise<void> {
  document.querySelector('.print-sheet')?.remove();
  const s = c.store.get();
  const text = pageText(c);
  const synthetic = isSynthetic(c);
  const url = c.getView().map ? URL.createObjectURL(await mapPicture(c)) : null;
  const image = url ? el('img', { class: 'print-map', src: url, alt: text.title }) : null;
  if (image) await image.decode().catch(() => undefined);
  const sheet = el(
    'article',
    { class: `print-sheet ${paper}`, lang: s.lang === 'zh' ? 'zh-CN' : 'en', 'data-paper': paper },
    el(
      'header',
      {},
      synthetic ? el('p', { class: 'print-synthetic' }, `${lt('sampleMark', s.lang)} — ${t('sampleBanner', s.lang)}`) : null,
      el('h1', {}, text.title),
      el('p', {}, text.subtitle),
      text.filterText ? el('p', {}, text.filterText) : null,
    ),
    el(
      'div',
      { class: 'print-body' },
      image,
      el('section', { class: 'print-legend' }, el('h2', {}, t('legend', s.lang)), legendList(legendOf(c))),
    ),
    el(
      'section',
      { class: 'print-table' },
      el('h2', {}, t('axisTableHeading', s.lang)),
      renderAxisTable({ axes: c.model.derive(s.filter, s.corridor).aggregates.axes, lang: s.lang, sort: null, onSort: () => {}, selectedAxis: null, onSelectAxis: () => {} }),
    ),
    el(
      'footer',
      {},
      el('p', {}, text.note),
      ...Object.values(ATTRIBUTION).map((a) => el('p', {}, a)),
      el('p', {}, `${lt('printedOn', s.lang)} ${today()} · ${location.href}`),
    ),
  );
  document.body.append(sheet);
  document.documentElement.classList.add('printing');
  const done = () => {
    sheet.remove();
    document.documentElement.classList.remove('printing');
    if (url) URL.revokeObjectURL(url);
  };
  addEventListener('afterprint', done, { once: true });
  print();
}
