/** Faults that used to leave a page stuck on "Loading…" or silent (issue #16, item 5). */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { launch, waitForMap, watchedPage } from '../../scripts/browser.ts';
import { withApp } from '../helpers/app_server.ts';

const app = withApp();
let bundle: Record<string, unknown>;
beforeAll(async () => {
  bundle = (await (await fetch(`${app.url}data/bundle.json`)).json()) as Record<string, unknown>;
});

/** The app, the iframe page and the element, each with `body` served as data/bundle.json: the alert each shows. */
async function alerts(body: string): Promise<string[]> {
  const texts: string[] = [];
  for (const path of ['', 'embed.html', 'examples/element.html']) {
    const { page } = await watchedPage(app.browser);
    await page.route('**/data/bundle.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body }));
    await page.goto(app.url + path);
    const alert = path.startsWith('examples') ? page.locator('erqi-axis-map [role="alert"]') : page.getByRole('alert');
    await alert.first().waitFor({ timeout: 15_000 });
    texts.push((await alert.first().textContent()) ?? '');
    await page.close();
  }
  return texts;
}

describe('a data bundle with the right tag and the wrong shape', () => {
  const CASES: Array<[string, (b: Record<string, unknown>) => unknown, string]> = [
    ['missing fields', (b) => ({ format: b['format'], projects: b['projects'] }), 'as_of: '],
    ['null in its project list', (b) => ({ ...b, projects: [null, ...(b['projects'] as unknown[])] }), 'projects.0: is not a project object'],
    ['a project without an id', (b) => ({ ...b, projects: [{ ...(b['projects'] as Array<Record<string, unknown>>)[0], id: null }] }), 'projects.0.id: is required'],
    ['a project with a text amount', (b) => ({ ...b, projects: [{ ...(b['projects'] as Array<Record<string, unknown>>)[0], investment_total_yi: '12' }] }), 'projects.0.investment_total_yi: should be an amount in 亿元'],
    ['an axis of the wrong kind', (b) => ({ ...b, axes: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: null }] } }), 'axes.features.0.'],
  ];
  it.each(CASES)('%s: the app, the iframe and the element each say what is wrong, naming the file and field', async (_name, make, field) => {
    const texts = await alerts(JSON.stringify(make(bundle)));
    // The app and the iframe in Chinese (their default); the example page's first element asks for English.
    const [appText, iframeText, elementText] = texts;
    for (const text of [appText, iframeText]) {
      expect(text).toContain('无法加载数据文件: ');
      expect(text).toContain('data/bundle.json：数据包内容有误（请运行 npm run data）');
    }
    expect(elementText).toContain('Could not load the data file: ');
    expect(elementText).toContain('data/bundle.json: not a valid data bundle (run npm run data)');
    expect(elementText).toContain(field);
    // In Chinese the field is named by the same path, what it should be said in Chinese.
    const path = field.split(':')[0]!;
    for (const text of [appText, iframeText]) expect(text).toContain(`${path}${field.includes(':') ? '：' : ''}`);
    for (const text of [appText, iframeText]) expect(text).not.toMatch(/expected|received|should be|is required/);
  });
});

describe('config.json', () => {
  async function timeToMap(page: Page): Promise<number> {
    const t0 = Date.now();
    await page.goto(app.url);
    await waitForMap(page, 20_000);
    return Date.now() - t0;
  }
  it('that never answers holds the app only until its 3 s time-out', async () => {
    const { page } = await watchedPage(app.browser);
    const warnings: string[] = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await page.route('**/config.json', () => {}); // never answered
    expect(await timeToMap(page)).toBeLessThan(15_000);
    expect(warnings.some((w) => /config\.json: no answer in 3 s: using defaults/.test(w))).toBe(true);
    await page.close();
  });
});

describe('no WebGL', () => {
  it('the iframe and the element keep their figures and say why there is no map, with no page error', async () => {
    const noGl = await launch(['--disable-webgl', '--disable-3d-apis']);
    try {
      for (const [path, root] of [['embed.html', 'document'], ['examples/element.html', 'element']] as const) {
        const { page, consoleErrors } = await watchedPage(noGl);
        await page.goto(app.url + path);
        const scope = root === 'element' ? page.locator('erqi-axis-map').first() : page.locator('body');
        await scope.locator('.no-webgl').waitFor({ timeout: 20_000 });
        expect(await scope.locator('.no-webgl').textContent(), path).toMatch(/WebGL (不可用|unavailable)/);
        expect(await scope.locator('.axis-chip').count(), path).toBe(3);
        expect(consoleErrors, path).toEqual([]);
        await page.close();
      }
    } finally {
      await noGl.close();
    }
  });
});

describe('a script chunk that does not load', () => {
  /** The app with one of its files answering 404. */
  async function appWithout(pattern: string): Promise<Page> {
    const { page } = await watchedPage(app.browser);
    await page.route(pattern, (r) => r.fulfill({ status: 404, body: '' }));
    await page.goto(app.url);
    return page;
  }
  const notice = (page: Page) => page.locator('.map-wrap [role="alert"]').first();

  it("MapLibre's worker: the map says it failed, instead of staying blank", async () => {
    const page = await appWithout('**/maplibre-gl-worker*.mjs');
    await expect.poll(() => notice(page).textContent(), { timeout: 20_000 }).toContain('部分程序文件加载失败（地图绘制组件）');
    await page.close();
  });

  it('the import dialog: the Import button says it failed', async () => {
    const page = await appWithout('**/assets/import_dialog-*.js');
    await waitForMap(page);
    await page.getByRole('button', { name: '导入' }).click();
    await expect.poll(() => notice(page).textContent()).toContain('部分程序文件加载失败（导入功能）');
    await page.close();
  });

  it('the import worker: the dialog says it failed, instead of spinning on 正在读取…', async () => {
    const page = await appWithout('**/assets/import_worker-*.js');
    await waitForMap(page);
    await page.getByRole('button', { name: '导入' }).click();
    await page.locator('#import-file').setInputFiles({ name: 'a.csv', mimeType: 'text/csv', buffer: Buffer.from('项目名称\n甲\n') });
    await expect.poll(() => page.locator('.import-status [role="alert"]').textContent(), { timeout: 30_000 }).toContain('无法启动文件读取程序');
    await page.close();
  });

  it('the corridor chunk: a width change says it failed; the old bands stay', async () => {
    const page = await appWithout('**/assets/corridors-*.js');
    await waitForMap(page);
    await page.locator('#corridor-input').fill('1500');
    await page.locator('#corridor-input').dispatchEvent('change');
    await expect.poll(() => notice(page).textContent()).toContain('部分程序文件加载失败（走廊计算）');
    await page.close();
  });
});
