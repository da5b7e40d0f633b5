/**
 * Reading and writing progress files (data/progress.csv, a district's 调度表): the CLI, the import dialog and the
 * sample generator use it; the map's first download does not (progress.ts is what it needs).
 */
import { csvValue, parseCsv } from './csv.ts';
import type { ImportNote } from './import/columns.ts';
import { setAsideMessage, sheetShape } from './import/sheet_shape.ts';
import { amountText, statusFromText } from './import/values.ts';
import type { Issue, Loaded } from './issues.ts';
import { STATUS_LABELS, STATUSES } from './model.ts';
import type { ProgressRow } from './progress.ts';
import { splitNames } from './search.ts';

export const PROGRESS_COLUMNS = ['project_id', 'period', 'status', 'planned_yi', 'completed_yi', 'progress_text', 'source'] as const;
type Column = (typeof PROGRESS_COLUMNS)[number] | 'name';

/** Header names as district spreadsheets write them; 万元 headers are converted to 亿元. */
const ALIASES: Record<Column, readonly string[]> = {
  project_id: ['project_id', 'id', '项目编号', '编号', '项目代码'],
  period: ['period', '月份', '期间', '报告期', '统计月份', '年月'],
  status: ['status', '状态', '项目状态', '建设状态'],
  planned_yi: ['planned_yi', '年度计划投资', '年度计划投资（亿元）', '年度计划投资(亿元)', '年度计划', '年度投资计划', '本年计划投资'],
  completed_yi: ['completed_yi', '累计完成投资', '完成投资', '1—n月完成投资', '1-n月完成投资', '1—n月完成', '1—n月累计完成投资', '1—n月累计完成', '本年累计完成投资', '累计完成'],
  progress_text: ['progress_text', '形象进度', '进展情况', '工程进度'],
  source: ['source', '来源', '数据来源'],
  // A district's 调度表 names its projects: matched to the ledger's by name when the file has no id column.
  name: ['name_zh', '项目名称', '名称', '项目'],
};
const COLUMNS = [...PROGRESS_COLUMNS, 'name'] as const;
const norm = (h: string) => h.normalize('NFKC').replace(/\s/g, '').toLowerCase().replace(/[（(]?万元[)）]?|[（(]?亿元[)）]?/g, '');
/** "1—11月完成投资（万元）" → completed_yi, in 万元. */
function columnOf(header: string): { column: Column; wan: boolean } | null {
  const wan = /万元/.test(header);
  // 2023年1—11月完成投资 → 1—n月完成投资; 2023年（度）计划投资 → 年度计划投资
  const h = norm(header).replace(/^\d{4}年(?=1[—–-])/, '').replace(/^\d{4}年度?(?=计划投资)/, '年度').replace(/^1[—–-]\d{1,2}月/, '1—n月');
  for (const c of COLUMNS) if (ALIASES[c].some((a) => norm(a) === h)) return { column: c, wan };
  return null;
}

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;
/** 2023-11, 2023/11, 2023年11月, 202311, and a date in that month (an Excel date cell: 2023-11-01) → 2023-11 */
export function readPeriod(text: string): string | null {
  const m = /^(\d{4})\s*(?:[-/.年]\s*)?(\d{1,2})\s*月?(?:[-/.]\d{1,2}日?)?$/.exec(text.trim());
  if (!m) return null;
  const p = `${m[1]}-${m[2]!.padStart(2, '0')}`;
  return PERIOD.test(p) ? p : null;
}
/**
 * The month a title or a file name names: 二七区2023年11月重点项目调度表, 2023年1—11月…, 调度表_2023-11.xlsx → 2023-11
 * (a range gives its last month); null when it names none or more than one.
 */
