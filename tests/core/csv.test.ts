import { describe, expect, it } from 'vitest';
import { csvCell, parseCsv } from '../../src/core/csv.ts';
import { fixture } from '../helpers/fixtures.ts';

describe('parseCsv', () => {
  it('reads quoted commas, doubled quotes, embedded CRLF and drops the BOM', () => {
    const { rows, issues } = parseCsv(fixture('quoted_crlf_bom.csv'));
    expect(issues).toEqual([]);
    expect(rows.map((r) => r.fields)).toEqual([
      ['id', 'name', 'note'],
      ['1', 'Zhengzhou, Henan', 'said "hi"'],
      ['2', 'two\r\nlines', 'x'],
      ['3', 'plain', ''],
    ]);
  });

  it('numbers each record by the line it starts on, counting embedded newlines and blank lines', () => {
    const { rows } = parseCsv(fixture('quoted_crlf_bom.csv'));
    expect(rows.map((r) => r.line)).toEqual([1, 2, 3, 6]);
  });

  it('treats LF, CRLF and bare CR line ends alike', () => {
    const expected = [['a', 'b'], ['1', '2']];
    for (const text of ['a,b\n1,2\n', 'a,b\r\n1,2\r\n', 'a,b\r1,2\r', 'a,b\n1,2']) {
      expect(parseCsv(text).rows.map((r) => r.fields)).toEqual(expected);
    }
  });

  it('reports a quote that is never closed, with the line it opened on', () => {
    const { rows, issues } = parseCsv('a,b\n1,"open\n2,3\n');
    expect(issues).toEqual([{ line: 2, message: expect.stringContaining('never closed') }]);
    expect(rows).toHaveLength(2);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(parseCsv('a,,c,\n').rows[0]!.fields).toEqual(['a', '', 'c', '']);
  });

  it('reads tab-separated text with another delimiter', () => {
    expect(parseCsv('a\tb,c\n', '\t').rows[0]!.fields).toEqual(['a', 'b,c']);
  });
});

describe('csvCell', () => {
  it('quotes only what needs quoting, and round-trips through parseCsv', () => {
    const values = ['plain', 'a,b', 'say "x"', 'two\nlines', ''];
    expect(values.map(csvCell)).toEqual(['plain', '"a,b"', '"say ""x"""', '"two\nlines"', '']);
    expect(parseCsv(values.map(csvCell).join(',')).rows[0]!.fields).toEqual(values);
  });
});
