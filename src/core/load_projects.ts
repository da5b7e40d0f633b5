import { parseCsv } from './csv.ts';
import type { Issue, Loaded } from './issues.ts';
import type { Project } from './model.ts';
import type { AxisId } from './model.ts';
import { OPTIONAL_COLUMNS, PROJECT_COLUMNS, projectRow, quickProjectRow } from './project_schema.ts';

/**
 * Reads the project ledger (CSV text); `axisIds` are the layout's (an axis_declared must be one of them). Rows with an error are left out of `value` and each error is an
 * issue naming file, line and column; nothing is dropped without one.
 */
export function loadProjects(file: string, text: string, axisIds: readonly AxisId[]): Loaded<Project[]> {
  const issues: Issue[] = [];
  const ProjectRow = projectRow(axisIds);
  const quickRow = quickProjectRow(axisIds);
  const csv = parseCsv(text);
  for (const p of csv.issues) issues.push({ file, row: p.line, message: p.message, severity: 'error' });

  const [header, ...records] = csv.rows;
  if (!header) {
    issues.push({ file, message: 'the file is empty: expected a header row and one row per project', severity: 'error' });
    return { value: [], issues };
  }
  const names = header.fields.map((h) => h.trim());
  const missing = PROJECT_COLUMNS.filter((c) => !OPTIONAL_COLUMNS.has(c) && !names.includes(c));
  for (const c of missing) {
    issues.push({ file, row: header.line, field: c, message: 'required column is missing from the header', severity: 'error' });
  }
  if (missing.length) return { value: [], issues };
  for (const [i, h] of names.entries()) {
    if (!(PROJECT_COLUMNS as readonly string[]).includes(h)) {
      issues.push({ file, row: header.line, field: h || `column ${i + 1}`, message: 'unknown column, ignored', severity: 'warning' });
    }
  }
  if (!records.length) {
    issues.push({ file, row: header.line, message: 'the file has a header but no project rows', severity: 'error' });
  }

  const value: Project[] = [];
  const firstLine = new Map<string, number>();
  for (const record of records) {
    if (record.fields.length !== names.length) {
      issues.push({
        file,
        row: record.line,
        message: `has ${record.fields.length} fields, the header has ${names.length} (an unquoted comma?)`,
        severity: 'error',
      });
      continue;
    }
    const raw: Record<string, string> = {};
    names.forEach((name, i) => (raw[name] = record.fields[i]!));
    const quick = quickRow(raw);
    const parsed = quick ? { success: true as const, data: quick } : ProjectRow.safeParse(raw);
    if (!parsed.success) {
      for (const e of parsed.error.issues) {
        issues.push({ file, row: record.line, field: String(e.path[0] ?? ''), message: e.message, severity: 'error' });
      }
      continue;
    }
    const project = parsed.data;
    const seen = firstLine.get(project.id);
    if (seen !== undefined) {
      issues.push({
        file,
        row: record.line,
        field: 'id',
        message: `duplicate id '${project.id}' (first used on line ${seen})`,
        severity: 'error',
      });
      continue;
    }
    firstLine.set(project.id, record.line);
    value.push(project);
  }
  return { value, issues };
}
