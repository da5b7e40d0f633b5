/** A district's progress file (调度表, GBK, 万元) imported in the browser: read, checked, applied, undone. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, waitForMap } from '../../scripts/browser.ts';
import { withApp } from '../helpers/app_server.ts';

const app = withApp();
const fixture = (name: string) => join(ROOT, 'tests/fixtures/import', name);

describe('importing progress by period', () => {
  it('reads a GBK 调度表 with 万元, applies it: a period control, figures and a card history; Undo takes it off', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
    // The workers the page starts, by script: the file is read off the page's thread (a 50 MB one froze it).
    await page.addInitScript(() => {
      const Base = window.Worker;
      const started: string[] = ((window as unknown as { __workers: string[] }).__workers = []);
      window.Worker = class extends Base {
        constructor(url: string | URL, options?: WorkerOptions) {
          super(url, options);
          started.push(String(url));
        }
      };
    });
    await page.goto(app.url);
    await waitForMap(page);
    expect(await page.locator('#period-select').count()).toBe(0);
    await page.locator('[data-key="import"]').click();
    await page.locator('#import-progress-file').setInputFiles(fixture('progress_gbk.csv'));
    await page.locator('.import-progress-result', { hasText: '2 行有效' }).waitFor();
    expect(await page.locator('.import-progress-result').innerText()).toContain('gb18030');
    expect(await page.evaluate(() => (window as unknown as { __workers: string[] }).__workers.filter((u) => u.includes('import_worker')))).toHaveLength(1);
    await page.locator('.import-progress-apply').click();
    await page.waitForFunction(() => window.__erqi?.ready === true && !!document.querySelector('#period-select'));
    expect(await page.locator('#period-select').inputValue()).toBe('2023-11');
    // 9800 万元 completed of 12000 planned: one project disclosing both.
    expect(await page.locator('[data-progress="district"] [data-figure="progress"]').innerText()).toContain('1—11月完成 0.98 亿元（1 项）');
    // The project's card lists its period.
    await page.evaluate(() => window.__erqi!.app!.store.set({ selection: { kind: 'project', id: 'crec-taihe' } }));
    expect(await page.locator('.history li[aria-current="true"]').innerText()).toContain('2023-11 运营 · 1—11月完成 0.98 亿元 / 年度计划 1.2 亿元');
    // Undo takes the progress off again.
    await page.locator('[data-key="undo"]').click();
    await page.waitForFunction(() => window.__erqi?.ready === true && !document.querySelector('#period-select'));
    await page.close();
  });

  it('reads a 调度表 as an office keeps it — title with the month, 单位：万元, names, 合计 — and says how it read it', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(app.url);
    await waitForMap(page);
    await page.locator('[data-key="import"]').click();
    await page.locator('#import-progress-file').setInputFiles(fixture('progress_title_rows.xlsx'));
    const result = page.locator('.import-progress-result');
    await result.filter({ hasText: '3 行有效' }).waitFor();
    expect(await result.locator('[data-note]').allInnerTexts()).toEqual([
      // (The file's own words are isolated from the sentence around them: U+2068 … U+2069.)
      '表头在第 3 行；其上为标题，未作表头读取：\u2068二七区2023年1—11月重点项目建设调度表 / 单位：万元\u2069',
      '表头上方注明“\u2068单位：万元\u2069”：未注明单位的金额列按万元读取。',
      '文件没有月份列：各行按标题或文件名中的报告期 2023-11 读取。',
      '文件没有项目编号列：各行按项目名称（或别名）与台账中的项目对应。',
      '文件没有来源列：各行的来源记为“\u2068调度表：progress_title_rows.xlsx\u2069”。',
    ]);
    expect(await result.locator('.import-issues li').allInnerTexts()).toEqual([
      'progress_title_rows.xlsx 第 4 行：提示：分类标题行（一、续建项目），已跳过：它不是项目',
      'progress_title_rows.xlsx 第 8 行：提示：合计行（合计），已跳过：它不是项目',
    ]);
    await page.locator('.import-progress-apply').click();
    await page.waitForFunction(() => window.__erqi?.ready === true && !!document.querySelector('#period-select'));
    expect(await page.locator('#period-select').inputValue()).toBe('2023-11');
    // 联东U谷 is matched by its name, 中铁·泰和里 by the name it also goes by (中铁·泰合里); 31,500 万元 → 3.15 亿元.
    await page.evaluate(() => window.__erqi!.app!.store.set({ selection: { kind: 'project', id: 'liandong-ugu' } }));
    expect(await page.locator('.history li[aria-current="true"]').innerText()).toContain('2023-11 在建 · 1—11月完成 3.15 亿元 / 年度计划 5 亿元');
    await page.evaluate(() => window.__erqi!.app!.store.set({ selection: { kind: 'project', id: 'crec-taihe' } }));
    expect(await page.locator('.history li[aria-current="true"]').innerText()).toContain('2023-11 建成 · 1—11月完成 0.98 亿元 / 年度计划 1.2 亿元');
    await page.close();
  });

  it('over an imported ledger: matches its projects by name, and the banner names both files', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('dialog', (d) => void d.accept());
    await page.goto(app.url);
    await waitForMap(page);
    await page.locator('[data-key="import"]').click();
    await page.locator('#import-file').setInputFiles(fixture('ledger_title_rows.xlsx'));
    await page.locator('.import-summary', { hasText: '有效 5 行' }).waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: '应用（替换当前数据）' }).click();
    await page.getByRole('button', { name: '替换', exact: true }).click();
    await page.waitForFunction(() => window.__erqi?.ready === true && window.__erqi.app?.model.bundle.projects.length === 5, null, { timeout: 30_000 });
    await page.locator('[data-key="import"]').click();
    await page.locator('#import-progress-file').setInputFiles(fixture('progress_title_rows.xlsx'));
    // Of its three rows only 亚星万嘉百汇 is a project of this ledger (by name); the others are named.
    const result = page.locator('.import-progress-result');
    await result.filter({ hasText: '1 行有效' }).waitFor();
    expect(await result.locator('.import-issues li').allInnerTexts()).toEqual([
      'progress_title_rows.xlsx 第 4 行：提示：分类标题行（一、续建项目），已跳过：它不是项目',
      'progress_title_rows.xlsx 第 5 行：name：台账中没有名为“中铁·泰合里”的项目',
      'progress_title_rows.xlsx 第 7 行：name：台账中没有名为“联东U谷·工业总部港”的项目',
      'progress_title_rows.xlsx 第 8 行：提示：合计行（合计），已跳过：它不是项目',
    ]);
    await page.locator('.import-progress-apply').click();
    await page.waitForFunction(() => window.__erqi?.ready === true && !!document.querySelector('#period-select'));
    expect(await page.locator('.banner').innerText()).toContain('正在显示导入的数据：\u2068ledger_title_rows.xlsx + progress_title_rows.xlsx\u2069（5 项');
    // Undo takes the progress off: the ledger stays, named alone.
    await page.locator('[data-key="undo"]').click();
    await page.waitForFunction(() => window.__erqi?.ready === true && !document.querySelector('#period-select'));
    expect(await page.locator('.banner').innerText()).toContain('正在显示导入的数据：\u2068ledger_title_rows.xlsx\u2069（5 项');
    await page.close();
  });

  it('adds a 调度表’s months to the progress already shown, a month it gives again replacing those rows', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(app.url);
    await waitForMap(page);
    await page.locator('[data-key="import"]').click();
    await page.locator('#import-progress-file').setInputFiles(fixture('progress_gbk.csv'));
    await page.locator('.import-progress-result', { hasText: '2 行有效' }).waitFor();
    await page.locator('.import-progress-apply').click();
    await page.waitForFunction(() => window.__erqi?.ready === true && !!document.querySelector('#period-select'));
    // A workbook of October and November over that November.
    await page.locator('[data-key="import"]').click();
    await page.locator('#import-progress-file').setInputFiles(fixture('progress_months.xlsx'));
    const result = page.locator('.import-progress-result');
    await result.filter({ hasText: '4 行有效' }).waitFor();
    expect(await result.locator('[data-note="merge"]').innerText()).toBe('已有进度（2023-11）保留：本文件新增 3 行，替换 1 行同一项目同一月份的已有进度。');
    await page.locator('.import-progress-apply').click();
    await page.waitForFunction(() => window.__erqi?.ready === true && document.querySelectorAll('#period-select option').length === 2);
    // 亚星万嘉百汇's November stays from the first file; 中铁·泰和里 has both months, November from the second.
    await page.evaluate(() => window.__erqi!.app!.store.set({ selection: { kind: 'project', id: 'crec-taihe' } }));
    await page.locator('.history li').nth(1).waitFor();
    expect(await page.locator('.history li').allInnerTexts()).toEqual([
      expect.stringContaining('2023-10 运营 · 1—10月完成 0.9 亿元 / 年度计划 1.2 亿元'),
      expect.stringContaining('2023-11 运营 · 1—11月完成 0.98 亿元 / 年度计划 1.2 亿元'),
    ]);
    expect(await page.evaluate(() => window.__erqi!.app!.model.bundle.progress!.filter((r) => r.project_id === 'yaxing-wanjia').map((r) => r.source))).toEqual(['区发改委调度表']);
    await page.close();
  });

  it('lists every bad row with its line and column, and applies nothing', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(app.url);
    await waitForMap(page);
    await page.locator('[data-key="import"]').click();
    await page.locator('#import-progress-file').setInputFiles(fixture('progress_bad_gbk.csv'));
    await page.locator('.import-progress-result', { hasText: '0 行有效' }).waitFor();
    const problems = await page.locator('.import-progress-result .import-issues li').allInnerTexts();
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('2023年13月');
    expect(problems[1]).toContain('no-such');
    expect(await page.locator('.import-progress-apply').isDisabled()).toBe(true);
    await page.close();
  });
});
