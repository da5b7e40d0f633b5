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
  const DELIM = delimiter.charCodeAt(0);
  const QUOTE = 34;
  const LF = 10;
  const CR = 13;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  /** Newlines in text[from, to), for line numbers across quoted fields. */
  const countLines = (from: number, to: number) => {
    for (let k = from; k < to; k++) {
      const c = text.charCodeAt(k);
      if (c === LF || (c === CR && text.charCodeAt(k + 1) !== LF)) line++;
    }
  };

  while (i < n) {
    const record: string[] = [];
    const startLine = line;
    for (;;) {
      let field: string;
      if (text.charCodeAt(i) === QUOTE) {
        // Quoted: slices between quotes, "" standing for one quote. Slicing, not adding characters one by
        // one, keeps a 50 MB file from making millions of short-lived strings.
        const quoteLine = line;
        const parts: string[] = [];
        let from = i + 1;
        for (;;) {
          const q = text.indexOf('"', from);
          if (q < 0) {
            parts.push(text.slice(from));
            countLines(from, n);
            i = n;
            issues.push({ line: quoteLine, message: 'quoted field is never closed (a missing " ?)' });
            break;
          }
          parts.push(text.slice(from, q));
          countLines(from, q);
          if (text.charCodeAt(q + 1) === QUOTE) {
            parts.push('"');
            from = q + 2;
            continue;
          }
          i = q + 1;
          break;
        }
        field = parts.length === 1 ? parts[0]! : parts.join('');
        // Text after the closing quote, before the delimiter: keep it, as spreadsheets do.
        const rest = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === DELIM || c === LF || c === CR) break;
          i++;
        }
        if (i > rest) field += text.slice(rest, i);
      } else {
        const from = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === DELIM || c === LF || c === CR) break;
          i++;
        }
        field = text.slice(from, i);
      }
      record.push(field);
      if (i < n && text.charCodeAt(i) === DELIM) {
        i++;
        continue;
      }
      break;
    }
    if (text.charCodeAt(i) === CR) i++;
    if (text.charCodeAt(i) === LF) i++;
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

/** A ledger file's cell: empty for null, the value's own text otherwise, quoted when it needs it. */
export const csvValue = (v: unknown): string => (v === null || v === undefined ? '' : csvCell(String(v)));
