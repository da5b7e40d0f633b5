/**
 * 项目落图 in the built app: place, draw and edit projects; nothing lost on reload; undo; two tabs; export back to
 * the ledger's own files (equal to tests/fixtures/edit byte for byte); refused where it must be.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import gcoord from 'gcoord';
import proj4 from 'proj4';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildBundle } from '../../src/core/bundle.ts';
import { ROOT, startServer, waitForMap } from '../../scripts/browser.ts';
import { fixtureFiles, withApp } from '../helpers/app_server.ts';
import { fixtureSources } from '../helpers/fixtures.ts';

const app = withApp();
const EXPECTED = join(ROOT, 'tests/fixtures/edit');
const NOW = new Date('2026-11-27T10:00:00Z');

/** `fixedClock`: Date frozen at NOW, so exported files are the same on every run (terra-draw needs a running clock). */
async function freshPage(context?: BrowserContext, fixedClock = false): Promise<{ page: Page; context: BrowserContext }> {
  const ctx = context ?? (await app.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true }));
  const page = await ctx.newPage();
  if (fixedClock) await page.clock.setFixedTime(NOW);
  return { page, context: ctx };
}
const ready = (page: Page) => page.waitForFunction(() => window.__erqi?.ready === true, null, { timeout: 30_000 });
async function openEditor(page: Page, query = ''): Promise<void> {
  await page.goto(`${app.url}${query}`);
  await waitForMap(page);
  await page.locator('[data-key="edit"]').click();
  await page.locator('.edit-panel').waitFor();
  await ready(page);
}
const pending = (page: Page) => page.locator('.edit-pending').getAttribute('data-pending').then(Number);
const mappedCount = async (page: Page) => Number(/已定位 (\d+) 项/.exec((await page.locator('[data-figure="ledger"]').innerText()) ?? '')![1]);
async function pick(page: Page, id: string): Promise<void> {
  await page.locator('#edit-project').selectOption(id);
  await ready(page);
}
/** Types a location and saves it; resolves once the app shows it. */
async function typeLocation(page: Page, o: { coords: string; kind?: string; crs?: string; accuracy: string; evidence: string }): Promise<void> {
  const before = await pending(page);
  await page.locator('#edit-coords').fill(o.coords);
  if (o.kind) await page.locator('#edit-kind').selectOption(o.kind);
  if (o.crs) await page.locator('#edit-crs').selectOption(o.crs);
  await page.locator('#edit-accuracy').fill(o.accuracy);
  await page.locator('#edit-evidence').fill(o.evidence);
  await page.locator('[data-key="edit-save-location"]').click();
  await page.waitForFunction((n) => Number(document.querySelector('.edit-pending')?.getAttribute('data-pending')) === n, before + 1);
  await ready(page);
}

