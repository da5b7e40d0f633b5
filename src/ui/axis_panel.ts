import type { Aggregates, AxisAggregate } from '../core/aggregate.ts';
import { formatCount, formatKm, formatMetres, formatPercent, formatYi } from '../core/format.ts';
import type { Reported } from '../core/load_reported.ts';
import type { Lang } from '../core/model.ts';
import type { Theme } from '../map/theme.ts';
import { el } from './dom.ts';
import { t } from './strings.ts';

function coverageBar(ratio: number, colour: string, label: string): HTMLElement {
  const bar = el('div', {
    class: 'bar',
    role: 'meter',
    'aria-label': label,
    'aria-valuemin': '0',
    'aria-valuemax': '100',
    'aria-valuenow': String(Math.round(Math.min(ratio, 1) * 1000) / 10),
  });
  const fill = el('div', { class: 'bar-fill' });
  fill.style.width = `${Math.min(ratio, 1) * 100}%`;
  fill.style.background = colour;
  bar.append(fill);
  return bar;
}

function swatch(colour: string): HTMLElement {
  const s = el('span', { class: 'swatch', 'aria-hidden': 'true' });
  s.style.background = colour; // CSSOM, not a style attribute: allowed under a strict CSP
  return s;
}

function axisCard(a: AxisAggregate, lang: Lang, theme: Theme): HTMLElement {
  const name = lang === 'zh' ? a.theme_zh : a.theme_en;
  const coverageLabel = `${t('coverage', lang)} ${formatPercent(a.coverage.projects, lang)}`;
  return el(
    'section',
    { class: 'axis-card', 'data-axis': a.id, 'aria-label': name },
    el('h3', {}, swatch(theme.axis[a.id]), name),
    el(
      'dl',
      {},
      el('dt', {}, t('reported', lang)),
      el(
        'dd',
        { 'data-figure': 'reported' },
        `${formatCount(a.reported.projects, lang)} ${t('projectsUnit', lang)} · ${formatYi(a.reported.investment_yi, lang)}`,
      ),
      el('dt', {}, t('onMap', lang)),
      el(
        'dd',
        { 'data-figure': 'mapped' },
        t('mappedSummary', lang, {
          n: formatCount(a.mapped.projects, lang),
          disclosed: formatCount(a.mapped.disclosed, lang),
          investment: formatYi(a.mapped.investment_yi, lang),
        }),
      ),
      el('dt', {}, t('perKm', lang)),
      el('dd', { 'data-figure': 'per-km' }, a.mapped.investment_per_km === null ? formatYi(null, lang) : `${formatYi(a.mapped.investment_per_km, lang)}/km`),
      el('dt', {}, t('axisLength', lang)),
      el('dd', { 'data-figure': 'length' }, formatKm(a.length_km, lang)),
    ),
    el('div', { class: 'coverage' }, el('span', {}, coverageLabel), coverageBar(a.coverage.projects, theme.axis[a.id], coverageLabel)),
  );
}

/** The planners' panel: per-axis reported and mapped figures, the ledger and the district totals. */
export function renderAxisPanel(aggregates: Aggregates, reported: Reported, lang: Lang, theme: Theme): HTMLElement {
  const { ledger } = aggregates;
  const programme = reported.district;
  return el(
    'div',
    { class: 'axis-panel' },
    el('p', { class: 'as-of' }, `${t('asOf', lang)} ${reported.as_of} · ${t('corridor', lang)} ${formatMetres(aggregates.corridor_m, lang)}`),
    el('h2', {}, t('axesHeading', lang)),
    ...aggregates.axes.map((a) => axisCard(a, lang, theme)),
    el('h2', {}, t('ledgerHeading', lang)),
    el(
      'p',
      { 'data-figure': 'ledger' },
      t('ledgerSummary', lang, { all: ledger.all.projects, mapped: ledger.mapped, unmapped: ledger.unmapped_ids.length }),
    ),
    el('p', { 'data-figure': 'outside' }, t('outsideCorridors', lang, { n: ledger.outside_corridors_ids.length })),
    el('h2', {}, t('districtHeading', lang)),
    el(
      'ul',
      { class: 'district-figures' },
      ...programme.map((f) => {
        const parts = [
          f.projects != null ? `${formatCount(f.projects, lang)} ${t('projectsUnit', lang)}` : null,
          f.investment_yi != null ? formatYi(f.investment_yi, lang) : null,
          f.rate != null ? formatPercent(f.rate, lang) : null,
        ].filter((x): x is string => x !== null);
        return el('li', { 'data-figure': f.id, title: f.quote }, `${lang === 'zh' ? f.label_zh : f.label_en}: ${parts.join(' · ')}`);
      }),
    ),
    el('p', { class: 'note' }, t('schematicNote', lang)),
  );
}
