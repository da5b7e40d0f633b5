import type { AxisAggregate } from '../core/aggregate.ts';
import type { AxisId, Lang } from '../core/model.ts';
import { axisColour, type Theme } from '../map/theme.ts';
import { t } from './strings.ts';

const SVG = 'http://www.w3.org/2000/svg';

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * Reported vs located projects per axis, as bars on one scale. Clicking a row selects the axis (the
 * caller filters and fits the map). The chart repeats the axis cards' figures, whose buttons do the same
 * for keyboards and screen readers, so it is hidden from assistive technology rather than read twice.
 */
export function renderAxisChart(
  axes: readonly AxisAggregate[],
  lang: Lang,
  theme: Theme,
  selected: AxisId | null,
  onSelect: (id: AxisId) => void,
): SVGSVGElement {
  const width = 320;
  const rowH = 44;
  const labelW = lang === 'en' ? 112 : 64; // room for the longest axis name
  const barMax = width - labelW - 40;
  const max = Math.max(1, ...axes.map((a) => Math.max(a.reported.projects, a.mapped.projects)));
  const root = svg('svg', { viewBox: `0 0 ${width} ${axes.length * rowH + 18}`, class: 'axis-chart', 'aria-hidden': 'true' });
  axes.forEach((a, i) => {
    const y = i * rowH + 4;
    const name = lang === 'zh' ? a.name_zh : a.name_en;
    const g = svg('g', { class: 'chart-row', 'data-axis': a.id });
    g.append(svg('title', {}, `${name}: ${t('chartReported', lang)} ${a.reported.projects}, ${t('chartMapped', lang)} ${a.mapped.projects}. ${t('selectAxis', lang)}`));
    const w = (n: number) => Math.max(n > 0 ? 2 : 0, (n / max) * barMax);
    g.append(
      svg('rect', { x: 0, y: y - 2, width, height: rowH - 4, class: 'chart-hit', fill: selected === a.id ? theme.chart.highlight : 'transparent' }),
      svg('text', { x: 0, y: y + 16, class: 'chart-label' }, name),
      svg('rect', { x: labelW, y: y + 4, width: w(a.reported.projects), height: 12, fill: axisColour(theme, a.id), 'fill-opacity': 0.3 }),
      svg('text', { x: labelW + w(a.reported.projects) + 4, y: y + 14, class: 'chart-value' }, String(a.reported.projects)),
      svg('rect', { x: labelW, y: y + 20, width: w(a.mapped.projects), height: 12, fill: axisColour(theme, a.id) }),
      svg('text', { x: labelW + w(a.mapped.projects) + 4, y: y + 30, class: 'chart-value' }, String(a.mapped.projects)),
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
