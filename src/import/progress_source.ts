/** Reading a progress file (调度表) of any kind for the progress reader (core/progress_file.ts): the CLI and the import dialog. */
import { csvValue } from '../core/csv.ts';
import type { Issue, Loaded } from '../core/issues.ts';
import type { ProgressRow } from '../core/progress.ts';
import type { ImportNote } from '../core/import/columns.ts';
import { loadProgress, type ProgressContext } from '../core/progress_file.ts';
import { decodeText, isZip, readSource, type Encoding } from './read_source.ts';

/**
 * A progress file's text for the progress reader: CSV decoded (UTF-8, GBK, UTF-16), or the first sheet of an Excel
 * workbook written as CSV with each row on its own line number (so a problem names the sheet's row).
 */
export async function progressText(name: string, bytes: Uint8Array, encoding: Encoding = 'auto'): Promise<{ text: string; encoding: string; issues: Issue[] }> {
  if (!isZip(bytes) && !/\.xlsx$/i.test(name)) return { ...decodeText(bytes, encoding), issues: [] };
  const read = await readSource(name, bytes);
  if (!read.table) return { text: '', encoding: 'xlsx', issues: read.issues.filter((i) => i.severity === 'error') };
  const lines = [read.table.header.map(csvValue).join(',')];
  for (const row of read.table.rows) {
    while (lines.length < row.line - 1) lines.push('');
    lines.push(row.cells.map(csvValue).join(','));
  }
  return { text: lines.join('\n'), encoding: 'xlsx', issues: [] };
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
  const read = await progressText(name, bytes, encoding);
  if (read.issues.length) return { encoding: read.encoding, loaded: { value: [], issues: read.issues, notes: [] } };
  const file = name.split(/[\\/]/).pop()!;
  return { encoding: read.encoding, loaded: loadProgress(name, read.text, new Set(projects.map((p) => p.id)), { projects, defaultSource: `调度表：${file}` }) };
}
