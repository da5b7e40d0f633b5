import type { Layout } from '../core/layout.ts';
import type { AxisId } from '../core/model.ts';

/**
 * Colours of the map and the panel, before the layout is known: the axes and zones are data, so they take
 * the palette's colours in file order (themeFor). Axis colours are from the Okabe–Ito palette (distinct under
 * the common colour-vision deficiencies); every text colour passes WCAG AA on its background.
 */
export interface Palette extends Omit<Theme, 'axis' | 'zone'> {
  /** The 1st axis of geo/axes.geojson takes the first, and so on (round again past the end). */
  axes: readonly string[];
  zone: { fills: readonly string[]; line: string; label: string };
}

/** A palette given to a layout: every axis and zone id with its colour. */
export function themeFor(palette: Palette, layout: Layout): Theme {
  const { axes, zone, ...rest } = palette;
  const pick = (colours: readonly string[], ids: readonly string[]) => Object.fromEntries(ids.map((id, k) => [id, colours[k % colours.length]!]));
  return { ...rest, axis: pick(axes, layout.axisIds), zone: { fill: pick(zone.fills, layout.zoneIds), line: zone.line, label: zone.label } };
}

/** An axis's colour (an id the theme does not know is drawn as outside every corridor). */
export const axisColour = (theme: Theme, id: AxisId | undefined): string => (id === undefined ? undefined : theme.axis[id]) ?? theme.outside;

/** The colours of the map and the panel for one layout. */
export interface Theme {
  background: string;
  context: { fill: string; line: string; label: string };
  district: { fill: string; line: string; label: string };
  zone: { fill: Record<string, string>; line: string; label: string };
  axis: Record<AxisId, string>;
  /** Pins of located projects outside every corridor. */
  outside: string;
  pinStroke: string;
  cluster: string;
  clusterText: string;
  /** Project name labels. */
  pinLabel: string;
  /** Ring around the selected project. */
  selection: string;
  landmark: { fill: string; label: string };
  halo: string;
  /** The light part of a pin: the rim of a disc, the inside of a ring, the centre dot of ◉. */
  pinInner: string;
  /** Corridor bands' fill opacity (their colour is the axis's), on the map and in the legend. */
  corridorOpacity: number;
  /** The chart: the selected axis's row, and the grey of its key; projects by stage, darkest for built (stages.ts order). */
  chart: { highlight: string; key: string; stages: readonly [string, string, string, string] };
}

/** Nothing: a circle that is only a ring. */
export const TRANSPARENT = 'rgba(0,0,0,0)';

/** Exports are paper: always dark ink on white, whatever the page's theme. */
/**
 * Colours of exported pictures and paper: the page, text, secondary text, the plate under a scale bar or north arrow,
 * and a QR code's modules (pure black on the white page: every phone camera reads it).
 */
export const PAPER = { background: '#ffffff', ink: '#1f2937', muted: '#4b5563', plate: '#ffffffd9', code: '#000000' } as const;

export const LIGHT: Palette = {
  background: '#eef1f4',
  context: { fill: '#e2e6ea', line: '#a9b1ba', label: '#59636e' },
  district: { fill: '#fbfbf8', line: '#3d4752', label: '#3d4752' },
  zone: {
    fills: ['#e9eef8', '#f6f0e1', '#e6f2e6', '#f3e8f1', '#eaf3f6'],
    line: '#8a94a0',
    label: '#4a5563',
  },
  axes: ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'],
  outside: '#6b7280',
  pinStroke: '#ffffff',
  cluster: '#374151',
  clusterText: '#ffffff',
  pinLabel: '#1f2937',
  selection: '#111827',
  landmark: { fill: '#4a5563', label: '#374151' },
  halo: '#ffffff',
  pinInner: '#ffffff',
  corridorOpacity: 0.16,
  chart: { highlight: '#eef2ff', key: '#6b7280', stages: ['#1f2937', '#4b5563', '#9ca3af', '#e5e7eb'] },
};

/** For dark host pages: the same axis colours (they pass AA on the dark ground too), darker fills. */
export const DARK: Palette = {
  background: '#111827',
  context: { fill: '#1f2937', line: '#4b5563', label: '#d1d5db' },
  district: { fill: '#1e293b', line: '#cbd5e1', label: '#e5e7eb' },
  zone: {
    fills: ['#1e2a44', '#2d2a1e', '#1d2e22', '#2e1f2c', '#1c2b30'],
    line: '#6b7280',
    label: '#e5e7eb',
  },
  axes: ['#56B4E9', '#E69F00', '#33C59A', '#E08FC0', '#F0E442', '#7FB8E0'],
  outside: '#9ca3af',
  pinStroke: '#111827',
  cluster: '#e5e7eb',
  clusterText: '#111827',
  pinLabel: '#f9fafb',
  selection: '#f9fafb',
  landmark: { fill: '#9ca3af', label: '#e5e7eb' },
  halo: '#111827',
  pinInner: '#ffffff',
  corridorOpacity: 0.16,
  chart: { highlight: '#1e293b', key: '#9ca3af', stages: ['#f3f4f6', '#cbd5e1', '#64748b', '#334155'] },
};
