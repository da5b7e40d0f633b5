import type { Reported } from '../core/load_reported.ts';
import { formatCount, formatPercent, formatYi } from '../core/format.ts';
import type { AxisId, Lang, MappedProject } from '../core/model.ts';
import { projectAt, projectsAt, tallyAt, type PeriodTally, type ProgressRow } from '../core/progress.ts';
import { stageOf, STAGES, type Stage } from '../map/stages.ts';
import { axisColour, type Theme } from '../map/theme.ts';
import { svg } from './axis_chart.ts';
import { el } from './dom.ts';
import { statusLabel } from './labels.ts';
import { t, type StringKey } from './strings.ts';

const MONTH_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const month = (period: string) => Number(period.slice(5, 7));

export interface ProgressPanelProps {
  /** Every period of the data, in order (the trend chart's x axis). */
  periods: readonly string[];
  /** Choosing a period in the trend chart. */
  onPeriod?: (period: string) => void;
  period: string;
  previous: string | null;
  index: Map<string, ProgressRow[]>;
  /** The projects of each axis (in its corridor, passing the filter), in the layout's order. */
  axes: Array<{ id: AxisId; name: string; projects: MappedProject[] }>;
  /** The projects of each zone (passing the filter). */
  zones: Array<{ id: string; name: string; projects: MappedProject[] }>;
  /** Every project of the ledger (the district line). */
  all: readonly MappedProject[];
  reported: Reported;
  lang: Lang;
  theme: Theme;
}

function tallyLine(tally: PeriodTally, period: string, lang: Lang): string {
  if (!tally.reporting) return t('progressNone', lang);
  return t('progressAxis', lang, {
    planned: formatYi(tally.planned_yi, lang),
    plannedN: formatCount(tally.planned_n, lang),
    completed: formatYi(tally.completed_yi, lang),
    completedN: formatCount(tally.completed_n, lang),
    month: month(period),
    monthEn: MONTH_EN[month(period) - 1]!,
    rate: formatPercent(tally.rate, lang),
  });
}

/** Planned against completed investment at a period, per axis and for the district, and what is new since the last. */
export function renderProgress(props: ProgressPanelProps): HTMLElement {
  const { period, previous, index, lang } = props;
  const block = (name: string, colour: string | null, tally: PeriodTally, key: string) =>
    el(
      'li',
      { 'data-progress': key },
      el('strong', {}, ...(colour ? [swatch(colour)] : []), name),
      el('div', { 'data-figure': 'progress' }, tallyLine(tally, period, lang)),
      previous
        ? el('div', { class: 'muted small', 'data-figure': 'new' }, t('progressNew', lang, { signed: tally.newly.signed.length, started: tally.newly.started.length, completed: tally.newly.completed.length }))
        : null,
    );
  const district = tallyAt(props.all, index, period, previous);
  // The report's 省市重点建设项目: the projects the ledger gives a key level.
  const key = props.all.filter((p) => p.key_level !== null);
  // The report's figures dated this very period (e.g. 1—11月完成投资 as of 2023-11; the key projects' rate).
  const dated = props.reported.district.filter((f) => f.as_of === period && (f.investment_yi != null || f.rate != null));
  const figure = (f: (typeof dated)[number]) =>
    [f.projects != null ? `${formatCount(f.projects, lang)} ${t('projectsUnit', lang)}` : null, f.investment_yi != null ? formatYi(f.investment_yi, lang) : null, f.rate != null ? formatPercent(f.rate, lang) : null]
      .filter(Boolean)
      .join(' · ');
  return el(
    'section',
    { class: 'progress-panel', 'data-period': period },
    el('h2', {}, t('progressHeading', lang, { period })),
    el(
      'ul',
      { class: 'progress-list' },
      ...props.axes.map((a) => block(a.name, axisColour(props.theme, a.id), tallyAt(a.projects, index, period, previous), a.id)),
      ...props.zones.map((z) => block(z.name, null, tallyAt(z.projects, index, period, previous), `zone-${z.id}`)),
      ...(key.length ? [block(t('progressKey', lang, { n: formatCount(key.length, lang) }), null, tallyAt(key, index, period, previous), 'key')] : []),
      block(t('progressDistrict', lang), null, district, 'district'),
    ),
    trendChart(props),
    stageChart(props),
    ...dated.map((f) => el('p', { class: 'muted small', 'data-figure': `reported-${f.id}`, title: f.quote }, t('progressReported', lang, { label: lang === 'zh' ? f.label_zh : f.label_en, value: figure(f) }))),
  );
}

function swatch(colour: string): HTMLElement {
  const s = el('span', { class: 'swatch', 'aria-hidden': 'true' });
  s.style.background = colour;
  return s;
}

/** A project's rows by period, for its card; says when the period shown has none (the last known is shown). */
export function renderHistory(history: readonly ProgressRow[] | undefined, period: string, lang: Lang): HTMLElement | null {
  if (!history?.length) return null;
  const at = projectAt(history, period);
  return el(
    'section',
    { class: 'history' },
    el('h3', {}, t('history', lang)),
    !at.current && at.row ? el('p', { class: 'muted small', 'data-figure': 'stale' }, t('historyStale', lang, { period, last: at.row.period })) : null,
    el(
      'ol',
      {},
      ...history.map((r) =>
        el(
          'li',
          { 'data-period': r.period, ...(r.period === at.row?.period ? { 'aria-current': 'true' } : {}) },
          `${r.period} `,
          t('historyRow', lang, {
            status: r.status ? statusLabel(r.status, lang) : t('unknown', lang),
            month: month(r.period),
            monthEn: MONTH_EN[month(r.period) - 1]!,
            completed: formatYi(r.completed_yi, lang),
            planned: formatYi(r.planned_yi, lang),
          }),
        ),
      ),
    ),
  );
}

