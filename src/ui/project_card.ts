import { formatArea, formatLength, formatMetres, formatPercent, formatYi, NOT_DISCLOSED } from '../core/format.ts';
import type { Reported } from '../core/load_reported.ts';
import { type AxisId, type Lang, type MappedProject, type Sector, type Status } from '../core/model.ts';
import { LEDGER_COLUMNS, PROJECT_COLUMNS, type LedgerColumn } from '../core/ledger_columns.ts';
import { corridorsOf, type Placement } from '../core/placement.ts';
import { dataText, el } from './dom.ts';
import { sectorLabel, statusLabel } from './labels.ts';
import { t } from './strings.ts';

export interface ProjectCardProps {
  project: MappedProject;
  placement: Placement;
  /** A line's, an area's or several points' share inside each corridor at `corridorM` (axis order); null for a point. */
  shares: number[] | null;
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
  // axisNames is in the layout's order, the order of a placement's distances.
  const axisIds = Object.keys(props.axisNames);
  const axis = (id: AxisId | null) => (id ? (props.axisNames[id]?.[lang] ?? id) : null);
  const spatial = corridorsOf(placement, props.corridorM, axisIds);
  const source = props.sources[p.source];
  const sourceText = source ? (lang === 'zh' ? source.title_zh : source.title_en) : p.source;
  /** A ledger value in words, by its column's kind. */
  const value = (c: LedgerColumn): string | Node | null => {
    const v = p[c];
    switch (LEDGER_COLUMNS[c].kind) {
      case 'amount':
        return formatYi(v as number | null, lang);
      case 'axis':
        return axis(v as AxisId | null) ?? t('notDeclared', lang);
      case 'status':
        return v ? statusLabel(v as Status, lang) : nd;
      case 'sector':
        return v ? sectorLabel(v as Sector, lang) : nd;
      case 'source':
        return source?.url ? el('a', { href: source.url, rel: 'noopener noreferrer', target: '_blank' }, dataText(sourceText)) : dataText(sourceText);
      default:
        // An optional text column with nothing in it (a note) is left out; any other empty value is 未公开.
        return v === null ? (LEDGER_COLUMNS[c].optional ? null : nd) : dataText(String(v));
    }
  };
  // [order, label, value, data-field]: the ledger's columns where the column table places them, and the
  // card's own spatial facts at 60–79.
  const rows: Array<[number, string, string | Node | null, string]> = PROJECT_COLUMNS.flatMap((c) => {
    const order = LEDGER_COLUMNS[c].card;
    return order === null ? [] : [[order, LEDGER_COLUMNS[c].label[lang], value(c), c] as [number, string, string | Node | null, string]];
  });
  rows.push([
    60,
    t('axisSpatial', lang),
    p.site ? (spatial.length ? spatial.map((a) => axis(a)).join(' · ') : t('outsideAxes', lang)) : t('notMapped', lang),
    'axis-spatial',
  ]);
  if (placement.distances_m) {
    const d = placement.distances_m;
    rows.push([61, t('distances', lang), axisIds.map((a, k) => `${axis(a)} ${formatMetres(d[k]!, lang)}`).join(' · '), 'distances']);
  }
  const zoneName = (id: string) => props.zoneNames[id]?.[lang] ?? id;
  const shape = placement.shape;
  if (p.site) {
    const kind = !shape ? t('sitePoint', lang) : shape.kind === 'line' ? t('siteLine', lang) : shape.kind === 'area' ? t('siteArea', lang) : t('sitePoints', lang, { n: shape.size });
    const size = !shape || shape.kind === 'point' ? '' : ` · ${shape.kind === 'line' ? formatLength(shape.size, lang) : formatArea(shape.size, lang)}`;
    rows.push([59, t('siteShape', lang), `${kind}${size}`, 'site-shape']);
  }
  if (shape && props.shares) {
    const shares = props.shares;
    rows.push([60.5, t('corridorShares', lang, { m: formatMetres(props.corridorM, lang) }), axisIds.map((a, k) => `${axis(a)} ${formatPercent(shares[k]!, lang)}`).join(' · '), 'corridor-shares']);
  }
  rows.push(
    [
      62,
      shape ? t('zoneShares', lang) : t('zone', lang),
      shape && shape.zones.length
        ? shape.zones.map((z) => `${zoneName(z.id)} ${formatPercent(z.share, lang)}`).join(' · ')
        : placement.zone ? zoneName(placement.zone) : p.site ? nd : t('notMapped', lang),
      'zone',
    ],
    [75, t('accuracy', lang), p.site ? (p.site.accuracy_m !== null ? `± ${formatMetres(p.site.accuracy_m, lang)}` : nd) : t('notMapped', lang), 'accuracy'],
    [76, t('locationEvidence', lang), p.site?.evidence ? dataText((lang === 'zh' && p.site.evidence_zh) || p.site.evidence) : null, 'evidence'],
  );
  const shown = rows.filter((r) => r[2] !== null).sort((a, b) => a[0] - b[0]);

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
    el('header', {}, el('h2', { id: 'card-title' }, dataText(name)), close),
    other ? el('p', { class: 'alt-name' }, dataText(other)) : null,
    el('dl', {}, ...shown.flatMap(([, label, v, key]) => [el('dt', {}, label), el('dd', { 'data-field': key }, v)])),
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
