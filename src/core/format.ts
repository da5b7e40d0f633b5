import type { Lang } from './model.ts';

export const NOT_DISCLOSED: Record<Lang, string> = { zh: '未公开', en: 'not disclosed' };

const locale = (lang: Lang): string => (lang === 'zh' ? 'zh-CN' : 'en-GB');

const formatters = new Map<string, Intl.NumberFormat>();

/** Creating an Intl.NumberFormat costs far more than formatting with one: they are made once per kind. */
function number(value: number, lang: Lang, maxFractionDigits: number): string {
  const key = `${lang}${maxFractionDigits}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale(lang), { maximumFractionDigits: maxFractionDigits });
    formatters.set(key, f);
  }
  return f.format(value);
}

/**
 * An amount in 亿元 (10^8 yuan): "591 亿元" in Chinese; in English billions ("CNY 59.1 bn") or, under
 * 1 bn, millions ("CNY 500 m"). `null` is "not disclosed", never 0.
 */
export function formatYi(value: number | null, lang: Lang): string {
  if (value === null) return NOT_DISCLOSED[lang];
  if (lang === 'zh') return `${number(value, lang, 2)} 亿元`;
  return value >= 10 ? `CNY ${number(value / 10, lang, 2)} bn` : `CNY ${number(value * 100, lang, 1)} m`;
}

/** A plain number, up to two decimals ("591", "19.34"). */
export const formatNumber = (value: number, lang: Lang): string => number(value, lang, 2);

export function formatCount(value: number | null, lang: Lang): string {
  return value === null ? NOT_DISCLOSED[lang] : number(value, lang, 0);
}

/** A ratio (0.129) as a percentage ("12.9%"). */
export function formatPercent(value: number | null, lang: Lang): string {
  if (value === null) return NOT_DISCLOSED[lang];
  const key = `${lang}%`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: 1 })));
  return f.format(value);
}

/** A download's size: "157 kB", "4.2 MB", "107 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 2 ** 20) return `${Math.max(1, Math.round(bytes / 1024))} kB`;
  const mb = bytes / 2 ** 20;
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}

export function formatKm(value: number, lang: Lang): string {
  return lang === 'zh' ? `${number(value, lang, 1)} 公里` : `${number(value, lang, 1)} km`;
}

export function formatMetres(value: number, lang: Lang): string {
  return lang === 'zh' ? `${number(value, lang, 0)} 米` : `${number(value, lang, 0)} m`;
}

/** A length: metres under 1 km, else km with two decimals ("4.58 km", "4.58 公里"). */
export function formatLength(metres: number, lang: Lang): string {
  if (metres < 1000) return formatMetres(metres, lang);
  return lang === 'zh' ? `${number(metres / 1000, lang, 2)} 公里` : `${number(metres / 1000, lang, 2)} km`;
}

/** An area: m² under a hectare, else hectares, the unit Chinese planning uses ("48.79 公顷", "48.79 ha"). */
export function formatArea(m2: number, lang: Lang): string {
  if (m2 < 10_000) return lang === 'zh' ? `${number(m2, lang, 0)} 平方米` : `${number(m2, lang, 0)} m²`;
  return lang === 'zh' ? `${number(m2 / 10_000, lang, 2)} 公顷` : `${number(m2 / 10_000, lang, 2)} ha`;
}

/** Bidirectional controls (LRE…RLO, LRI…PDI, LRM/RLM/ALM): in data they can reorder the text around them. */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Data text with its bidirectional controls shown as [U+202E] instead of acting (a file named "\u202Evsc.evil.csv"). */
export const visibleControls = (text: string): string =>
  text.replace(BIDI_CONTROLS, (c) => `[U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`);

/** Data text to put inside a sentence of ours: controls shown, direction isolated (FSI … PDI). */
export const isolated = (text: string): string => `\u2068${visibleControls(text)}\u2069`;
