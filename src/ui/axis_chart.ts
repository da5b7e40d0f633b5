import type { AxisAggregate } from '../core/aggregate.ts';
import type { AxisId, Lang } from '../core/model.ts';
import { axisColour, type Theme } from '../map/theme.ts';
import { formatNumber, NOT_DISCLOSED } from '../core/format.ts';
import { t } from './strings.ts';

const SVG = 'http://www.w3.org/2000/svg';

export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** What the chart compares: project counts, or investment in 亿元. */
export type ChartMetric = 'projects' | 'investment';

/**
 * Reported vs located projects (or reported investment vs investment disclosed on the map) per axis, as bars on
 * one scale; undisclosed investment is written 未公开, never drawn as 0. Clicking a row selects the axis (the
 * caller filters and fits the map). The chart repeats the axis cards' figures, whose buttons do the same
 * for keyboards and screen readers, so it is hidden from assistive technology rather than read twice.
 */
export function renderAxisChart(
  axes: readonly AxisAggregate[],
  lang: Lang,
  theme: Theme,
  selected: AxisId | null,
  onSelect: (id: AxisId) => void,
  metric: ChartMetric = 'projects',
): SVGSVGElement {
  const reportedOf = (a: AxisAggregate): number => (metric === 'projects' ? a.reported.projects : a.reported.investment_yi);
  const mappedOf = (a: AxisAggregate): number | null => (metric === 'projects' ? a.mapped.projects : a.mapped.investment_yi);
  const text = (n: number | null): string => (n === null ? NOT_DISCLOSED[lang] : metric === 'projects' ? String(n) : formatNumber(n, lang));
  const width = 320;
  const rowH = 44;
  const labelW = lang === 'en' ? 112 : 64; // room for the longest axis name
  const barMax = width - labelW - 40;
  const max = Math.max(1, ...axes.map((a) => Math.max(reportedOf(a), mappedOf(a) ?? 0)));
  const root = svg('svg', { viewBox: `0 0 ${width} ${axes.length * rowH + 18}`, class: 'axis-chart', 'aria-hidden': 'true' });
  axes.forEach((a, i) => {
    const y = i * rowH + 4;
    const name = lang === 'zh' ? a.name_zh : a.name_en;
    const g = svg('g', { class: 'chart-row', 'data-axis': a.id });
    const [reported, mapped] = [reportedOf(a), mappedOf(a)];
    g.append(svg('title', {}, `${name}: ${t('chartReported', lang)} ${text(reported)}, ${t('chartMapped', lang)} ${text(mapped)}. ${t('selectAxis', lang)}`));
    const w = (n: number | null) => (n === null ? 0 : Math.max(n > 0 ? 2 : 0, (n / max) * barMax));
    g.append(
      svg('rect', { x: 0, y: y - 2, width, height: rowH - 4, class: 'chart-hit', fill: selected === a.id ? theme.chart.highlight : 'transparent' }),
      svg('text', { x: 0, y: y + 16, class: 'chart-label' }, name),
      svg('rect', { x: labelW, y: y + 4, width: w(reported), height: 12, fill: axisColour(theme, a.id), 'fill-opacity': 0.3 }),
      svg('text', { x: labelW + w(reported) + 4, y: y + 14, class: 'chart-value', 'data-value': 'reported' }, text(reported)),
      svg('rect', { x: labelW, y: y + 20, width: w(mapped), height: 12, fill: axisColour(theme, a.id) }),
      svg('text', { x: labelW + w(mapped) + 4, y: y + 30, class: 'chart-value', 'data-value': 'mapped' }, text(mapped)),
    );
    g.addEventListener('click', () => onSelect(a.id));
    root.append(g);
  });
  const ky = axes.length * rowH + 12;
  root.append(
    svg('rect', { x: labelW, y: ky - 8, width: 10, height: 8, fill: theme.chart.key, 'fill-opacity': 0.3 }),
    svg('text', { x: labelW + 14, y: ky, class: 'chart-key' }, t('chartReported', lang)),
    svg('rect', { x: labelW + 80, y: ky - 8, width: 10, height: 8, fill: theme.chart.key }),
    svg('text', { x: labelW + 94, y: ky, class: 'chart-key' }, t('chartMapped', lang)),
  );
  return root;
}
