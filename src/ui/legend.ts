import { formatMetres } from '../core/format.ts';
import type { Lang } from '../core/model.ts';
import { DOTTED_STAGES, FILLED_STAGES, STAGE_LINE, STAGES, type Stage } from '../map/stages.ts';
import { axisColour, type Theme } from '../map/theme.ts';
import { el } from './dom.ts';
import { t, type StringKey } from './strings.ts';

const SVG = 'http://www.w3.org/2000/svg';

/**
 * A small SVG of a pin, the same shapes as the map's (stages.ts); with `withLine`, beside it the dashes a line or
 * an area outline has at that stage.
 */
export function pinSymbol(stage: Stage, colour: string, inner: string, withLine = false): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', withLine ? '0 0 48 20' : '0 0 20 20');
  svg.setAttribute('width', withLine ? '38' : '16');
  svg.setAttribute('height', '16');
  svg.setAttribute('aria-hidden', 'true');
  const shape = (tag: string, attrs: Record<string, string | number>) => {
    const n = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, String(v));
    svg.append(n);
  };
  // The map's circle layers (style.ts): filled disc or ring, with or without a centre dot.
  const filled = FILLED_STAGES.includes(stage);
  shape('circle', filled ? { cx: 10, cy: 10, r: 7.5, fill: colour, stroke: inner, 'stroke-width': 2 } : { cx: 10, cy: 10, r: 6.5, fill: inner, stroke: colour, 'stroke-width': 3 });
  if (DOTTED_STAGES.includes(stage)) shape('circle', { cx: 10, cy: 10, r: 2.8, fill: filled ? inner : colour });
  if (withLine) {
    const [dash, gap] = STAGE_LINE[stage].dash;
    shape('line', { x1: 22, y1: 10, x2: 48, y2: 10, stroke: colour, 'stroke-width': 3, 'stroke-dasharray': gap ? `${dash * 3} ${gap * 3}` : 'none' });
  }
  return svg;
}

const STAGE_LABEL: Record<Stage, StringKey> = {
  done: 'legendDone',
  building: 'legendBuilding',
  pipeline: 'legendPipeline',
  unknown: 'legendUnknown',
};

export interface LegendProps {
  lang: Lang;
  theme: Theme;
  corridorM: number;
  asOf: string;
  axisNames: Record<string, { zh: string; en: string }>;
  /** One line per data source of what is drawn. */
  attribution?: readonly string[];
  /** The data has lines or areas: explain them and their dashes. */
  shapes?: boolean;
  open: boolean;
  onToggle: (open: boolean) => void;
}

/** Explains every symbol on the map, with the data date. */
export function renderLegend(props: LegendProps): HTMLElement {
  const { lang, theme } = props;
  const item = (symbol: Node, label: string) => el('li', {}, symbol, el('span', {}, label));
  const line = (colour: string, height?: number) => {
    const s = el('span', { class: 'legend-line', 'aria-hidden': 'true' });
    s.style.background = colour;
    if (height) s.style.height = `${height}px`;
    return s;
  };
  const box = (fill: string, border: string, dashed = false, opacity = 1) => {
    const s = el('span', { class: `legend-box${dashed ? ' dashed' : ''}`, 'aria-hidden': 'true' });
    // The fill alone is translucent (as on the map); the border stays solid.
    s.style.background = `color-mix(in srgb, ${fill} ${Math.round(opacity * 100)}%, transparent)`;
    s.style.borderColor = border;
    return s;
  };
  const dot = (colour: string, size: number) => {
    const s = el('span', { class: 'legend-dot', 'aria-hidden': 'true' });
    s.style.background = colour;
    s.style.width = s.style.height = `${size}px`;
    return s;
  };
  const axes = Object.entries(props.axisNames);
  // The corridor band and the stage symbols are drawn in one axis's colour: the first (the symbol is the point).
  const first = axisColour(theme, axes[0]?.[0]);
  const details = el(
    'details',
    { class: 'legend', ...(props.open ? { open: '' } : {}) },
    el('summary', {}, t('legend', lang)),
    el(
      'ul',
      {},
      ...axes.map(([id, names]) => item(line(axisColour(theme, id)), names[lang])),
      item(box(first, first, true, theme.corridorOpacity), t('legendCorridor', lang, { m: formatMetres(props.corridorM, lang) })),
      ...STAGES.map((s) => item(pinSymbol(s, first, theme.pinInner, props.shapes), t(STAGE_LABEL[s], lang))),
      ...(props.shapes
        ? [item(line(first, 5), t('legendLine', lang)), item(box(first, first, false, STAGE_LINE.building.fill), t('legendArea', lang))]
        : []),
      item(pinSymbol('done', theme.outside, theme.pinInner), t('legendOutside', lang)),
      item(dot(theme.cluster, 14), t('legendCluster', lang)),
      item(dot(theme.landmark.fill, 7), t('legendLandmark', lang)),
      item(box(Object.values(theme.zone.fill)[0] ?? theme.district.fill, theme.zone.line, true), t('legendZones', lang)),
    ),
    el('p', { class: 'muted small' }, `${t('asOf', lang)} ${props.asOf}`),
    props.attribution?.length
      ? el('details', { class: 'sources' }, el('summary', {}, t('source', lang)), ...props.attribution.map((a) => el('p', { class: 'muted small attribution' }, a)))
      : null,
  );
  details.addEventListener('toggle', () => props.onToggle(details.open));
  return details;
}
