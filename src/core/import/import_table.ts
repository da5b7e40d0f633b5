import type { Geometry } from 'geojson';
import { wktToGeoJSON } from 'betterknown';
import { checkPosition } from '../bounds.ts';
import { checkSiteGeometry, representativePoint, type GeometryCheck, type SiteGeometry } from '../site_geometry.ts';
import type { Issue } from '../issues.ts';
import type { MappedProject } from '../model.ts';
import type { PreparedAxis } from '../placement.ts';
import { LEDGER_COLUMNS, PROJECT_COLUMNS, projectRow, quickProjectRow, type ColumnKind, type LedgerColumn } from '../project_schema.ts';
import type { ColumnMapping, ImportField, ImportNote } from './columns.ts';
import { suggestCrs, toWgs84, type Anchor, type Crs, type CrsSuggestion, type PointToCheck } from './crs_check.ts';
import { looksProjected, projectionOf } from './gauss_kruger.ts';
import { ZHENGZHOU_BOUNDS } from '../bounds.ts';

/** How a file's projected coordinates are read (gauss_kruger.ts). */
type ProjectionReading = NonNullable<ReturnType<typeof projectionOf>>;
import type { Table } from './table.ts';
import { amountText, axisFromText, cleanNumber, coordinatePair, degreesText, sectorFromText, statusFromText, type AxisName } from './values.ts';

export interface ImportOptions {
  crs: Crs;
  /** Used as `source` where the file has no source column or an empty cell: the file itself is the source. */
  defaultSource: string;
  /** Used as `as_of` where the file has no date column or an empty cell: the date its title gives (截至 2023年12月). */
  defaultAsOf?: string;
  /** Called every few thousand rows with (rows done, rows in all), for a progress bar. */
  onProgress?: (done: number, total: number) => void;
  /** The map's axes (the layout, geo/axes.geojson): an axis cell is read against their ids and names. */
  axisNames: readonly AxisName[];
  /** For the coordinate-system check (both optional; without them it is skipped). */
  axes?: readonly PreparedAxis[];
  anchors?: readonly Anchor[];
  /** What the user said an unknown word means (the import's value-mapping step): an id, or '' for 未公开. */
  values?: ValueChoices;
}

/** Column kinds whose cells are words from a fixed list (statuses, sectors, axes). */
export type EnumKind = 'status' | 'sector' | 'axis';
/** Per kind, a cell's text → the id it stands for ('' keeps it undisclosed). */
export type ValueChoices = Partial<Record<EnumKind, Record<string, string>>>;

export interface ImportResult {
  projects: MappedProject[];
  issues: Issue[];
  stats: { rows: number; valid: number; mapped: number };
  crsSuggestion: CrsSuggestion | null;
  /** Remarks about the reading itself (ids made from row numbers, units assumed). */
  notes: ImportNote[];
  /** Words no list knows, by kind, with how many rows use each: the value-mapping step offers to say what they mean. */
  unknown?: Array<{ kind: EnumKind; text: string; rows: number }>;
}

/** Column kinds whose unknown words leave the value undisclosed rather than the row out. */
const ENUM_KINDS: ReadonlySet<ColumnKind | undefined> = new Set(['axis', 'sector', 'status']);

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** "2023/12", "2023年12月", "2023.12.31", "2023年12月31日" → "2023-12", "2023-12", "2023-12-31", "2023-12-31". */
function normaliseDate(text: string): string {
  const m = /^(\d{4})[-/.年](\d{1,2})月?(?:[-/.](\d{1,2})|(\d{1,2})日)?$/.exec(text.trim()) ?? /^(\d{4})年?$/.exec(text.trim());
  if (!m) return text;
  return [m[1], m[2]?.padStart(2, '0'), (m[3] ?? m[4])?.padStart(2, '0')].filter(Boolean).join('-');
}

const mappedOrRaw = <T>(text: string, fn: (s: string) => T | null): string => (text ? (fn(text) as string | null) ?? text : '');

/**
 * A WKT cell (POINT, LINESTRING, POLYGON or a MULTI form; EWKT's SRID=4326; prefix is fine) → a site geometry in
 * WGS84, every vertex converted from `crs` and checked like geo/sites.geojson's. `raw`: its first position as
 * written, for the coordinate-system check.
 */
