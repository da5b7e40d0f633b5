import { DISTRICT_PROGRAMME_ID, type Aggregates, type AxisAggregate, type IdList, type Tally, type ZoneAggregate } from '../core/aggregate.ts';
import { formatCount, formatKm, formatMetres, formatPercent, formatYi } from '../core/format.ts';
import type { Reported } from '../core/load_reported.ts';
import type { AxisId, Lang } from '../core/model.ts';
import { axisColour, type Theme } from '../map/theme.ts';
import { renderAxisChart, type ChartMetric } from './axis_chart.ts';
import { renderAxisTable, type TableSort } from './axis_table.ts';
import { dataText, el } from './dom.ts';
import { countsText, sectorLabel, statusLabel } from './labels.ts';
import { t } from './strings.ts';

export interface AxisPanelProps {
  aggregates: Aggregates;
  reported: Reported;
  lang: Lang;
  theme: Theme;
  selectedAxis: AxisId | null;
  /** Whether any project declares an axis (if none does, mismatch lists cannot say anything). */
  anyDeclared: boolean;
  /** The whole ledger, whatever the filter: what the public record covers of the report's programme. */
  ledgerTotals: Tally;
  /** What the chart compares, and how to switch it (no switch without it). */
  chartMetric?: ChartMetric;
  onChartMetric?: (metric: ChartMetric) => void;
  /** The axes compared in a sortable table (the full app), and how to sort it. */
  table?: { sort: TableSort; onSort: (sort: TableSort) => void };
  /** What the map's geometry is (labels.ts mapNote). */
  note: string;
  /** Synthetic data (the sample ledger): its totals are not "the public record". */
  synthetic?: boolean;
  onSelectAxis: (id: AxisId) => void;
  onSelectProject: (id: string) => void;
}

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
  fill.style.width = `${Math.min(ratio, 1) * 100}%`; // CSSOM, not a style attribute: allowed under a strict CSP
  fill.style.background = colour;
  bar.append(fill);
  return bar;
}

function swatch(colour: string): HTMLElement {
  const s = el('span', { class: 'swatch', 'aria-hidden': 'true' });
  s.style.background = colour;
  return s;
}

/** Names shown in a mismatch list; the rest are counted (the list view filters them all). */
const MAX_LINKS = 12;

function projectLinks(listed: IdList, props: AxisPanelProps): HTMLElement {
  const list = el('ul', { class: 'project-links' });
  for (const { id, name_zh, name_en } of listed.named(MAX_LINKS)) {
    const name = props.lang === 'zh' ? name_zh : (name_en ?? name_zh);
    const button = el('button', { type: 'button', class: 'link', 'data-key': `link-${id}` }, dataText(name));
    button.addEventListener('click', () => props.onSelectProject(id));
    list.append(el('li', {}, button));
  }
  if (listed.count > MAX_LINKS) list.append(el('li', { class: 'muted' }, `+ ${listed.count - MAX_LINKS}`));
  return list;
}

/** Lines or areas only partly inside make the apportioned investment differ from the full: then both are shown. */
const apportions = (t: Tally): boolean =>
  t.investment_yi !== null && t.investment_apportioned_yi !== null && Math.abs(t.investment_yi - t.investment_apportioned_yi) > 1e-9;

