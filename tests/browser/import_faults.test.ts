/** Importing a ledger in the browser, and the faults a district office may meet. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { launch, ROOT, startServer, waitForMap, watchedPage } from '../../scripts/browser.ts';
import { fixtureBundleJson, withApp } from '../helpers/app_server.ts';

const app = withApp();

describe('import in the browser', () => {
  it('GBK CSV with Chinese headers and GCJ-02 → preview → suggestion → apply → pins in place → undo', async () => {
    const { page, consoleErrors } = await watchedPage(app.browser);
    page.on('dialog', (d) => void d.accept());
    await page.goto(app.url);
    await waitForMap(page);
    // Placed by the data build, and then by the import's worker: the page places neither ledger itself.
    const placedElsewhere = () => page.evaluate(() => {
      const model = window.__erqi!.app!.model;
      return model.bundle.placed !== undefined && model.placements === model.bundle.placed.placements;
    });
    expect(await placedElsewhere()).toBe(true);
    await page.getByRole('button', { name: '导入' }).click();
    await page.locator('#import-file').setInputFiles(join(ROOT, 'tests/fixtures/import/ledger_gbk_gcj02.csv'));
    const summary = page.locator('.import-summary');
    await expect.poll(() => summary.textContent(), { timeout: 20_000 }).toContain('CSV (gb18030)：共 8 行，有效 8 行，其中 7 行有坐标');
    // Read as WGS84 (the default) the points are ~550 m off: the dialog reads them as GCJ-02 at once, says so,
    // and offers the way back.
    await expect.poll(() => page.locator('.crs-hint').textContent(), { timeout: 20_000 }).toContain('已自动选用 GCJ-02');
    expect(await page.locator('#import-crs').inputValue()).toBe('gcj02');
    expect(await page.getByRole('button', { name: '改回 WGS84' }).isVisible()).toBe(true);
    expect(await page.locator('.import-axes [data-axis="songshan"]').textContent()).toBe('嵩山路: 1 · 3.6 亿元 (1/1)');
    // A column chosen by hand is read in its own header's unit: 总投资 taken off and chosen again is still 万元.
    await page.locator('#map-investment_total_yi').selectOption('');
    await expect.poll(() => page.locator('.import-axes [data-axis="songshan"]').textContent(), { timeout: 20_000 }).toBe('嵩山路: 1 · 未公开 (0/1)');
    await page.locator('#map-investment_total_yi').selectOption({ label: '总投资（万元）' });
    await expect.poll(() => page.locator('.import-axes [data-axis="songshan"]').textContent(), { timeout: 20_000 }).toBe('嵩山路: 1 · 3.6 亿元 (1/1)');
    await page.screenshot({ path: join(ROOT, 'test-results', 'import-preview.png') });
    // Problems come before the Apply button; Apply asks in the dialog, not with the browser's confirm().
    const order = await page.evaluate(() => {
      const at = (sel: string) => [...document.querySelectorAll('.import-preview > *')].findIndex((n) => n.matches(sel));
      return { issues: at('.import-issues'), apply: at('.import-apply') };
    });
    if (order.issues >= 0) expect(order.issues).toBeLessThan(order.apply);
    await page.getByRole('button', { name: '应用（替换当前数据）' }).click();
    expect(await page.getByRole('alertdialog').textContent()).toContain('用导入的 8 个项目替换当前的 18 个项目');
    await page.getByRole('button', { name: '替换', exact: true }).click();
    await page.waitForFunction(() => window.__erqi?.ready === true && (window.__erqi.app?.model.bundle.projects.length ?? 0) === 8, null, { timeout: 30_000 });
    expect(await page.locator('.banner').textContent()).toContain('正在显示导入的数据：\u2068ledger_gbk_gcj02.csv\u2069（8 项');
    expect(await placedElsewhere()).toBe(true);
    // 亚星万嘉百汇's pin is where the WGS84 evidence puts it (within 15 m).
    const site = await page.evaluate(() => window.__erqi!.app!.model.bundle.projects.find((p) => p.name_zh === '亚星万嘉百汇')!.site);
    expect(Math.abs(site!.lon - 113.623823) * 91_600).toBeLessThan(15);
    expect(Math.abs(site!.lat - 34.68865) * 110_900).toBeLessThan(15);
    await page.getByRole('button', { name: '撤销，恢复之前的数据' }).click();
    await page.waitForFunction(() => window.__erqi?.ready === true && window.__erqi.app?.model.bundle.projects.length === 18, null, { timeout: 30_000 });
    expect(await page.locator('.banner').isHidden()).toBe(true);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('reads an Excel workbook: the sheet of projects found past an explanation, another one picked by hand', async () => {
    const { page } = await watchedPage(app.browser);
    page.on('dialog', (d) => void d.accept());
    await page.goto(app.url);
    await waitForMap(page);
    await page.getByRole('button', { name: '导入' }).click();
    await page.locator('#import-file').setInputFiles(join(ROOT, 'tests/fixtures/import/ledger.xlsx'));
    // The first sheet is an explanation, not the ledger: the sheet of projects is read, and the dialog says so.
    await expect.poll(() => page.locator('.import-summary').textContent(), { timeout: 20_000 }).toContain('XLSX：共 8 行，有效 8 行，其中 7 行有坐标；0 个问题');
    expect(await page.locator('#import-sheet').inputValue()).toBe('项目');
    expect(await page.locator('[data-note="sheet-chosen"]').textContent()).toBe('第一张工作表“\u2068说明\u2069”没有项目名称列：已读取工作表“\u2068项目\u2069”（可在上方另选）。');
    // Another sheet chosen by hand is read as it is: the explanation has no project names.
    await page.locator('#import-sheet').selectOption('说明');
    await expect.poll(() => page.locator('.import-issues li').allTextContents(), { timeout: 20_000 }).toContain('ledger.xlsx：项目名称：没有找到项目名称列：请在下方指定');
    await page.locator('#import-sheet').selectOption('项目');
    await expect.poll(() => page.locator('.import-summary').textContent(), { timeout: 20_000 }).toContain('XLSX：共 8 行，有效 8 行，其中 7 行有坐标；0 个问题');
    await page.getByRole('button', { name: '应用（替换当前数据）' }).click();
    await page.getByRole('button', { name: '替换', exact: true }).click();
    await page.waitForFunction(() => window.__erqi?.ready === true && window.__erqi.app?.model.bundle.projects[0]?.id === 'T001', null, { timeout: 30_000 });
    expect(await page.locator('.axis-card[data-axis="daxue"] [data-figure="mapped"]').textContent()).toMatch(/披露投资 \d 项：[\d.]+ 亿元/);
    await page.close();
  });

  it('keeps the rows a Chinese Excel ledger always has problems with: a totals row skipped, unknown words undisclosed, swapped coordinates read right', async () => {
    const { page } = await watchedPage(app.browser);
    await page.goto(app.url);
    await waitForMap(page);
    await page.getByRole('button', { name: '导入' }).click();
    await page.locator('#import-file').setInputFiles(join(ROOT, 'tests/fixtures/bad/totals_and_new_words.csv'));
    await expect.poll(() => page.locator('.import-summary').textContent(), { timeout: 20_000 }).toContain('有效 2 行，其中 1 行有坐标');
    expect(await page.locator('.import-issues li').allTextContents()).toEqual([
      'totals_and_new_words.csv 第 3 行：提示：建设状态：“新建”不是已知的取值：保留该行，此项按未公开处理',
      'totals_and_new_words.csv 第 4 行：提示：合计行（合计），已跳过：它不是项目',
    ]);
    // The column mapping speaks the user's language, not field keys.
    expect(await page.locator('label[for="map-investment_total_yi"]').textContent()).toBe('总投资');
    await page.locator('#import-file').setInputFiles(join(ROOT, 'tests/fixtures/bad/swapped.csv'));
    await expect.poll(() => page.locator('.import-issues li').allTextContents(), { timeout: 20_000 }).toEqual([
      'swapped.csv 第 2 行：提示：经度/纬度：经度 34.72 与纬度 113.638 似乎填反：已按经度 113.638、纬度 34.72 读取',
    ]);
    expect(await page.locator('.import-summary').textContent()).toContain('有效 1 行，其中 1 行有坐标');
    await page.close();
  });

  it('asks what an unknown word means (新建 → 开工), reads the file again with it, and shows where the rows fall on a mini-map', async () => {
    const { page } = await watchedPage(app.browser);
    await page.goto(app.url);
    await waitForMap(page);
    await page.getByRole('button', { name: '导入' }).click();
    await page.locator('#import-file').setInputFiles(join(ROOT, 'tests/fixtures/bad/totals_and_new_words.csv'));
    await expect.poll(() => page.locator('.import-summary').textContent(), { timeout: 20_000 }).toContain('有效 2 行，其中 1 行有坐标');
    // One located row: one point on the mini-map, inside its frame.
    expect(await page.locator('.mini-map .mini-map-points circle').count()).toBe(1);
    const step = page.locator('.import-values');
    expect(await step.locator('label').allTextContents()).toEqual(['“新建”（状态，1 行）']);
    await step.locator('select').selectOption('started');
    // Read again: the word now means 开工, so the warning about it is gone and the choice stays shown.
    await expect.poll(() => page.locator('.import-issues li').allTextContents(), { timeout: 20_000 }).toEqual(['totals_and_new_words.csv 第 4 行：提示：合计行（合计），已跳过：它不是项目']);
    expect(await page.locator('.import-values select').inputValue()).toBe('started');
    await page.getByRole('button', { name: '应用（替换当前数据）' }).click();
    await page.getByRole('button', { name: '替换', exact: true }).click();
    await page.waitForFunction(() => window.__erqi?.ready === true && window.__erqi.app?.model.bundle.projects.length === 2, null, { timeout: 30_000 });
    expect(await page.evaluate(() => window.__erqi!.app!.model.bundle.projects.map((p) => p.status))).toEqual(['under_construction', 'started']);
    await page.close();
  });

  it('lists every problem of a bad file with its row, and changes nothing', async () => {
    const { page } = await watchedPage(app.browser);
    await page.goto(app.url);
    await waitForMap(page);
    await page.getByRole('button', { name: '导入' }).click();
    await page.locator('#import-file').setInputFiles(join(ROOT, 'tests/fixtures/bad/far_away.csv'));
    await expect.poll(() => page.locator('.import-issues li').allTextContents(), { timeout: 20_000 }).toEqual([
      'far_away.csv 第 2 行：经度/纬度：[116.397, 39.909] 在郑州范围之外（经度 112.66–114.27，纬度 34.22–35.04）',
    ]);
    expect(await page.getByRole('button', { name: '应用（替换当前数据）' }).isDisabled()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => window.__erqi!.app!.model.bundle.projects.length)).toBe(18);
    await page.close();
  });

  it('shows XSS payloads from a file as text and runs none of them', async () => {
    const { page } = await watchedPage(app.browser);
    page.on('dialog', (d) => void d.accept());
    await page.goto(app.url);
    await waitForMap(page);
    await page.getByRole('button', { name: '导入' }).click();
    await page.locator('#import-file').setInputFiles(join(ROOT, 'tests/fixtures/bad/xss_payloads.csv'));
    await page.getByRole('button', { name: '应用（替换当前数据）' }).click({ timeout: 20_000 });
    await page.getByRole('button', { name: '替换', exact: true }).click();
    await page.waitForFunction(() => window.__erqi?.ready === true && window.__erqi.app?.model.bundle.projects.length === 1, null, { timeout: 30_000 });
    await page.getByRole('tab', { name: '列表' }).click();
    await page.locator('tr[data-project="X1"] button').click();
    expect(await page.locator('.project-card h2').textContent()).toBe('<img src=x onerror="window.__xss=1">');
    expect(await page.locator('.project-card [data-field="source"]').textContent()).toBe('javascript:alert(1)');
    expect(await page.locator('.project-card a').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await page.close();
  });
});

describe('faults', () => {
  it('without WebGL, the figures, list and cards still work, with a notice', async () => {
    const noGl = await launch(['--disable-webgl', '--disable-3d-apis']);
    const { page } = await watchedPage(noGl);
    await page.goto(app.url);
    await waitForMap(page);
    expect(await page.locator('.no-webgl').textContent()).toContain('WebGL 不可用');
    expect(await page.locator('.axis-card[data-axis="songshan"] [data-figure="reported"]').textContent()).toBe('31 项 · 591 亿元');
    await page.getByRole('tab', { name: '列表' }).click();
    await page.locator('tr[data-project="crec-taihe"] button').click();
    expect(await page.locator('.project-card h2').textContent()).toBe('中铁·泰和里');
    await noGl.close();
  });

  it('names the data file when it is missing', async () => {
    const { page } = await watchedPage(app.browser);
    await page.route('**/data/bundle.json', (r) => r.fulfill({ status: 404, body: 'nope' }));
    await page.goto(app.url);
    await page.waitForFunction(() => window.__erqi?.error !== undefined);
    expect(await page.getByRole('alert').textContent()).toBe('无法加载数据文件: data/bundle.json：文件不存在（HTTP 404）');
    await page.close();
  });

  it('names the data file when it is corrupt', async () => {
    const { page } = await watchedPage(app.browser);
    await page.route('**/data/bundle.json', (r) => r.fulfill({ status: 200, body: '{"format": "erqi-axis-map/bund' }));
    await page.goto(app.url);
    await page.waitForFunction(() => window.__erqi?.error !== undefined);
    expect(await page.getByRole('alert').textContent()).toBe('无法加载数据文件: data/bundle.json：不是有效的 JSON（文件是否不完整？）');
    await page.close();
  });
});

