import { describe, expect, it } from 'vitest';
import { AXIS_NAMES, LAYOUT } from '../helpers/fixtures.ts';
import { projectsToCsv } from '../../src/core/export.ts';
import { guessMapping } from '../../src/core/import/columns.ts';
import { importTable } from '../../src/core/import/import_table.ts';
import { loadProjects } from '../../src/core/load_projects.ts';
import { LEDGER_COLUMNS, PROJECT_COLUMNS, type ColumnKind, type LedgerColumn, type Project } from '../../src/core/project_schema.ts';
import type { Placement } from '../../src/core/placement.ts';

/** A cell a Chinese ledger might hold for each kind of column, and what it reads as. */
const CELLS: Record<ColumnKind, [string, unknown]> = {
  id: ['P-001', 'P-001'],
  name: ['示例项目', '示例项目'],
  text: ['示例文字', '示例文字'],
  amount: ['12.5', 12.5],
  axis: ['嵩山路科创产业发展轴', 'songshan'],
  sector: ['医药健康', 'health'],
  status: ['在建', 'under_construction'],
  date: ['2023年12月', '2023-12'],
  source: ['某某日报 2024-01-02', '某某日报 2024-01-02'],
};
const NO_PLACEMENT: Placement = { distances_m: null, zone: null } as unknown as Placement;

describe('the ledger column table', () => {
  describe.each(PROJECT_COLUMNS)('%s', (c: LedgerColumn) => {
    const spec = LEDGER_COLUMNS[c];
    const expected = CELLS[spec.kind][1];
    // Every other column filled with a valid value of its kind, so the row passes.
    const row: Record<string, string> = Object.fromEntries(PROJECT_COLUMNS.map((k) => [k, CELLS[LEDGER_COLUMNS[k].kind][0]]));

    it('is found under each of its import headers, Chinese and English', () => {
      for (const alias of spec.aliases) expect(guessMapping(['无关列', alias]).mapping[c], alias).toMatchObject({ column: 1 });
    });

    it('is found under its own labels, as the CSV export in words writes them', () => {
      for (const label of [spec.label.zh, spec.label.en]) expect(guessMapping(['无关列', label]).mapping[c], label).toMatchObject({ column: 1 });
    });

    it('is read from an imported ledger by its kind', () => {
      const header = PROJECT_COLUMNS.map((k) => LEDGER_COLUMNS[k].aliases.at(-1)!);
      const { mapping } = guessMapping(header);
      const r = importTable({ file: 'x.csv', header, rows: [{ line: 2, cells: PROJECT_COLUMNS.map((k) => row[k]!) }], rowKind: 'line' }, mapping, { crs: 'wgs84', defaultSource: 'x.csv', axisNames: AXIS_NAMES });
      expect(r.issues).toEqual([]);
      expect((r.projects[0] as unknown as Record<string, unknown>)[c]).toEqual(expected);
    });

    it('is a column of data/projects.csv and of the CSV export, in table order', () => {
      const csvRow: Record<string, string> = { ...row, axis_declared: 'songshan', sector: 'health', status: 'under_construction', as_of: '2023-12' };
      const text = `${PROJECT_COLUMNS.join(',')}\n${PROJECT_COLUMNS.map((k) => csvRow[k]).join(',')}\n`;
      const loaded = loadProjects('projects.csv', text, LAYOUT.axisIds);
      expect(loaded.issues).toEqual([]);
      expect((loaded.value[0] as unknown as Record<string, unknown>)[c]).toEqual(expected);
      const exported = projectsToCsv([{ ...(loaded.value[0] as Project), site: null }], [NO_PLACEMENT], 500, LAYOUT.axisIds);
      const [head, body] = exported.slice(1).split('\r\n');
      expect(head!.split(',').slice(0, PROJECT_COLUMNS.length)).toEqual(PROJECT_COLUMNS);
      expect(body!.split(',')[PROJECT_COLUMNS.indexOf(c)]).toBe(String(expected));
    });

    if (spec.kind === 'text' || spec.kind === 'name' || spec.kind === 'source' || spec.kind === 'id') {
      it('refuses an over-long cell (a pasted blob) with the row and field named', () => {
        for (const size of [128 * 1024, 1024 * 1024]) {
          const long = 'A'.repeat(size);
          const r = importTable({ file: 'x.csv', header: [...PROJECT_COLUMNS], rows: [{ line: 7, cells: PROJECT_COLUMNS.map((k) => (k === c ? long : row[k]!)) }], rowKind: 'line' }, guessMapping([...PROJECT_COLUMNS]).mapping, { crs: 'wgs84', defaultSource: 'x.csv', axisNames: AXIS_NAMES });
          expect(r.projects).toEqual([]);
          expect(r.issues).toEqual([expect.objectContaining({ file: 'x.csv', row: 7, field: c, severity: 'error' })]);
          expect(r.issues[0]!.message).toMatch(new RegExp(`is ${size.toLocaleString('en')} characters long; at most`));
        }
      });
    }
  });
});