function axisCard(a: AxisAggregate, props: AxisPanelProps): HTMLElement {
  const { lang, theme } = props;
  const name = lang === 'zh' ? a.theme_zh : a.theme_en;
  const selected = props.selectedAxis === a.id;
  const coverageLabel = `${t('coverage', lang)} ${formatPercent(a.coverage.projects, lang)}`;
  const select = el('button', { type: 'button', class: 'axis-select', 'aria-pressed': String(selected), 'data-key': `axis-${a.id}` }, swatch(axisColour(theme, a.id)), name);
  select.title = t('selectAxis', lang);
  select.addEventListener('click', () => props.onSelectAxis(a.id));
  const mismatch = (label: string, listed: IdList) =>
    listed.count ? el('div', { class: 'mismatch' }, el('p', {}, `${label}: ${listed.count}`), projectLinks(listed, props)) : null;
  return el(
    'section',
    { class: `axis-card${selected ? ' selected' : ''}`, 'data-axis': a.id, 'aria-label': name },
    el('h3', {}, select),
    el(
      'dl',
      {},
      el('dt', {}, t('reported', lang)),
      el('dd', { 'data-figure': 'reported' }, `${formatCount(a.reported.projects, lang)} ${t('projectsUnit', lang)} · ${formatYi(a.reported.investment_yi, lang)}`),
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
      ...(apportions(a.mapped)
        ? [el('dt', {}, t('apportioned', lang)), el('dd', { 'data-figure': 'apportioned' }, formatYi(a.mapped.investment_apportioned_yi, lang))]
        : []),
      el('dt', {}, t('perKm', lang)),
      el('dd', { 'data-figure': 'per-km' }, a.mapped.investment_per_km === null ? formatYi(null, lang) : `${formatYi(a.mapped.investment_per_km, lang)}/km`),
      el('dt', {}, t('axisLength', lang)),
      el('dd', { 'data-figure': 'length' }, formatKm(a.length_km, lang)),
      el('dt', {}, t('shareOfDistrict', lang)),
      el('dd', { 'data-figure': 'share' }, t('shareOfDistrictValue', lang, { projects: formatPercent(a.share_of_district.projects, lang), investment: formatPercent(a.share_of_district.investment, lang) })),
      ...(a.mapped.projects
        ? [
            el('dt', {}, t('byStatus', lang)),
            el('dd', { 'data-figure': 'by-status' }, countsText(a.mapped.by_status, (k) => statusLabel(k, lang))),
            el('dt', {}, t('bySector', lang)),
            el('dd', { 'data-figure': 'by-sector' }, countsText(a.mapped.by_sector, (k) => sectorLabel(k, lang))),
          ]
        : []),
    ),
    el('div', { class: 'coverage' }, el('span', {}, coverageLabel), coverageBar(a.coverage.projects, axisColour(theme, a.id), coverageLabel)),
    mismatch(t('declaredOutside', lang), a.declared_outside),
    mismatch(t('insideDeclaredElsewhere', lang), a.inside_declared_elsewhere),
  );
}

function zoneRow(z: ZoneAggregate, lang: Lang): HTMLElement {
  return el(
    'li',
    { 'data-zone': z.id },
    el('strong', {}, lang === 'zh' ? z.name_zh : z.name_en),
    ' ',
    t('zoneSummary', lang, { n: formatCount(z.mapped.projects, lang), disclosed: formatCount(z.mapped.disclosed, lang), investment: formatYi(z.mapped.investment_yi, lang) }),
    apportions(z.mapped) ? el('span', { 'data-figure': 'apportioned' }, ` · ${t('apportioned', lang)} ${formatYi(z.mapped.investment_apportioned_yi, lang)}`) : null,
    z.mapped.projects ? el('span', { class: 'muted' }, ` (${countsText(z.mapped.by_status, (k) => statusLabel(k, lang))})`) : null,
  );
}

/** "The public record holds 23 projects (6.4 % of the 360 reported) …": the ledger against the report's programme. */
function publicCoverage(props: AxisPanelProps): HTMLElement | null {
  const { lang } = props;
  const programme = props.reported.district.find((f) => f.id === DISTRICT_PROGRAMME_ID);
  if (!programme?.projects || !programme.investment_yi) return null;
  const all = props.ledgerTotals;
  return el(
    'p',
    { 'data-figure': 'public-coverage' },
    t(props.synthetic ? 'sampleCoverage' : all.investment_yi === null ? 'publicCoverageNone' : 'publicCoverage', lang, {
      n: formatCount(all.projects, lang),
      reportedN: formatCount(programme.projects, lang),
      shareN: formatPercent(all.projects / programme.projects, lang),
      disclosed: formatCount(all.disclosed, lang),
      investment: formatYi(all.investment_yi, lang),
      reportedYi: formatYi(programme.investment_yi, lang),
      shareYi: formatPercent(all.investment_yi === null ? null : all.investment_yi / programme.investment_yi, lang),
    }),
  );
}

