/** Reading a progress file (调度表) of any kind for the progress reader (core/progress_file.ts): the CLI and the import dialog. */
import { csvValue } from '../core/csv.ts';
import type { Issue } from '../core/issues.ts';
import { decodeText, readSource, type Encoding } from './read_source.ts';

const isZip = (b: Uint8Array) => b.length > 3 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

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
