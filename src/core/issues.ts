/** A problem found in input data, reported as data (never thrown). */
export interface Issue {
  /** Path of the file as the user named it, e.g. `data/projects.csv`. */
  file: string;
  /** CSV: 1-based line where the record starts (the header is line 1). */
  row?: number;
  /** GeoJSON: 0-based index into `features`. */
  feature?: number;
  /** Column or property name, e.g. `investment_total_yi` or `geometry`. */
  field?: string;
  message: string;
  /** Errors stop the data build; warnings are printed and the build goes on. */
  severity: 'error' | 'warning';
}

/** What a loader returns: the usable part of the input, and everything wrong with the rest. */
export interface Loaded<T> {
  value: T;
  issues: Issue[];
}

/** `file:row: field: message`, the one format used by the CLI and the UI. */
export function formatIssue(issue: Issue): string {
  const where =
    issue.row !== undefined ? `:${issue.row}` : issue.feature !== undefined ? `:features[${issue.feature}]` : '';
  const field = issue.field ? ` ${issue.field}:` : '';
  const level = issue.severity === 'warning' ? ' warning:' : '';
  return `${issue.file}${where}:${level}${field} ${issue.message}`;
}

export const hasErrors = (issues: readonly Issue[]): boolean => issues.some((i) => i.severity === 'error');