function readWkt(
  text: string,
  crs: Crs,
  /** The file's projection so far (metres), and where to keep the one a first projected geometry gives. */
  projection: () => ProjectionReading | null,
  found: (p: ProjectionReading) => void,
): GeometryCheck & { raw: [number, number] } {
  let parsed: Geometry | null;
  try {
    parsed = wktToGeoJSON(text.trim());
  } catch {
    return { geometry: null, errors: [`'${text.length > 60 ? `${text.slice(0, 60)}…` : text}' is not WKT: write e.g. LINESTRING (113.63 34.72, 113.64 34.73)`], warnings: [], raw: [NaN, NaN] };
  }
  if (!parsed) return { geometry: null, errors: ['is an EMPTY geometry: leave the cell blank for a project with no location'], warnings: [], raw: [NaN, NaN] };
  const first = firstPosition(parsed);
  // A 红线范围 from a land office is in metres: its vertices read in the projection its first vertex fits (its own:
  // WKT is easting first where a sheet's X and Y columns may be the other way round).
  const projected = looksProjected(first[0], first[1]) ? projectionOf(first[0], first[1], ZHENGZHOU_BOUNDS) : null;
  if (projected) {
    if (!projection()) found(projected);
    return { ...checkSiteGeometry(mapPositions(parsed, (p) => projected.toLonLat(p[0]!, p[1]!))), raw: [NaN, NaN] };
  }
  const convert = (p: number[]): number[] => toWgs84(p[0]!, p[1]!, crs);
  const converted = mapPositions(parsed, convert);
  return { ...checkSiteGeometry(converted), raw: first };
}

const firstPosition = (g: Geometry): [number, number] => {
  let c: unknown = 'coordinates' in g ? g.coordinates : [];
  while (Array.isArray(c) && Array.isArray(c[0])) c = c[0];
  return Array.isArray(c) ? [Number(c[0]), Number(c[1])] : [NaN, NaN];
};

/** The geometry with each [lon, lat, …] position passed through `f` (other nesting kept as it is). */
function mapPositions(g: Geometry, f: (p: number[]) => number[]): unknown {
  const walk = (c: unknown): unknown => (Array.isArray(c) && typeof c[0] === 'number' ? f(c as number[]) : Array.isArray(c) ? c.map(walk) : c);
  return 'coordinates' in g ? { type: g.type, coordinates: walk(g.coordinates) } : g;
}

/** What reading a cell needs besides its text: the row, the column's unit factor, the defaults and the user's answers. */
interface CellContext {
  line: number;
  factor: number;
  defaultSource: string;
  defaultAsOf: string;
  axes: readonly AxisName[];
  values?: ValueChoices;
}

/** A cell of any ledger → the text the row schema reads, by the column's kind: Chinese words to ids, units to 亿元. */
function readCell(kind: ColumnKind, text: string, at: CellContext): string {
  const chosen = (kind === 'status' || kind === 'sector' || kind === 'axis') && text ? at.values?.[kind]?.[text] : undefined;
  if (chosen !== undefined) return chosen;
  switch (kind) {
    case 'id':
      return text || `row-${at.line}`;
    case 'amount':
      return amountText(text, at.factor).text;
    case 'axis':
      return mappedOrRaw(text, (s) => axisFromText(s, at.axes));
    case 'sector':
      return mappedOrRaw(text, sectorFromText);
    case 'status':
      return mappedOrRaw(text, statusFromText);
    case 'date':
      return text ? normaliseDate(text) : at.defaultAsOf;
    case 'source':
      return text || at.defaultSource;
    case 'name':
    case 'text':
      return text;
  }
}

/**
 * Rows of any ledger → validated projects. Every problem is an issue naming the file, row, column and what is
 * wrong; a bad row is left out, never silently. Coordinates are converted from `crs` to WGS84 and checked.
 */
