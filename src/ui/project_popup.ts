import type { Reported } from '../core/load_reported.ts';
import { formatMetres, formatYi, NOT_DISCLOSED } from '../core/format.ts';
import { STATUS_LABELS, type Lang, type MappedProject } from '../core/model.ts';
import { el } from './dom.ts';
import { t } from './strings.ts';

/** A short card for a clicked pin (the full investor card comes with the app UI). All text is text. */
export function renderProjectPopup(p: MappedProject, sources: Reported['sources'], lang: Lang): HTMLElement {
  const source = sources[p.source];
  const sourceText = source ? (lang === 'zh' ? source.title_zh : source.title_en) : p.source;
  const name = lang === 'zh' ? p.name_zh : (p.name_en ?? p.name_zh);
  const other = lang === 'zh' ? p.name_en : p.name_zh;
  const row = (label: string, value: string) => [el('dt', {}, label), el('dd', {}, value)];
  return el(
    'div',
    { class: 'project-popup', 'data-project': p.id },
    el('h3', {}, name),
    other ? el('p', { class: 'alt-name' }, other) : null,
    el(
      'dl',
      {},
      ...row(t('status', lang), p.status ? STATUS_LABELS[p.status][lang] : NOT_DISCLOSED[lang]),
      ...row(t('investment', lang), formatYi(p.investment_total_yi, lang)),
      ...row(t('address', lang), p.address ?? NOT_DISCLOSED[lang]),
      ...row(t('accuracy', lang), p.site?.accuracy_m != null ? `± ${formatMetres(p.site.accuracy_m, lang)}` : NOT_DISCLOSED[lang]),
      ...row(t('source', lang), `${sourceText}${p.as_of ? ` (${p.as_of})` : ''}`),
    ),
  );
}
