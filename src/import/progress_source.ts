/** Reading a progress file (调度表) of any kind for the progress reader (core/progress_file.ts): the CLI and the import dialog. */
import { csvValue } from '../core/csv.ts';
import type { Issue, Loaded } from '../core/issues.ts';
import type { ProgressRow } from '../core/progress.ts';
import type { ImportNote } from '../core/import/columns.ts';
import { isProgressSheet, loadProgress, type ProgressContext } from '../core/progress_file.ts';
import type { Table } from '../core/import/table.ts';
import { decodeText, isZip, readSource, type Encoding } from './read_source.ts';

/**
 * A progress file's text for the progress reader: CSV decoded (UTF-8, GBK, UTF-16), or the first sheet of an Excel
 * workbook written as CSV with each row on its own line number (so a problem names the sheet's row).
 */
export async function progressText(name: string, bytes: Uint8Array, encoding: Encoding = 'auto'): Promise<{ text: string; encoding: string; issues: Issue[] }> {
  if (!isZip(bytes) && !/\.xlsx$/i.test(name)) return { ...decodeText(bytes, encoding), issues: [] };
  const read = await readSource(name, bytes);
  if (!read.table) return { text: '', encoding: 'xlsx', issues: read.issues.filter((i) => i.severity === 'error') };
  return { text: sheetCsv(read.table), encoding: 'xlsx', issues: [] };
}

/** A sheet as CSV text, each row on its sheet row's line (so a problem names the row the office sees). */
function sheetCsv(table: Table): string {
  const lines = [table.header.map(csvValue).join(',')];
  for (const row of table.rows) {
    while (lines.length < row.line - 1) lines.push('');
    lines.push(row.cells.map(csvValue).join(','));
  }
  return lines.join('\n');
}

/**
 * Every sheet of a workbook that holds progress (a header the reader knows), as CSV text, and those that do not: a
 * year's 调度表 kept one sheet a month (1月 … 12月) beside a 说明 or 汇总 sheet.
 */
async function progressSheets(name: string, bytes: Uint8Array): Promise<{ sheets: Array<{ sheet: string; text: string }>; skipped: string[]; issues: Issue[] }> {
  const first = await readSource(name, bytes);
  if (first.sheets.length <= 1) return { sheets: first.table ? [{ sheet: first.sheets[0] ?? '', text: sheetCsv(first.table) }] : [], skipped: [], issues: first.table ? [] : first.issues.filter((i) => i.severity === 'error') };
  const sheets: Array<{ sheet: string; text: string }> = [];
  const skipped: string[] = [];
  for (const [k, sheet] of first.sheets.entries()) {
    const table = k === 0 ? first.table : (await readSource(name, bytes, { sheet })).table;
    const text = table ? sheetCsv(table) : '';
    if (table && isProgressSheet(text)) sheets.push({ sheet, text });
    else skipped.push(sheet);
  }
  return { sheets, skipped, issues: [] };
}

/**
 * A progress file read and checked against the ledger's projects: its rows, every problem, and how it was read. A file
 * without a source column has the file as its rows' source (`${name}`, as the office named it).
 */
export async function readProgressFile(
  name: string,
  bytes: Uint8Array,
  projects: NonNullable<ProgressContext['projects']>,
  encoding: Encoding = 'auto',
): Promise<{ encoding: string; loaded: Loaded<ProgressRow[]> & { notes: ImportNote[] } }> {
  const file = name.split(/[\\/]/).pop()!;
  const ids = new Set(projects.map((p) => p.id));
  const context = { projects, defaultSource: `调度表：${file}` };
  if (!isZip(bytes) && !/\.xlsx$/i.test(name)) {
    const decoded = decodeText(bytes, encoding);
    return { encoding: decoded.encoding, loaded: loadProgress(name, decoded.text, ids, context) };
  }
  const read = await progressSheets(name, bytes);
  if (read.issues.length) return { encoding: 'xlsx', loaded: { value: [], issues: read.issues, notes: [] } };
  // One sheet, or only one holding progress: read as the file itself.
  if (read.sheets.length <= 1) {
    const only = read.sheets[0];
    const loaded = loadProgress(name, only?.text ?? '', ids, { ...context, ...(only?.sheet ? { sheet: only.sheet } : {}) });
    // The sheet's name may give the month; the notes speak of the file, as it is the one sheet read.
    const notes = loaded.notes.map((n): ImportNote => (n.code === 'period-from-title' ? { code: n.code, period: n.period } : n));
    return { encoding: 'xlsx', loaded: { ...loaded, notes: read.skipped.length && only ? [{ code: 'sheets', read: [only.sheet], skipped: read.skipped }, ...notes] : notes } };
  }
  // A workbook of months: each sheet read on its own (a problem names the file and the sheet), then together.
  const value: ProgressRow[] = [];
  const issues: Issue[] = [];
  const notes: ImportNote[] = [{ code: 'sheets', read: read.sheets.map((s) => s.sheet), skipped: read.skipped }];
  const seen = new Map<string, string>();
  for (const [k, { sheet, text }] of read.sheets.entries()) {
    const label = `${name}（${sheet}）`;
    const loaded = loadProgress(label, text, ids, { ...context, sheet, fileName: file });
    issues.push(...loaded.issues);
    // How a sheet was read is said once (the first sheet's), its month for every sheet.
    notes.push(...loaded.notes.filter((n) => n.code === 'period-from-title' || (k === 0 && !notes.some((m) => m.code === n.code))));
    for (const [j, row] of loaded.value.entries()) {
      const key = `${row.project_id}|${row.period}`;
      const had = seen.get(key);
      if (had) {
        issues.push({ file: label, row: loaded.lines[j]!, field: 'period', message: `${row.project_id} already has a row for ${row.period} (sheet ${had})`, severity: 'error' });
        continue;
      }
      seen.set(key, sheet);
      value.push(row);
    }
  }
  return { encoding: 'xlsx', loaded: { value, issues, notes } };
}