export function periodIn(text: string): string | null {
  const t = text.normalize('NFKC');
  const found = new Set<string>();
  for (const m of t.matchAll(/(?<!\d)(\d{4})\s*年\s*(?:\d{1,2}\s*[-—–~至到]\s*)?(\d{1,2})\s*月/g)) found.add(`${m[1]}-${m[2]!.padStart(2, '0')}`);
  if (!found.size) for (const m of t.matchAll(/(?<!\d)(20\d{2})[-_.](0[1-9]|1[0-2])(?!\d)/g)) found.add(`${m[1]}-${m[2]}`);
  const only = found.size === 1 ? [...found][0]! : null;
  return only && PERIOD.test(only) ? only : null;
}

/** A sheet named for a month alone (11月, 11月份, 11月 (2)) in the year `of` names (its title's, its file's): 2023-11. */
function sheetMonth(sheet: string, of: readonly string[]): string | null {
  // Excel names a copied sheet "11月 (2)": still November.
  const m = /^\s*(\d{1,2})\s*月份?\s*(?:\(\d+\)\s*)?$/.exec(sheet.normalize('NFKC'));
  if (!m) return null;
  const years = new Set(of.flatMap((t) => [...t.normalize('NFKC').matchAll(/(?<!\d)(20\d{2})(?!\d)/g)].map((y) => y[1]!)));
  const p = years.size === 1 ? `${[...years][0]}-${m[1]!.padStart(2, '0')}` : null;
  return p && PERIOD.test(p) ? p : null;
}

/** Does this sheet (as CSV text) have a progress header — two columns or more the reader knows? */
export function isProgressSheet(text: string): boolean {
  const rows = parseCsv(text).rows.map((r) => r.fields);
  const shape = sheetShape(rows, (cell) => columnOf(cell) !== null);
  return shape.cells.filter((c) => c && columnOf(c) !== null).length >= 2;
}

/** Project names as the ledger writes them, normalised for matching a 调度表's 项目名称. */
const nameKey = (name: string): string => name.normalize('NFKC').replace(/\s+/g, '');

/** What a progress file's reader knows besides its text. */
export interface ProgressContext {
  /** The ledger's projects: a row naming a project (项目名称) without an id is matched to the one of that name. */
  projects?: ReadonlyArray<{ id: string; name_zh: string; other_names?: string | null }>;
  /** The source of every row when the file has no source column (the import dialog: the file's name). */
  defaultSource?: string;
  /** The workbook's sheet the text is from: its name may give the month (2023年11月, or 11月 in the title's year). */
  sheet?: string;
  /** The file's own name, when `file` names the sheet too: it may give the month or the year. */
  fileName?: string;
}

/**
 * Reads a progress file (CSV text, the repo's columns or a district spreadsheet's Chinese headers). Every problem is
 * an issue naming file, line and column; a row with an error is left out; `projectIds`: the ledger's.
 */
