/**
 * CSV per RFC 4180: quoted fields with embedded commas, quotes ("") and newlines; CRLF, LF or CR line
 * ends; a UTF-8 byte-order mark is dropped. Lenient where a spreadsheet would be (a quote inside an
 * unquoted field is kept as text) and reports what it cannot read instead of throwing.
 */
export interface CsvRecord {
  /** 1-based line on which the record starts, as an editor shows it. */
  line: number;
  fields: string[];
}

export interface CsvResult {
  rows: CsvRecord[];
  issues: Array<{ line: number; message: string }>;
}

export function parseCsv(text: string, delimiter = ','): CsvResult {
  const rows: CsvRecord[] = [];
  const issues: CsvResult['issues'] = [];
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;

  while (i < n) {
    const record: string[] = [];
    const startLine = line;
    for (;;) {
      let field = '';
      if (text[i] === '"') {
        const quoteLine = line;
        i++;
        for (;;) {
          if (i >= n) {
            issues.push({ line: quoteLine, message: 'quoted field is never closed (a missing " ?)' });
            break;
          }
          const c = text[i]!;
          if (c === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
          field += c;
          i++;
        }
        // Text after the closing quote, before the delimiter: keep it, as spreadsheets do.
        while (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') field += text[i++];
      } else {
        while (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') field += text[i++];
      }
      record.push(field);
      if (i < n && text[i] === delimiter) {
        i++;
        continue;
      }
      break;
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    line++;
    // A blank line is not a record (a trailing newline at the end of the file is the usual case).
    if (!(record.length === 1 && record[0] === '')) rows.push({ line: startLine, fields: record });
  }
  return { rows, issues };
}

/** Quote a value for CSV output when it needs it. */
export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