describe('a strict Content-Security-Policy', () => {
  it('runs the app, the iframe page and the element with no violation (no inline script or style, no eval)', async () => {
    const csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; worker-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'self'";
    const strict = await startServer({ 'Content-Security-Policy': csp }, fixtureBundleJson());
    try {
      // Predicates as functions: Playwright would eval a string, which the policy rightly refuses.
      const pages: Array<[string, () => boolean]> = [
        ['', () => window.__erqi?.ready === true],
        ['embed.html', () => window.__erqiEmbed?.ready === true],
        ['examples/element.html', () => !!document.querySelector('erqi-axis-map')?.shadowRoot?.querySelector('.maplibregl-canvas')],
      ];
      for (const [path, ready] of pages) {
        const { page, consoleErrors } = await watchedPage(app.browser);
        // Every violation the page reports, including ones a library catches (zod's `new Function` probe).
        await page.addInitScript(() => {
          const w = window as unknown as { violations: string[] };
          w.violations = [];
          document.addEventListener('securitypolicyviolation', (e) => w.violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
        });
        await page.goto(strict.url + path);
        await page.waitForFunction(ready, null, { timeout: 30_000 });
        await page.waitForTimeout(500);
        expect(consoleErrors.filter((e) => /Content.Security.Policy|Refused/i.test(e)), path || 'index.html').toEqual([]);
        expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations), path || 'index.html').toEqual([]);
        await page.close();
      }
    } finally {
      await strict.server.close();
    }
  });
});
