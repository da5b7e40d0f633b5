/**
 * Which column holds which field: guessed from common Chinese and English headers, fixable by the user.
 * A header can carry a unit: 总投资（万元） is read and divided by 10,000 into 亿元.
 */
import { PROJECT_COLUMNS } from '../project_schema.ts';

/** The ledger's columns, and the coordinates a spreadsheet carries beside them. */
export const IMPORT_FIELDS = [...PROJECT_COLUMNS, 'lon', 'lat'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export interface ColumnChoice {
  /** Index of the column in the header row. */
  column: number;
  /** Multiply numbers by this to get the field's unit (亿元 for investments). */
  factor: number;
}
export type ColumnMapping = Partial<Record<ImportField, ColumnChoice>>;

/** Normalised header → field. Normalising drops spaces, brackets' style and case: "总投资(亿元)" = "总投资（亿元）". */
const SYNONYMS: Array<[ImportField, string[]]> = [
  ['id', ['id', '项目编号', '编号', '项目代码', '代码', '序号id', 'projectid', 'code']],
  ['name_zh', ['name_zh', '项目名称', '名称', '项目', 'name', 'projectname', '项目名']],
  ['name_en', ['name_en', '英文名称', '英文名', 'englishname', 'nameen']],
  ['axis_declared', ['axis_declared', '所属轴线', '轴线', '发展轴', 'axis', '所属发展轴']],
  ['zone_declared', ['zone_declared', '所属片区', '片区', '所属区域', '区域', 'zone']],
  ['sector', ['sector', '行业', '产业', '所属行业', '行业类别', '产业类别', '类别', 'industry']],
  ['status', ['status', '建设状态', '项目状态', '状态', '进度', '建设进度', 'stage']],
  ['investment_total_yi', ['investment_total_yi', '总投资', '计划总投资', '项目总投资', 'investment', 'totalinvestment']],
  ['investment_2023_yi', ['investment_2023_yi', '2023年完成投资', '年度完成投资', '本年完成投资', '完成投资', 'investment2023']],
  ['address', ['address', '地址', '项目地址', '建设地点', '地点', '位置', 'location']],
  ['lon', ['lon', 'lng', 'long', 'longitude', '经度', 'x']],
  ['lat', ['lat', 'latitude', '纬度', 'y']],
  ['source', ['source', '来源', '数据来源', '资料来源']],
  ['as_of', ['as_of', '数据日期', '截至', '统计日期', '日期', 'date', 'asof']],
  ['note', ['note', '备注', '说明', 'remarks', 'notes']],
];

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

/**
 * The best guess for each field: an exact synonym, first match wins, each column used once. Investment
 * columns take their unit from the header; without one they are taken as 亿元 and the preview says so.
 */
export function guessMapping(headers: readonly string[]): { mapping: ColumnMapping; notes: string[] } {
  const mapping: ColumnMapping = {};
  const notes: string[] = [];
  const used = new Set<number>();
  const normalised = headers.map(normaliseHeader);
  for (const [field, words] of SYNONYMS) {
    const keys = new Set(words.map((w) => normaliseHeader(w).key));
    const column = normalised.findIndex((h, i) => !used.has(i) && keys.has(h.key));
    if (column < 0) continue;
    used.add(column);
    let factor = 1;
    if (field === 'investment_total_yi' || field === 'investment_2023_yi') {
      const unit = normalised[column]!.unitFactor;
      if (unit === null) notes.push(`column "${headers[column]}" has no unit: read as 亿元`);
      factor = unit ?? 1;
    }
    mapping[field] = { column, factor };
  }
  return { mapping, notes };
}
