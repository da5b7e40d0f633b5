import type { Layout } from './layout.ts';
import { STATE_PARAMS } from './url_state.ts';

/**
 * Options of an embedded map, beyond the shared URL state (url_state.ts): the same names serve as iframe
 * URL parameters and as attributes of <erqi-axis-map>.
 */
export const CONTROLS = ['zoom', 'fullscreen', 'legend', 'search', 'scale', 'link'] as const;
export type Control = (typeof CONTROLS)[number];
export const PANELS = ['none', 'compact', 'full'] as const;
export type Panel = (typeof PANELS)[number];
export const THEMES = ['light', 'dark'] as const;
export type ThemeName = (typeof THEMES)[number];

export interface EmbedOptions {
  /** Which controls to show. */
  controls: Control[];
  /** Figures beside the map: none, a strip of the three axes, or the full overview. */
  panel: Panel;
  /** false: a picture of the map that never takes scroll, drag or clicks. */
  interactive: boolean;
  theme: ThemeName;
  /** Map height in CSS pixels when the host gives none (the iframe reports its total height). */
  height: number;
  /** Exact origins (https://host:port) allowed to send commands by postMessage. Empty: commands off. */
  origins: string[];
  /** Focus one zone: the zone filter. */
  zone: string | null;
}

export const DEFAULT_EMBED: EmbedOptions = {
  controls: ['zoom', 'fullscreen', 'legend', 'link'],
  panel: 'compact',
  interactive: true,
  theme: 'light',
  height: 420,
  origins: [],
  zone: null,
};

const ORIGIN = /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i;

type Reader = (options: EmbedOptions, value: string, refuse: (value: string, why: string) => void, layout: Layout) => void;

/** The embed's own parameters, each with its reader. */
const READERS: Record<string, Reader> = {
  controls(options, value, refuse) {
    const list = value.split(',').map((s) => s.trim()).filter(Boolean);
    const bad = list.filter((c) => !(CONTROLS as readonly string[]).includes(c));
    if (bad.length && value !== 'none') refuse(bad.join(','), `use ${CONTROLS.join(', ')} (or none)`);
    options.controls = value === 'none' ? [] : (list.filter((c) => (CONTROLS as readonly string[]).includes(c)) as Control[]);
  },
  panel(options, value, refuse) {
    if ((PANELS as readonly string[]).includes(value)) options.panel = value as Panel;
    else refuse(value, `use ${PANELS.join(', ')}`);
  },
  interactive(options, value, refuse) {
    if (value === 'true' || value === 'false') options.interactive = value === 'true';
    else refuse(value, 'use true or false');
  },
  theme(options, value, refuse) {
    if ((THEMES as readonly string[]).includes(value)) options.theme = value as ThemeName;
    else refuse(value, `use ${THEMES.join(', ')}`);
  },
  height(options, value, refuse) {
    const n = Number(value);
    if (/^\d+$/.test(value) && n >= 200 && n <= 2000) options.height = n;
    else refuse(value, 'use a height in pixels from 200 to 2000');
  },
  origins(options, value, refuse) {
    const list = value.split(',').map((s) => s.trim().replace(/\/$/, '')).filter(Boolean);
    const bad = list.filter((o) => !ORIGIN.test(o));
    if (bad.length) refuse(bad.join(','), 'use exact origins such as https://www.example.gov.cn');
    options.origins = list.filter((o) => ORIGIN.test(o)).map((o) => o.toLowerCase());
  },
  zone(options, value, refuse, layout) {
    if (layout.zoneIds.includes(value)) options.zone = value;
    else refuse(value, `use ${layout.zoneIds.join(', ')}`);
  },
  // The element's data path, read by the element itself.
  src() {},
};

/** The embed's own parameters (beside the shared state's, url_state.ts STATE_PARAMS). */
export const EMBED_PARAMS: readonly string[] = Object.keys(READERS);

export function parseEmbedOptions(pairs: Iterable<[string, string]>, layout: Layout): { options: EmbedOptions; warnings: string[] } {
  const options: EmbedOptions = { ...DEFAULT_EMBED, controls: [...DEFAULT_EMBED.controls], origins: [] };
  const warnings: string[] = [];
  const stateParams = new Set(STATE_PARAMS);
  for (const [key, value] of pairs) {
    const read = Object.hasOwn(READERS, key) ? READERS[key] : undefined;
    if (read) read(options, value, (v, why) => warnings.push(`embed parameter ${key}=${v} ignored: ${why}`), layout);
    else if (!stateParams.has(key)) warnings.push(`embed parameter ${key} is unknown and ignored`);
  }
  return { options, warnings };
}
