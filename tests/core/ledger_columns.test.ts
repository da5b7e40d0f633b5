import { describe, expect, it } from 'vitest';
import { AXIS_NAMES, LAYOUT } from '../helpers/fixtures.ts';
import { projectsToCsv } from '../../src/core/export.ts';
import { guessMapping } from '../../src/core/import/columns.ts';
import { importTable } from '../../src/core/import/import_table.ts';
import { loadProjects } from '../../src/core/load_projects.ts';
import { LEDGER_COLUMNS, PROJECT_COLUMNS, type ColumnKind, type LedgerColumn, type Project } from '../../src/core/project_schema.ts';
import { Placements } from '../../src/core/placement.ts';

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
/** One project, not mapped. */
const NO_PLACEMENT = Placements.empty(1, LAYOUT.axisIds.length, LAYOUT.zoneIds, false);

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
      const exported = projectsToCsv([{ ...(loaded.value[0] as Project), site: null }], NO_PLACEMENT, 500, LAYOUT.axisIds);
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

describe('quickProjectRow, the row check written out by hand', () => {
  it('accepts exactly the rows projectRow accepts, with the same values (and leaves the rest to it)', async () => {
    const fc = await import('fast-check');
    const { projectRow, quickProjectRow } = await import('../../src/core/project_schema.ts');
    const { SECTORS, STATUSES } = await import('../../src/core/model.ts');
    const ids = LAYOUT.axisIds;
    const zod = projectRow(ids);
    const quick = quickProjectRow(ids);
    const long = (kind: ColumnKind, column: LedgerColumn) => {
      const max = (LEDGER_COLUMNS[column] as { maxLength?: number }).maxLength ?? 10;
      return ['x'.repeat(max), 'x'.repeat(max + 1), ` ${'y'.repeat(max)} `, kind];
    };
    // Per kind, cells that pass and cells that fail each rule, blanks and spaces around them.
    const pool: Record<ColumnKind, string[]> = {
      id: ['p-1', ' p-2 ', 'a b', 'a,b', 'x/y', '项目1', '#1', 'q'.repeat(64), 'q'.repeat(65)],
      name: ['泰和里', '  ', 'Name'],
      source: ['https://example.org', '二七区报道'],
      text: ['note', '  ', '地址'],
      amount: ['5', '12.5', ' 3 ', '-1', '1e3', '1e5', '10000', '10000.1', 'abc', '.5', '5.', '+2', '1e400', 'NaN', '0'],
      axis: [...ids, 'nowhere', ` ${ids[0]} `],
      sector: [...SECTORS, 'unknownsector', ` ${SECTORS[0]} `],
      status: [...STATUSES, 'done', 'bogus', ` ${STATUSES[0]} `],
      date: ['2023', '2023-12', '2023-12-31', '2023-1', '23-12', ' 2023-11 ', '2023/12'],
    };
    const cell = (column: LedgerColumn) => {
      const kind = LEDGER_COLUMNS[column].kind;
      return fc.oneof(fc.constantFrom(...pool[kind], ...long(kind, column), '', '   '), fc.constant(undefined), fc.string({ maxLength: 8 }));
    };
    const row = fc.record(Object.fromEntries(PROJECT_COLUMNS.map((c) => [c, cell(c)])) as Record<LedgerColumn, ReturnType<typeof cell>>);
    let accepted = 0;
    fc.assert(
      fc.property(row, (raw) => {
        const bare = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined));
        const expected = zod.safeParse(bare);
        const got = quick(bare);
        if (got) accepted++;
        expect(got !== null).toBe(expected.success);
        if (got && expected.success) expect(got).toEqual(expected.data);
      }),
      { numRuns: 3000, seed: 20261127 },
    );
    // Rows of valid cells only: most are accepted, so the values are compared too.
    const valid = fc.record(Object.fromEntries(PROJECT_COLUMNS.map((c) => {
      const kind = LEDGER_COLUMNS[c].kind;
      const good = { id: ['p-1', ' p-2 '], name: ['泰和里'], source: ['二七区报道'], text: ['note', ''], amount: ['5', ' 1e3 ', '', '0'], axis: [...ids, ''], sector: [...SECTORS, ''], status: [...STATUSES, ''], date: ['2023-12', ''] }[kind];
      return [c, fc.constantFrom(...good)];
    })));
    fc.assert(
      fc.property(valid, (raw) => {
        const expected = zod.safeParse(raw);
        expect(expected.success).toBe(true);
        expect(quick(raw)).toEqual(expected.success ? expected.data : null);
        accepted++;
      }),
      { numRuns: 300, seed: 1 },
    );
    expect(accepted).toBeGreaterThan(300);
  });
});
