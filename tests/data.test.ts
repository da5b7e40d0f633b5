/** The shipped data tells the truth: every reported figure is in the report, every site has its evidence. */
import { describe, expect, it } from 'vitest';
import { loadReported } from '../src/core/load_reported.ts';
import { repoFile } from '../scripts/repo.ts';
import { LAYOUT } from './helpers/fixtures.ts';

const reported = loadReported('data/reported.json', repoFile('data/reported.json').text, LAYOUT.axisIds);
const report = repoFile('data/report_2023_erqi.txt').text;

describe('data/reported.json', () => {
  it('loads with no issue', () => {
    expect(reported.issues).toEqual([]);
  });

  it('has the report’s per-axis figures', () => {
    expect(reported.value!.axes.map((a) => [a.id, a.projects, a.investment_yi])).toEqual([
      ['songshan', 31, 591],
      ['daxue', 31, 396],
      ['jingguang', 35, 365],
    ]);
  });

  it('quotes the report verbatim for every figure, and each number is in its quote', () => {
    for (const f of [...reported.value!.axes, ...reported.value!.district]) {
      expect(report).toContain(f.quote);
      for (const n of [f.projects, f.investment_yi]) if (n != null) expect(f.quote).toContain(String(n));
    }
  });
});

describe('data/projects.csv', () => {
  it('names only projects and places that appear in a source', () => {
    const rows = repoFile('data/projects.csv').text.trim().split('\n').slice(1);
    for (const row of rows) {
      const [id, name] = row.split(',');
      const source = row.includes('zzrb-94171') ? 'zzrb' : 'report';
      // The report's text breaks a line inside "X014王红线": compare without white space.
      if (source === 'report') expect(report.replace(/\s+/g, ''), `${id}: ${name}`).toContain(name);
    }
  });
});
