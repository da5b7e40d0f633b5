/**
 * District spreadsheets as offices write them: a title and a 单位：万元 line above the header row, section rows
 * (一、续建项目) and 合计 rows among the projects. Found here so that the ledger and progress readers see a plain
 * table, and say what they set aside (nothing is dropped unsaid).
 */
import type { Issue } from '../issues.ts';
import type { ImportNote } from './columns.ts';
import type { Table } from './table.ts';

export interface SheetShape {
  /** Index, into the rows given, of the header row. */
  header: number;
  /**
   * The header's cells: the header row's, or — when the row under it names the columns of merged group headings
   * (投资情况（万元） over 总投资 | 2023年完成) — the two read together, each name under a group with the group's unit.
   */
  cells: string[];
  /** Index of the first row below the header (header + 1, or + 2 under a two-row header). */
  body: number;
  /** The text of the rows above it (the title), one string per row, empty rows left out. */
  title: string[];
  /** A unit written above the header (单位：万元) as a factor to 亿元, with the words it was read from. */
  unit: { text: string; factor: number } | null;
  /** The date the title gives its figures (截至2023年12月底, 填报日期：2023年12月5日) as YYYY-MM(-DD), with its words. */
  asOf: { text: string; date: string } | null;
  /** The rows below the header that are not projects — totals and section headings — by index into the rows given. */
  setAside: Array<{ index: number; kind: 'totals' | 'section'; text: string }>;
}

/** How far down a header row is looked for (a title, a subtitle, a unit line, a blank row or two). */
const LOOK = 10;

/** 单位：万元 / （单位:亿元） / 金额单位：元 → a factor to 亿元. */
const UNIT = /单位\s*[:：]\s*(亿元|万元|元)/;
const FACTOR: Record<string, number> = { 亿元: 1, 万元: 1e-4, 元: 1e-8 };

/** 截至2023年12月底 / 截止日期：2023-12-31 / 填报日期：2023年12月5日 / 数据日期 2023.12 */
// (No two runs of spaces may meet around an optional mark: a title of spaces would take quadratic time.)
const AS_OF = /(?:截至|截止|填报日期|统计日期|数据日期|报送日期)(?:日期)?\s*(?:[:：]\s*)?(\d{4})\s*[年./-]\s*(\d{1,2})\s*月?(?:\s*(?:[./-]\s*)?(\d{1,2})\s*日?)?/;

/** 合计, 总 计, 全区合计, 小计（续建）, 合计：, Total, Subtotal … (spaces taken out first). */
const TOTALS = /^(?:全区|本页)?(?:合计|总计|小计|共计|总合计|subtotal|total)(?:[(（].*[)）])?[:：]?$/i;
/** 一、续建项目 / （二）新开工项目 / 二.工业项目: a heading over the rows below it. */
const SECTION = /^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十]+[)）])/;

const squeeze = (cell: string): string => cell.normalize('NFKC').replace(/\s+/g, '');

