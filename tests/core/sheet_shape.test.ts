/**
 * District spreadsheets as offices write them (src/core/import/sheet_shape.ts): a title and a 单位 line above the
 * header, section and 合计 rows among the projects — for the ledger import and the progress (调度表) import alike.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isLedgerHeader } from '../../src/core/import/columns.ts';
import { setAsideKind, sheetShape } from '../../src/core/import/sheet_shape.ts';
import { loadAxes } from '../../src/core/load_geo.ts';
import { prepareAxes } from '../../src/core/placement.ts';
import { loadProgress, periodIn } from '../../src/core/progress_file.ts';
import { importLedger } from '../../src/import/import_ledger.ts';
import { readProgressFile } from '../../src/import/progress_source.ts';
import { hasChinese, issueText } from '../../src/ui/issue_text.ts';
import { noteText } from '../../src/ui/import_notes.ts';
import { repoFile } from '../../scripts/repo.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url)));
const axes = prepareAxes(loadAxes('axes.geojson', repoFile('geo/axes.geojson').text).value);

describe('where a sheet’s header is', () => {
  it('finds it under a title and a unit line, and sets totals and section rows aside', () => {
    const rows = [
      ['二七区2023年重点项目台账', '', ''],
      ['', '（单位：万元）', ''],
      ['序号', '项目名称', '总投资'],
      ['一、续建项目', '', ''],
      ['1', '甲项目', '100'],
      ['小 计', '', '100'],
      ['（二）新开工项目', '2', ''],
      ['2', '乙项目', '50'],
      ['合计', '', '150'],
    ];
    expect(sheetShape(rows, isLedgerHeader)).toEqual({
      header: 2,
      cells: ['序号', '项目名称', '总投资'],
      body: 3,
      title: ['二七区2023年重点项目台账', '（单位：万元）'],
      unit: { text: '单位：万元', factor: 1e-4 },
      asOf: null,
      setAside: [
        { index: 3, kind: 'section', text: '一、续建项目' },
        { index: 5, kind: 'totals', text: '小 计' },
        { index: 6, kind: 'section', text: '（二）新开工项目' },
        { index: 8, kind: 'totals', text: '合计' },
      ],
    });
  });

  it('leaves a plain table as it is: the first row is the header, every row a project', () => {
    const rows = [['项目名称', '总投资（亿元）'], ['合计大厦', '5'], ['一号工程', '3'], ['三、项目以外的文字写得很长的一行', '']];
    // A project called 合计大厦 is a project; 一号工程 is no section number; a long row beside a heading is a row.
    expect(sheetShape(rows, isLedgerHeader)).toEqual({ header: 0, cells: ['项目名称', '总投资（亿元）'], body: 1, title: [], unit: null, asOf: null, setAside: [{ index: 3, kind: 'section', text: '三、项目以外的文字写得很长的一行' }] });
    expect(setAsideKind(['三、项目以外的文字写得很长的一行', '甲公司承建的综合体项目'])).toBeNull();
    expect(setAsideKind(['', '总计（续建）', '', '88'])).toEqual({ kind: 'totals', text: '总计（续建）' });
    expect(setAsideKind(['Subtotal:', '', '88'])).toEqual({ kind: 'totals', text: 'Subtotal:' });
  });

  it('reads a header of two rows: names under merged group headings, with the group’s unit', () => {
    const rows = [
      ['序号', '项目名称', '投资情况（万元）', '', '建设状态'],
      ['', '', '总投资', '2023年完成投资', ''],
      ['1', '甲项目', '120,000', '30,000', '在建'],
    ];
    expect(sheetShape(rows, isLedgerHeader)).toMatchObject({ header: 0, cells: ['序号', '项目名称', '总投资（万元）', '2023年完成投资（万元）', '建设状态'], body: 2 });
    // A row of figures under the header is data, however few names the header knows.
    expect(sheetShape([['项目名称', '金额'], ['甲项目', '5']], isLedgerHeader)).toMatchObject({ cells: ['项目名称', '金额'], body: 1 });
  });

  it('reads the date a title gives its figures, and no impossible one', () => {
    const asOf = (line: string) => sheetShape([[line], ['项目名称', '总投资']], isLedgerHeader).asOf?.date ?? null;
    expect(asOf('二七区重点项目台账（截至2023年12月底）')).toBe('2023-12');
    expect(asOf('截止日期：2023-12-31')).toBe('2023-12-31');
    expect(asOf('填报日期：2023年12月5日')).toBe('2023-12-05');
    expect(asOf('数据日期 2023.11')).toBe('2023-11');
    expect(asOf('截至2023年13月')).toBeNull();
    expect(asOf('二七区2023年重点项目台账')).toBeNull();
  });

  it('reads the month a title or a file name names, and none when it names two', () => {
    expect(periodIn('二七区2023年1—11月重点项目建设调度表')).toBe('2023-11');
    expect(periodIn('2023年11月份调度表')).toBe('2023-11');
    expect(periodIn('调度表_2023-09.xlsx')).toBe('2023-09');
    expect(periodIn('2023年10月、2023年11月对比')).toBeNull();
    expect(periodIn('重点项目调度表.xlsx')).toBeNull();
    expect(periodIn('2023年13月')).toBeNull();
  });
});

describe('a ledger with a title, a unit line, sections and totals', () => {
  it('imports its projects only, in 万元 by the unit line, saying what it set aside (Excel)', async () => {
    const { read, result } = await importLedger('ledger_title_rows.xlsx', fixture('ledger_title_rows.xlsx'), { axes });
    expect(read.table!.header).toEqual(['序号', '项目名称', '所属轴线', '建设状态', '总投资', '建设地点', '经度', '纬度']);
    expect(result.issues.map((i) => `${i.row} ${i.severity}: ${issueText(i, 'zh').split('：').slice(2).join('：')}`)).toEqual([
      '5 warning: 分类标题行（一、续建项目），已跳过：它不是项目',
      '10 warning: 合计行（小计），已跳过：它不是项目',
      '11 warning: 分类标题行（二、新开工项目），已跳过：它不是项目',
      '13 warning: 合计行（合计），已跳过：它不是项目',
    ]);
    expect(result.projects.map((p) => [p.id, p.name_zh, p.status, p.investment_total_yi])).toEqual([
      ['row-6', '亚细亚卓悦城', 'operating', 12],
      ['row-7', '中铁·泰和里', 'completed', 8.5],
      ['row-8', '亚星万嘉百汇', 'operating', 3.6],
      ['row-9', '德化步行街', 'completed', null],
      ['row-12', '杉杉奥莱（二七店）', 'started', 6],
    ]);
    expect(result.notes).toEqual([
      { code: 'header-row', line: 4, title: '二七区2023年重点项目建设台账（测试数据） / 单位：万元 填报日期：2023年12月' },
      { code: 'unit-row', text: '单位：万元', factor: 1e-4 },
      { code: 'as-of-from-title', text: '填报日期：2023年12月', date: '2023-12' },
      { code: 'no-id-column' },
    ]);
    // The title's date is the rows' data date (they have no 数据日期 column).
    expect(new Set(result.projects.map((p) => p.as_of))).toEqual(new Set(['2023-12']));
    expect(result.notes.map((n) => noteText(n, 'zh')).slice(0, 2)).toEqual([
      '表头在第 4 行；其上为标题，未作表头读取：\u2068二七区2023年重点项目建设台账（测试数据） / 单位：万元 填报日期：2023年12月\u2069',
      '表头上方注明“\u2068单位：万元\u2069”：未注明单位的金额列按万元读取。',
    ]);
  });

  it('reads the same from a CSV; a header naming its unit keeps it', async () => {
    const text = '二七区重点项目台账,,\r\n单位：万元,,\r\n项目名称,总投资,年度完成投资（亿元）\r\n甲项目,"120,000",2\r\n合计,"120,000",2\r\n';
    const { result } = await importLedger('台账.csv', new TextEncoder().encode(text), { axes });
    expect(result.projects.map((p) => [p.name_zh, p.investment_total_yi, p.investment_2023_yi])).toEqual([['甲项目', 12, 2]]);
    expect(result.notes.map((n) => n.code)).toEqual(['header-row', 'unit-row', 'no-id-column']);
    expect(result.projects[0]!.as_of).toBeNull();
    expect(result.issues.map((i) => [i.row, i.message])).toEqual([[5, 'a totals row (合计), skipped: it is not a project']]);
  });
});

describe('a ledger with a header of two rows', () => {
  it('imports its amounts in the group’s unit and says how it read the header', async () => {
    const text = '二七区重点项目台账\n序号,项目名称,投资情况（万元）,,建设状态\n,,总投资,2023年完成投资,\n1,甲项目,"120,000","30,000",续建\n';
    const { result } = await importLedger('台账.csv', new TextEncoder().encode(text), { axes });
    expect(result.issues).toEqual([]);
    expect(result.projects.map((p) => [p.name_zh, p.investment_total_yi, p.investment_2023_yi, p.status])).toEqual([['甲项目', 12, 3, 'under_construction']]);
    expect(result.notes.map((n) => noteText(n, 'zh')).slice(0, 2)).toEqual([
      '表头在第 2 行；其上为标题，未作表头读取：\u2068二七区重点项目台账\u2069',
      '表头占两行（第 2—3 行）：合并单元格的分组标题与其下的列名合起来读取。',
    ]);
  });
});

describe('a 调度表 as an office keeps it', () => {
  const projects = [
    { id: 'crec-taihe', name_zh: '中铁·泰和里', other_names: '中铁·泰合里' },
    { id: 'yaxing-wanjia', name_zh: '亚星万嘉百汇', other_names: null },
    { id: 'liandong-ugu', name_zh: '联东U谷·工业总部港', other_names: null },
    { id: 'twin-a', name_zh: '同名项目', other_names: null },
    { id: 'twin-b', name_zh: '同名 项目', other_names: null },
  ];

  it('reads the month from its title, 万元 from the unit line, projects by name, its words for stages; the file is the source', async () => {
    const { loaded } = await readProgressFile('二七区调度表.xlsx', fixture('progress_title_rows.xlsx'), projects);
    expect(loaded.issues.map((i) => `${i.row} ${i.severity} ${i.message}`)).toEqual([
      '4 warning a section heading (一、续建项目), skipped: it is not a project',
      '8 warning a totals row (合计), skipped: it is not a project',
    ]);
    const source = '调度表：二七区调度表.xlsx';
    expect(loaded.value).toEqual([
      { project_id: 'crec-taihe', period: '2023-11', status: 'completed', planned_yi: 1.2, completed_yi: 0.98, progress_text: '投入运营', source },
      { project_id: 'yaxing-wanjia', period: '2023-11', status: 'operating', planned_yi: null, completed_yi: null, progress_text: null, source },
      { project_id: 'liandong-ugu', period: '2023-11', status: 'under_construction', planned_yi: 5, completed_yi: 3.15, progress_text: '主体施工', source },
    ]);
    expect(loaded.notes.map((n) => n.code)).toEqual(['header-row', 'unit-row', 'period-from-title', 'matched-by-name', 'source-from-file']);
    expect(loaded.notes.map((n) => noteText(n, 'en')).slice(2)).toEqual([
      'No month column: every row is read as of 2023-11, the month the title or the file name gives.',
      'No id column: rows are matched to the ledger’s projects by name (or other name).',
      'No source column: each row’s source is recorded as “\u2068调度表：二七区调度表.xlsx\u2069”.',
    ]);
  });

  it('reads a 调度表 whose header takes two rows (2023年（万元） over 年度计划 | 1—11月完成)', () => {
    const text = '项目编号,项目名称,2023年（万元）,,形象进度,来源\n,,年度计划,1—11月完成,,\ncrec-taihe,中铁·泰和里,"12,000",9800,投入运营,区发改委\n';
    const { value, issues, notes } = loadProgress('调度表2023年11月.csv', text, new Set(projects.map((p) => p.id)), { projects });
    expect(issues).toEqual([]);
    expect(value).toEqual([{ project_id: 'crec-taihe', period: '2023-11', status: null, planned_yi: 1.2, completed_yi: 0.98, progress_text: '投入运营', source: '区发改委' }]);
    expect(notes.map((n) => n.code)).toEqual(['two-row-header', 'period-from-title']);
  });

  it('reads a year kept one sheet a month (10月, 11月): each sheet’s month from its name in its title’s year; a repeated row is refused', async () => {
    const { loaded } = await readProgressFile('progress_months.xlsx', fixture('progress_months.xlsx'), projects);
    expect(loaded.value.map((r) => [r.project_id, r.period, r.planned_yi, r.completed_yi])).toEqual([
      ['crec-taihe', '2023-10', 1.2, 0.9],
      ['liandong-ugu', '2023-10', 5, 2.7],
      ['crec-taihe', '2023-11', 1.2, 0.98],
      ['liandong-ugu', '2023-11', 5, 2.94],
    ]);
    // Excel's copy of a sheet (11月 (2)) is November too: its row is one November already has.
    expect(loaded.issues.map((i) => issueText(i, 'zh'))).toEqual(['progress_months.xlsx（11月 (2)） 第 4 行：period：crec-taihe 在 2023-11 已有一行（工作表“11月”）']);
    expect(loaded.notes.map((n) => noteText(n, 'zh').replace(/[\u2068\u2069]/g, ''))).toEqual([
      '读取了 3 张工作表：10月、11月、11月 (2)；没有进度表头、未读取：说明、汇总。',
      '表头在第 3 行；其上为标题，未作表头读取：二七区2023年重点项目调度表 / 单位：万元',
      '表头上方注明“单位：万元”：未注明单位的金额列按万元读取。',
      '工作表“10月”没有月份列：按其标题、表名或文件名读作 2023-10。',
      '文件没有项目编号列：各行按项目名称（或别名）与台账中的项目对应。',
      '文件没有来源列：各行的来源记为“调度表：progress_months.xlsx”。',
      '工作表“11月”没有月份列：按其标题、表名或文件名读作 2023-11。',
      '工作表“11月 (2)”没有月份列：按其标题、表名或文件名读作 2023-11。',
    ]);
  });

  it('reads amounts as a ledger import does: their own unit, 待定 / — as not disclosed, an approximate one kept undisclosed', () => {
    const text = '项目编号,月份,年度计划投资（万元）,1—11月完成投资（万元）,来源\ncrec-taihe,2023-11,1.2亿元,9800,r\nyaxing-wanjia,2023-11,待定,约0.5亿元,r\nliandong-ugu,2023-11,—,-3,r\n';
    const { value, issues } = loadProgress('p.csv', text, new Set(projects.map((p) => p.id)), { projects });
    expect(value.map((r) => [r.project_id, r.planned_yi, r.completed_yi])).toEqual([
      ['crec-taihe', 1.2, 0.98],
      ['yaxing-wanjia', null, null],
    ]);
    expect(issues.map((i) => `${i.row} ${i.field} ${i.severity}: ${i.message}`)).toEqual([
      "3 completed_yi warning: '约0.5亿元' is approximate: kept as not disclosed (未公开)",
      "4 completed_yi error: '-3' is not an amount: write a number (万元), or leave it empty when not disclosed",
    ]);
    expect(issueText(issues[0]!, 'zh')).toBe('p.csv 第 3 行：提示：completed_yi：“约0.5亿元”是约数：保留该行，金额按未公开处理');
  });

  it('names a row whose project it cannot tell, and a file with no month anywhere', () => {
    const text = '项目名称,建设状态,2023年计划投资（亿元）,来源\n同名项目,续建,1,调度表\n没有的项目,在建,2,调度表\n亚星万嘉,在建,2,调度表\n';
    const inFile = loadProgress('调度表_2023-10.csv', text, new Set(projects.map((p) => p.id)), { projects });
    expect(inFile.value).toEqual([]);
    expect(inFile.issues.map((i) => `${i.row} ${i.field}: ${i.message}`)).toEqual([
      "2 name: '同名项目' names 2 projects of the ledger (twin-a, twin-b): add a 项目编号 column",
      "3 name: no project of the ledger is named '没有的项目'",
      "4 name: no project of the ledger is named '亚星万嘉'; did you mean '亚星万嘉百汇'?",
    ]);
    expect(inFile.issues.map((i) => issueText(i, 'zh'))).toEqual([
      '调度表_2023-10.csv 第 2 行：name：台账中有 2 个项目名为“同名项目”（twin-a, twin-b）：请加上项目编号列',
      '调度表_2023-10.csv 第 3 行：name：台账中没有名为“没有的项目”的项目',
      '调度表_2023-10.csv 第 4 行：name：台账中没有名为“亚星万嘉”的项目；是否指“亚星万嘉百汇”？',
    ]);
    const nowhere = loadProgress('调度表.csv', text, new Set(projects.map((p) => p.id)), { projects });
    expect(nowhere.issues.map((i) => i.field)).toEqual(['period']);
    expect(nowhere.issues.every((i) => hasChinese(i.message))).toBe(true);
    // The repo's own file (the data build) has no name matching and no default source: ids and sources are required.
    expect(loadProgress('data/progress.csv', '项目名称,月份\n同名项目,2023-10\n', new Set(['x'])).issues.map((i) => i.field)).toEqual(['project_id', 'source']);
  });
});

describe('hostile sheets', () => {
  // Each of these took quadratic time in a pattern of the readers (400,000 spaces: minutes); now each is read at once.
  // The test's own time limit is what would fail: no timing is measured.
  const spaces = ' '.repeat(400_000);
  it('a title, a sheet name, an amount and a coordinate cell of 400,000 spaces are read at once', async () => {
    expect(sheetShape([[`截至${spaces}x`], ['项目名称', '总投资']], isLedgerHeader)).toMatchObject({ header: 1, asOf: null });
    expect(periodIn(`2023年${spaces}x`)).toBeNull();
    expect(loadProgress('p.csv', '项目名称,建设状态\n甲,在建', new Set(), { sheet: `11${spaces}x`, projects: [] }).issues.map((i) => i.field)).toEqual(['period', 'source']);
    const text = `项目名称,经纬度,总投资\n甲,"1${spaces}x",1\n乙,"113.6${spaces},34.7",约${spaces}5亿\n`;
    const { result } = await importLedger('t.csv', new TextEncoder().encode(text), { axes });
    expect(result.issues.map((i) => `${i.row} ${i.field} ${i.severity}`)).toEqual(['2 经纬度 error', '3 总投资 warning', '3 经纬度 error']);
  }, 20_000);
});
