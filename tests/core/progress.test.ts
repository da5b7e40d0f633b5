/** Progress by period (src/core/progress.ts): reading district files, never carrying figures forward, tallies. */
import { describe, expect, it } from 'vitest';
import { checkBundle } from '../../src/core/bundle_shape.ts';
import { buildBundle } from '../../src/core/bundle.ts';
import type { MappedProject } from '../../src/core/model.ts';
import { bundleAtPeriod, historyIndex, periodsOf, projectAt, tallyAt, type ProgressRow } from '../../src/core/progress.ts';
import { loadProgress, progressCsv, readPeriod } from '../../src/core/progress_file.ts';
import { fixtureSources } from '../helpers/fixtures.ts';
import { hasChinese, issueText } from '../../src/ui/issue_text.ts';

const ids = new Set(['a', 'b', 'c']);
const row = (r: Partial<ProgressRow> & Pick<ProgressRow, 'project_id' | 'period'>): ProgressRow => ({ status: null, planned_yi: null, completed_yi: null, progress_text: null, source: 's', ...r });

describe('reading a progress file', () => {
  it('reads the repo’s columns and writes them back byte for byte', () => {
    const text = 'project_id,period,status,planned_yi,completed_yi,progress_text,source\na,2023-10,started,10,4.5,主体施工,report\na,2023-11,under_construction,10,5.25,"封顶, 装修",report\n';
    const { value, issues } = loadProgress('progress.csv', text, ids);
    expect(issues).toEqual([]);
    expect(value[1]).toEqual({ project_id: 'a', period: '2023-11', status: 'under_construction', planned_yi: 10, completed_yi: 5.25, progress_text: '封顶, 装修', source: 'report' });
    expect(progressCsv(value)).toBe(text);
  });

  it('reads a district spreadsheet’s Chinese headers, months and 万元', () => {
    const text = '\uFEFF项目编号,月份,项目状态,年度计划投资（万元）,1—11月完成投资（万元）,形象进度,数据来源\nb,2023年11月,在建,"120,000",98000,主体施工,区发改委调度表\nc,2023/9,开工,,未公开,,区发改委调度表\n';
    const { value, issues } = loadProgress('调度表.csv', text, ids);
    expect(issues).toEqual([]);
    expect(value).toEqual([
      { project_id: 'b', period: '2023-11', status: 'under_construction', planned_yi: 12, completed_yi: 9.8, progress_text: '主体施工', source: '区发改委调度表' },
      { project_id: 'c', period: '2023-09', status: 'started', planned_yi: null, completed_yi: null, progress_text: null, source: '区发改委调度表' },
    ]);
  });

  it('refuses each bad row with its line and column, and keeps the good ones', () => {
    const header = 'project_id,period,status,planned_yi,completed_yi,progress_text,source';
    const bad: Array<[string, string, RegExp]> = [
      ['zz,2023-11,,,,,r', 'project_id', /not a project of the ledger/],
      [',2023-11,,,,,r', 'project_id', /is required/],
      ['a,2023-13,,,,,r', 'period', /not a month/],
      ['a,11/2023,,,,,r', 'period', /not a month/],
      ['a,2023-11,新建,,,,r', 'status', /not a status/],
      ['a,2023-11,,-3,,,r', 'planned_yi', /not an amount/],
      ['a,2023-11,,,abc,,r', 'completed_yi', /not an amount/],
      ['a,2023-11,,,1e999,,r', 'completed_yi', /not an amount/],
      ['a,2023-11,,,,,', 'source', /is required/],
      ['b,2023-05,,,,,r', 'period', /already has a row for 2023-05/],
    ];
    const text = [header, 'b,2023-05,,1,1,,r', ...bad.map(([line]) => line), 'c,2023-06,signed,,,,r'].join('\n');
    const { value, issues } = loadProgress('p.csv', text, ids);
    expect(value.map((r) => `${r.project_id}|${r.period}`)).toEqual(['b|2023-05', 'c|2023-06']);
    bad.forEach(([, field, message], i) => {
      const found = issues.find((x) => x.row === i + 3);
      expect(found, bad[i]![0]).toMatchObject({ file: 'p.csv', field, severity: 'error' });
      expect(found!.message).toMatch(message);
    });
    expect(loadProgress('p.csv', 'id,status\na,started', ids).issues.map((i) => i.field)).toEqual(['period', 'source']);
    // Each in Chinese for the Chinese UI (the import dialog shows them).
    const all = [...issues, ...loadProgress('p.csv', 'id,status\na,started', ids).issues, ...loadProgress('p.csv', '', ids).issues];
    expect(all.filter((i) => !hasChinese(i.message)).map((i) => i.message)).toEqual([]);
    expect(issueText(issues[0]!, 'zh')).toBe('p.csv 第 3 行：project_id：台账中没有项目“zz”');
    expect(loadProgress('p.csv', '', ids).issues[0]!.message).toMatch(/empty/);
  });

  it('reads months as people write them', () => {
    expect(['2023-11', '2023/11', '2023年11月', '202311', '2023.1', '2023-11-01'].map(readPeriod)).toEqual(['2023-11', '2023-11', '2023-11', '2023-11', '2023-01', '2023-11']);
    expect(['2023-00', '23-11', 'Nov 2023', ''].map(readPeriod)).toEqual([null, null, null, null]);
  });
});

