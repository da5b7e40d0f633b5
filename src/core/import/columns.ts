/**
 * Which column holds which field: guessed from common Chinese and English headers, fixable by the user.
 * A header can carry a unit: 总投资（万元） is read and divided by 10,000 into 亿元.
 */
import { LEDGER_COLUMNS, PROJECT_COLUMNS } from '../ledger_columns.ts';

/** The ledger's columns, and the coordinates a spreadsheet carries beside them (a point — in two columns or one — or a line or area as WKT). */
export const IMPORT_FIELDS = [...PROJECT_COLUMNS, 'lon', 'lat', 'lonlat', 'wkt'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export interface ColumnChoice {
  /** Index of the column in the header row. */
  column: number;
  /** Multiply numbers by this to get the field's unit (亿元 for investments). */
  factor: number;
}
export type ColumnMapping = Partial<Record<ImportField, ColumnChoice>>;

/** A remark about how a file was read (not a problem): the UI words it in the user's language. */
export type ImportNote =
  | { code: 'no-id-column' }
  | { code: 'no-unit'; column: string }
  /** The workbook's first sheet names no projects (a 说明 sheet): `sheet`, the first that does, was read. */
  | { code: 'sheet-chosen'; sheet: string; first: string }
  /** The header is on row `line`: the rows above it (the title) are not read as a header. */
  | { code: 'header-row'; line: number; title: string }
  /** The header takes two rows from `line`: names under merged group headings (投资情况（万元） over 总投资). */
  | { code: 'two-row-header'; line: number }
  /** Coordinates in metres (CGCS2000 Gauss–Krüger) read as longitude and latitude in `projection`. */
  | { code: 'projected'; projection: string; northingFirst: boolean }
  /** Rows with no date of their own are as of the date the title gives (截至2023年12月底). */
  | { code: 'as-of-from-title'; text: string; date: string }
  /** Amounts whose header names no unit are read in the unit written above the header (单位：万元). */
  | { code: 'unit-row'; text: string; factor: number }
  /** A progress file without a month column: its rows are of the month its title or file name gives. */
  | { code: 'period-from-title'; period: string; sheet?: string }
  /** A workbook's sheets read as one progress file (one a month), and those with no progress header left. */
  | { code: 'sheets'; read: string[]; skipped: string[] }
  /** A progress file without an id column: its rows are matched to the ledger's projects by name. */
  | { code: 'matched-by-name' }
  /** A progress file without a source column: the file itself is the rows' source. */
  | { code: 'source-from-file'; source: string };

/** Headers that name each field (the ledger's from its column table), first match wins. */
const SYNONYMS: Array<[ImportField, readonly string[]]> = [
  ...PROJECT_COLUMNS.map((c): [ImportField, readonly string[]] => [c, LEDGER_COLUMNS[c].aliases]),
  // X坐标 / Y坐标 as surveyors write them are north / east (Gauss–Krüger metres): a pair is read either way round.
  ['lon', ['lon', 'lng', 'long', 'longitude', '经度', 'x', 'x坐标', '坐标x', '东坐标']],
  ['lat', ['lat', 'latitude', '纬度', 'y', 'y坐标', '坐标y', '北坐标']],
  // Both in one cell, as a map picker copies them: 113.623823,34.68865
  ['lonlat', ['lonlat', 'lnglat', 'lon_lat', 'lng_lat', '经纬度', '坐标', '经纬度坐标', '位置坐标', 'coordinates']],
  ['wkt', ['geometry_wkt', 'wkt', 'geometry', 'geom', 'shape', '空间范围', '红线范围', '用地范围', '几何', '几何信息', '空间信息', '坐标串']],
];

/** Is this field an amount in 亿元 (its header may carry a unit)? */
export const isAmountField = (field: ImportField): boolean => field !== 'lon' && field !== 'lat' && field !== 'lonlat' && field !== 'wkt' && LEDGER_COLUMNS[field].kind === 'amount';

/** Units written in an investment header, as a factor to 亿元. */
const UNITS: Array<[RegExp, number]> = [
  [/亿元|亿|100m|hundredmillion/, 1],
  [/万元|万|10k|tenthousand/, 1e-4],
  [/元|yuan|cny|rmb/, 1e-8],
];

export function normaliseHeader(h: string): { key: string; unitFactor: number | null } {
  const t = h.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
  const unitMatch = /[(（[【](.*?)[)）\]】]/.exec(t);
  const unitText = unitMatch?.[1] ?? '';
  const unit = unitText ? UNITS.find(([re]) => re.test(unitText)) : undefined;
  return { key: t.replace(/[(（[【].*?[)）\]】]/g, '').replace(/[_\-·.]/g, ''), unitFactor: unit ? unit[1] : null };
}

/** Every header the guess knows, normalised: a cell of a sheet's first rows is a header when it is one. */
let knownHeaders: Set<string> | null = null;
export function isLedgerHeader(cell: string): boolean {
  knownHeaders ??= new Set(SYNONYMS.flatMap(([, words]) => words.map((w) => normaliseHeader(w).key)));
  return knownHeaders.has(normaliseHeader(cell).key);
}

/** A column's factor to its field's unit: the unit its header names, else the sheet's (单位：万元), else 亿元 (1). */
export function columnFactor(header: string, field: ImportField, sheetUnit: number | null = null): number {
  return isAmountField(field) ? (normaliseHeader(header).unitFactor ?? sheetUnit ?? 1) : 1;
}

/**
 * The best guess for each field: an exact synonym, first match wins, each column used once. Investment
 * columns take their unit from the header, else from the sheet's unit line (`sheetUnit`, a factor to 亿元); without
 * either they are taken as 亿元 and the preview says so.
 */
export function guessMapping(headers: readonly string[], sheetUnit: number | null = null): { mapping: ColumnMapping; notes: ImportNote[] } {
  const mapping: ColumnMapping = {};
  const notes: ImportNote[] = [];
  const used = new Set<number>();
  const normalised = headers.map(normaliseHeader);
  for (const [field, words] of SYNONYMS) {
    const keys = new Set(words.map((w) => normaliseHeader(w).key));
    const column = normalised.findIndex((h, i) => !used.has(i) && keys.has(h.key));
    if (column < 0) continue;
    used.add(column);
    if (isAmountField(field) && normalised[column]!.unitFactor === null && sheetUnit === null) notes.push({ code: 'no-unit', column: headers[column]! });
    mapping[field] = { column, factor: columnFactor(headers[column]!, field, sheetUnit) };
  }
  return { mapping, notes };
}
