/** What a planner takes away: tables in the interface's language, an Excel workbook, a report-grade PNG and a printed page. */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DataModel } from '../../src/app/derive.ts';
import { axisSummaryTable } from '../../src/core/axis_summary.ts';
import { buildBundle } from '../../src/core/bundle.ts';
import { parseCsv } from '../../src/core/csv.ts';
import { EMPTY_FILTER, type Filter } from '../../src/core/facets.ts';
import { distanceM } from '../../src/core/geodesy.ts';
import { importLedger } from '../../src/import/import_ledger.ts';
import { metresPerPixel } from '../../src/app/export_png.ts';
import { waitForMap, watchedPage } from '../../scripts/browser.ts';
import { withApp } from '../helpers/app_server.ts';
import { fixtureSources } from '../helpers/fixtures.ts';
import { countColours } from './pixels.ts';

const app = withApp();
const bundle = buildBundle(fixtureSources()).value!.bundle;
const model = new DataModel(bundle);
const FILTER: Filter = { ...EMPTY_FILTER, statuses: ['operating', 'completed'] };

async function open(query: string, viewport = { width: 1280, height: 800 }) {
  const w = await watchedPage(app.browser, viewport);
  // The print dialog is the browser's: here it only counts that it was asked for.
  await w.page.addInitScript(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void (window as unknown as { printed: number }).printed++;
  });
  await w.page.goto(app.url + query);
  await waitForMap(w.page);
  return w;
}

