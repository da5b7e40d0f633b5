/**
 * Any ledger file → a Table: CSV/TSV (UTF-8, UTF-8 with BOM, or GBK/GB18030, detected), Excel .xlsx
 * (first or named sheet), or GeoJSON (Point features). Runs in the browser, in a Worker and in Node alike.
 */
import { geoJSONToWkt } from 'betterknown';
import type { Geometry } from 'geojson';
import readXlsxFile from 'read-excel-file/universal';
import { parseCsv } from '../core/csv.ts';
import type { Issue } from '../core/issues.ts';
import type { Table } from '../core/import/table.ts';

export const ENCODINGS = ['auto', 'utf-8', 'gb18030', 'utf-16le', 'utf-16be'] as const;
export type Encoding = (typeof ENCODINGS)[number];

export interface ReadOptions {
  encoding?: Encoding;
  /** Excel sheet name or 1-based number; default the first. */
  sheet?: string;
}

export interface ReadResult {
  table: Table | null;
  issues: Issue[];
  /** What was detected, for the preview. */
  format: 'csv' | 'tsv' | 'xlsx' | 'geojson' | 'unknown';
  encoding: Exclude<Encoding, 'auto'> | null;
  sheets: string[];
  /** The sheet read (a workbook's): the one asked for, else the first. */
  sheet?: string;
}

/**
 * More columns than any ledger has (the column step lists each one in every field's menu): refused with a
 * message rather than stalling the page on a 10,000-column file or a GeoJSON with 100,000 property names.
 */
export const MAX_COLUMNS = 500;

/** A zip archive (an .xlsx workbook) by its first bytes. */
export const isZip = (b: Uint8Array): boolean => b.length > 3 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** UTF-16 without a BOM: most bytes at odd (LE) or even (BE) places are 0, as in ASCII headers and numbers. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 2000) & ~1;
  if (n < 8) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

/**
 * UTF-16 when it has a BOM or looks like it (Excel's "Unicode Text" save: UTF-16LE, tab-separated, often .txt);
 * UTF-8 when the bytes are valid UTF-8 (BOM or not); else GB18030 (a superset of GBK, what Excel on Chinese
 * Windows writes).
 */
export function decodeText(bytes: Uint8Array, encoding: Encoding = 'auto'): { text: string; encoding: Exclude<Encoding, 'auto'> } {
  const bom16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  const chosen = encoding === 'auto' ? (bom16 ?? utf16WithoutBom(bytes)) : encoding;
  // TextDecoder drops a BOM of its own encoding.
  if (chosen && chosen !== 'utf-8' && chosen !== 'gb18030') return { text: new TextDecoder(chosen).decode(bytes), encoding: chosen };
  if (chosen === 'gb18030') return { text: new TextDecoder('gb18030').decode(bytes), encoding: chosen };
  if (chosen === 'utf-8') return { text: new TextDecoder('utf-8').decode(bytes), encoding: chosen };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v !== 'object') return String(v);
  // A nested value (an object or array in a GeoJSON property) as JSON; one nested deeper than the stack
  // allows (a hostile file) becomes a marker the row's checks then report, instead of a crash.
  try {
    return JSON.stringify(v);
  } catch {
    return '[nested too deeply to read]';
  }
}

function fromGeoJson(file: string, text: string, issues: Issue[]): Table | null {
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    issues.push({ file, message: `is not valid JSON (${(e as Error).message}); was the file cut short?`, severity: 'error' });
    return null;
  }
  const fc = json as { type?: unknown; features?: unknown };
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    issues.push({ file, message: 'must be a GeoJSON FeatureCollection of features (points, lines or areas)', severity: 'error' });
    return null;
  }
  const keys = new Set<string>();
  const read: Array<{ line: number; lon: string; lat: string; wkt: string; props: Record<string, unknown> }> = [];
  fc.features.forEach((f: { properties?: Record<string, unknown> | null; geometry?: { type?: string; coordinates?: unknown } | null }, i: number) => {
    const props = f?.properties ?? {};
    const g = f?.geometry;
    let lon = '';
    let lat = '';
    let wkt = '';
    if (g && g.type !== 'Point') {
      // A line or an area travels as WKT, read and checked with the rest of the row (import_table.ts).
      try {
        wkt = geoJSONToWkt(g as Geometry);
      } catch {
        wkt = String(g.type ?? 'geometry');
      }
    } else if (g) {
      const c = g.coordinates;
      if (!Array.isArray(c) || c.length < 2 || !c.slice(0, 2).every((x) => typeof x === 'number' && Number.isFinite(x))) {
        issues.push({ file, feature: i, field: 'geometry', message: 'coordinates must be [longitude, latitude] as finite numbers', severity: 'error' });
        return;
      }
      if (c.length > 2) issues.push({ file, feature: i, field: 'geometry', message: `has ${c.length} numbers; the altitude is ignored`, severity: 'warning' });
      lon = String(c[0]);
      lat = String(c[1]);
    }
    // A feature with no geometry (null) is a project with no location: kept, listed as not mapped.
    for (const k of Object.keys(props)) if (k !== 'lon' && k !== 'lat' && k !== 'geometry') keys.add(k);
    read.push({ line: i + 1, lon, lat, wkt, props });
  });
  // Too wide to be a ledger: say so before building features × keys cells (3,000 × 120,000 would not fit).
  if (keys.size + 3 > MAX_COLUMNS) return { file, header: ['lon', 'lat', 'geometry', ...keys], rowKind: 'feature', rows: [] };
  const header = [...keys];
  return {
    file,
    header: ['lon', 'lat', 'geometry', ...header],
    rowKind: 'feature',
    rows: read.map((r) => ({ line: r.line, cells: [r.lon, r.lat, r.wkt, ...header.map((k) => cellText(r.props[k]))] })),
  };
}