export function importTable(table: Table, mapping: ColumnMapping, options: ImportOptions): ImportResult {
  const issues: Issue[] = [];
  const notes: ImportNote[] = [];
  const projects: MappedProject[] = [];
  const rawPoints: PointToCheck[] = [];
  const where = (line: number) => (table.rowKind === 'feature' ? { feature: line - 1 } : { row: line });
  const label = (field: ImportField) => {
    const c = mapping[field];
    return c ? `${table.header[c.column] ?? field}` : field;
  };
  if (!mapping.name_zh) issues.push({ file: table.file, field: 'name_zh', message: 'no column holds the project name (项目名称): choose one', severity: 'error' });
  if (!mapping.id) notes.push({ code: 'no-id-column' });
  /** The projection of the file's projected coordinates (metres), read from the first pair and kept for the rest. */
  let projected: ProjectionReading | null = null;
  /** The projection of the longitude and latitude columns' pairs (their order is theirs, not a geometry's). */
  let pointReading: ProjectionReading | null = null;
  if (!table.rows.length) issues.push({ file: table.file, message: 'has a header but no rows', severity: 'error' });
  if (issues.length) return { projects, issues, stats: { rows: table.rows.length, valid: 0, mapped: 0 }, crsSuggestion: null, notes };

  const ProjectRow = projectRow(options.axisNames.map((a) => a.id));
  const quickRow = quickProjectRow(options.axisNames.map((a) => a.id));
  const crsName = options.crs.toUpperCase();
  /** A row's site, its evidence the file and row (written out, not spread: this runs for every row). */
  const siteAt = (id: string, line: number, lon: number, lat: number, address: string, geometry?: SiteGeometry): NonNullable<MappedProject['site']> => {
    const evidence = `${table.file} ${table.rowKind} ${line} (${crsName})`;
    const place = address || null;
    if (table.rowKind === 'feature') {
      return geometry
        ? { project_id: id, feature: line - 1, geometry, lon, lat, accuracy_m: null, place, confidence: null, evidence }
        : { project_id: id, feature: line - 1, lon, lat, accuracy_m: null, place, confidence: null, evidence };
    }
    return geometry
      ? { project_id: id, feature: line - 1, row: line, geometry, lon, lat, accuracy_m: null, place, confidence: null, evidence }
      : { project_id: id, feature: line - 1, row: line, lon, lat, accuracy_m: null, place, confidence: null, evidence };
  };
  const firstLine = new Map<string, number>();
  /** Unknown words by kind and text (a NUL between: neither holds one), counted by row. */
  const unknown = new Map<string, number>();
  // What reading a cell needs, made once (at 100,000 rows, an object per cell was most of the import's garbage).
  const readers = PROJECT_COLUMNS.map((column) => ({ column, kind: LEDGER_COLUMNS[column].kind, factor: mapping[column]?.factor ?? 1 }));
  const at: CellContext = { line: 0, factor: 1, defaultSource: options.defaultSource, defaultAsOf: options.defaultAsOf ?? '', axes: options.axisNames, ...(options.values ? { values: options.values } : {}) };
  /** The row being read's cells; `cell` reads them (one function for every row, not a closure per row). */
  let cells: readonly string[] = [];
  const cell = (field: ImportField): string => {
    const c = mapping[field];
    return c ? (cells[c.column] ?? '').trim() : '';
  };
  for (let index = 0; index < table.rows.length; index++) {
    const { line } = table.rows[index]!;
    cells = table.rows[index]!.cells;
    if (options.onProgress && index % 5000 === 0) options.onProgress(index, table.rows.length);
    // Fewer cells than columns is normal (spreadsheets drop trailing blanks); more means a stray delimiter.
    if (cells.length > table.header.length) {
      issues.push({ file: table.file, ...where(line), message: `has ${cells.length} fields, the header has ${table.header.length} (an unquoted comma?)`, severity: 'error' });
      continue;
    }
    // 合计 and section rows were set aside with the sheet's title (sheet_shape.ts, before this).
    // Every ledger column, read by its kind (project_schema.ts): nothing here names a column.
    at.line = line;
    const raw = {} as Record<LedgerColumn, string>;
    for (const { column, kind, factor } of readers) {
      at.factor = factor;
      raw[column] = readCell(kind, cell(column), at);
      // 约5亿元: the row is kept, the amount not disclosed (an exact figure would claim more than the source), and said.
      if (kind === 'amount' && !raw[column] && amountText(cell(column), factor).approximate) {
        issues.push({ file: table.file, ...where(line), field: label(column), message: `'${cell(column)}' is approximate: kept as not disclosed (未公开)`, severity: 'warning' });
      }
    }
    const quick = quickRow(raw);
    let parsed = quick ? { success: true as const, data: quick } : ProjectRow.safeParse(raw);
    // A word the ledger uses that we do not know (新建, 其他…) leaves that field undisclosed, not the row out.
    if (!parsed.success && parsed.error.issues.every((e) => ENUM_KINDS.has(LEDGER_COLUMNS[e.path[0] as LedgerColumn]?.kind))) {
      for (const e of parsed.error.issues) {
        const field = e.path[0] as LedgerColumn;
        issues.push({ file: table.file, ...where(line), field: label(field), message: `'${cell(field)}' is not a known ${LEDGER_COLUMNS[field].kind}: kept as not disclosed (未公开)`, severity: 'warning' });
        const key = `${LEDGER_COLUMNS[field].kind}\u0000${cell(field)}`;
        unknown.set(key, (unknown.get(key) ?? 0) + 1);
        raw[field] = '';
      }
      parsed = ProjectRow.safeParse(raw);
    }
    let bad = false;
    if (!parsed.success) {
      bad = true;
      for (const e of parsed.error.issues) {
        const field = String(e.path[0] ?? '') as ImportField;
        issues.push({ file: table.file, ...where(line), field: label(field), message: e.message, severity: 'error' });
      }
    }
    // A site: a WKT geometry (a line, an area, a point), else longitude and latitude (both or neither).
    const wktText = cell('wkt');
    // Longitude and latitude in their columns, else both in one (113.623823,34.68865 as a map picker copies it).
    const pairText = cell('lon') || cell('lat') ? '' : cell('lonlat');
    const pair = pairText ? coordinatePair(pairText) : null;
    if (pairText && !pair && !wktText) {
      bad = true;
      issues.push({ file: table.file, ...where(line), field: label('lonlat'), message: `'${pairText}' is not a longitude and latitude: write two decimal degrees, e.g. 113.6238,34.6887`, severity: 'error' });
    }
    // Degrees as tables write them too (东经113°37′26″): decimal degrees for the checks below.
    const lonText = pair ? pair.first : degreesText(cleanNumber(cell('lon')));
    const latText = pair ? pair.second : degreesText(cleanNumber(cell('lat')));
    const where2 = pair ? label('lonlat') : `${label('lon')}/${label('lat')}`;
    let site: MappedProject['site'] = null;
    if (wktText) {
      const read = readWkt(wktText, options.crs, () => projected, (p) => (projected = p));
      for (const message of read.warnings) issues.push({ file: table.file, ...where(line), field: label('wkt'), message, severity: 'warning' });
      if (!read.geometry) {
        bad = true;
        for (const message of read.errors) issues.push({ file: table.file, ...where(line), field: label('wkt'), message, severity: 'error' });
      } else {
        const [lon, lat] = representativePoint(read.geometry);
        rawPoints.push({ lon: read.raw[0], lat: read.raw[1], name: raw.name_zh, address: raw.address });
        site = siteAt(raw.id, line, lon, lat, raw.address, read.geometry.type === 'Point' ? undefined : read.geometry);
      }
    } else if (lonText || latText) {
      if (!NUMBER.test(lonText) || !NUMBER.test(latText)) {
        bad = true;
        const which = !NUMBER.test(lonText) ? 'lon' : 'lat';
        issues.push({ file: table.file, ...where(line), field: label(which), message: `'${cell(which)}' is not a coordinate: write decimal degrees, or leave both longitude and latitude empty`, severity: 'error' });
      } else if (looksProjected(Number(lonText), Number(latText)) && (pointReading ??= projectionOf(Number(lonText), Number(latText), ZHENGZHOU_BOUNDS))) {
        // Metres of a Gauss–Krüger projection (a drawing's or a land office's): read in the projection the file's
        // first such pair fits (the columns' order with it), said once for the file; a pair it does not put in
        // Zhengzhou is named with where it would be.
        projected ??= pointReading;
        const [lon, lat] = pointReading.toLonLat(Number(lonText), Number(latText));
        const problem = checkPosition(lon, lat);
        if (problem) {
          bad = true;
          issues.push({ file: table.file, ...where(line), field: where2, message: problem, severity: 'error' });
        } else site = siteAt(raw.id, line, lon, lat, raw.address);
      } else {
        let x = Number(lonText);
        let y = Number(latText);
        let [lon, lat] = toWgs84(x, y, options.crs);
        let problem = checkPosition(lon, lat);
        // Latitude in the longitude column and the other way round: read them the right way, and say so.
        if (problem) {
          const swapped = toWgs84(y, x, options.crs);
          if (!checkPosition(...swapped)) {
            issues.push({ file: table.file, ...where(line), field: where2, message: `longitude ${x} and latitude ${y} look swapped: read as longitude ${y}, latitude ${x}`, severity: 'warning' });
            [x, y] = [y, x];
            [lon, lat] = swapped;
            problem = null;
          }
        }
        if (problem) {
          bad = true;
          issues.push({ file: table.file, ...where(line), field: where2, message: problem, severity: 'error' });
        } else {
          rawPoints.push({ lon: x, lat: y, name: raw.name_zh, address: raw.address });
          site = siteAt(raw.id, line, lon, lat, raw.address);
        }
      }
    }
    if (bad || !parsed.success) continue;
    const seen = firstLine.get(parsed.data.id);
    if (seen !== undefined) {
      issues.push({ file: table.file, ...where(line), field: label('id'), message: `duplicate id '${parsed.data.id}' (first on ${table.rowKind} ${seen})`, severity: 'error' });
      continue;
    }
    firstLine.set(parsed.data.id, line);
    // The row's object is new (zod's or quickProjectRow's): the site joins it rather than a copy of it.
    const project = parsed.data as MappedProject;
    project.site = site;
    projects.push(project);
  }
  const crsSuggestion = options.axes || options.anchors ? suggestCrs(rawPoints, options.crs, options.anchors ?? [], options.axes ?? []) : null;
  if (projected) notes.push({ code: 'projected', projection: projected.projection, northingFirst: projected.northingFirst });
  return {
    projects,
    issues,
    stats: { rows: table.rows.length, valid: projects.length, mapped: projects.filter((p) => p.site).length },
    crsSuggestion,
    notes,
    unknown: [...unknown].map(([key, rows]) => {
      const [kind, text] = key.split('\u0000') as [EnumKind, string];
      return { kind, text, rows };
    }),
  };
}
