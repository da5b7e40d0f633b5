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
    await page.goto(app.url);
    await waitForMap(page);
    expect(await page.locator('#period-select').count()).toBe(0);
    await page.locator('[data-key="import"]').click();
    await page.locator('#import-progress-file').setInputFiles(fixture('progress_gbk.csv'));
    await page.locator('.import-progress-result', { hasText: '2 行有效' }).waitFor();
    expect(await page.locator('.import-progress-result').innerText()).toContain('gb18030');
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
