/**
 * Every file of the bad corpus through the Import dialog, as a careless or hostile user would drop it (issue #16,
 * item 8): each is refused or read with a clear message in the interface's language, nothing already shown
 * changes, and Undo still brings back the data from before the last good import.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/core/csv.ts';
import { ROOT, waitForMap, watchedPage } from '../../scripts/browser.ts';
import { withApp } from '../helpers/app_server.ts';

const app = withApp();
mkdirSync(join(ROOT, 'test-results'), { recursive: true });
const BAD = readdirSync(join(ROOT, 'tests/fixtures/bad')).filter((f) => !f.startsWith('.')).sort();

describe('the bad corpus through the Import dialog', () => {
  it(`${BAD.length} files: each says what is wrong in Chinese, changes nothing, and Undo still works`, async () => {
    const { page, consoleErrors } = await watchedPage(app.browser);
    await page.goto(app.url);
    await waitForMap(page);
    // A good import first, so there is something to undo.
    await page.getByRole('button', { name: '导入' }).click();
    await page.locator('#import-file').setInputFiles(join(ROOT, 'tests/fixtures/import/ledger_gbk_gcj02.csv'));
    await page.getByRole('button', { name: '应用（替换当前数据）' }).click({ timeout: 20_000 });
    await page.getByRole('button', { name: '替换', exact: true }).click();
    await page.waitForFunction(() => window.__erqi?.ready === true && window.__erqi.app?.model.bundle.projects.length === 8, null, { timeout: 30_000 });

    const said: Record<string, string> = {};
    for (const name of BAD) {
      await page.getByRole('button', { name: '导入' }).click();
      await page.locator('#import-file').setInputFiles(join(ROOT, 'tests/fixtures/bad', name));
      // A summary (the file was read) or an alert (it could not be): either way something is said.
      const said1 = page.locator('.import-summary, .import-status [role="alert"]').first();
      await said1.waitFor({ timeout: 20_000 });
      const problems = await page.locator('.import-issues li').allTextContents();
      said[name] = [await said1.textContent(), ...problems].join(' | ');
      // Every problem is worded in Chinese (the file's own text aside).
      for (const p of problems) expect(p.split('：').at(-1), `${name}: ${p}`).toMatch(/[\u4e00-\u9fff]/);
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('dialog[open]').count()).toBe(0);
      expect(await page.evaluate(() => window.__erqi!.app!.model.bundle.projects.length), name).toBe(8);
    }
    expect(Object.keys(said)).toEqual(BAD);
    // What each file made the dialog say, for review beside tests/HOSTILE.md.
    writeFileSync(join(ROOT, 'test-results', 'hostile-files.txt'), Object.entries(said).map(([f, m]) => `${f}\t${m}`).join('\n') + '\n');
    await page.getByRole('button', { name: '撤销，恢复之前的数据' }).click();
    await page.waitForFunction(() => window.__erqi?.ready === true && window.__erqi.app?.model.bundle.projects.length === 18, null, { timeout: 30_000 });
    expect(consoleErrors).toEqual([]);
    await page.close();
  }, 240_000);
});

describe('files an office sends, and what comes back out', () => {
  it("reads Excel's Unicode Text save (UTF-16LE, tab-separated .txt) in the browser", async () => {
    const { page } = await watchedPage(app.browser);
    await page.goto(app.url);
    await waitForMap(page);
    await page.getByRole('button', { name: '导入' }).click();
    await page.locator('#import-file').setInputFiles(join(ROOT, 'tests/fixtures/import/unicode_text_utf16le.txt'));
    await expect.poll(() => page.locator('.import-summary').textContent(), { timeout: 20_000 }).toContain('(utf-16le)：共 2 行，有效 2 行');
    await page.close();
  });

  it('exports imported formula payloads hidden behind blanks and invisible characters as text, never formulas', async () => {
    const { page } = await watchedPage(app.browser);
    await page.goto(app.url);
    await waitForMap(page);
    const payloads = ['\n=1+1', ' =HYPERLINK("http://x")', '\u00a0@SUM(A1)', '\u200b+1', '\ufeff-2'];
    const rows = payloads.map((p, i) => `F${i},"${p.replace(/"/g, '""')}",某某日报`);
    await page.getByRole('button', { name: '导入' }).click();
    await page.locator('#import-file').setInputFiles({ name: 'f.csv', mimeType: 'text/csv', buffer: Buffer.from(['编号,项目名称,来源', ...rows].join('\r\n'), 'utf8') });
    await page.getByRole('button', { name: '应用（替换当前数据）' }).click({ timeout: 20_000 });
    await page.getByRole('button', { name: '替换', exact: true }).click();
    await page.waitForFunction(() => window.__erqi?.ready === true && window.__erqi.app?.model.bundle.projects[0]?.id === 'F0', null, { timeout: 30_000 });
    await page.locator('.export-menu summary').click();
    const [d] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export="csv"]').click()]);
    const names = parseCsv(readFileSync((await d.path())!, 'utf8')).rows.slice(1).map((r) => r.fields[1]);
    // The name cells come back trimmed by the reader, then neutralised: a leading apostrophe, never a formula.
    expect(names.length).toBe(payloads.length);
    for (const n of names) expect(n, JSON.stringify(n)).toMatch(/^'/);
    await page.close();
  });
});