describe('项目落图: editing the ledger in the browser', () => {
  it('places a point, a road and an area by coordinates, edits fields through the ledger’s checks, keeps all on reload, undoes, and exports the repo’s files', async () => {
    const { page, context } = await freshPage(undefined, true);
    await openEditor(page);
    const mapped0 = await mappedCount(page);

    // Nothing is saved without accuracy and evidence.
    await pick(page, 'liandong-ugu');
    await page.locator('#edit-coords').fill('113.6505,34.7350');
    await page.locator('[data-key="edit-save-location"]').click();
    expect(await page.locator('.edit-problems').innerText()).toContain('精度');
    expect(await page.locator('.edit-problems').innerText()).toContain('定位依据');
    expect(await pending(page)).toBe(0);

    await typeLocation(page, { coords: '113.6505,34.7350', accuracy: '60', evidence: '红线图 2023-05' });
    expect(await mappedCount(page)).toBe(mapped0 + 1);
    await pick(page, 'road-kaixuan');
    await typeLocation(page, { coords: '113.6440,34.7000\n113.6520,34.7002\n113.6600,34.7004', kind: 'LineString', crs: 'gcj02', accuracy: '30', evidence: 'road alignment from the 2023 plan' });
    await pick(page, 'shanshan-fashion');
    await typeLocation(page, { coords: '113.6480,34.6800\n113.6520,34.6800\n113.6520,34.6830\n113.6480,34.6830\n113.6480,34.6800', kind: 'Polygon', accuracy: '100', evidence: '地块内 POI' });
    expect(await mappedCount(page)).toBe(mapped0 + 3);
    // The road is drawn as a line and the area as an area.
    const shapes = await page.evaluate(() => {
      const projects = window.__erqi!.app!.model.bundle.projects;
      return window.__erqi!.map!.querySourceFeatures('shapes').map((f) => `${projects[f.id as number]!.id}:${f.geometry.type}`);
    });
    expect(shapes).toEqual(expect.arrayContaining(['road-kaixuan:LineString', 'shanshan-fashion:Polygon']));

    // Fields: a bad amount is refused with the ledger's own message; a good one is kept.
    await pick(page, 'crec-taihe');
    await page.locator('#edit-status').selectOption('under_construction');
    await page.locator('#edit-investment_total_yi').fill('-3');
    await page.locator('[data-key="edit-save-fields"]').click();
    expect(await page.locator('.edit-problems').innerText()).toMatch(/investment_total_yi|总投资/);
    expect(await pending(page)).toBe(3);
    await page.locator('#edit-investment_total_yi').fill('12.5');
    await page.locator('[data-key="edit-save-fields"]').click();
    await page.waitForFunction(() => document.querySelector('.edit-pending')?.getAttribute('data-pending') === '4');
    await ready(page);

    // A closed tab loses nothing.
    await page.close();
    const { page: again } = await freshPage(context, true);
    await openEditor(again);
    expect(await pending(again)).toBe(4);
    expect(await mappedCount(again)).toBe(mapped0 + 3);

    // Export: the zip's files are the repo's formats, the data build takes them, and they equal the fixture.
    const [d] = await Promise.all([again.waitForEvent('download'), again.locator('[data-key="edit-export"]').click()]);
    expect(d.suggestedFilename()).toBe('二七项目台账-2026-11-27.zip');
    const files = unzipSync(readFileSync((await d.path())!));
    const text = Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strFromU8(v)]));
    expect(Object.keys(text).sort()).toEqual(['changes.csv', 'data/projects.csv', 'geo/sites.geojson']);
    if (process.env['UPDATE_EDIT_FIXTURE']) for (const [k, v] of Object.entries(text)) writeFileSync(join(EXPECTED, k.replace('/', '_')), v);
    for (const [k, v] of Object.entries(text)) {
      const expected = join(EXPECTED, k.replace('/', '_'));
      expect(existsSync(expected), expected).toBe(true);
      expect(v, k).toBe(readFileSync(expected, 'utf8'));
    }
    const sources = fixtureSources();
    const rebuilt = buildBundle({ ...sources, projects: { file: 'data/projects.csv', text: text['data/projects.csv']! }, sites: { file: 'geo/sites.geojson', text: text['geo/sites.geojson']! } });
    expect(rebuilt.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const byId = new Map(rebuilt.value!.bundle.projects.map((p) => [p.id, p]));
    expect(byId.get('liandong-ugu')!.site).toMatchObject({ lon: 113.6505, lat: 34.735, accuracy_m: 60, evidence_zh: '红线图 2023-05' });
    expect(byId.get('road-kaixuan')!.site!.geometry!.type).toBe('LineString');
    // GCJ-02 was converted: the first vertex moved about 500 m west.
    expect((byId.get('road-kaixuan')!.site!.geometry!.coordinates[0] as number[])[0]).toBeLessThan(113.6440 - 0.004);
    expect(byId.get('crec-taihe')).toMatchObject({ status: 'under_construction', investment_total_yi: 12.5 });

    // Undo two: the fields change and the area are gone, the rest stays.
    await again.locator('[data-key="edit-undo"]').click();
    await ready(again);
    await again.locator('[data-key="edit-undo"]').click();
    await again.waitForFunction(() => document.querySelector('.edit-pending')?.getAttribute('data-pending') === '2');
    await ready(again);
    expect(await mappedCount(again)).toBe(mapped0 + 2);
    await context.close();

    // Another browser applies the exported change file and shows what the first one did.
    const { page: other, context: elsewhere } = await freshPage();
    await openEditor(other);
    await other.locator('.edit-panel input[type="file"]').setInputFiles({ name: 'changes.csv', mimeType: 'text/csv', buffer: Buffer.from(text['changes.csv']!) });
    await other.waitForFunction(() => document.querySelector('.edit-pending')?.getAttribute('data-pending') === '4');
    await ready(other);
    expect(await mappedCount(other)).toBe(mapped0 + 3);
    await elsewhere.close();
  });

  it('suggests the place a project names, and catches GCJ-02 coordinates typed as WGS84', async () => {
    const { page, context } = await freshPage();
    await openEditor(page);
    await pick(page, 'bibo-antiques');
    await page.locator('[data-suggest="碧波园（片区）"]').click();
    const filled = await page.locator('#edit-coords').inputValue();
    expect(filled).toMatch(/^113\.\d+,34\.\d+$/);
    expect(await page.locator('#edit-evidence').inputValue()).toContain('碧波园');
    // The same place as a Chinese map picker gives it (GCJ-02), typed with WGS84 selected.
    const [lon, lat] = filled.split(',').map(Number) as [number, number];
    const [gx, gy] = gcoord.transform([lon, lat], gcoord.WGS84, gcoord.GCJ02) as [number, number];
    await page.locator('#edit-coords').fill(`${gx.toFixed(6)},${gy.toFixed(6)}`);
    await page.locator('#edit-accuracy').fill('300');
    await page.locator('[data-key="edit-save-location"]').click();
    expect(await page.locator('.edit-problems').innerText()).toContain('GCJ-02');
    expect(await page.locator('#edit-crs').inputValue()).toBe('gcj02');
    expect(await pending(page)).toBe(0);
    // Saved as GCJ-02 (now selected): on the place, within metres.
    await page.locator('[data-key="edit-save-location"]').click();
    await page.waitForFunction(() => document.querySelector('.edit-pending')?.getAttribute('data-pending') === '1');
    await ready(page);
    const site = await page.evaluate(() => window.__erqi!.app!.model.project('bibo-antiques')!.project.site);
    expect(Math.abs(site!.lon - lon) + Math.abs(site!.lat - lat)).toBeLessThan(0.0002);
    await context.close();
  });

  it('takes a 红线范围 in Gauss–Krüger metres and a point written out in degrees, as an import does', async () => {
    const { page } = await freshPage();
    await openEditor(page);
    // The land office's outline: CGCS2000 3° zone 38, X (north) first as surveyors write it.
    const toGk = proj4('EPSG:4326', '+proj=tmerc +lat_0=0 +lon_0=114 +k=1 +x_0=38500000 +y_0=0 +ellps=GRS80 +units=m +no_defs');
    const outline: Array<[number, number]> = [[113.648, 34.68], [113.652, 34.68], [113.652, 34.683], [113.648, 34.683], [113.648, 34.68]];
    const metres = outline.map((p) => toGk.forward(p)).map(([e, n]) => `${n!.toFixed(3)} ${e!.toFixed(3)}`).join('\n');
    await pick(page, 'shanshan-fashion');
    await typeLocation(page, { coords: metres, kind: 'Polygon', accuracy: '1', evidence: '自然资源局红线图' });
    const ring = await page.evaluate(() => (window.__erqi!.app!.model.project('shanshan-fashion')!.project.site!.geometry as { coordinates: number[][][] }).coordinates[0]!);
    ring.forEach((p, k) => {
      expect(Math.abs(p[0]! - outline[k]![0])).toBeLessThan(2e-7);
      expect(Math.abs(p[1]! - outline[k]![1])).toBeLessThan(2e-7);
    });
    // A point written out as a report gives it.
    await pick(page, 'liandong-ugu');
    await typeLocation(page, { coords: '东经113°39′00″，北纬34°44′06″', accuracy: '50', evidence: '报告附图' });
    const site = await page.evaluate(() => window.__erqi!.app!.model.project('liandong-ugu')!.project.site!);
    expect([site.lon, site.lat]).toEqual([113.65, 34.735]);
    // Metres no zone puts in Zhengzhou are refused, saying why.
    await pick(page, 'dayou-microbial');
    await page.locator('#edit-coords').fill('9846600 38469560');
    await page.locator('#edit-accuracy').fill('1');
    await page.locator('#edit-evidence').fill('x');
    await page.locator('[data-key="edit-save-location"]').click();
    expect(await page.locator('.edit-problems').innerText()).toContain('坐标第 1 行像是投影坐标（米），但没有一个高斯-克吕格投影带把它放在郑州');
    await page.close();
  });

  it('draws a point, a line and an area on the map with the pointer', async () => {
    const { page, context } = await freshPage();
    await openEditor(page);
    const canvas = (await page.locator('#map canvas').boundingBox())!;
    const at = (x: number, y: number) => page.mouse.click(canvas.x + canvas.width * x, canvas.y + canvas.height * y);
    const drawAndSave = async (id: string, tool: string, points: Array<[number, number]>, close: boolean) => {
      await pick(page, id);
      // The map moved to the project: the card sits on the right, so draw on the left.
      await page.locator(`[data-draw="${tool}"]`).click();
      for (const [x, y] of points) {
        await at(x, y);
        await page.waitForTimeout(120);
      }
      if (close) await at(...points[0]!);
      else if (tool === 'linestring') await at(...points.at(-1)!);
      await page.locator('.edit-status', { hasText: '已绘制' }).waitFor();
      await page.locator('#edit-accuracy').fill('40');
      await page.locator('#edit-evidence').fill('现场踏勘');
      const before = await pending(page);
      await page.locator('[data-key="edit-save-location"]').click();
      await page.waitForFunction((n) => Number(document.querySelector('.edit-pending')?.getAttribute('data-pending')) === n, before + 1);
      await ready(page);
    };
    await drawAndSave('dayou-microbial', 'point', [[0.2, 0.5]], false);
    await drawAndSave('road-yongkang', 'linestring', [[0.1, 0.3], [0.25, 0.35], [0.35, 0.3]], false);
    // Above the legend (bottom left) and below the note (top left).
    await drawAndSave('honghu-park', 'polygon', [[0.1, 0.16], [0.3, 0.16], [0.3, 0.26], [0.1, 0.26]], true);
    const kinds = await page.evaluate(() =>
      Object.fromEntries(window.__erqi!.app!.model.bundle.projects.filter((p) => ['dayou-microbial', 'road-yongkang', 'honghu-park'].includes(p.id)).map((p) => [p.id, p.site?.geometry?.type ?? (p.site ? 'Point' : null)])),
    );
    expect(kinds).toEqual({ 'dayou-microbial': 'Point', 'road-yongkang': 'LineString', 'honghu-park': 'Polygon' });
    await context.close();
  });

  it('shows an edit made in another tab, and says so', async () => {
    const { page: a, context } = await freshPage();
    const { page: b } = await freshPage(context);
    await openEditor(a);
    await openEditor(b);
    await pick(a, 'bibo-antiques');
    await typeLocation(a, { coords: '113.6420,34.7420', accuracy: '200', evidence: '公交站“金博大超市(碧波园)”附近（示意）' });
    await b.waitForFunction(() => document.querySelector('.edit-pending')?.getAttribute('data-pending') === '1', null, { timeout: 30_000 });
    await ready(b);
    expect(await b.locator('.notice').innerText()).toContain('另一个标签页');
    expect(await mappedCount(b)).toBe(await mappedCount(a));
    await context.close();
  });

  it('refuses to start editing, plainly, where edits cannot be kept; the map goes on', async () => {
    const { page, context } = await freshPage();
    await page.addInitScript(() => Object.defineProperty(window, 'indexedDB', { value: undefined }));
    await page.goto(app.url);
    await waitForMap(page);
    await page.locator('[data-key="edit"]').click();
    await page.locator('.notice', { hasText: '无法进入编辑' }).waitFor();
    expect(await page.locator('.edit-panel').count()).toBe(0);
    await page.getByRole('tab', { name: '列表' }).click();
    expect(await page.locator('#panel-list table').count()).toBe(1);
    await context.close();
  });

  it('adds a project, deletes one only when asked twice, and undoes the deletion', async () => {
    const { page, context } = await freshPage();
    await openEditor(page);
    const listed = () => page.evaluate(() => window.__erqi!.app!.model.bundle.projects.length);
    const n0 = await listed();
    await page.locator('.edit-add summary').click();
    await page.locator('#edit-new-id').fill('crec-taihe');
    await page.locator('#edit-new-name').fill('重复');
    await page.locator('[data-key="edit-add"]').click();
    expect(await page.locator('.edit-problems').innerText()).toContain('crec-taihe');
    await page.locator('#edit-new-id').fill('new-park');
    await page.locator('#edit-new-name').fill('新建示范园');
    await page.locator('[data-key="edit-add"]').click();
    await page.waitForFunction(() => document.querySelector('.edit-pending')?.getAttribute('data-pending') === '1');
    await ready(page);
    expect(await listed()).toBe(n0 + 1);
    expect(await page.locator('#edit-project').inputValue()).toBe('new-park');
    // Delete: the first click only asks.
    await pick(page, 'yaxing-wanjia');
    await page.locator('[data-key="edit-delete"]').click();
    expect(await pending(page)).toBe(1);
    await page.locator('[data-key="edit-delete"]', { hasText: '确认删除' }).click();
    await page.waitForFunction(() => document.querySelector('.edit-pending')?.getAttribute('data-pending') === '2');
    await ready(page);
    expect(await page.evaluate(() => window.__erqi!.app!.model.project('yaxing-wanjia'))).toBeNull();
    await page.locator('[data-key="edit-undo"]').click();
    await page.waitForFunction(() => document.querySelector('.edit-pending')?.getAttribute('data-pending') === '1');
    await ready(page);
    expect(await page.evaluate(() => window.__erqi!.app!.model.project('yaxing-wanjia')?.project.id)).toBe('yaxing-wanjia');
    await context.close();
  });

  it('cannot be entered from a link, an iframe or the element', async () => {
    const { page, context } = await freshPage();
    await page.goto(`${app.url}?edit=1&mode=edit`);
    await waitForMap(page);
    expect(await page.locator('.edit-panel').count()).toBe(0);
    await page.goto(`${app.url}embed.html?edit=1&controls=zoom,legend,search,link&panel=full`);
    await page.waitForFunction(() => window.__erqiEmbed?.ready === true, null, { timeout: 30_000 });
    expect(await page.locator('[data-key="edit"], .edit-panel').count()).toBe(0);
    await page.goto(`${app.url}examples/element.html`);
    await page.waitForFunction(() => !!document.querySelector('erqi-axis-map')?.shadowRoot?.querySelector('.maplibregl-canvas'), null, { timeout: 30_000 });
    expect(await page.evaluate(() => document.querySelector('erqi-axis-map')!.shadowRoot!.querySelectorAll('[data-key="edit"], .edit-panel').length)).toBe(0);
    await context.close();
  });

  it('has no serious or critical axe-core violation in edit mode', async () => {
    const { page, context } = await freshPage();
    await openEditor(page, '?project=yaxing-wanjia');
    await page.locator('.edit-changes summary').click();
    await page.locator('.edit-add summary').click();
    const require = createRequire(import.meta.url);
    await page.addScriptTag({ content: readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: Element, o: object) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
      const r = await axe.run(document.querySelector('.edit-panel')!, { resultTypes: ['violations'] });
      return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
    });
    expect(violations).toEqual([]);
    await context.close();
  });

  it('edits under a strict Content-Security-Policy with no violation (drawing, the ledger checks, storage)', async () => {
    const csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; worker-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'self'";
    const strict = await startServer({ 'Content-Security-Policy': csp }, fixtureFiles());
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      await page.addInitScript(() => {
        const w = window as unknown as { violations: string[] };
        w.violations = [];
        document.addEventListener('securitypolicyviolation', (e) => w.violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
      });
      await page.goto(strict.url);
      await page.waitForFunction(() => window.__erqi?.ready === true, null, { timeout: 30_000 });
      await page.locator('[data-key="edit"]').click();
      await page.locator('.edit-panel').waitFor();
      await page.locator('#edit-project').selectOption('mah-platform');
      await page.locator('[data-draw="point"]').click();
      const canvas = (await page.locator('#map canvas').boundingBox())!;
      await page.mouse.click(canvas.x + canvas.width * 0.2, canvas.y + canvas.height * 0.4);
      await page.locator('.edit-status', { hasText: '已绘制' }).waitFor();
      await page.locator('#edit-accuracy').fill('500');
      await page.locator('#edit-evidence').fill('示意');
      await page.locator('[data-key="edit-save-location"]').click();
      await page.waitForFunction(() => document.querySelector('.edit-pending')?.getAttribute('data-pending') === '1');
      await page.waitForFunction(() => window.__erqi?.ready === true);
      await page.locator('#edit-investment_total_yi').fill('abc');
      await page.locator('[data-key="edit-save-fields"]').click();
      expect(await page.locator('.edit-problems li').count()).toBeGreaterThan(0);
      await page.waitForTimeout(300);
      expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
    } finally {
      await context.close();
      await strict.server.close();
    }
  });
});