async function save(page: Page, item: string): Promise<{ name: string; bytes: Buffer }> {
  await page.locator('.export-menu summary').click();
  const [d] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-export="${item}"]`).click()]);
  return { name: d.suggestedFilename(), bytes: readFileSync((await d.path())!) };
}

/** Width and height from a PNG's header (IHDR). */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

describe('tables', () => {
  it('CSV and GeoJSON hold the filtered set, in Chinese, under a name that says the filter', async () => {
    const { page } = await open('?status=operating,completed');
    const expected = model.derive(FILTER, 500).filtered().projects.map((p) => p.id);
    const csv = await save(page, 'csv');
    expect(csv.name).toBe('二七项目-2023-12-运营_建成.csv');
    const text = csv.bytes.toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [head, ...rows] = parseCsv(text).rows.map((r) => r.fields);
    expect(rows.map((r) => r[0])).toEqual(expected);
    expect(head!.slice(0, 3)).toEqual(['项目编号', '项目名称', '英文名称']);
    expect(new Set(rows.map((r) => r[head!.indexOf('状态')]))).toEqual(new Set(['运营', '建成']));
    const geojson = JSON.parse((await save(page, 'geojson')).bytes.toString('utf8'));
    expect(geojson.features.map((f: { id: string }) => f.id)).toEqual(expected);
    await page.close();
  });

  it('an Excel workbook: the projects (read back by the import), the axes compared, and what the file is', async () => {
    const { page } = await open('?status=operating,completed&corridor=1000');
    const xlsx = await save(page, 'xlsx');
    expect(xlsx.name).toBe('二七项目-2023-12-运营_建成.xlsx');
    // The projects sheet is a ledger the import takes back: the same projects, the same positions.
    const { result } = await importLedger(xlsx.name, new Uint8Array(xlsx.bytes), { axes: model.axes });
    const expected = model.derive(FILTER, 1000).filtered().projects;
    expect(result.projects.map((p) => [p.id, p.status, p.site?.lon ?? null, p.site?.lat ?? null])).toEqual(
      expected.map((p) => [p.id, p.status, p.site?.lon ?? null, p.site?.lat ?? null]),
    );
    const { default: readXlsxFile } = await import('read-excel-file/node');
    const sheets = await readXlsxFile(xlsx.bytes);
    expect(sheets.map((s) => s.sheet)).toEqual(['项目', '轴线汇总', '说明']);
    // The summary sheet is the core's table for this filter and corridor, cell for cell.
    const summary = axisSummaryTable(model.derive(FILTER, 1000).aggregates.axes, 'zh');
    expect(sheets[1]!.data).toEqual([summary.header, ...summary.rows]);
    // The about sheet says what is in the file, and that an empty cell is "not disclosed", not 0.
    const about = Object.fromEntries(sheets[2]!.data.map((r) => [String(r[0]), String(r[1])]));
    expect(about['筛选']).toBe('筛选: 运营/建成');
    expect(about['数据']).toBe('数据截至 2023-12 · 走廊半宽 1,000 米');
    expect(about['项目数']).toBe(String(expected.length));
    expect(about['空白单元格']).toMatch(/未公开/);
    await page.close();
  });

  it('the axis summary as CSV, in English when the interface is', async () => {
    const { page } = await open('?lang=en&corridor=1500');
    const file = await save(page, 'summary');
    expect(file.name).toBe('axis-summary-erqi-projects-2023-12.csv');
    const rows = parseCsv(file.bytes.toString('utf8')).rows.map((r) => r.fields);
    const summary = axisSummaryTable(model.derive(EMPTY_FILTER, 1500).aggregates.axes, 'en');
    expect(rows).toEqual([summary.header, ...summary.rows.map((r) => r.map(String))]);
    expect(rows[0]).toContain('Investment in corridor (亿元)');
    // Undisclosed is written out, never left to read as 0.
    expect(rows.flat()).toContain('not disclosed');
    await page.close();
  });
});

describe('the axes compared in the overview', () => {
  it('sorts by a column on a click (largest first), the other way on a second, and says so to a screen reader', async () => {
    const { page } = await open('?corridor=1500');
    const order = () => page.locator('.axis-table tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-axis')));
    const byReported = [...model.derive(EMPTY_FILTER, 1500).aggregates.axes].sort((a, b) => b.reported.investment_yi - a.reported.investment_yi).map((a) => a.id);
    expect(await order()).toEqual(model.layout.axisIds);
    await page.locator('[data-sort="reported_yi"]').click();
    expect(await order()).toEqual(byReported);
    expect(await page.locator('th:has([data-sort="reported_yi"])').getAttribute('aria-sort')).toBe('descending');
    await page.locator('[data-sort="reported_yi"]').focus();
    await page.keyboard.press('Enter');
    expect(await order()).toEqual([...byReported].reverse());
    expect(await page.locator('th:has([data-sort="reported_yi"])').getAttribute('aria-sort')).toBe('ascending');
    // A figure nobody disclosed sorts last either way, never as 0.
    await page.locator('[data-sort="mapped_yi"]').click();
    const undisclosed = model.derive(EMPTY_FILTER, 1500).aggregates.axes.filter((a) => a.mapped.investment_yi === null).map((a) => a.id);
    expect((await order()).slice(-undisclosed.length)).toEqual(undisclosed);
    // The sort survives a change of corridor (the panel redraws).
    await page.locator('.corridor-control input[type="range"]').fill('1000');
    expect(await page.locator('th:has([data-sort="mapped_yi"])').getAttribute('aria-sort')).toBe('descending');
    await page.close();
  });
});

describe('pictures and paper', () => {
  it('PNG at 2×: the map twice as sharp, the whole legend, a scale bar that measures true, every source', async () => {
    const { page } = await open('?status=operating,completed');
    const mapCss = await page.locator('.maplibregl-canvas').evaluate((c) => ({ width: c.clientWidth, height: c.clientHeight }));
    const png = await save(page, 'png');
    expect(png.name).toBe('二七项目-2023-12-运营_建成.png');
    expect(png.bytes.subarray(1, 4).toString()).toBe('PNG');
    const size = pngSize(png.bytes);
    expect(size.width).toBe(Math.max(2 * mapCss.width, 1440));
    // Title and subtitle above, legend rows and five footer lines below: the page is taller than the map.
    expect(size.height).toBeGreaterThan(2 * mapCss.height + 2 * 160);
    const counts = await countColours(page, png.bytes, { songshan: '#0072B2', daxue: '#D55E00', jingguang: '#009E73' }, 20);
    for (const n of Object.values(counts)) expect(n).toBeGreaterThan(400);
    // The screen's map is back at its own sharpness.
    expect(await page.locator('.maplibregl-canvas').evaluate((c) => (c as HTMLCanvasElement).width / c.clientWidth)).toBe(1);
    // The scale bar's metres per pixel against the map's own projection, measured over 200 px at the centre.
    const { lat, zoom, a, b } = await page.evaluate(() => {
      const m = window.__erqi!.map!;
      const { width, height } = m.getCanvas().getBoundingClientRect();
      return { lat: m.getCenter().lat, zoom: m.getZoom(), a: m.unproject([width / 2 - 100, height / 2]).toArray(), b: m.unproject([width / 2 + 100, height / 2]).toArray() };
    });
    const measured = distanceM(a[0]!, a[1]!, b[0]!, b[1]!) / 200;
    expect(Math.abs(metresPerPixel(lat, zoom) / measured - 1)).toBeLessThan(0.01);
    await page.close();
  });

  it('a print on one A4 landscape page: title, filter, map, legend, the axes compared, sources', async () => {
    const { page } = await open('?status=operating,completed');
    await page.locator('.export-menu summary').click();
    await page.locator('[data-export="a4"]').click();
    await page.waitForFunction(() => (window as unknown as { printed: number }).printed === 1);
    const sheet = page.locator('.print-sheet');
    expect(await sheet.getAttribute('data-paper')).toBe('a4');
    expect(await sheet.isVisible()).toBe(false); // on screen, nothing changes
    await page.emulateMedia({ media: 'print' });
    expect(await sheet.isVisible()).toBe(true);
    expect(await page.locator('#app').isVisible()).toBe(false);
    expect(await sheet.locator('h1').innerText()).toBe('二七区“三区三轴”项目地图');
    expect(await sheet.locator('header').innerText()).toContain('筛选: 运营/建成');
    expect(await sheet.locator('img.print-map').evaluate((i) => (i as HTMLImageElement).naturalWidth)).toBeGreaterThan(1000);
    expect(await sheet.locator('.print-legend li').count()).toBe(3 + 1 + 4 + 1 + 4); // axes, corridor, stages, sizes, the rest
    expect(await sheet.locator('.axis-table tbody tr').count()).toBe(3);
    expect(await sheet.locator('footer').innerText()).toMatch(/DataV GeoAtlas[\s\S]*打印于 \d{4}-\d{2}-\d{2}/);
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
    const [, w, h] = /\/MediaBox\s*\[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf)!;
    expect([Math.round(Number(w)), Math.round(Number(h))]).toEqual([842, 595]); // A4 landscape, in points
    // The browser's print is over: the page is gone, the app is as it was.
    await page.emulateMedia({ media: 'screen' });
    expect(await page.locator('.print-sheet').count()).toBe(0);
    await page.close();
  });
});