describe('a period’s figures', () => {
  const projects = ['a', 'b', 'c'].map((id) => ({ id, status: 'operating' }) as MappedProject);
  const rows = [
    row({ project_id: 'a', period: '2023-10', status: 'signed', planned_yi: 10, completed_yi: 0 }),
    row({ project_id: 'a', period: '2023-11', status: 'started', planned_yi: 10, completed_yi: 4 }),
    row({ project_id: 'b', period: '2023-10', status: 'under_construction', planned_yi: 20, completed_yi: 15 }),
    row({ project_id: 'b', period: '2023-11', status: 'completed', planned_yi: 20, completed_yi: null }),
    row({ project_id: 'c', period: '2023-10', status: 'planned', planned_yi: 5, completed_yi: 1 }),
  ];
  const index = historyIndex(rows);

  it('sums only what the period itself gives: nothing carried forward', () => {
    const t = tallyAt(projects, index, '2023-11', '2023-10');
    // c has no row for November: not counted; b gives no completed figure: planned only.
    expect(t).toMatchObject({ reporting: 2, planned_yi: 30, planned_n: 2, completed_yi: 4, completed_n: 1 });
    expect(t.rate).toBeCloseTo(4 / 10);
    expect(t.newly).toEqual({ signed: [], started: ['a'], completed: ['b'] });
    expect(tallyAt(projects, index, '2023-10', null)).toMatchObject({ reporting: 3, planned_yi: 35, completed_yi: 16, newly: { signed: [], started: [], completed: [] } });
  });

  it('shows a project’s last known state where a period has none, marked as such', () => {
    expect(projectAt(index.get('c'), '2023-11')).toEqual({ row: rows[4], current: false });
    expect(projectAt(index.get('a'), '2023-11')).toEqual({ row: rows[1], current: true });
    expect(projectAt(index.get('a'), '2023-09')).toEqual({ row: null, current: false });
    expect(periodsOf(rows)).toEqual(['2023-10', '2023-11']);
    const at = bundleAtPeriod({ projects, progress: rows }, '2023-10').projects.map((p) => p.status);
    expect(at).toEqual(['signed', 'under_construction', 'planned']);
    expect(bundleAtPeriod({ projects, progress: rows }, null).projects.map((p) => p.status)).toEqual(['started', 'completed', 'planned']);
  });

  it('travels in the bundle, checked on load', () => {
    const { bundle } = buildBundle({ ...fixtureSources(), progress: { file: 'progress.csv', text: progressCsv([row({ project_id: 'crec-taihe', period: '2023-11', status: 'operating' })]) } }).value!;
    expect(bundle.progress).toHaveLength(1);
    expect('value' in checkBundle(JSON.parse(JSON.stringify(bundle)))).toBe(true);
    const broken = { ...JSON.parse(JSON.stringify(bundle)), progress: [{ ...bundle.progress![0], period: '2023-13' }] };
    expect(checkBundle(broken)).toEqual({ errors: ['progress.0.period: expected a month, YYYY-MM, received string'] });
  });
});

describe('an Excel 调度表', () => {
  it('is read from its first sheet: a month typed as a date, 万元 converted, rows named by their sheet row', async () => {
    const { progressText } = await import('../../src/import/progress_source.ts');
    const { readFileSync } = await import('node:fs');
    const bytes = new Uint8Array(readFileSync(new URL('../fixtures/import/progress.xlsx', import.meta.url)));
    const read = await progressText('progress.xlsx', bytes);
    expect(read.encoding).toBe('xlsx');
    const loaded = loadProgress('progress.xlsx', read.text, new Set(['crec-taihe', 'yaxing-wanjia']));
    expect(loaded.value).toEqual([
      { project_id: 'crec-taihe', period: '2023-11', status: 'operating', planned_yi: 1.2, completed_yi: 0.98, progress_text: '投入运营', source: '区发改委调度表' },
      { project_id: 'yaxing-wanjia', period: '2023-10', status: 'operating', planned_yi: null, completed_yi: null, progress_text: null, source: '区发改委调度表' },
    ]);
    expect(loaded.issues.map((i) => `${i.row}: ${i.field}`)).toEqual(['5: project_id']);
  });
});
