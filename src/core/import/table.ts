/** A sheet of cells as read from CSV, TSV, Excel or GeoJSON: a header and numbered rows of text. */
export interface Table {
  /** The file's name, for messages. */
  file: string;
  header: string[];
  /** `line`: the row as the user sees it (CSV line, spreadsheet row, or GeoJSON feature index + 1). */
  rows: Array<{ line: number; cells: string[] }>;
  /** How rows are numbered in messages. */
  rowKind: 'line' | 'row' | 'feature';
}
