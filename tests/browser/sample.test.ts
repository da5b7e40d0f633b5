/** The SAMPLE ledger in the built app and the embeds: asked for, bannered, its figures the report's, marked in exports. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { waitForMap } from '../../scripts/browser.ts';
import { withApp } from '../helpers/app_server.ts';
import { LAYOUT } from '../helpers/fixtures.ts';
import { loadReported } from '../../src/core/load_reported.ts';
import { repoFile } from '../../scripts/repo.ts';

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
    await page.goto(`${app.url}?data=sample&lang=en`);
    await waitForMap(page);
    await page.locator('.export-menu summary').click();
    const [d] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export="geojson"]').click()]);
    expect(d.suggestedFilename()).toMatch(/^SAMPLE-/);
    const json = JSON.parse(readFileSync((await d.path())!, 'utf8'));
    expect(json.synthetic).toBe(true);
    expect(json.notice).toContain('SAMPLE');
    expect(json.features.length).toBe(360);
    await page.locator('.export-menu summary').click();
    const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export="csv"]').click()]);
    expect(csv.suggestedFilename()).toMatch(/^SAMPLE-/);
    expect(readFileSync((await csv.path())!, 'utf8')).toContain('synthetic');
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
});
