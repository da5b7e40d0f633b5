import { SECTORS, STATUSES, SECTOR_LABELS, STATUS_LABELS, type AxisId, type Sector, type Status } from '../model.ts';

const norm = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
const isAscii = (s: string): boolean => /^[\x20-\x7e]*$/.test(s);

/** An axis as geo/axes.geojson names it: what a ledger's axis cell is matched against. */
export interface AxisName {
  id: AxisId;
  name_zh: string;
  name_en: string;
}

/** The road's own name, without the word for road: 嵩山路 → 嵩山, "Songshan Road" → songshan. */
const stem = (name: string): string => norm(name).replace(/(路|大道|大街|街|轴|road|avenue|street|rd\.?|ave\.?|st\.?)$/, '');

/**
 * A ledger's axis cell → the axis id: the id itself, or a text starting with an axis name's stem — 嵩山路,
 * 嵩山路科创产业发展轴, Songshan, songshan → songshan (with an axis {id: songshan, name_zh: 嵩山路, …}).
 */
export function axisFromText(text: string, axes: readonly AxisName[]): AxisId | null {
  for (const a of axes) if (a.id === text) return a.id; // the common case, no work
  const t = norm(text);
  for (const a of axes) {
    if (t === a.id) return a.id;
    for (const s of [stem(a.name_zh), stem(a.name_en), a.id]) if (s && t.startsWith(s)) return a.id;
  }
  return null;
}

/** Chinese words a ledger uses for a stage → our status. Longest first, so 已建成 is not read as 建. */
const STATUS_WORDS: Array<[string, Status]> = [
  ['已投产', 'operating'],
  ['已运营', 'operating'],
  ['运营', 'operating'],
  ['投用', 'operating'],
  ['竣工', 'completed'],
  ['已建成', 'completed'],
  ['建成', 'completed'],
  ['完工', 'completed'],
  ['续建', 'under_construction'],
  ['在建', 'under_construction'],
  ['施工', 'under_construction'],
  ['新开工', 'started'],
  ['开工', 'started'],
  ['已签约', 'signed'],
  ['签约', 'signed'],
  ['洽谈', 'negotiating'],
  ['在谈', 'negotiating'],
  ['储备', 'planned'],
  ['谋划', 'planned'],
  ['前期', 'planned'],
  ['计划', 'planned'],
];

/** English labels, normalised once: "under construction" → "under_construction". */
const STATUS_EN = new Map(STATUSES.map((s) => [norm(STATUS_LABELS[s].en).replace(/\s/g, '_'), s]));
const SECTOR_NAMES = new Map(SECTORS.flatMap((s) => [[norm(SECTOR_LABELS[s].zh), s], [norm(SECTOR_LABELS[s].en).replace(/[\s&-]+/g, '_'), s]] as Array<[string, Sector]>));

export function statusFromText(text: string): Status | null {
  if ((STATUSES as readonly string[]).includes(text)) return text as Status;
  const t = norm(text).replace(/[\s-]/g, '_');
  if ((STATUSES as readonly string[]).includes(t)) return t as Status;
  const en = STATUS_EN.get(t);
  if (en) return en;
  for (const [word, status] of STATUS_WORDS) if (t.includes(word)) return status;
  return null;
}

const SECTOR_WORDS: Array<[string, Sector]> = [
  ['城市更新', 'urban_renewal'],
  ['基础设施', 'infrastructure'],
  ['交通', 'infrastructure'],
  ['道路', 'infrastructure'],
  ['医', 'health'],
  ['健康', 'health'],
  ['生物', 'health'],
  ['科技', 'sci_tech'],
  ['科创', 'sci_tech'],
  ['数字', 'sci_tech'],
  ['研发', 'sci_tech'],
  ['文旅', 'culture_tourism'],
  ['文商旅', 'culture_tourism'],
  ['旅游', 'culture_tourism'],
  ['文化', 'culture_tourism'],
  ['商贸', 'commerce'],
  ['商业', 'commerce'],
  ['消费', 'commerce'],
  ['总部', 'commerce'],
  ['工业', 'industry'],
  ['制造', 'industry'],
  ['产业园', 'industry'],
];

export function sectorFromText(text: string): Sector | null {
  if ((SECTORS as readonly string[]).includes(text)) return text as Sector;
  const t = norm(text).replace(/[\s&-]+/g, '_');
  if ((SECTORS as readonly string[]).includes(t)) return t as Sector;
  const named = SECTOR_NAMES.get(t) ?? SECTOR_NAMES.get(norm(text));
  if (named) return named;
  for (const [word, sector] of SECTOR_WORDS) if (t.includes(word)) return sector;
  return null;
}

/** "1,234.5" → "1234.5"; full-width digits folded. Anything else is left for the schema to reject by name. */
export function cleanNumber(text: string): string {
  const t = isAscii(text) ? text.trim() : text.normalize('NFKC').trim();
  return t.includes(',') ? t.replace(/(\d),(?=\d{3}\b)/g, '$1') : t;
}