/**
 * Wide corridors overlap (the axes are 1.2–1.5 km apart): a project in two counts in both axes' figures. Said once,
 * with the de-duplicated total, whenever it happens — the per-axis figures then add up to more than the projects.
 */
function overlapNote(aggregates: Aggregates, lang: Lang): HTMLElement | null {
  const perAxis = aggregates.axes.reduce((sum, a) => sum + a.mapped.projects, 0);
  const distinct = aggregates.ledger.in_corridors;
  const shared = aggregates.ledger.in_several_corridors;
  if (perAxis === distinct) return null;
  return el('p', { class: 'note', 'data-figure': 'overlap' }, t('overlapNote', lang, { shared, perAxis, distinct }));
}

/** Projects ↔ 亿元: which the chart compares (planners ask about investment; counts are the default). */
function chartSwitch(props: AxisPanelProps): HTMLElement | null {
  const onChange = props.onChartMetric;
  if (!onChange) return null;
  const current = props.chartMetric ?? 'projects';
  const button = (metric: ChartMetric, label: string) => {
    const b = el('button', { type: 'button', class: 'chart-metric', 'aria-pressed': String(current === metric), 'data-key': `chart-${metric}` }, label);
    b.addEventListener('click', () => onChange(metric));
    return b;
  };
  return el('div', { class: 'chart-switch', role: 'group', 'aria-label': t('chartSwitch', props.lang) }, button('projects', t('chartProjects', props.lang)), button('investment', t('chartInvestment', props.lang)));
}

/** The planners' overview: the comparison chart, per-axis and per-zone figures, the ledger and the district totals. */
export function renderAxisPanel(props: AxisPanelProps): HTMLElement {
  const { aggregates, reported, lang, theme } = props;
  const { ledger } = aggregates;
  return el(
    'div',
    { class: 'axis-panel' },
    el('p', { class: 'as-of' }, `${t('asOf', lang)} ${reported.as_of} · ${t('corridor', lang)} ${formatMetres(aggregates.corridor_m, lang)}`),
    el('h2', {}, t(props.chartMetric === 'investment' ? 'chartHeadingInvestment' : 'chartHeading', lang)),
    chartSwitch(props),
    renderAxisChart(aggregates.axes, lang, theme, props.selectedAxis, props.onSelectAxis, props.chartMetric ?? 'projects'),
    ...(props.table
      ? [
          el('h2', {}, t('axisTableHeading', lang)),
          renderAxisTable({ axes: aggregates.axes, lang, ...props.table, selectedAxis: props.selectedAxis, onSelectAxis: props.onSelectAxis }),
        ]
      : []),
    el('h2', {}, t('axesHeading', lang)),
    overlapNote(aggregates, lang),
    props.anyDeclared ? null : el('p', { class: 'muted' }, t('noneDeclared', lang)),
    ...aggregates.axes.map((a) => axisCard(a, props)),
    el('h2', {}, t('zonesHeading', lang)),
    el('ul', { class: 'zone-list' }, ...aggregates.zones.map((z) => zoneRow(z, lang))),
    el('h2', {}, t('ledgerHeading', lang)),
    el('p', { 'data-figure': 'ledger' }, t('ledgerSummary', lang, { all: ledger.all.projects, mapped: ledger.mapped, unmapped: ledger.all.projects - ledger.mapped })),
    el('p', { 'data-figure': 'outside' }, t('outsideCorridors', lang, { n: ledger.mapped - ledger.in_corridors })),
    el('h2', {}, t('districtHeading', lang)),
    publicCoverage(props),
    el(
      'ul',
      { class: 'district-figures' },
      ...reported.district.map((f) => {
        const parts = [
          f.projects != null ? `${formatCount(f.projects, lang)} ${t('projectsUnit', lang)}` : null,
          f.investment_yi != null ? formatYi(f.investment_yi, lang) : null,
          f.rate != null ? formatPercent(f.rate, lang) : null,
        ].filter((x): x is string => x !== null);
        return el('li', { 'data-figure': f.id, title: f.quote }, `${lang === 'zh' ? f.label_zh : f.label_en}: ${parts.join(' · ')}`);
      }),
    ),
    el('p', { class: 'note' }, props.note),
  );
}
