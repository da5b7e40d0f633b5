import type { Issue } from '../core/issues.ts';
import { guessMapping, isLedgerHeader, type ColumnMapping, type ImportNote } from '../core/import/columns.ts';
import type { Table } from '../core/import/table.ts';
import { shapeTable } from '../core/import/sheet_shape.ts';
import type { Anchor, Crs } from '../core/import/crs_check.ts';
import { importTable, type ValueChoices, type ImportResult } from '../core/import/import_table.ts';
import type { PreparedAxis } from '../core/placement.ts';
import { readSource, type ReadOptions, type ReadResult } from './read_source.ts';

export interface LedgerImport {
  read: ReadResult;
  mapping: ColumnMapping;
  result: ImportResult;
}

/** Bytes of any ledger file → projects, with every issue; `mapping` overrides the guessed columns. */
export async function importLedger(
  file: string,
  bytes: Uint8Array,
  options: ReadOptions & {
    crs?: Crs;
    mapping?: ColumnMapping;
    /** The map's axes: axis cells are read against them, and coordinates checked against their lines. */
    axes: readonly PreparedAxis[];
    anchors?: readonly Anchor[];
    onProgress?: (done: number, total: number) => void;
    /** What the user said unknown words mean (the dialog's value-mapping step). */
    values?: ValueChoices;
  },
): Promise<LedgerImport> {
  let source = await readSource(file, bytes, options);
  // A workbook whose first sheet is no ledger (a 说明 sheet): the first sheet that names its projects is read instead.
  const sheetNotes: ImportNote[] = [];
  if (!options.sheet && source.table && source.sheets.length > 1 && !namesProjects(source.table)) {
    for (const sheet of source.sheets.slice(1)) {
      const other = await readSource(file, bytes, { ...options, sheet });
      if (other.table && namesProjects(other.table)) {
        sheetNotes.push({ code: 'sheet-chosen', sheet, first: source.sheets[0]! });
        source = other;
        break;
      }
    }
  }
  if (!source.table) {
    return { read: source, mapping: {}, result: { projects: [], issues: source.issues, stats: { rows: 0, valid: 0, mapped: 0 }, crsSuggestion: null, notes: [] } };
  }
  // A title and a unit line above the header, 合计 and section rows among the projects: the table without them.
  const shaped = shapeTable(source.table, isLedgerHeader);
  const read: ReadResult = { ...source, table: shaped.table };
  const guessed = guessMapping(shaped.table.header, shaped.unit);
  const mapping = options.mapping ?? guessed.mapping;
  const result = importTable(shaped.table, mapping, {
    crs: options.crs ?? 'wgs84',
    defaultSource: `import: ${file.split(/[\\/]/).pop()}`,
    ...(shaped.asOf ? { defaultAsOf: shaped.asOf } : {}),
    axisNames: options.axes.map((a) => ({ id: a.id, name_zh: a.feature.properties.name_zh, name_en: a.feature.properties.name_en })),
    axes: options.axes,
    ...(options.anchors ? { anchors: options.anchors } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.values ? { values: options.values } : {}),
  });
  // The rows set aside (合计) among the rows' own remarks, in row order as the file has them.
  const byRow = (i: Issue) => i.row ?? i.feature ?? 0;
  const issues: Issue[] = [...read.issues, ...(shaped.issues.length ? [...shaped.issues, ...result.issues].sort((a, b) => byRow(a) - byRow(b)) : result.issues)];
  return { read, mapping, result: { ...result, issues, notes: [...sheetNotes, ...shaped.notes, ...(options.mapping ? [] : guessed.notes), ...result.notes] } };
}

/** Does this sheet have a column of project names (under any title)? */
const namesProjects = (table: Table): boolean => guessMapping(shapeTable(table, isLedgerHeader).table.header).mapping.name_zh !== undefined;

/** Known places to check coordinates against: a bundle's located projects and landmarks. */
export function anchorsOf(bundle: { projects: ReadonlyArray<{ name_zh: string; site: { lon: number; lat: number } | null }>; landmarks: { features: ReadonlyArray<{ properties: unknown; geometry: unknown }> } }): Anchor[] {
  return [
    ...bundle.projects.flatMap((p) => (p.site ? [{ name: p.name_zh, lon: p.site.lon, lat: p.site.lat }] : [])),
    ...bundle.landmarks.features.map((f) => {
      const c = (f.geometry as { coordinates: number[] }).coordinates;
      return { name: String((f.properties as Record<string, unknown>)['name_zh'] ?? ''), lon: c[0]!, lat: c[1]! };
    }),
  ];
}