export function loadProgress(
  file: string,
  text: string,
  projectIds: ReadonlySet<string>,
  context: ProgressContext = {},
): Loaded<ProgressRow[]> & { notes: ImportNote[]; /** The line each row of `value` was read from. */ lines: number[] } {
  const lines: number[] = [];
  const issues: Issue[] = [];
  const notes: ImportNote[] = [];
  const csv = parseCsv(text.replace(/^\uFEFF/, ''));
  for (const p of csv.issues) issues.push({ file, row: p.line, message: p.message, severity: 'error' });
  // A title (with the month, and 单位：万元) above the header; 合计 and section rows among the projects.
  const shape = sheetShape(csv.rows.map((r) => r.fields), (cell) => columnOf(cell) !== null);
  const header = csv.rows[shape.header];
  const aside = new Set(shape.setAside.map((r) => r.index));
  const records = csv.rows.filter((_, k) => k >= shape.body && !aside.has(k));
  if (!header) return { value: [], issues: [...issues, { file, message: 'the file is empty: expected a header and one row per project and period', severity: 'error' }], notes, lines };
  if (shape.header > 0) notes.push({ code: 'header-row', line: header.line, title: shape.title.join(' / ') });
  if (shape.body > shape.header + 1) notes.push({ code: 'two-row-header', line: header.line });
  if (shape.unit) notes.push({ code: 'unit-row', text: shape.unit.text, factor: shape.unit.factor });
  for (const r of shape.setAside) issues.push({ file, row: csv.rows[r.index]!.line, message: setAsideMessage(r), severity: 'warning' });
  const columns = shape.cells.map((h) => {
    const c = columnOf(h);
    // An amount header naming no unit takes the sheet's (单位：万元); one naming 亿元 keeps it.
    return c && !c.wan && shape.unit?.factor === 1e-4 && !/亿元/.test(h) && (c.column === 'planned_yi' || c.column === 'completed_yi') ? { ...c, wan: true } : c;
  });
  const has = (c: Column) => columns.some((x) => x?.column === c);
  // The month from the title or the file's name, when no column gives it: every row is of that month.
  const fileName = context.fileName ?? file.split(/[\\/]/).pop()!;
  const sheet = context.sheet ?? '';
  const titled = has('period') ? null : ([...shape.title, sheet, fileName].map(periodIn).find((p) => p !== null) ?? sheetMonth(sheet, [...shape.title, fileName]));
  if (titled) notes.push({ code: 'period-from-title', period: titled, ...(context.sheet ? { sheet: context.sheet } : {}) });
  const byName = !has('project_id') && has('name') && context.projects ? namesOf(context.projects) : null;
  if (byName) notes.push({ code: 'matched-by-name' });
  const defaultSource = has('source') ? null : (context.defaultSource ?? null);
  if (defaultSource) notes.push({ code: 'source-from-file', source: defaultSource });
  if (!byName && !has('project_id')) issues.push({ file, row: header.line, field: 'project_id', message: `required column is missing (also read as: ${ALIASES.project_id.slice(1).join(', ')})`, severity: 'error' });
  if (!titled && !has('period')) issues.push({ file, row: header.line, field: 'period', message: `required column is missing (also read as: ${ALIASES.period.slice(1).join(', ')})`, severity: 'error' });
  if (!defaultSource && !has('source')) issues.push({ file, row: header.line, field: 'source', message: `required column is missing (also read as: ${ALIASES.source.slice(1).join(', ')})`, severity: 'error' });
  if (issues.some((i) => i.severity === 'error')) return { value: [], issues, notes, lines };
  const value: ProgressRow[] = [];
  const seen = new Map<string, number>();
  for (const record of records) {
    if (record.fields.every((f) => f.trim() === '')) continue;
    const problems: Array<[Column, string]> = [];
    const row: ProgressRow = { project_id: '', period: titled ?? '', status: null, planned_yi: null, completed_yi: null, progress_text: null, source: defaultSource ?? '' };
    columns.forEach((c, i) => {
      if (!c) return;
      const cell = (record.fields[i] ?? '').trim();
      switch (c.column) {
        case 'name': {
          if (!byName) break;
          const ids = byName.get(nameKey(cell));
          if (!cell) problems.push([c.column, 'is required']);
          else if (!ids) {
            // A name written shorter or longer (郑豪科技园 / 郑州郑豪科技园项目) is suggested, never matched.
            const like = nameLike(byName, nameKey(cell));
            problems.push([c.column, `no project of the ledger is named '${cell}'${like ? `; did you mean '${like}'?` : ''}`]);
          }
          else if (ids.length > 1) problems.push([c.column, `'${cell}' names ${ids.length} projects of the ledger (${ids.slice(0, 3).join(', ')}): add a 项目编号 column`]);
          else row.project_id = ids[0]!;
          break;
        }
        case 'project_id':
          if (!cell) problems.push([c.column, 'is required']);
          else if (!projectIds.has(cell)) problems.push([c.column, `'${cell}' is not a project of the ledger`]);
          row.project_id = cell;
          break;
        case 'period': {
          const p = readPeriod(cell);
          if (!p) problems.push([c.column, `'${cell}' is not a month: write YYYY-MM, e.g. 2023-11`]);
          row.period = p ?? '';
          break;
        }
        case 'status':
          if (cell) {
            // The ledger's words too (续建, 竣工, 前期 …), as its import reads them.
            const s = statusFromText(cell);
            if (!s) problems.push([c.column, `'${cell}' is not a status: use one of ${STATUSES.map((x) => `${x} (${STATUS_LABELS[x].zh})`).join(', ')}`]);
            row.status = s ?? null;
          }
          break;
        case 'planned_yi':
        case 'completed_yi':
          if (cell) {
            // As a ledger import reads it: 1.2亿元 and 12000万元 by their own unit, 待定 / 不详 / — not disclosed.
            const read = amountText(cell, c.wan ? 1e-4 : 1);
            const n = Number(read.text);
            if (read.approximate) issues.push({ file, row: record.line, field: c.column, message: `'${cell}' is approximate: kept as not disclosed (未公开)`, severity: 'warning' });
            else if (read.text && (!Number.isFinite(n) || n < 0)) problems.push([c.column, `'${cell}' is not an amount: write a number (${c.wan ? '万元' : '亿元'}), or leave it empty when not disclosed`]);
            else if (read.text) row[c.column] = n;
          }
          break;
        case 'progress_text':
          row.progress_text = cell || null;
          break;
        case 'source':
          if (!cell) problems.push([c.column, 'is required: where the figure comes from']);
          row.source = cell;
          break;
      }
    });
    const key = `${row.project_id}|${row.period}`;
    if (!problems.length && seen.has(key)) problems.push(['period', `${row.project_id} already has a row for ${row.period} (line ${seen.get(key)})`]);
    if (problems.length) {
      for (const [field, message] of problems) issues.push({ file, row: record.line, field, message, severity: 'error' });
      continue;
    }
    seen.set(key, record.line);
    value.push(row);
    lines.push(record.line);
  }
  // In the file's order: a skipped 合计 row among the rows' own problems.
  issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return { value, issues, notes, lines };
}

