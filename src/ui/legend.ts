import { formatMetres } from '../core/format.ts';
import type { Lang } from '../core/model.ts';
import { DOTTED_STAGES, FILLED_STAGES, INVESTMENT_CLASSES, STAGE_LINE, STAGES, type Stage } from '../map/stages.ts';
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

/** One symbol of the legend, drawn as HTML in the map's legend and on a canvas in the PNG export (app/export_png.ts). */
export type LegendSymbol =
  | { kind: 'line'; colour: string; height?: number }
  | { kind: 'box'; fill: string; border: string; dashed: boolean; opacity: number }
  | { kind: 'pin'; stage: Stage; colour: string; inner: string; withLine: boolean }
  | { kind: 'dot'; colour: string; size: number }
  /** Pins of growing size (stages.ts INVESTMENT_CLASSES): radius in px of each, smallest first. */
  | { kind: 'sizes'; colour: string; radii: readonly number[] };

export interface LegendEntry {
  symbol: LegendSymbol;
  label: string;
}

/** What the legend explains, in order: the axes, the corridor, pins by stage, lines and areas, outside, clusters, landmarks, zones. */
export function legendEntries(props: Pick<LegendProps, 'lang' | 'theme' | 'corridorM' | 'axisNames' | 'shapes'>): LegendEntry[] {
  const { lang, theme } = props;
  const axes = Object.entries(props.axisNames);
  // The corridor band and the stage symbols are drawn in one axis's colour: the first (the symbol is the point).
  const first = axisColour(theme, axes[0]?.[0]);
  const box = (fill: string, border: string, dashed: boolean, opacity: number): LegendSymbol => ({ kind: 'box', fill, border, dashed, opacity });
  return [
    ...axes.map(([id, names]) => ({ symbol: { kind: 'line', colour: axisColour(theme, id) } as const, label: names[lang] })),
    { symbol: box(first, first, true, theme.corridorOpacity), label: t('legendCorridor', lang, { m: formatMetres(props.corridorM, lang) }) },
    ...STAGES.map((stage) => ({ symbol: { kind: 'pin', stage, colour: first, inner: theme.pinInner, withLine: Boolean(props.shapes) } as const, label: t(STAGE_LABEL[stage], lang) })),
    { symbol: { kind: 'sizes', colour: first, radii: [1, ...INVESTMENT_CLASSES.map((c) => c.scale)].map((k) => 2.6 * k) }, label: t('legendSize', lang) },
    ...(props.shapes
      ? [
          { symbol: { kind: 'line', colour: first, height: 5 } as const, label: t('legendLine', lang) },
          { symbol: box(first, first, false, STAGE_LINE.building.fill), label: t('legendArea', lang) },
        ]
      : []),
    { symbol: { kind: 'pin', stage: 'done', colour: theme.outside, inner: theme.pinInner, withLine: false }, label: t('legendOutside', lang) },
    { symbol: { kind: 'dot', colour: theme.cluster, size: 14 }, label: t('legendCluster', lang) },
    { symbol: { kind: 'dot', colour: theme.landmark.fill, size: 7 }, label: t('legendLandmark', lang) },
    { symbol: box(Object.values(theme.zone.fill)[0] ?? theme.district.fill, theme.zone.line, true, 1), label: t('legendZones', lang) },
  ];
}

function symbolElement(symbol: LegendSymbol): Element {
  switch (symbol.kind) {
    case 'line': {
      const s = el('span', { class: 'legend-line', 'aria-hidden': 'true' });
      s.style.background = symbol.colour;
      if (symbol.height) s.style.height = `${symbol.height}px`;
      return s;
    }
    case 'box': {
      const s = el('span', { class: `legend-box${symbol.dashed ? ' dashed' : ''}`, 'aria-hidden': 'true' });
      // The fill alone is translucent (as on the map); the border stays solid.
      s.style.background = `color-mix(in srgb, ${symbol.fill} ${Math.round(symbol.opacity * 100)}%, transparent)`;
      s.style.borderColor = symbol.border;
      return s;
    }
    case 'pin':
      return pinSymbol(symbol.stage, symbol.colour, symbol.inner, symbol.withLine);
    case 'sizes': {
      const svg = document.createElementNS(SVG, 'svg');
      const width = symbol.radii.reduce((w, r) => w + 2 * r + 2, 0);
      const height = 2 * Math.max(...symbol.radii) + 2;
      svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
      svg.setAttribute('width', String(width));
      svg.setAttribute('height', String(height));
      svg.setAttribute('aria-hidden', 'true');
      let x = 0;
      for (const r of symbol.radii) {
        const c = document.createElementNS(SVG, 'circle');
        for (const [k, v] of Object.entries({ cx: x + r + 1, cy: height / 2, r, fill: symbol.colour })) c.setAttribute(k, String(v));
        svg.append(c);
        x += 2 * r + 2;
      }
      return svg;
    }
    case 'dot': {
      const s = el('span', { class: 'legend-dot', 'aria-hidden': 'true' });
      s.style.background = symbol.colour;
      s.style.width = s.style.height = `${symbol.size}px`;
      return s;
    }
  }
}

/** The legend's entries as a list, each symbol drawn beside its label (the map's legend and the printed page). */
export function legendList(entries: readonly LegendEntry[]): HTMLElement {
  return el('ul', {}, ...entries.map((e) => el('li', {}, symbolElement(e.symbol), el('span', {}, e.label))));
}

/** Explains every symbol on the map, with the data date. */
export function renderLegend(props: LegendProps): HTMLElement {
  const { lang } = props;
  const details = el(
    'details',
    { class: 'legend', ...(props.open ? { open: '' } : {}) },
    el('summary', {}, t('legend', lang)),
    legendList(legendEntries(props)),
    el('p', { class: 'muted small' }, `${t('asOf', lang)} ${props.asOf}`),
    props.attribution?.length
      ? el('details', { class: 'sources' }, el('summary', {}, t('source', lang)), ...props.attribution.map((a) => el('p', { class: 'muted small attribution' }, a)))
      : null,
  );
  details.addEventListener('toggle', () => props.onToggle(details.open));
  return details;
}
