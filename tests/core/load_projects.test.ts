import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/core/issues.ts';
import { loadProjects } from '../../src/core/load_projects.ts';
import { fixture, LAYOUT } from '../helpers/fixtures.ts';
import { repoFile } from '../../scripts/repo.ts';

const FILE = 'tests/fixtures/projects_bad.csv';

describe('loadProjects on the shipped ledger', () => {
  it('reads every row of data/projects.csv with no issue', () => {
    const { file, text } = repoFile('data/projects.csv');
    const { value, issues } = loadProjects(file, text, LAYOUT.axisIds);
    expect(issues).toEqual([]);
    expect(value).toHaveLength(23);
  });

  it('keeps undisclosed investment as null, never 0', () => {
    const { value } = loadProjects('p.csv', repoFile('data/projects.csv').text, LAYOUT.axisIds);
    // The report names projects without amounts; only the press rows carry one.
    expect(value.filter((p) => p.source === 'erqi-2023-report').every((p) => p.investment_total_yi === null)).toBe(true);
    expect(value.some((p) => p.investment_total_yi === 0)).toBe(false);
  });
});

describe('loadProjects on bad rows', () => {
  const { value, issues } = loadProjects(FILE, fixture('projects_bad.csv'), LAYOUT.axisIds);
  const at = (row: number) => issues.filter((i) => i.row === row);

  it('keeps only the good rows and the first of a duplicate id', () => {
    expect(value.map((p) => p.id)).toEqual(['ok-1', 'dup']);
    expect(value[0]).toMatchObject({ axis_declared: 'songshan', investment_total_yi: 12.5, investment_2023_yi: null });
  });

  it.each([
    [4, 'id', /duplicate id 'dup' \(first used on line 3\)/],
    [5, 'axis_declared', /unknown axis '嵩山路'; use one of songshan, daxue, jingguang/],
    [6, 'status', /unknown status 'building'/],
    [7, 'investment_total_yi', /'约5亿' is not a number/],
    [8, 'investment_total_yi', /-3 is negative/],
    [9, 'investment_total_yi', /implausible/],
    [10, 'investment_total_yi', /'NaN' is not a number/],
    [11, 'source', /is required/],
    [13, 'as_of', /must be a date/],
    [14, 'id', /without spaces/],
  ])('line %i: %s — %s', (row, field, message) => {
    expect(at(row)).toEqual([expect.objectContaining({ file: FILE, row, field, severity: 'error', message: expect.stringMatching(message) })]);
  });

  it('names a row with the wrong number of fields', () => {
    expect(at(12)).toEqual([expect.objectContaining({ row: 12, message: expect.stringMatching(/has 3 fields, the header has 13/) })]);
  });

  it('leaves no bad row without an issue', () => {
    const rowsWithIssues = new Set(issues.map((i) => i.row));
    for (let line = 4; line <= 14; line++) expect(rowsWithIssues.has(line)).toBe(true);
  });

  it('formats an issue as file:row: field: message', () => {
    expect(formatIssue(at(6)[0]!)).toBe(`${FILE}:6: status: unknown status 'building'; use one of planned, negotiating, signed, started, under_construction, completed, operating`);
  });
});

describe('loadProjects on broken files', () => {
  it('reports an empty file', () => {
    expect(loadProjects('e.csv', '', LAYOUT.axisIds).issues).toEqual([expect.objectContaining({ file: 'e.csv', message: expect.stringMatching(/empty/) })]);
  });

  it('reports a header without rows', () => {
    const header = repoFile('data/projects.csv').text.split('\n')[0]!;
    expect(loadProjects('h.csv', header + '\n', LAYOUT.axisIds).issues).toEqual([expect.objectContaining({ row: 1, message: expect.stringMatching(/no project rows/) })]);
  });

  it('names every required column missing from the header', () => {
    const { issues, value } = loadProjects('m.csv', 'id,name_zh\nx,某\n', LAYOUT.axisIds);
    expect(value).toEqual([]);
    expect(issues.map((i) => i.field)).toEqual(['axis_declared', 'sector', 'status', 'investment_total_yi', 'address', 'source', 'as_of']);
  });

  it('warns about an unknown column but reads the rows', () => {
    const [header, good] = fixture('projects_bad.csv').split('\n');
    const { issues, value } = loadProjects('x.csv', `${header},extra\n${good},whatever\n`, LAYOUT.axisIds);
    expect(issues).toEqual([expect.objectContaining({ field: 'extra', severity: 'warning' })]);
    expect(value.map((p) => p.id)).toEqual(['ok-1']);
  });
});