function fromCsvText(file: string, text: string, issues: Issue[], tsv: boolean): Table | null {
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0 || text.length);
  const delimiter = tsv || (firstLine.includes('\t') && !firstLine.includes(',')) ? '\t' : ',';
  const csv = parseCsv(text, delimiter);
  for (const p of csv.issues) issues.push({ file, row: p.line, message: p.message, severity: 'error' });
  const [head, ...rest] = csv.rows;
  if (!head) {
    issues.push({ file, message: 'the file is empty: expected a header row and one row per project', severity: 'error' });
    return null;
  }
  return { file, header: head.fields.map((h) => h.trim()), rows: rest.map((r) => ({ line: r.line, cells: r.fields })), rowKind: 'line' };
}

/**
 * A workbook's sheets, parsed once per file: reading each sheet of a 调度表 kept a sheet a month, or looking past a
 * 说明 sheet for the ledger, reads the same bytes again (a workbook of 200 sheets was parsed 200 times).
 */
const workbooks = new WeakMap<Uint8Array, ReturnType<typeof readXlsxFile>>();
function workbook(bytes: Uint8Array): ReturnType<typeof readXlsxFile> {
  let parsed = workbooks.get(bytes);
  if (!parsed) {
    parsed = readXlsxFile(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    workbooks.set(bytes, parsed);
  }
  return parsed;
}

/** Reads a ledger file's bytes. Never throws: what cannot be read is an issue naming the file. */
export async function readSource(file: string, bytes: Uint8Array, options: ReadOptions = {}): Promise<ReadResult> {
  const issues: Issue[] = [];
  const ext = /\.([a-z0-9]+)$/i.exec(file)?.[1]?.toLowerCase() ?? '';
  const result = (table: Table | null, format: ReadResult['format'], encoding: ReadResult['encoding'] = null, sheets: string[] = []): ReadResult => {
    if (table && table.header.length > MAX_COLUMNS) {
      const what = format === 'geojson' ? 'columns (coordinates and property names)' : 'columns';
      issues.push({ file, message: `has ${table.header.length.toLocaleString('en')} ${what}; a ledger has at most ${MAX_COLUMNS}: is this the right file (or sheet)?`, severity: 'error' });
      return { table: null, issues, format, encoding, sheets };
    }
    return { table, issues, format, encoding, sheets };
  };

  if (bytes.length === 0) {
    issues.push({ file, message: 'the file is empty', severity: 'error' });
    return result(null, 'unknown');
  }
  if (isZip(bytes) || ext === 'xlsx') {
    if (ext === 'xls') issues.push({ file, message: 'old .xls files are not read: save it as .xlsx or CSV', severity: 'error' });
    try {
      const sheets = await workbook(bytes);
      const names = sheets.map((s) => s.sheet);
      const chosen = options.sheet ? (sheets.find((s) => s.sheet === options.sheet) ?? sheets[Number(options.sheet) - 1]) : sheets[0];
      if (!chosen) {
        issues.push({ file, field: 'sheet', message: `no sheet '${options.sheet}'; the sheets are ${names.join(', ')}`, severity: 'error' });
        return result(null, 'xlsx', null, names);
      }
      const [head, ...rest] = chosen.data;
      if (!head) {
        issues.push({ file, message: `sheet '${chosen.sheet}' is empty`, severity: 'error' });
        return result(null, 'xlsx', null, names);
      }
      const table: Table = {
        file,
        header: head.map((c) => cellText(c).trim()),
        rows: rest.map((r, i) => ({ line: i + 2, cells: r.map(cellText) })).filter((r) => r.cells.some((c) => c !== '')),
        rowKind: 'row',
      };
      return { ...result(table, 'xlsx', null, names), sheet: chosen.sheet };
    } catch (e) {
      issues.push({ file, message: `is not a readable .xlsx workbook (${(e as Error).message})`, severity: 'error' });
      return result(null, 'xlsx');
    }
  }
  const { text, encoding } = decodeText(bytes, options.encoding);
  // Binary that is neither zip nor text has NUL bytes; text in another encoding has undecodable characters.
  if (text.includes('\u0000')) {
    issues.push({ file, message: 'is not a text, CSV, GeoJSON or .xlsx file (binary content)', severity: 'error' });
    return result(null, 'unknown', encoding);
  }
  if ((text.match(/\uFFFD/g) ?? []).length > Math.max(3, text.length * 0.02)) {
    issues.push({ file, message: `is not valid ${encoding} text: choose another encoding (${ENCODINGS.join(', ')})`, severity: 'error' });
    return result(null, 'unknown', encoding);
  }
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (ext === 'geojson' || ext === 'json' || trimmed.startsWith('{')) {
    return result(fromGeoJson(file, text, issues), 'geojson', encoding);
  }
  return result(fromCsvText(file, text, issues, ext === 'tsv'), ext === 'tsv' ? 'tsv' : 'csv', encoding);
}
