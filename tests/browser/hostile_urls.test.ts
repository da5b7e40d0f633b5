/** Hostile and careless links: every one opens the map, ignores what it cannot use with a warning, and runs nothing (issue #16, item 8). */
import { describe, expect, it } from 'vitest';
import { waitForMap, watchedPage } from '../../scripts/browser.ts';
import { withApp } from '../helpers/app_server.ts';

const app = withApp();

/** [query, the console warning it must give (a part of it)] */
const LINKS: Array<[string, string]> = [
  ['map=NaN/34.7/113.6', 'map=NaN/34.7/113.6 ignored'],
  ['map=Infinity/34.7/113.6', 'ignored: use ZOOM/LAT/LON'],
  ['map=1e308/34.7/113.6', 'ignored: use ZOOM/LAT/LON'],
  ['map=12/1e308/113.6', 'ignored: use ZOOM/LAT/LON'],
  ['map=12//113.6', 'ignored: use ZOOM/LAT/LON'],
  ['map=12/34.7/113.6/NaN', 'ignored: use ZOOM/LAT/LON'],
  ['corridor=NaN', 'corridor=NaN ignored'],
  ['corridor=Infinity', 'corridor=Infinity ignored'],
  ['corridor=1e308', 'corridor=1e308 ignored'],
  ['corridor=-500', 'corridor=-500 ignored'],
  ['tiles=javascript:alert(1)&basemap=custom', 'tiles=javascript:alert(1) ignored'],
  ['tiles=data:image/png;base64,AAAA&basemap=custom', 'tiles=data:image/png;base64,AAAA ignored'],
  ['lang=fr', 'lang=fr ignored'],
  ['lang=<script>', 'lang=<script> ignored'],
  ['project=<script>alert(1)</script>', 'project=<script>alert(1)</script> ignored'],
  ['project=nonexistent', 'project=nonexistent ignored: no such project'],
  ['axis=__proto__', 'axis=__proto__ ignored'],
  ['axes=constructor,songshan', 'axes=constructor ignored'],
  ['status=toString', 'status=toString ignored'],
  ['inv=1e999-', 'inv=1e999- ignored'],
  ['inv=-', 'inv=- ignored'],
  ['mapped=%00', 'mapped=\u0000 ignored'],
  ['basemap=amap', 'basemap=amap ignored'],
  ['zones=%E0%A4%A', ''],
  [`project=${'x'.repeat(5000)}`, 'ignored: not a project id'],
];

describe('hostile links', () => {
  it.each(LINKS)('?%s opens the map and warns', async (query, warning) => {
    const { page, consoleErrors } = await watchedPage(app.browser);
    const warnings: string[] = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    page.on('dialog', () => {
      throw new Error(`a dialog opened for ?${query}`);
    });
    await page.goto(`${app.url}?${query}`);
    await waitForMap(page);
    if (warning) expect(warnings.join('\n')).toContain(warning);
    expect(consoleErrors).toEqual([]);
    // Nothing from the link reached the page as markup.
    expect(await page.locator('script:not([src])').count()).toBe(0);
    await page.close();
  });
});
