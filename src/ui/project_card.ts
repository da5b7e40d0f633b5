import { formatMetres, formatYi, NOT_DISCLOSED } from '../core/format.ts';
import type { Reported } from '../core/load_reported.ts';
import { AXIS_IDS, type AxisId, type Lang, type MappedProject } from '../core/model.ts';
import { corridorsOf, type Placement } from '../core/placement.ts';
import { el } from './dom.ts';
import { sectorLabel, statusLabel } from './labels.ts';
import { t } from './strings.ts';

export interface ProjectCardProps {
  project: MappedProject;
  placement: Placement;
  corridorM: number;
  lang: Lang;
  sources: Reported['sources'];
  axisNames: Record<AxisId, { zh: string; en: string }>;
  zoneNames: Record<string, { zh: string; en: string }>;
  /** The link to exactly this project (the page URL with only `project=` and the language). */
  link: string;
  onClose: () => void;
}

/**
 * The investor's card: every field of the ledger row, the spatial facts, the source and the data date.
 * Every value is text (data never becomes HTML). Esc or the close button closes it.
 */
export function renderProjectCard(props: ProjectCardProps): HTMLElement {
  const { project: p, placement, lang } = props;
  const name = lang === 'zh' ? p.name_zh : (p.name_en ?? p.name_zh);
  const other = lang === 'zh' ? p.name_en : p.name_zh;
  const nd = NOT_DISCLOSED[lang];
  const axis = (id: AxisId | null) => (id ? props.axisNames[id][lang] : null);
  const spatial = corridorsOf(placement, props.corridorM);
  const source = props.sources[p.source];
  const sourceText = source ? (lang === 'zh' ? source.title_zh : source.title_en) : p.source;
  const rows: Array<[string, string | Node, string]> = [
    [t('status', lang), p.status ? statusLabel(p.status, lang) : nd, 'status'],
    [t('sector', lang), p.sector ? sectorLabel(p.sector, lang) : nd, 'sector'],
    [t('investment', lang), formatYi(p.investment_total_yi, lang), 'investment'],
    [t('investment2023', lang), formatYi(p.investment_2023_yi, lang), 'investment-2023'],
    [t('axisDeclared', lang), axis(p.axis_declared) ?? t('notDeclared', lang), 'axis-declared'],
    [
      t('axisSpatial', lang),
      p.site ? (spatial.length ? spatial.map((a) => axis(a)).join(' · ') : t('outsideAxes', lang)) : t('notMapped', lang),
      'axis-spatial',
    ],
  ];
  if (placement.distances_m) {
    const d = placement.distances_m;
    rows.push([t('distances', lang), AXIS_IDS.map((a) => `${axis(a)} ${formatMetres(d[a], lang)}`).join(' · '), 'distances']);
  }
  rows.push(
    [t('zone', lang), placement.zone ? (props.zoneNames[placement.zone]?.[lang] ?? placement.zone) : p.site ? nd : t('notMapped', lang), 'zone'],
    [t('address', lang), p.address ?? nd, 'address'],
    [t('accuracy', lang), p.site ? (p.site.accuracy_m !== null ? `± ${formatMetres(p.site.accuracy_m, lang)}` : nd) : t('notMapped', lang), 'accuracy'],
  );
  if (p.site?.evidence) rows.push([t('locationEvidence', lang), p.site.evidence, 'evidence']);
  rows.push([t('source', lang), source?.url ? el('a', { href: source.url, rel: 'noopener noreferrer', target: '_blank' }, sourceText) : sourceText, 'source']);
  rows.push([t('asOf', lang), p.as_of ?? nd, 'as-of']);
  if (p.note) rows.push([t('note', lang), p.note, 'note']);

  const close = el('button', { type: 'button', class: 'card-close', 'aria-label': t('close', lang), 'data-key': 'card-close' }, '×');
  close.addEventListener('click', props.onClose);
  const copy = el('button', { type: 'button', class: 'copy-link', 'data-key': 'card-copy' }, t('copyLink', lang));
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(props.link);
      copy.textContent = t('copied', lang);
    } catch {
      // No clipboard (http page, permissions): show the link to copy by hand.
      copy.replaceWith(el('input', { class: 'link-field', readonly: '', value: props.link, 'aria-label': t('copyLink', lang) }));
    }
  });

  const card = el(
    'section',
    { class: 'project-card', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'card-title', 'data-project': p.id, tabindex: '-1' },
    el('header', {}, el('h2', { id: 'card-title' }, name), close),
    other ? el('p', { class: 'alt-name' }, other) : null,
    el('dl', {}, ...rows.flatMap(([label, value, key]) => [el('dt', {}, label), el('dd', { 'data-field': key }, value)])),
    el('div', { class: 'card-actions' }, copy),
  );
  card.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      props.onClose();
    }
  });
  return card;
}
