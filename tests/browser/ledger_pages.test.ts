/**
 * A ledger served in pages (npm run pages, with pin tiles): the page loads only what it shows — the default view's
 * figures, a page of the list, the search pages a query needs, a project's chunk — and the whole ledger when asked
 * for something else, then shows the same view from it. Served as a static host serves them, beside the same
 * ledger served whole, whose page every figure is compared with.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataBundle } from '../../src/core/bundle.ts';
import { LAYER } from '../../src/map/ids.ts';
import { writePinTiles } from '../../scripts/tiles.ts';
import { writeLedgerPages } from '../../scripts/pages.ts';
import { launch, ROOT, serveFolder, waitForMap, watchedPage, type Watched } from '../../scripts/browser.ts';
import { fixtureBundleJson } from '../helpers/app_server.ts';

let pagedDir: string;
let wholeDir: string;
let paged: { url: string; close: () => Promise<void> };
let whole: { url: string; close: () => Promise<void> };
let browser: Browser;
/** How many projects the fixture ledger has. */
let count = 0;

beforeAll(async () => {
  const text = fixtureBundleJson();
  const bundle = JSON.parse(text) as DataBundle;
  count = bundle.projects.length;
  // The same ledger twice: whole (as shipped), and in pages as `npm run pages` leaves a build.
  wholeDir = mkdtempSync(join(tmpdir(), 'erqi-whole-'));
  cpSync(join(ROOT, 'dist'), wholeDir, { recursive: true });
  writeFileSync(join(wholeDir, 'data', 'bundle.json'), text);
  pagedDir = mkdtempSync(join(tmpdir(), 'erqi-paged-'));
  cpSync(join(ROOT, 'dist'), pagedDir, { recursive: true });
  const index = writeLedgerPages(bundle, join(pagedDir, 'data', 'pages'), { base: 'pages/', bundle: 'pages/bundle.json', bytes: text.length });
  writeFileSync(join(pagedDir, 'data', 'pages', 'bundle.json'), text);
  writeFileSync(join(pagedDir, 'data', 'bundle.json'), JSON.stringify(index));
  mkdirSync(join(pagedDir, 'tiles'));
  writePinTiles(bundle, join(pagedDir, 'tiles'), 14);
  writeFileSync(join(pagedDir, 'config.json'), JSON.stringify({ tiandituKey: '', pinTiles: 'tiles/tiles.json' }));
  // A host page with the element.
  mkdirSync(join(pagedDir, 'host'));
  writeFileSync(
    join(pagedDir, 'host', 'el.html'),
    '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><script type="module" src="../erqi-axis-map.js"></script><erqi-axis-map panel="compact" style="height:400px"></erqi-axis-map>',
  );
  [paged, whole] = await Promise.all([serveFolder(pagedDir), serveFolder(wholeDir)]);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await paged?.close();
  await whole?.close();
});

/** Opens a page and records the data files it fetched (the path under data/). */
const open = async (base: string, query = '', before?: (page: Page) => Promise<unknown>): Promise<Watched & { fetched: string[] }> => {
  const w = await watchedPage(browser);
  await before?.(w.page);
  const fetched: string[] = [];
  w.page.on('request', (r) => {
    const m = /\/data\/(.+)$/.exec(r.url());
    if (m) fetched.push(m[1]!);
  });
  await w.page.goto(base + query);
  await waitForMap(w.page);
  return { ...w, fetched };
};
/** Every figure of the overview: the axis cards' and the zones'. */
const figures = (page: Page) => page.locator('.axis-card dd[data-figure], .axis-card .mismatch, .zone-list li, .as-of').allTextContents();
const isPaged = (page: Page) => page.evaluate(() => !!window.__erqi!.app!.model.pages);
const selected = (page: Page) => page.evaluate(() => new URLSearchParams(location.search).get('project'));

