/**
 * Reading and writing progress files (data/progress.csv, a district's 调度表): the CLI, the import dialog and the
 * sample generator use it; the map's first download does not (progress.ts is what it needs).
 */
import { csvValue, parseCsv } from './csv.ts';
import type { Issue, Loaded } from './issues.ts';
import { STATUS_LABELS, STATUSES, type Status } from './model.ts';
import type { ProgressRow } from './progress.ts';

export const PROGRESS_COLUMNS = ['project_id', 'period', 'status', 'planned_yi', 'completed_yi', 'progress_text', 'source'] as const;
type Column = (typeof PROGRESS_COLUMNS)[number];

/** Header names as district spreadsheets write them; 万元 headers are converted to 亿元. */
const ALIASES: Record<Column, readonly string[]> = {
  project_id: ['project_id', 'id', '项目编号', '编号', '项目代码'],
  period: ['period', '月份', '期间', '报告期', '统计月份', '年月'],
  status: ['status', '状态', '项目状态', '建设状态'],
  planned_yi: ['planned_yi', '年度计划投资', '年度计划投资（亿元）', '年度计划投资(亿元)', '年度计划'],
  completed_yi: ['completed_yi', '累计完成投资', '完成投资', '1—n月完成投资', '1-n月完成投资', '本年累计完成投资', '累计完成'],
  progress_text: ['progress_text', '形象进度', '进展情况', '工程进度'],
  source: ['source', '来源', '数据来源'],
};
const norm = (h: string) => h.normalize('NFKC').replace(/\s/g, '').toLowerCase().replace(/[（(]?万元[)）]?|[（(]?亿元[)）]?/g, '');
/** "1—11月完成投资（万元）" → completed_yi, in 万元. */
function columnOf(header: string): { column: Column; wan: boolean } | null {
  const wan = /万元/.test(header);
  const h = norm(header).replace(/^1[—–-]\d{1,2}月/, '1—n月');
  for (const c of PROGRESS_COLUMNS) if (ALIASES[c].some((a) => norm(a) === h)) return { column: c, wan };
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
const STATUS_WORDS = new Map<string, Status>(STATUSES.flatMap((s) => [[s, s], [STATUS_LABELS[s].zh, s], [STATUS_LABELS[s].en, s]] as Array<[string, Status]>));

/**
 * Reads a progress file (CSV text, the repo's columns or a district spreadsheet's Chinese headers). Every problem is
 * an issue naming file, line and column; a row with an error is left out; `projectIds`: the ledger's.
 */
export function loadProgress(file: string, text: string, projectIds: ReadonlySet<string>): Loaded<ProgressRow[]> {
  const issues: Issue[] = [];
  const csv = parseCsv(text.replace(/^\uFEFF/, ''));
  for (const p of csv.issues) issues.push({ file, row: p.line, message: p.message, severity: 'error' });
  const [header, ...records] = csv.rows;
  if (!header) return { value: [], issues: [...issues, { file, message: 'the file is empty: expected a header and one row per project and period', severity: 'error' }] };
  const columns = header.fields.map((h) => columnOf(h));
  for (const c of ['project_id', 'period', 'source'] as const) {
    if (!columns.some((x) => x?.column === c)) issues.push({ file, row: header.line, field: c, message: `required column is missing (also read as: ${ALIASES[c].slice(1).join(', ')})`, severity: 'error' });
  }
  if (issues.some((i) => i.severity === 'error')) return { value: [], issues };
  const value: ProgressRow[] = [];
  const seen = new Map<string, number>();
  for (const record of records) {
    if (record.fields.every((f) => f.trim() === '')) continue;
    const problems: Array<[Column, string]> = [];
    const row: ProgressRow = { project_id: '', period: '', status: null, planned_yi: null, completed_yi: null, progress_text: null, source: '' };
    columns.forEach((c, i) => {
      if (!c) return;
      const cell = (record.fields[i] ?? '').trim();
      switch (c.column) {
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
            const s = STATUS_WORDS.get(cell);
            if (!s) problems.push([c.column, `'${cell}' is not a status: use one of ${STATUSES.map((x) => `${x} (${STATUS_LABELS[x].zh})`).join(', ')}`]);
            row.status = s ?? null;
          }
          break;
        case 'planned_yi':
        case 'completed_yi':
          if (cell && !/^(未公开|不详|—|-)$/.test(cell)) {
            const n = Number(cell.replace(/,/g, ''));
            if (!Number.isFinite(n) || n < 0) problems.push([c.column, `'${cell}' is not an amount: write a number (${c.wan ? '万元' : '亿元'}), or leave it empty when not disclosed`]);
            else row[c.column] = c.wan ? Math.round(n) / 1e4 : n;
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
  }
  return { value, issues };
}

/** data/progress.csv as the data build and the editor write it. */
export function progressCsv(rows: readonly ProgressRow[]): string {
  return [PROGRESS_COLUMNS.join(','), ...rows.map((r) => PROGRESS_COLUMNS.map((c) => csvValue(r[c])).join(','))].join('\n') + '\n';
}