/**
 * Completed investment (year to date) by period, one line per axis; the period shown is marked, and a click on a
 * column shows that period. (The period menu is the keyboard's way; the chart is a picture of it.)
 */
function trendChart(props: ProgressPanelProps): SVGSVGElement {
  const { periods, index, lang, theme } = props;
  const width = 320;
  const height = 120;
  const left = 4;
  const bottom = 18;
  const series = props.axes.map((a) => ({ id: a.id, name: a.name, values: periods.map((p, i) => tallyAt(a.projects, index, p, i ? periods[i - 1]! : null).completed_yi) }));
  const max = Math.max(1, ...series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const x = (i: number) => left + (periods.length === 1 ? 0 : (i / (periods.length - 1)) * (width - left - 8));
  const y = (v: number) => height - bottom - (v / max) * (height - bottom - 16);
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'trend-chart', role: 'img', 'aria-label': t('trendLabel', lang) });
  root.append(svg('title', {}, t('trendLabel', lang)));
  const current = periods.indexOf(props.period);
  root.append(svg('line', { x1: x(current), x2: x(current), y1: 4, y2: height - bottom, stroke: theme.chart.key, 'stroke-dasharray': '3 3' }));
  root.append(svg('text', { x: 2, y: 10, class: 'chart-value', 'font-size': 9 }, formatYi(max, lang)));
  for (const s of series) {
    const points = s.values.map((v, i) => (v === null ? null : `${x(i).toFixed(1)},${y(v).toFixed(1)}`)).filter((p): p is string => p !== null);
    root.append(svg('polyline', { points: points.join(' '), fill: 'none', stroke: axisColour(theme, s.id), 'stroke-width': 2, 'data-axis': s.id }));
  }
  periods.forEach((p, i) => {
    const anchor = i === 0 ? 'start' : i === periods.length - 1 ? 'end' : 'middle';
    if (i === 0 || i === periods.length - 1 || i === current) root.append(svg('text', { x: x(i), y: height - 4, class: 'chart-value', 'font-size': 9, 'text-anchor': anchor }, p));
    const hit = svg('rect', { x: x(i) - 6, y: 0, width: 12, height: height - bottom, fill: 'transparent', class: 'trend-hit', 'data-period': p });
    hit.append(svg('title', {}, `${p}: ${series.map((s) => `${s.name} ${formatYi(s.values[i] ?? null, lang)}`).join(' · ')}`));
    if (props.onPeriod) hit.addEventListener('click', () => props.onPeriod!(p));
    root.append(hit);
  });
  return root;
}

const STAGE_WORD: Record<Stage, StringKey> = { done: 'legendDone', building: 'legendBuilding', pipeline: 'legendPipeline', unknown: 'legendUnknown' };

/**
 * Projects by stage at each period (the filtered ledger, each project as it stood then; a project with no row yet
 * counts at its ledger status): stacked columns, built at the bottom. Each column's title gives the counts in words,
 * and the legend under it names the shades — stage is never told by shade alone.
 */
function stageChart(props: ProgressPanelProps): HTMLElement {
  const { periods, index, lang, theme } = props;
  const width = 320;
  const height = 110;
  const bottom = 18;
  const counts = periods.map((p) => {
    const c: Record<Stage, number> = { done: 0, building: 0, pipeline: 0, unknown: 0 };
    for (const project of projectsAt(props.all, index, p)) c[stageOf(project.status)]++;
    return c;
  });
  const max = Math.max(1, ...counts.map((c) => STAGES.reduce((n, s) => n + c[s], 0)));
  const step = (width - 8) / periods.length;
  const bar = Math.max(4, step * 0.7);
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'stage-chart', role: 'img', 'aria-label': t('stageTrendLabel', lang) });
  root.append(svg('title', {}, t('stageTrendLabel', lang)));
  const current = periods.indexOf(props.period);
  periods.forEach((p, i) => {
    const x = 4 + i * step + (step - bar) / 2;
    let y = height - bottom;
    const column = svg('g', { class: 'stage-column', 'data-period': p, ...(i === current ? { 'aria-current': 'true' } : {}) });
    STAGES.forEach((s, k) => {
      const h = (counts[i]![s] / max) * (height - bottom - 8);
      y -= h;
      column.append(svg('rect', { x, y, width: bar, height: h, fill: theme.chart.stages[k]!, 'data-stage': s, 'data-count': counts[i]![s] }));
    });
    if (i === current) column.append(svg('rect', { x: x - 1.5, y: 2, width: bar + 3, height: height - bottom - 1, fill: 'none', stroke: theme.chart.key, 'stroke-dasharray': '3 2' }));
    column.append(svg('title', {}, `${p}: ${STAGES.map((s) => `${t(STAGE_WORD[s], lang)} ${counts[i]![s]}`).join(' · ')}`));
    if (props.onPeriod) column.addEventListener('click', () => props.onPeriod!(p));
    root.append(column);
    const anchor = i === 0 ? 'start' : i === periods.length - 1 ? 'end' : 'middle';
    if (i === 0 || i === periods.length - 1 || i === current) root.append(svg('text', { x: x + bar / 2, y: height - 4, class: 'chart-value', 'font-size': 9, 'text-anchor': anchor }, p));
  });
  const key = el(
    'ul',
    { class: 'stage-key' },
    ...STAGES.map((s, k) => {
      const sw = el('span', { class: 'swatch', 'aria-hidden': 'true' });
      sw.style.background = theme.chart.stages[k]!;
      return el('li', {}, sw, t(STAGE_WORD[s], lang));
    }),
  );
  return el('figure', { class: 'stage-trend' }, el('figcaption', {}, t('stageTrendLabel', lang)), root, key);
}