describe('a ledger in pages', () => {
  it('draws the first view from the pages and the tiles, with the figures the whole ledger gives', async () => {
    const w = await open(paged.url);
    const ref = await open(whole.url);
    expect(await isPaged(w.page)).toBe(true);
    await w.page.waitForTimeout(300); // anything fetched after the first view
    expect(w.fetched).toEqual(['bundle.json']); // the index; not the whole ledger, no list (its tab is closed), no chunk
    expect(await w.page.evaluate(() => window.__erqi!.map!.getSource('projects')!.type)).toBe('vector');
    const mine = await figures(w.page);
    expect(mine.length).toBeGreaterThan(10);
    expect(mine).toEqual(await figures(ref.page));
    // The mismatch lists name their projects (from the pages' names), as the whole ledger's page does.
    expect(await w.page.locator('.project-links button').allTextContents()).toEqual(await ref.page.locator('.project-links button').allTextContents());
    expect(w.consoleErrors).toEqual([]);
    expect(w.failedRequests.filter((r) => !/\/tiles\/\d+\/\d+\/\d+\.pbf HTTP 404$/.test(r))).toEqual([]);
    await Promise.all([w.page.close(), ref.page.close()]);
  });

  it('lists a page in name order, in either language, and opens a row’s card from its chunk', async () => {
    const w = await open(paged.url);
    const ref = await open(whole.url);
    for (const p of [w.page, ref.page]) await p.getByRole('tab', { name: '列表' }).click();
    const rows = w.page.locator('.paged tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    expect(await rows.allTextContents()).toEqual(await ref.page.locator('.project-table tbody tr').allTextContents());
    expect(await w.page.locator('.pager').textContent()).toContain('第 1 / 1 页');
    await w.page.locator('.paged tbody tr').nth(3).getByRole('button').click();
    await w.page.locator('.project-card').waitFor();
    const id = await selected(w.page);
    expect(id).toBeTruthy();
    expect(w.fetched).toContain('pages/list/zh-0.json');
    expect(w.fetched).toContain('pages/ids/0.json');
    expect(w.fetched).toContain('pages/cards/0.json');
    // The card is the one the whole ledger's page shows for the same project.
    await ref.page.goto(`${whole.url}?project=${id}`);
    await waitForMap(ref.page);
    expect(await w.page.locator('.project-card').textContent()).toBe(await ref.page.locator('.project-card').textContent());
    // English: the English pages, in English name order.
    await w.page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => w.fetched.includes('pages/list/en-0.json')).toBe(true);
    await ref.page.getByRole('button', { name: 'English' }).click();
    await ref.page.getByRole('tab', { name: 'List' }).click();
    await expect.poll(async () => (await w.page.locator('.paged tbody tr th').allTextContents()).join('|')).toBe((await ref.page.locator('.project-table tbody tr th').allTextContents()).join('|'));
    expect(await isPaged(w.page)).toBe(true);
    await Promise.all([w.page.close(), ref.page.close()]);
  });

  it('searches in pages (name, pinyin) and opens what it finds; a pin on the map opens its card', async () => {
    const w = await open(paged.url);
    await w.page.locator('#search-input').fill('taiheli');
    await w.page.locator('#search-results [data-project="crec-taihe"]').waitFor();
    await w.page.keyboard.press('Enter');
    await w.page.locator('.project-card').waitFor();
    expect(await selected(w.page)).toBe('crec-taihe');
    expect(w.fetched.some((f) => /^pages\/search\/\d+\.json$/.test(f))).toBe(true);
    await w.page.locator('#search-input').fill('没有这个项目');
    await w.page.locator('#search-results li', { hasText: '无匹配项目' }).waitFor();

    // A pin from the tiles: its feature id is its ledger index; the page fetches its chunk and opens the card.
    await w.page.locator('.card-close').click();
    await w.page.evaluate(() => window.__erqi!.map!.jumpTo({ zoom: 16, center: [113.652, 34.7396] }));
    await w.page.evaluate(() => new Promise<void>((r) => window.__erqi!.map!.once('idle', () => r())));
    const at = await w.page.evaluate((layer) => {
      const map = window.__erqi!.map!;
      const f = map.queryRenderedFeatures({ layers: [layer] })[0]!;
      const p = map.project((f.geometry as GeoJSON.Point).coordinates as [number, number]);
      const box = map.getCanvas().getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y, id: f.id as number };
    }, LAYER.projectsPin);
    await w.page.mouse.click(at.x, at.y);
    await expect.poll(() => selected(w.page)).toBeTruthy();
    const bundle = JSON.parse(readFileSync(join(wholeDir, 'data', 'bundle.json'), 'utf8')) as DataBundle;
    expect(await selected(w.page)).toBe(bundle.projects[at.id]!.id);
    expect(w.consoleErrors).toEqual([]);
    await w.page.close();
  });

  it('opens a link to a project from the pages, and says so when the ledger has no such project', async () => {
    const w = await open(paged.url, '?project=crec-taihe');
    await w.page.locator('.project-card').waitFor();
    expect(await w.page.locator('.project-card').textContent()).toContain('泰和');
    await w.page.close();
    const m = await open(paged.url, '?project=no-such-project');
    await m.page.locator('.notice', { hasText: 'no-such-project' }).waitFor();
    // The address follows within its throttle (url_sync.ts: a replaced entry is written up to 300 ms later).
    await expect.poll(() => selected(m.page)).toBeNull();
    await m.page.close();
  });

  it('loads the whole ledger for a filter, says so, then shows the filtered view the whole ledger gives', async () => {
    // The whole ledger held back a moment, as a large one takes its time: the page says what it is doing.
    const w = await open(paged.url, '', (page) =>
      page.route('**/data/pages/bundle.json', async (r) => {
        await new Promise((done) => setTimeout(done, 1500));
        await r.continue();
      }),
    );
    await w.page.getByRole('tab', { name: '筛选' }).click();
    await w.page.locator('#f-statuses-operating').click();
    await w.page.locator('.notice', { hasText: `正在载入整本台账（${count} 个项目` }).waitFor();
    // Meanwhile no figure for the filter is shown before it is known (never the pages' zeros).
    expect(await w.page.locator('#panel').textContent()).toContain('正在载入…');
    await w.page.waitForFunction(() => window.__erqi?.ready === true && !window.__erqi.app?.model.pages, null, { timeout: 30_000 });
    expect(w.fetched).toContain('pages/bundle.json');
    // The same tab, with the choice made, as the planner left it.
    expect(await w.page.getByRole('tab', { name: '筛选' }).getAttribute('aria-selected')).toBe('true');
    expect(await w.page.locator('#f-statuses-operating').isChecked()).toBe(true);
    await w.page.getByRole('tab', { name: '概览' }).click();
    const ref = await open(whole.url, '?status=operating');
    expect(await w.page.evaluate(() => location.search)).toContain('status=operating');
    expect(await w.page.locator('.filter-status').textContent()).toBe(await ref.page.locator('.filter-status').textContent());
    expect(await figures(w.page)).toEqual(await figures(ref.page));
    // Now whole: exports, import and edit are offered as on the whole ledger's page.
    await w.page.locator('summary', { hasText: '导出' }).waitFor();
    await w.page.getByRole('button', { name: '导入' }).waitFor();
    expect(await w.page.locator('.whole-button').count()).toBe(0);
    expect(w.consoleErrors).toEqual([]);
    await Promise.all([w.page.close(), ref.page.close()]);
  });

  it('keeps the default view when the whole ledger does not load, and says why', async () => {
    const w = await watchedPage(browser);
    await w.page.route('**/data/pages/bundle.json', (r) => r.fulfill({ status: 503, body: 'busy' }));
    await w.page.goto(paged.url);
    await waitForMap(w.page);
    const before = await figures(w.page);
    await w.page.getByRole('button', { name: /载入整本台账/ }).click();
    await w.page.locator('.notice', { hasText: '整本台账未能载入' }).waitFor();
    expect(await w.page.locator('.notice').textContent()).toContain('HTTP 503');
    expect(await isPaged(w.page)).toBe(true);
    expect(await figures(w.page)).toEqual(before);
    await w.page.close();
  });

  it('serves the iframe from the pages too: the default view from them, a host’s filter from the whole ledger', async () => {
    const w = await watchedPage(browser);
    const warnings: string[] = [];
    w.page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    const fetched: string[] = [];
    w.page.on('request', (r) => {
      const m = /\/data\/(.+)$/.exec(r.url());
      if (m) fetched.push(m[1]!);
    });
    const ready = (page: Page) => page.waitForFunction(() => window.__erqiEmbed?.ready === true, null, { timeout: 30_000 });
    await w.page.goto(`${paged.url}embed.html?panel=compact`);
    await ready(w.page);
    const ref = await watchedPage(browser);
    await ref.page.goto(`${whole.url}embed.html?panel=compact`);
    await ready(ref.page);
    const chips = (page: Page) => page.locator('.axis-chip').allTextContents();
    expect(await chips(w.page)).toEqual(await chips(ref.page));
    expect(fetched).toEqual(['bundle.json']);
    // A host selects a project: looked up in the pages, answered once its card is open; an id the ledger lacks: false.
    expect(await w.page.evaluate(() => window.__erqiEmbed!.handle!.selectProject('crec-taihe'))).toBe(true);
    expect(await w.page.locator('.project-card', { hasText: '泰和' }).count()).toBe(1);
    expect(await w.page.evaluate(() => window.__erqiEmbed!.handle!.selectProject('no-such-project'))).toBe(false);
    expect(warnings).toContain('erqi-axis-map: selectProject: no project no-such-project');
    await w.page.locator('.project-card', { hasText: '泰和' }).waitFor();
    // A host's filter: the whole ledger, then the embed again in that view, the card still open.
    expect(await w.page.evaluate(() => window.__erqiEmbed!.handle!.setFilters({ statuses: ['operating'] }))).toBe(true);
    await w.page.waitForFunction(() => window.__erqiEmbed!.handle!.getState().filter.statuses.includes('operating') && !!window.__erqiEmbed!.handle!.view.map?.getSource('projects') && window.__erqiEmbed!.handle!.view.map!.getSource('projects')!.type === 'geojson', null, { timeout: 30_000 });
    expect(fetched).toContain('pages/bundle.json');
    await ref.page.goto(`${whole.url}embed.html?panel=compact&status=operating`);
    await ready(ref.page);
    await expect.poll(() => chips(w.page)).toEqual(await chips(ref.page));
    await w.page.locator('.project-card', { hasText: '泰和' }).waitFor();
    expect(w.consoleErrors).toEqual([]);
    await Promise.all([w.page.close(), ref.page.close()]);
  });

  it('keeps the iframe’s default view when the whole ledger does not load, and warns the host page’s developer', async () => {
    const w = await watchedPage(browser);
    const warnings: string[] = [];
    w.page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await w.page.route('**/data/pages/bundle.json', (r) => r.fulfill({ status: 503, body: 'busy' }));
    await w.page.goto(`${paged.url}embed.html?panel=compact`);
    await w.page.waitForFunction(() => window.__erqiEmbed?.ready === true, null, { timeout: 30_000 });
    const before = await w.page.locator('.axis-chip').allTextContents();
    await w.page.evaluate(() => window.__erqiEmbed!.handle!.setFilters({ statuses: ['operating'] }));
    await expect.poll(() => warnings.join('\n')).toMatch(/the whole ledger did not load \(.*HTTP 503\); showing the default view/);
    await expect.poll(() => w.page.locator('.axis-chip').allTextContents()).toEqual(before);
    expect(await w.page.evaluate(() => window.__erqiEmbed!.handle!.getState().filter.statuses)).toEqual([]);
    await w.page.close();
  });

  it('starts an embed in a view the pages do not hold from the whole ledger, making its map once', async () => {
    // The Embed dialog's "focus an axis" writes axes=daxue: a filter. The whole ledger is loaded first (said while it
    // loads), then one map is made from it — not a map from the pages thrown away when the ledger comes.
    const countContexts = (page: Page) =>
      page.addInitScript({ content: `window.__contexts = 0; const get = HTMLCanvasElement.prototype.getContext; HTMLCanvasElement.prototype.getContext = function (kind, ...rest) { if (/webgl/.test(kind)) window.__contexts++; return get.call(this, kind, ...rest); };` });
    const w = await watchedPage(browser);
    await countContexts(w.page);
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    await w.page.route('**/data/pages/bundle.json', async (r) => (await held, r.continue()));
    await w.page.goto(`${paged.url}embed.html?panel=compact&axis=daxue&axes=daxue`);
    await expect.poll(() => w.page.locator('[role=status]').textContent()).toMatch(/^正在载入整本台账（\d+ 个项目，\d+ kB）…$/);
    expect(await w.page.evaluate(() => (window as unknown as { __contexts: number }).__contexts)).toBe(0);
    release();
    await w.page.waitForFunction(() => window.__erqiEmbed?.ready === true, null, { timeout: 30_000 });
    expect(await w.page.evaluate(() => (window as unknown as { __contexts: number }).__contexts)).toBe(1);
    expect(await w.page.evaluate(() => window.__erqiEmbed!.handle!.view.map!.getSource('projects')!.type)).toBe('geojson');
    const ref = await watchedPage(browser);
    await ref.page.goto(`${whole.url}embed.html?panel=compact&axis=daxue&axes=daxue`);
    await ref.page.waitForFunction(() => window.__erqiEmbed?.ready === true, null, { timeout: 30_000 });
    const chips = (page: Page) => page.locator('.axis-chip').allTextContents();
    expect(await chips(w.page)).toEqual(await chips(ref.page));
    expect(w.consoleErrors).toEqual([]);
    await Promise.all([w.page.close(), ref.page.close()]);

    // The element the same way: one map, one ready event.
    const e = await watchedPage(browser);
    await countContexts(e.page);
    await e.page.goto(`${paged.url}host/el.html`);
    await e.page.locator('.axis-chip').first().waitFor();
    const readies = await e.page.evaluate(async () => {
      const old = document.querySelector('erqi-axis-map')!;
      const fresh = document.createElement('erqi-axis-map');
      fresh.setAttribute('panel', 'compact');
      fresh.setAttribute('zone', 'north');
      fresh.style.height = '400px';
      let n = 0;
      fresh.addEventListener('ready', () => n++);
      const before = (window as unknown as { __contexts: number }).__contexts;
      old.replaceWith(fresh);
      await new Promise<void>((done) => fresh.addEventListener('ready', () => done(), { once: true }));
      await new Promise((r) => setTimeout(r, 1500));
      return { n, made: (window as unknown as { __contexts: number }).__contexts - before };
    });
    expect(readies).toEqual({ n: 1, made: 1 });
    expect(e.consoleErrors).toEqual([]);
    await e.page.close();

    // When the whole ledger does not load: the default view from the pages, and a warning naming why.
    const f = await watchedPage(browser);
    const warnings: string[] = [];
    f.page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await f.page.route('**/data/pages/bundle.json', (r) => r.fulfill({ status: 503, body: 'busy' }));
    await f.page.goto(`${paged.url}embed.html?panel=compact&axes=daxue`);
    await f.page.waitForFunction(() => window.__erqiEmbed?.ready === true, null, { timeout: 30_000 });
    expect(warnings.join('\n')).toMatch(/erqi-axis-map: the whole ledger did not load \(.*HTTP 503\); showing the default view/);
    expect(await f.page.evaluate(() => window.__erqiEmbed!.handle!.getState().filter.axes)).toEqual([]);
    await f.page.close();
  });

  it('serves the element from the pages, and a zone option from the whole ledger', async () => {
    const e = await watchedPage(browser);
    const fetched: string[] = [];
    e.page.on('request', (r) => {
      const m = /\/data\/(.+)$/.exec(r.url());
      if (m) fetched.push(m[1]!);
    });
    await e.page.goto(`${paged.url}host/el.html`);
    await e.page.locator('.axis-chip').first().waitFor();
    expect(fetched).toEqual(['bundle.json']);
    // The element's selectProject answers once the project is looked up in the pages.
    expect(await e.page.evaluate(() => document.querySelector('erqi-axis-map')!.selectProject('crec-taihe'))).toBe(true);
    expect(await e.page.locator('.project-card', { hasText: '泰和' }).count()).toBe(1);
    expect(await e.page.evaluate(() => document.querySelector('erqi-axis-map')!.selectProject('no-such-project'))).toBe(false);
    expect(await e.page.evaluate(() => document.querySelector('erqi-axis-map')!.setFilters({ statuses: ['operating'] }))).toBe(true);
    await expect.poll(() => fetched.includes('pages/bundle.json'), { timeout: 30_000 }).toBe(true);
    await expect.poll(async () => (await e.page.locator('.axis-chip').allTextContents()).join('|'), { timeout: 30_000 }).not.toContain('正在载入');
    expect(e.consoleErrors).toEqual([]);
    await e.page.close();

    // The iframe with a zone: a filter from the start, so the whole ledger from the start.
    const z = await watchedPage(browser);
    await z.page.goto(`${paged.url}embed.html?zone=north&panel=compact`);
    await z.page.waitForFunction(() => window.__erqiEmbed?.handle?.view.map?.getSource('projects')?.type === 'geojson', null, { timeout: 30_000 });
    expect(await z.page.evaluate(() => window.__erqiEmbed!.handle!.getState().filter.zones)).toEqual(['north']);
    await z.page.close();
  });
});