/** Words an office writes for an amount it does not give: read as not disclosed (未公开), never as 0. */
const UNDISCLOSED = /^(?:待定|未定|不详|未公开|暂无|无|未知|n\/?a|[—－-]+|\/)$/i;
/** An amount with its own unit, perhaps approximate: 1.2亿元, 12000万, 约5亿元. */
const AMOUNT = /^(约|大约|近|超|逾)?\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*(亿元|亿|万元|万|元)?$/;
const AMOUNT_UNIT: Record<string, number> = { 亿元: 1, 亿: 1, 万元: 1e-4, 万: 1e-4, 元: 1e-8 };

/**
 * An amount cell as offices write it → its text in 亿元 for the row schema: digits in the column's unit (`factor` to
 * 亿元), digits with their own unit (1.2亿元, 12000万元: the cell's unit wins), '' for a word meaning not disclosed
 * (待定, 不详, —). `approximate`: written as about so much (约5亿元): '' too — shown as an exact figure it would claim
 * more than the source says; the caller says so. Anything else is left as written, for the schema to refuse by name.
 */
export function amountText(text: string, factor: number): { text: string; approximate: boolean } {
  const t = cleanNumber(text);
  if (!t || UNDISCLOSED.test(t)) return { text: '', approximate: false };
  const m = AMOUNT.exec(t);
  if (!m) return { text: t, approximate: false };
  if (m[1] !== undefined) return { text: '', approximate: true };
  const f = m[3] ? AMOUNT_UNIT[m[3]]! : factor;
  return { text: f === 1 ? m[2]! : String(Math.round(Number(m[2]) * f * 1e8) / 1e8), approximate: false };
}

/**
 * One coordinate in degrees, minutes and seconds as tables write it: 东经113°37′26.5″, 113度37分, N34°44'35", 113.62°
 * (read after NFKC, which writes ″ as ′′).
 */
const DMS = /^(东经|北纬|西经|南纬|[ENWS])?\s*(\d{1,3}(?:\.\d+)?)\s*[°度]\s*(?:(\d{1,2}(?:\.\d+)?)\s*['′’分]\s*(?:(\d{1,2}(?:\.\d+)?)\s*(?:["″”秒]|''|′′)\s*)?)?([ENWS])?$/i;

/**
 * A coordinate cell → decimal degrees as text: a written-out one (东经113°37′26″, 北纬34度44分35秒) converted, minutes
 * and seconds under 60; anything else (plain decimals, or text to refuse by name) returned as it was.
 */
export function degreesText(text: string): string {
  if (text.length > 60) return text;
  const m = DMS.exec(text.normalize('NFKC').trim());
  if (!m) return text;
  const [, before, d, min, sec, after] = m;
  if ((min !== undefined && Number(min) >= 60) || (sec !== undefined && Number(sec) >= 60)) return text;
  const value = Number(d) + Number(min ?? 0) / 60 + Number(sec ?? 0) / 3600;
  const negative = /西经|南纬|^[WS]$/i.test(before ?? after ?? '');
  return String(Math.round((negative ? -value : value) * 1e7) / 1e7);
}

/** Written-out coordinates in one cell: 东经113°37′26″，北纬34°44′35″ (each as DMS finds one). */
const DMS_ANYWHERE = /(?:(?:东经|北纬|西经|南纬|[ENWS])\s*)?\d{1,3}(?:\.\d+)?\s*[°度](?:\s*\d{1,2}(?:\.\d+)?\s*['′’分])?(?:\s*\d{1,2}(?:\.\d+)?\s*(?:["″”秒]|''|′′))?(?:\s*[ENWS](?![a-z]))?/gi;

/**
 * Longitude and latitude written out in one cell → the two, as decimal text, longitude first (a 北纬 / N one is the
 * latitude wherever it stands); null unless the cell holds exactly two.
 */
export function degreesPair(text: string): [string, string] | null {
  // Two written-out coordinates fit in 100 characters: a longer cell is not one (and is not searched).
  if (text.length > 100) return null;
  const found = text.normalize('NFKC').match(DMS_ANYWHERE)?.map((t) => t.trim()) ?? [];
  if (found.length !== 2) return null;
  const isLat = (t: string) => /北纬|南纬|^[NS]|[NS]$/i.test(t);
  const [a, b] = isLat(found[0]!) && !isLat(found[1]!) ? [found[1]!, found[0]!] : [found[0]!, found[1]!];
  const lon = degreesText(a);
  const lat = degreesText(b);
  return lon === a || lat === b ? null : [lon, lat];
}

/** Two decimal numbers apart by a comma, a semicolon or spaces: 113.623823,34.68865 as a map picker copies it. */
const PAIR = /^\s*([+-]?\d+(?:\.\d+)?)(?:\s*[,;，；、]\s*|\s+)([+-]?\d+(?:\.\d+)?)\s*$/;

/**
 * A longitude and a latitude in one cell or one typed line — two decimals, or written out (degreesPair) — as text, in
 * the order given (`written`: degrees written out, which are WGS84 whatever else the file is in); null when the text
 * holds no such pair. A pair fits in 100 characters: longer text is not searched (no pattern runs over a pasted blob).
 */
export function coordinatePair(text: string): { first: string; second: string; written: boolean } | null {
  if (text.length > 100) return null;
  const plain = PAIR.exec(text.normalize('NFKC'));
  if (plain) return { first: plain[1]!, second: plain[2]!, written: false };
  const written = degreesPair(text);
  return written ? { first: written[0], second: written[1], written: true } : null;
}
