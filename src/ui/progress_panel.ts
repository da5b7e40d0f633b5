import type { Reported } from '../core/load_reported.ts';
import { formatCount, formatPercent, formatYi } from '../core/format.ts';
import type { AxisId, Lang, MappedProject } from '../core/model.ts';
import { projectAt, tallyAt, type PeriodTally, type ProgressRow } from '../core/progress.ts';
import { axisColour, type Theme } from '../map/theme.ts';
import { el } from './dom.ts';
import { statusLabel } from './labels.ts';
import { t } from './strings.ts';

const MONTH_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const month = (period: string) => Number(period.slice(5, 7));

export interface ProgressPanelProps {
  period: string;
  previous: string | null;
  index: Map<string, ProgressRow[]>;
  /** The projects of each axis (in its corridor, passing the filter), in the layout's order. */
  axes: Array<{ id: AxisId; name: string; projects: MappedProject[] }>;
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
  // The report's figures dated this very period (e.g. 1—11月完成投资 as of 2023-11).
  const dated = props.reported.district.filter((f) => f.as_of === period && f.investment_yi != null);
  return el(
    'section',
    { class: 'progress-panel', 'data-period': period },
    el('h2', {}, t('progressHeading', lang, { period })),
    el(
      'ul',
      { class: 'progress-list' },
      ...props.axes.map((a) => block(a.name, axisColour(props.theme, a.id), tallyAt(a.projects, index, period, previous), a.id)),
      block(t('progressDistrict', lang), null, district, 'district'),
    ),
    ...dated.map((f) => el('p', { class: 'muted small', 'data-figure': `reported-${f.id}`, title: f.quote }, t('progressReported', lang, { label: lang === 'zh' ? f.label_zh : f.label_en, value: formatYi(f.investment_yi!, lang) }))),
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
