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

/** Keys that url_state.ts reads; the embed parser leaves them to it. */
const STATE_KEYS = new Set(['lang', 'corridor', 'basemap', 'tiles', 'project', 'axis', 'axes', 'zones', 'status', 'sector', 'inv', 'mapped', 'map']);

const ORIGIN = /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i;

export function parseEmbedOptions(pairs: Iterable<[string, string]>, zoneIds: readonly string[]): { options: EmbedOptions; warnings: string[] } {
  const options: EmbedOptions = { ...DEFAULT_EMBED, controls: [...DEFAULT_EMBED.controls], origins: [] };
  const warnings: string[] = [];
  const ignore = (key: string, value: string, why: string) => warnings.push(`embed parameter ${key}=${value} ignored: ${why}`);
  for (const [key, value] of pairs) {
    switch (key) {
      case 'controls': {
        const list = value.split(',').map((s) => s.trim()).filter(Boolean);
        const bad = list.filter((c) => !(CONTROLS as readonly string[]).includes(c));
        if (bad.length) ignore(key, bad.join(','), `use ${CONTROLS.join(', ')} (or none)`);
        options.controls = value === 'none' ? [] : (list.filter((c) => (CONTROLS as readonly string[]).includes(c)) as Control[]);
        break;
      }
      case 'panel':
        if ((PANELS as readonly string[]).includes(value)) options.panel = value as Panel;
        else ignore(key, value, `use ${PANELS.join(', ')}`);
        break;
      case 'interactive':
        if (value === 'true' || value === 'false') options.interactive = value === 'true';
        else ignore(key, value, 'use true or false');
        break;
      case 'theme':
        if ((THEMES as readonly string[]).includes(value)) options.theme = value as ThemeName;
        else ignore(key, value, `use ${THEMES.join(', ')}`);
        break;
      case 'height': {
        const n = Number(value);
        if (/^\d+$/.test(value) && n >= 200 && n <= 2000) options.height = n;
        else ignore(key, value, 'use a height in pixels from 200 to 2000');
        break;
      }
      case 'origins': {
        const list = value.split(',').map((s) => s.trim().replace(/\/$/, '')).filter(Boolean);
        const bad = list.filter((o) => !ORIGIN.test(o));
        if (bad.length) ignore(key, bad.join(','), 'use exact origins such as https://www.example.gov.cn');
        options.origins = list.filter((o) => ORIGIN.test(o)).map((o) => o.toLowerCase());
        break;
      }
      case 'zone':
        if (zoneIds.includes(value)) options.zone = value;
        else ignore(key, value, `use ${zoneIds.join(', ')}`);
        break;
      case 'src':
        break; // the element's data path, read by the element itself
      default:
        if (!STATE_KEYS.has(key)) warnings.push(`embed parameter ${key} is unknown and ignored`);
    }
  }
  return { options, warnings };
}
