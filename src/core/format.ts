import type { Lang } from './model.ts';

export const NOT_DISCLOSED: Record<Lang, string> = { zh: '未公开', en: 'not disclosed' };

/**
 * A number as zh-CN and en-GB both write it ("12,345.67"), rounded half away from zero to at most `digits`
 * decimals — what `Intl.NumberFormat` gives (a property test holds the two to the same strings), without it:
 * the first Intl formatter a page makes loads the browser's locale data, 20–30 ms of a first load's main thread.
 * `shift` moves the decimal point first (2: a percentage), on the decimal digits, as Intl does.
 */
export function plainNumber(value: number, digits: number, shift: 0 | 2 = 0): string {
  const text = String(Math.abs(value));
  // NaN, ∞, and exponents (below 1e-6, from 1e21): rare; Intl writes them.
  if (!/^\d+(\.\d+)?$/.test(text)) return intlNumber(value, digits, shift);
  const [whole, fraction = ''] = text.split('.') as [string, string?];
  let all = whole + fraction;
  let point = whole.length + shift;
  if (point > all.length) all = all.padEnd(point, '0');
  // The digits kept, and the first one dropped deciding the rounding.
  const keep = point + digits;
  if (keep < all.length) {
    const up = all.charCodeAt(keep) >= 53; // '5'
    all = all.slice(0, keep);
    if (up) {
      const bumped = (BigInt(all || '0') + 1n).toString().padStart(all.length, '0');
      if (bumped.length > all.length) point++;
      all = bumped;
    }
  }
  let intPart = all.slice(0, point).replace(/^0+(?=\d)/, '') || '0';
  const fracPart = all.slice(point).replace(/0+$/, '');
  intPart = intPart.replace(/\B(?=(\d{3})+$)/g, ',');
  const negative = value < 0 || Object.is(value, -0);
  return `${negative ? '-' : ''}${intPart}${fracPart ? `.${fracPart}` : ''}`;
}

const formatters = new Map<string, Intl.NumberFormat>();

function intlNumber(value: number, digits: number, shift: 0 | 2): string {
  const key = `${digits}${shift}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.NumberFormat('en-GB', shift === 2 ? { style: 'percent', maximumFractionDigits: digits } : { maximumFractionDigits: digits })));
  return shift === 2 ? f.format(value).replace(/%$/, '') : f.format(value);
}

/**
 * An amount in 亿元 (10^8 yuan): "591 亿元" in Chinese; in English billions ("CNY 59.1 bn") or, under
 * 1 bn, millions ("CNY 500 m"). `null` is "not disclosed", never 0.
 */
export function formatYi(value: number | null, lang: Lang): string {
  if (value === null) return NOT_DISCLOSED[lang];
  if (lang === 'zh') return `${plainNumber(value, 2)} 亿元`;
  return value >= 10 ? `CNY ${plainNumber(value / 10, 2)} bn` : `CNY ${plainNumber(value * 100, 1)} m`;
}

/** A plain number, up to two decimals ("591", "19.34"). */
export const formatNumber = (value: number, lang: Lang): string => plainNumber(value, 2);

export function formatCount(value: number | null, lang: Lang): string {
  return value === null ? NOT_DISCLOSED[lang] : plainNumber(value, 0);
}

/** A ratio (0.129) as a percentage ("12.9%"). */
export function formatPercent(value: number | null, lang: Lang): string {
  return value === null ? NOT_DISCLOSED[lang] : `${plainNumber(value, 1, 2)}%`;
}

/** A download's size: "157 kB", "4.2 MB", "107 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 2 ** 20) return `${Math.max(1, Math.round(bytes / 1024))} kB`;
  const mb = bytes / 2 ** 20;
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}

export function formatKm(value: number, lang: Lang): string {
  return lang === 'zh' ? `${plainNumber(value, 1)} 公里` : `${plainNumber(value, 1)} km`;
}

export function formatMetres(value: number, lang: Lang): string {
  return lang === 'zh' ? `${plainNumber(value, 0)} 米` : `${plainNumber(value, 0)} m`;
}

/** A length: metres under 1 km, else km with two decimals ("4.58 km", "4.58 公里"). */
export function formatLength(metres: number, lang: Lang): string {
  if (metres < 1000) return formatMetres(metres, lang);
  return lang === 'zh' ? `${plainNumber(metres / 1000, 2)} 公里` : `${plainNumber(metres / 1000, 2)} km`;
}

/** An area: m² under a hectare, else hectares, the unit Chinese planning uses ("48.79 公顷", "48.79 ha"). */
export function formatArea(m2: number, lang: Lang): string {
  if (m2 < 10_000) return lang === 'zh' ? `${plainNumber(m2, 0)} 平方米` : `${plainNumber(m2, 0)} m²`;
  return lang === 'zh' ? `${plainNumber(m2 / 10_000, 2)} 公顷` : `${plainNumber(m2 / 10_000, 2)} ha`;
}

/** Bidirectional controls (LRE…RLO, LRI…PDI, LRM/RLM/ALM): in data they can reorder the text around them. */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Data text with its bidirectional controls shown as [U+202E] instead of acting (a file named "\u202Evsc.evil.csv"). */
export const visibleControls = (text: string): string =>
  text.replace(BIDI_CONTROLS, (c) => `[U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`);

/** Data text to put inside a sentence of ours: controls shown, direction isolated (FSI … PDI). */
export const isolated = (text: string): string => `\u2068${visibleControls(text)}\u2069`;