/** The one name of the ledger that holds `key` or is held by it (2 characters at least), if exactly one does. */
function nameLike(names: ReadonlyMap<string, string[]>, key: string): string | null {
  if (key.length < 2) return null;
  let found: string | null = null;
  for (const name of names.keys()) {
    if (name.length < 2 || !(name.includes(key) || key.includes(name))) continue;
    if (found !== null) return null;
    found = name;
  }
  return found;
}

/** Normalised names (and other names) → the ids of the projects bearing them. */
function namesOf(projects: NonNullable<ProgressContext['projects']>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (name: string, id: string) => {
    const k = nameKey(name);
    if (!k) return;
    const ids = out.get(k) ?? [];
    if (!ids.includes(id)) ids.push(id);
    out.set(k, ids);
  };
  for (const p of projects) {
    add(p.name_zh, p.id);
    for (const other of splitNames(p.other_names ?? null)) add(other, p.id);
  }
  return out;
}

/**
 * A 调度表's rows over the rows held (a month at a time, the months before kept): a row for a project and month already
 * held replaces that row in its place (a corrected 调度表), the others are added after, in the file's order.
 */
export function mergeProgress(held: readonly ProgressRow[], incoming: readonly ProgressRow[]): { rows: ProgressRow[]; added: number; replaced: number } {
  const key = (r: ProgressRow) => `${r.project_id}|${r.period}`;
  const fresh = new Map(incoming.map((r) => [key(r), r]));
  let replaced = 0;
  const rows = held.map((r) => {
    const now = fresh.get(key(r));
    if (!now) return r;
    replaced++;
    fresh.delete(key(r));
    return now;
  });
  rows.push(...fresh.values());
  return { rows, added: fresh.size, replaced };
}

/** data/progress.csv as the data build and the editor write it. */
export function progressCsv(rows: readonly ProgressRow[]): string {
  return [PROGRESS_COLUMNS.join(','), ...rows.map((r) => PROGRESS_COLUMNS.map((c) => csvValue(r[c])).join(','))].join('\n') + '\n';
}