/** The first characters a totals word or a section heading can start with (the rest are rows at a glance). */
const MARKS = /^[全本合总小共一二三四五六七八九十(（st]/i;

/** A totals row or a section heading rather than a project (null: a row), read from its first non-empty cells. */
export function setAsideKind(cells: readonly string[]): { kind: 'totals' | 'section'; text: string } | null {
  // The first two non-empty cells, and whether there is a third (this runs for every row of a 100,000-row ledger).
  let first = '';
  let second = '';
  let count = 0;
  for (const cell of cells) {
    const t = cell ? cell.trim() : '';
    if (!t) continue;
    if (count === 0) first = t;
    else if (count === 1) second = t;
    if (++count > 2) break;
  }
  if (!count || !(MARKS.test(first) || MARKS.test(second))) return null;
  const totals = [first, second].find((c) => c && TOTALS.test(squeeze(c)));
  if (totals) return { kind: 'totals', text: totals };
  // A heading stands alone in its row (or beside a count): 一、续建项目 | 35
  if (count <= 2 && SECTION.test(squeeze(first)) && second.length <= 6) return { kind: 'section', text: first };
  return null;
}

/** Why a set-aside row is not read, as the row's warning says it (issue_text.ts has its Chinese). */
export const setAsideMessage = (row: { kind: 'totals' | 'section'; text: string }): string =>
  `${row.kind === 'totals' ? 'a totals row' : 'a section heading'} (${row.text.length > 40 ? `${row.text.slice(0, 40)}…` : row.text}), skipped: it is not a project`;

/** A unit in a heading's brackets: （万元）, (亿元), 【元】. */
const BRACKETED_UNIT = /[(（[【]\s*(?:单位\s*[:：]\s*)?(亿元|万元|元)\s*[)）\]】]/;
/** A cell that is a figure (a row of figures is data, not a header). */
const FIGURE = /^[+-]?[\d,，.]+%?$/;

/**
 * The header read from two rows, when the second names columns under merged group headings of the first: each name
 * of the second row where it has one (with its group's unit when it names none), the first row's elsewhere. Null
 * when the second row is data or adds no known column.
 */
function twoRowHeader(top: readonly string[], next: readonly string[] | undefined, known: (cells: readonly string[]) => number): string[] | null {
  if (!next) return null;
  const sub = next.map((c) => c.trim());
  if (!sub.some(Boolean) || sub.some((c) => FIGURE.test(c.replace(/\s/g, '')))) return null;
  let group = '';
  const cells = Array.from({ length: Math.max(top.length, sub.length) }, (_, c) => {
    // A merged heading fills its first cell only: the cells to its right, empty, are under it.
    if (top[c]) group = top[c]!;
    else if (!sub[c]) group = '';
    if (!sub[c]) return top[c] ?? '';
    const unit = BRACKETED_UNIT.exec(group);
    return unit && !BRACKETED_UNIT.test(sub[c]!) ? `${sub[c]}（${unit[1]}）` : sub[c]!;
  });
  return known(cells) > known(top) ? cells : null;
}

/**
 * Where a sheet's header is and what surrounds it. `isHeader` says whether a cell names a known column: the header is
 * the row among the first ten with the most such cells (the first row whenever it has two or more, the plain case).
 */
export function sheetShape(rows: ReadonlyArray<readonly string[]>, isHeader: (cell: string) => boolean): SheetShape {
  const known = (cells: readonly string[]) => cells.reduce((n, c) => (c.trim() && isHeader(c) ? n + 1 : n), 0);
  let header = 0;
  if (rows.length && known(rows[0]!) < 2) {
    let best = rows.length ? known(rows[0]!) : 0;
    for (let k = 1; k < Math.min(LOOK, rows.length); k++) {
      const n = known(rows[k]!);
      if (n > best) [best, header] = [n, k];
    }
  }
  const top = (rows[header] ?? []).map((c) => c.trim());
  const under = twoRowHeader(top, rows[header + 1], known);
  const cells = under ?? top;
  const body = header + (under ? 2 : 1);
  const title = rows.slice(0, header).map((r) => r.map((c) => c.trim()).filter(Boolean).join(' ')).filter(Boolean);
  let unit: SheetShape['unit'] = null;
  for (const line of title) {
    const m = UNIT.exec(line) ?? UNIT.exec(line.normalize('NFKC'));
    if (m) {
      unit = { text: m[0], factor: FACTOR[m[1]!]! };
      break;
    }
  }
  let asOf: SheetShape['asOf'] = null;
  for (const line of title) {
    const m = AS_OF.exec(line) ?? AS_OF.exec(line.normalize('NFKC'));
    const month = m ? Number(m[2]) : 0;
    const day = m?.[3] ? Number(m[3]) : null;
    if (m && month >= 1 && month <= 12 && (day === null || (day >= 1 && day <= 31))) {
      asOf = { text: m[0].trim(), date: [m[1], String(month).padStart(2, '0'), ...(day ? [String(day).padStart(2, '0')] : [])].join('-') };
      break;
    }
  }
  const setAside: SheetShape['setAside'] = [];
  for (let k = body; k < rows.length; k++) {
    const kind = setAsideKind(rows[k]!);
    if (kind) setAside.push({ index: k, ...kind });
  }
  return { header, cells, body, title, unit, asOf, setAside };
}

/**
 * A table read from a sheet, its header found under any title (said in a note) and its totals and section rows left
 * out (each a warning with its row); the sheet's unit line as a factor to 亿元 (null: none). GeoJSON has no sheet.
 */
export function shapeTable(table: Table, isHeader: (cell: string) => boolean): { table: Table; notes: ImportNote[]; issues: Issue[]; unit: number | null; asOf: string | null } {
  if (table.rowKind === 'feature') return { table, notes: [], issues: [], unit: null, asOf: null };
  const all = [table.header, ...table.rows.map((r) => r.cells)];
  const shape = sheetShape(all, isHeader);
  const notes: ImportNote[] = [];
  // all[k] is table.rows[k - 1]: the header's own line is the row's (1 for the first).
  const lineOf = (k: number) => (k === 0 ? 1 : table.rows[k - 1]!.line);
  if (shape.header > 0) notes.push({ code: 'header-row', line: lineOf(shape.header), title: shape.title.join(' / ') });
  if (shape.body > shape.header + 1) notes.push({ code: 'two-row-header', line: lineOf(shape.header) });
  if (shape.unit) notes.push({ code: 'unit-row', text: shape.unit.text, factor: shape.unit.factor });
  if (shape.asOf) notes.push({ code: 'as-of-from-title', text: shape.asOf.text, date: shape.asOf.date });
  const issues: Issue[] = shape.setAside.map((r) => ({ file: table.file, row: lineOf(r.index), message: setAsideMessage(r), severity: 'warning' }));
  if (!notes.length && !issues.length) return { table, notes, issues, unit: null, asOf: null };
  const aside = new Set(shape.setAside.map((r) => r.index));
  return {
    table: {
      ...table,
      header: shape.cells,
      rows: table.rows.filter((_, j) => j + 1 >= shape.body && !aside.has(j + 1)),
    },
    notes,
    issues,
    unit: shape.unit?.factor ?? null,
    asOf: shape.asOf?.date ?? null,
  };
}
