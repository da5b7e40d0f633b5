/** The SAMPLE ledger in the built app and the embeds: asked for, bannered, its figures the report's, marked in exports. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { waitForMap } from '../../scripts/browser.ts';
import { withApp } from '../helpers/app_server.ts';
import { LAYOUT } from '../helpers/fixtures.ts';
import { loadReported } from '../../src/core/load_reported.ts';
import { repoFile, repoSources } from '../../scripts/repo.ts';
import { buildBundle } from '../../src/core/bundle.ts';
import { placeProjects, prepareAxes } from '../../src/core/placement.ts';
import { historyIndex, periodsOf, projectsAt, tallyAt } from '../../src/core/progress.ts';
import { loadProgress } from '../../src/core/progress_file.ts';
import { stageOf } from '../../src/map/stages.ts';
import type { AxisFeature, ZoneFeature } from '../../src/core/load_geo.ts';

const app = withApp();
const reported = loadReported('data/reported.json', repoFile('data/reported.json').text, LAYOUT.axisIds).value!;

describe('the sample ledger', () => {
  it('is offered from the published map, opens bannered, shows the report’s per-axis figures, and leads back', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${app.url}?lang=zh`);
    await waitForMap(page);
    expect(await page.locator('.banner').isHidden()).toBe(true);
    await page.locator('[data-key="sample"]').click();
    await page.waitForURL(/data=sample/);
    await waitForMap(page);
    expect(await page.locator('.banner').innerText()).toContain('示例台账：合成数据');
    // Every axis: the report's projects on the map, in its corridor, and their investment.
    for (const a of reported.axes) {
      const card = page.locator(`.axis-card[data-axis="${a.id}"] [data-figure="mapped"]`);
      const text = await card.innerText();
      expect(text, a.id).toContain(`走廊内已定位 ${a.projects} 项`);
      expect(text, a.id).toContain(`${a.investment_yi} 亿元`);
    }
    // No editing of invented data; the published ledger is one click away.
    expect(await page.locator('[data-key="edit"]').count()).toBe(0);
    await page.locator('[data-key="data-back"]').click();
    await page.waitForURL((u) => !u.search.includes('data=sample'));
    await waitForMap(page);
    expect(await page.locator('.banner').isHidden()).toBe(true);
    await page.close();
  });

  it('marks its exports: the file names, and the GeoJSON itself', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true } as never);
    await page.goto(`${app.url}?data=sample&lang=en&period=2023-11`);
    await waitForMap(page);
    await page.locator('.export-menu summary').click();
    const [d] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export="geojson"]').click()]);
    expect(d.suggestedFilename()).toMatch(/^SAMPLE-erqi-projects-2023-11/);
    const json = JSON.parse(readFileSync((await d.path())!, 'utf8'));
    expect(json.synthetic).toBe(true);
    expect(json.period).toBe('2023-11');
    expect(json.notice).toContain('SAMPLE');
    expect(json.features.length).toBe(360);
    await page.locator('.export-menu summary').click();
    const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export="csv"]').click()]);
    expect(csv.suggestedFilename()).toMatch(/^SAMPLE-/);
    expect(readFileSync((await csv.path())!, 'utf8')).toContain('synthetic');
    // The workbook: its name, and the notice as the first line of its About sheet.
    await page.locator('.export-menu summary').click();
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export="xlsx"]').click()]);
    expect(xlsx.suggestedFilename()).toMatch(/^SAMPLE-erqi-projects-2023-11.*\.xlsx$/);
    const { default: readXlsxFile } = await import('read-excel-file/node');
    const sheets = await readXlsxFile(readFileSync((await xlsx.path())!));
    expect(sheets[2]!.data[0]!.map(String)).toEqual(['SAMPLE (synthetic)', expect.stringMatching(/invented|not real/i)]);
    await page.close();
  });

  it('is shown in an iframe or the element only when asked, and then bannered', async () => {
    const page = await app.browser.newPage();
    await page.goto(`${app.url}embed.html`);
    await page.waitForFunction(() => window.__erqiEmbed?.ready === true, null, { timeout: 30_000 });
    expect(await page.locator('.banner').count()).toBe(0);
    await page.goto(`${app.url}embed.html?data=sample&panel=compact`);
    await page.waitForFunction(() => window.__erqiEmbed?.ready === true, null, { timeout: 30_000 });
    expect(await page.locator('.banner').innerText()).toContain('示例台账');
    expect(await page.locator('.axis-chip').first().innerText()).toContain('地图 31');
    await page.goto(`${app.url}examples/element.html`);
    await page.evaluate(() => {
      const e = document.createElement('erqi-axis-map');
      e.setAttribute('data', 'sample');
      e.id = 'sample-element';
      document.body.append(e);
    });
    await page.waitForFunction(() => !!document.querySelector('#sample-element')?.shadowRoot?.querySelector('.banner'), null, { timeout: 30_000 });
    expect(await page.evaluate(() => document.querySelector('#sample-element')!.shadowRoot!.querySelector('.banner')!.textContent)).toContain('示例台账');
    await page.close();
  });

  it('shows each period as it stood: figures as an independent tally says, statuses in the list and card, period= in the link', async () => {
    // The same sample, tallied in node from its files.
    const { bundle } = buildBundle({ ...repoSources(), projects: repoFile('data/sample/projects.csv'), sites: repoFile('data/sample/sites.geojson') }).value!;
    const rows = loadProgress('progress.csv', repoFile('data/sample/progress.csv').text, new Set(bundle.projects.map((p) => p.id))).value;
    const index = historyIndex(rows);
    const axes = prepareAxes(bundle.axes.features as AxisFeature[]);
    const placements = placeProjects(bundle.projects, axes, bundle.zones.features as ZoneFeature[]);
    const inCorridor = (k: number) => bundle.projects.filter((_, i) => placements.distance(i, k) <= 500);
    const yi = (x: number | null) => `${Math.round(x! * 100) / 100} 亿元`;

    const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${app.url}?data=sample`);
    await waitForMap(page);
    expect(await page.locator('#period-select').inputValue()).toBe('2023-12');
    for (const [period, previous] of [['2023-11', '2023-10'], ['2023-03', '2023-02']] as const) {
      await page.locator('#period-select').selectOption(period);
      await page.waitForFunction((p) => window.__erqi?.ready === true && location.search.includes(`period=${p}`), period);
      await page.locator(`.progress-panel[data-period="${period}"]`).waitFor();
      for (const [k, a] of axes.entries()) {
        const t = tallyAt(inCorridor(k), index, period, previous);
        const text = await page.locator(`[data-progress="${a.id}"] [data-figure="progress"]`).innerText();
        expect(text, `${a.id} ${period}`).toContain(`1—${Number(period.slice(5))}月完成 ${yi(t.completed_yi)}（${t.completed_n} 项）`);
        expect(text).toContain(`年度计划 ${yi(t.planned_yi)}`);
        expect(await page.locator(`[data-progress="${a.id}"] [data-figure="new"]`).innerText()).toBe(`本期新签约 ${t.newly.signed.length} · 新开工 ${t.newly.started.length} · 新建成 ${t.newly.completed.length}`);
      }
      for (const z of bundle.zones.features) {
        const zone = z.properties.id;
        const t = tallyAt(bundle.projects.filter((_, i) => placements.zone(i) === zone), index, period, previous);
        expect(await page.locator(`[data-progress="zone-${zone}"] [data-figure="progress"]`).innerText(), zone).toContain(`1—${Number(period.slice(5))}月完成 ${yi(t.completed_yi)}（${t.completed_n} 项）`);
      }
    }
    // The trend chart: a line per axis; a click on a period's column shows that period.
    expect(await page.locator('.trend-chart polyline').count()).toBe(axes.length);
    await page.locator('.trend-chart .trend-hit[data-period="2023-06"]').click();
    await page.waitForFunction(() => window.__erqi?.ready === true && location.search.includes('period=2023-06'));
    expect(await page.locator('#period-select').inputValue()).toBe('2023-06');
    // Projects by stage at every period: each column's counts as the projects stood then, tallied in node.
    const columns = page.locator('.stage-chart .stage-column');
    expect(await columns.count()).toBe(periodsOf(rows).length);
    expect(await page.locator('.stage-chart .stage-column[aria-current="true"]').getAttribute('data-period')).toBe('2023-06');
    for (const period of ['2023-01', '2023-06', '2023-12']) {
      const expected = { done: 0, building: 0, pipeline: 0, unknown: 0 };
      for (const q of projectsAt(bundle.projects, index, period)) expected[stageOf(q.status)]++;
      const shown = await page.locator(`.stage-chart .stage-column[data-period="${period}"] rect[data-stage]`).evaluateAll((rs) => Object.fromEntries(rs.map((r) => [r.getAttribute('data-stage'), Number(r.getAttribute('data-count'))])));
      expect(shown, period).toEqual(expected);
    }
    await page.locator('.stage-chart .stage-column[data-period="2023-09"]').click();
    await page.waitForFunction(() => window.__erqi?.ready === true && location.search.includes('period=2023-09'));
    // November's district total is the report's 1—11月完成投资; the report's figure is shown beside it.
    await page.goto(`${app.url}?data=sample&period=2023-11`);
    await waitForMap(page);
    expect(await page.locator('#period-select').inputValue()).toBe('2023-11');
    expect(await page.locator('[data-progress="district"] [data-figure="progress"]').innerText()).toContain('1—11月完成 253.4 亿元');
    expect(await page.locator('[data-figure="reported-invested_jan_nov"]').innerText()).toContain('253.4 亿元');
    // December: the 45 省市重点建设项目 at the report's 95 %, the report's own line beside them.
    await page.goto(`${app.url}?data=sample`);
    await waitForMap(page);
    expect(await page.locator('[data-progress="key"] strong').innerText()).toBe('省市重点项目（45 个）');
    expect(await page.locator('[data-progress="key"] [data-figure="progress"]').innerText()).toMatch(/完成率 95%/);
    expect(await page.locator('[data-figure="reported-key_projects"]').innerText()).toBe('报告：省市重点建设项目（投资完成率） 45 项 · 95%');
    // A project's status then: in the list and on its card, with its history.
    // A located point whose stage (pin shape) differs between March and November.
    const nov11 = (id: string) => rows.find((x) => x.project_id === id && x.period === '2023-11')!.status;
    const p = rows.find((r) => r.period === '2023-03' && stageOf(r.status) !== stageOf(nov11(r.project_id)) && !bundle.projects.find((x) => x.id === r.project_id)!.site!.geometry)!;
    const statusIn = async () => (await page.locator(`#panel-list tr[data-project="${p.project_id}"]`).innerText());
    await page.getByRole('tab', { name: '列表' }).click();
    const nov = await statusIn();
    await page.locator('#period-select').selectOption('2023-03');
    await page.waitForFunction(() => window.__erqi?.ready === true && location.search.includes('period=2023-03'));
    await page.getByRole('tab', { name: '列表' }).click();
    expect(await statusIn()).not.toBe(nov);
    // The pin too: its stage is the March status's.
    const stage = () => page.evaluate((id) => {
      const data = (window.__erqi!.map!.getSource('projects') as unknown as { serialize(): { data: { features: Array<{ id: number; properties: Record<string, unknown> }> } } }).serialize().data;
      const index = window.__erqi!.app!.model.bundle.projects.findIndex((x) => x.id === id);
      return data.features.find((f) => f.id === index)?.properties['stage'];
    }, p.project_id);
    const march = await stage();
    await page.locator('#period-select').selectOption('2023-11');
    await page.waitForFunction(() => window.__erqi?.ready === true && location.search.includes('period=2023-11'));
    expect(march).toBe(stageOf(p.status));
    expect(await stage()).toBe(stageOf(nov11(p.project_id)));
    await page.locator('#period-select').selectOption('2023-03');
    await page.waitForFunction(() => window.__erqi?.ready === true && location.search.includes('period=2023-03'));
    await page.goto(`${app.url}?data=sample&period=2023-03&project=${p.project_id}`);
    await waitForMap(page);
    expect(await page.locator('.history li[aria-current="true"]').innerText()).toMatch(/^2023-03 /);
    expect(await page.locator('.history li').count()).toBe(12);
    // Back goes to the period before.
    await page.locator('#period-select').selectOption('2023-06');
    await page.waitForFunction(() => window.__erqi?.ready === true && location.search.includes('period=2023-06'));
    await page.goBack();
    await page.waitForFunction(() => window.__erqi?.ready === true && location.search.includes('period=2023-03'));
    expect(await page.locator('#period-select').inputValue()).toBe('2023-03');
    await page.close();
  });
});
