/** Embedding, as a district page does it: an iframe from another origin, and the custom element. */
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, ROOT, startServer, watchedPage } from '../../scripts/browser.ts';
import { fixtureBundleJson } from '../helpers/app_server.ts';
import { keepDrawingBuffer } from './pixels.ts';

let server: PreviewServer;
let mapUrl: string;
let browser: Browser;
/** Host pages, served from origins other than the map's. */
const hosts: Array<{ server: Server; origin: string; pages: Map<string, string> }> = [];

async function hostServer(): Promise<(typeof hosts)[number]> {
  const pages = new Map<string, string>();
  const s = createServer((req, res) => {
    const body = pages.get(req.url ?? '');
    res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body ?? 'not found');
  });
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const address = s.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  const host = { server: s, origin: `http://127.0.0.1:${address.port}`, pages };
  hosts.push(host);
  return host;
}

beforeAll(async () => {
  ({ server, url: mapUrl } = await startServer({}, fixtureBundleJson()));
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  for (const h of hosts) h.server.close();
});

const iframeHost = (src: string) => `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body>
<iframe id="f" src="${src}" style="width:600px;height:300px;border:0"></iframe>
<script>
window.received = [];
addEventListener('message', (e) => {
  if (e.source !== document.getElementById('f').contentWindow) return;
  if (e.data && e.data.source === 'erqi-axis-map') window.received.push({ origin: e.origin, ...e.data });
  if (e.data && e.data.type === 'height') document.getElementById('f').style.height = e.data.height + 'px';
});
window.send = (cmd) => document.getElementById('f').contentWindow.postMessage({ source: 'erqi-axis-map-host', version: 1, ...cmd }, '*');
</script></body></html>`;

async function embedFrame(page: Page): Promise<Frame> {
  await page.waitForFunction(() => (window as unknown as { received: Array<{ type: string }> }).received?.some((m) => m.type === 'ready'), null, { timeout: 30_000 });
  return page.frames().find((f) => f.url().includes('embed.html'))!;
}
const received = (page: Page) => page.evaluate(() => (window as unknown as { received: Array<Record<string, unknown>> }).received);

describe('the iframe on another origin', () => {
  let page: Page;
  let frame: Frame;
  let host: Awaited<ReturnType<typeof hostServer>>;

  beforeAll(async () => {
    host = await hostServer();
    host.pages.set('/host.html', iframeHost(`${mapUrl}embed.html?origins=${host.origin}&panel=compact`));
    const w = await watchedPage(browser, { width: 800, height: 900 });
    page = w.page;
    await page.goto(`${host.origin}/host.html`);
    frame = await embedFrame(page);
  });

  it('reports ready and its content height, and the host resizes the frame to it', async () => {
    const messages = await received(page);
    expect(messages.every((m) => m['origin'] === new URL(mapUrl).origin && m['version'] === 1)).toBe(true);
    const height = messages.filter((m) => m['type'] === 'height').at(-1)!['height'] as number;
    expect(height).toBeGreaterThan(420); // the 420 px map plus the compact panel
    expect((await page.locator('#f').boundingBox())!.height).toBe(height);
  });

  it('tells the host a smaller height when its content shrinks below the frame', async () => {
    const before = (await received(page)).filter((m) => m['type'] === 'height').at(-1)!['height'] as number;
    // The host made the frame taller than the content; then the content changes (here: 1 px more).
    await page.locator('#f').evaluate((f: HTMLElement) => (f.style.height = '1000px'));
    await frame.evaluate(() => (document.getElementById('embed')!.style.paddingBottom = '1px'));
    await expect.poll(async () => (await received(page)).filter((m) => m['type'] === 'height').at(-1)!['height']).toBe(before + 1);
    await expect.poll(async () => (await page.locator('#f').boundingBox())!.height).toBe(before + 1);
    await frame.evaluate(() => (document.getElementById('embed')!.style.paddingBottom = ''));
    await expect.poll(async () => (await received(page)).filter((m) => m['type'] === 'height').at(-1)!['height']).toBe(before);
  });

  it('tells the host which project a click in the map selected', async () => {
    const box = (await page.locator('#f').boundingBox())!;
    const point = await frame.evaluate(() => {
      const m = window.__erqiEmbed!.handle!.view.map!;
      m.jumpTo({ center: [113.623823, 34.68865], zoom: 14 });
      const p = m.project([113.623823, 34.68865]);
      const r = m.getCanvas().getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    });
    await frame.waitForFunction(() => window.__erqiEmbed!.handle!.view.map!.loaded());
    await page.mouse.click(box.x + point.x, box.y + point.y);
    await expect.poll(async () => (await received(page)).filter((m) => m['type'] === 'project-select').at(-1)).toMatchObject({ id: 'yaxing-wanjia', name_zh: '亚星万嘉百汇' });
  });

  it('runs a command from the allowed host: select a project', async () => {
    await page.evaluate(() => (window as unknown as { send: (c: object) => void }).send({ type: 'select-project', id: 'crec-taihe' }));
    await expect.poll(() => frame.locator('.project-card h2').textContent()).toBe('中铁·泰和里');
  });

  it('ignores the same command from an origin that is not on the allowlist', async () => {
    const other = await hostServer();
    other.pages.set('/host.html', iframeHost(`${mapUrl}embed.html?origins=${host.origin}`));
    const w = await watchedPage(browser);
    await w.page.goto(`${other.origin}/host.html`);
    await expect.poll(() => w.page.frames().find((f) => f.url().includes('embed.html'))?.evaluate(() => window.__erqiEmbed?.ready), { timeout: 30_000 }).toBe(true);
    const otherFrame = w.page.frames().find((f) => f.url().includes('embed.html'))!;
    await w.page.evaluate(() => (window as unknown as { send: (c: object) => void }).send({ type: 'select-project', id: 'crec-taihe' }));
    await w.page.waitForTimeout(500);
    expect(await otherFrame.locator('.project-card').count()).toBe(0);
    // With an allowlist, the map's own messages go only to the allowed origins: this page heard nothing.
    expect(await received(w.page)).toEqual([]);
    await w.page.close();
  });

  it('refuses malformed commands from the allowed host with a warning naming the field, changing nothing', async () => {
    const warnings: string[] = [];
    const onConsole = (m: { type(): string; text(): string }) => m.type() === 'warning' && warnings.push(m.text());
    page.on('console', onConsole);
    const before = await frame.evaluate(() => JSON.stringify(window.__erqiEmbed!.handle!.getState()));
    const bad = [
      { type: 'set-filters', filter: { axes: 5 } },
      { type: 'set-filters', filter: { axes: null } },
      { type: 'set-filters', filter: { statuses: ['新建'] } },
      { type: 'set-filters', filter: { investmentMin: -1 } },
      { type: 'focus-axis', id: 'erqi' },
      { type: 'select-project', id: 42 },
    ];
    for (const c of bad) await page.evaluate((c) => (window as unknown as { send: (c: object) => void }).send(c), c);
    await expect.poll(() => warnings.length).toBe(bad.length);
    expect(warnings[0]).toMatch(/refused, nothing changed: filter\.axes: /);
    expect(warnings[4]).toMatch(/id: /);
    expect(await frame.evaluate(() => JSON.stringify(window.__erqiEmbed!.handle!.getState()))).toBe(before);
    // Still answering: a good command runs after the bad ones.
    await page.evaluate(() => (window as unknown as { send: (c: object) => void }).send({ type: 'set-filters', filter: { statuses: ['operating'] } }));
    await expect.poll(() => frame.evaluate(() => window.__erqiEmbed!.handle!.getState().filter.statuses)).toEqual(['operating']);
    page.off('console', onConsole);
  });

  it('links to the full map with the same state', async () => {
    const href = await frame.locator('.full-link').getAttribute('href');
    expect(href).toMatch(new RegExp(`^${mapUrl}index\\.html\\?project=crec-taihe`));
  });
});

const elementPage = (body: string, css = '') => `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,">
<style>${css}</style><script type="module" src="${'MAP'}erqi-axis-map.js"></script></head><body>${body}
<script>window.events = []; for (const t of ['ready','project-select','axis-select','filter-change']) document.addEventListener(t, (e) => window.events.push({ type: t, el: e.target.id, detail: e.detail }));</script>
</body></html>`;

describe('the custom element', () => {
  let host: Awaited<ReturnType<typeof hostServer>>;
  beforeAll(async () => {
    host = await hostServer();
  });

  async function openElements(body: string, css = '', viewport = { width: 900, height: 1400 }, { pixels = false } = {}) {
    host.pages.set('/el.html', elementPage(body, css).replace('MAP', mapUrl));
    const w = await watchedPage(browser, viewport);
    // The map does not keep its drawing buffer (a slower context, a copy per frame): a test that reads what it drew
    // back from the canvas asks WebGL to keep it.
    if (pixels) await w.page.addInitScript(keepDrawingBuffer);
    await w.page.goto(`${host.origin}/el.html`);
    const ids = await w.page.evaluate(() => [...document.querySelectorAll('erqi-axis-map')].map((e) => e.id));
    await w.page.waitForFunction((n) => (window as unknown as { events: Array<{ type: string }> }).events.filter((e) => e.type === 'ready').length === n, ids.length, { timeout: 30_000 });
    return w;
  }
  const mapOf = (page: Page, id: string) =>
    page.evaluateHandle((id) => (document.getElementById(id)!.shadowRoot!.querySelector('.maplibregl-canvas') as HTMLCanvasElement), id);

  it('runs two instances independently, each with its own axis and events, under hostile page CSS', async () => {
    const { page, consoleErrors, failedRequests } = await openElements(
      '<erqi-axis-map id="a" axis="daxue" style="height:400px"></erqi-axis-map><erqi-axis-map id="b" axis="jingguang" lang="en" panel="none" style="height:400px"></erqi-axis-map>',
      '* { all: unset; font-size: 30px } div { display: inline; color: red !important; } canvas { width: 10px !important }',
    );
    for (const id of ['a', 'b']) {
      const size = await (await mapOf(page, id)).evaluate((c) => ({ w: c.clientWidth, h: c.clientHeight }));
      expect(size.w, id).toBeGreaterThan(300);
      expect(size.h, id).toBeGreaterThan(250);
    }
    // Each draws its own axis highlighted, in its own language.
    const summary = (id: string) =>
      page.evaluate((id) => {
        const el = document.getElementById(id) as unknown as { selectProject: (x: string) => Promise<boolean> };
        const root = document.getElementById(id)!.shadowRoot!;
        return { lang: root.querySelector('.erqi-embed')!.getAttribute('lang'), chips: root.querySelectorAll('.axis-chip').length, note: root.querySelector('.schematic-note')!.textContent, has: typeof el.selectProject };
      }, id);
    expect(await summary('a')).toMatchObject({ lang: 'zh-CN', chips: 3, has: 'function' });
    expect(await summary('b')).toMatchObject({ lang: 'en', chips: 0 });
    // A method on one element opens the card there only, and the event names that element and project.
    expect(await page.evaluate(() => (document.getElementById('b') as unknown as { selectProject: (x: string) => Promise<boolean> }).selectProject('crec-taihe'))).toBe(true);
    const events = await page.evaluate(() => (window as unknown as { events: Array<{ type: string; el: string; detail: { id: string } }> }).events.filter((e) => e.type === 'project-select'));
    expect(events).toEqual([{ type: 'project-select', el: 'b', detail: { id: 'crec-taihe', name_zh: '中铁·泰和里', name_en: 'CREC Taiheli' } }]);
    expect(await page.evaluate(() => document.getElementById('a')!.shadowRoot!.querySelectorAll('.project-card').length)).toBe(0);
    expect(await page.evaluate(() => document.getElementById('b')!.shadowRoot!.querySelector('.project-card h2')!.textContent)).toBe('CREC Taiheli');
    // Our styles do not leak out: the host page's own elements keep the host's rules.
    expect(await page.evaluate(() => getComputedStyle(document.body).fontSize)).toBe('30px');
    await page.screenshot({ path: join(ROOT, 'test-results', 'embed-elements.png'), fullPage: true });
    expect(consoleErrors).toEqual([]);
    expect(failedRequests).toEqual([]);
    await page.close();
  });

  it('selecting an axis in the element fires axis-select and filter events stay in that element', async () => {
    const { page } = await openElements('<erqi-axis-map id="a" style="height:380px"></erqi-axis-map>');
    await page.evaluate(() => document.getElementById('a')!.shadowRoot!.querySelector<HTMLButtonElement>('.axis-chip[data-axis="songshan"]')!.click());
    await page.evaluate(() => (document.getElementById('a') as unknown as { setFilters: (f: object) => Promise<void> }).setFilters({ statuses: ['operating'] }));
    const events = await page.evaluate(() => (window as unknown as { events: Array<{ type: string; detail: unknown }> }).events.filter((e) => e.type !== 'ready'));
    expect(events).toEqual([
      { type: 'axis-select', el: 'a', detail: { id: 'songshan' } },
      { type: 'filter-change', el: 'a', detail: { filter: expect.objectContaining({ statuses: ['operating'] }) } },
    ]);
    await page.close();
  });

  it('refuses malformed filters and axes from its methods, with a warning, changing nothing', async () => {
    const w = await openElements('<erqi-axis-map id="a" style="height:380px"></erqi-axis-map>');
    const warnings: string[] = [];
    w.page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    const results = await w.page.evaluate(async () => {
      const a = document.getElementById('a') as unknown as { setFilters(f: unknown): Promise<boolean>; focusAxis(id: unknown): Promise<boolean> };
      return [await a.setFilters({ axes: null }), await a.setFilters({ axes: 5 }), await a.setFilters('all'), await a.focusAxis('erqi'), await a.setFilters({ axes: ['daxue'] })];
    });
    expect(results).toEqual([false, false, false, false, true]);
    expect(warnings.slice(0, 4).map((m) => m.replace(/(refused|nothing changed): .*/, '$1'))).toEqual([
      ...Array(3).fill('erqi-axis-map: setFilters refused, nothing changed'),
      'erqi-axis-map: focusAxis refused',
    ]);
    expect(warnings[0]).toContain('axes: ');
    const events = await w.page.evaluate(() => (window as unknown as { events: Array<{ type: string; detail: unknown }> }).events.filter((e) => e.type !== 'ready'));
    expect(events).toEqual([{ type: 'filter-change', el: 'a', detail: { filter: expect.objectContaining({ axes: ['daxue'] }) } }]);
    expect(w.consoleErrors).toEqual([]);
    await w.page.close();
  });

  it('works in a 320 px column', async () => {
    const { page } = await openElements('<div style="width:320px"><erqi-axis-map id="a" controls="zoom,search,legend,link" style="height:420px"></erqi-axis-map></div>', '', { width: 360, height: 700 });
    const size = await (await mapOf(page, 'a')).evaluate((c) => ({ w: c.clientWidth, h: c.clientHeight }));
    expect(size.w).toBe(320);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    // The host's 420 px hold the map and the figures strip: nothing is cut off below.
    const fits = await page.evaluate(() => {
      const host = document.getElementById('a')!.getBoundingClientRect();
      const chips = [...document.getElementById('a')!.shadowRoot!.querySelectorAll('.axis-chip')].map((c) => c.getBoundingClientRect());
      return chips.length === 3 && chips.every((c) => c.bottom <= host.bottom + 0.5 && c.right <= host.right + 0.5);
    });
    expect(fits).toBe(true);
    await page.screenshot({ path: join(ROOT, 'test-results', 'embed-320.png') });
    await page.close();
  });

  it('with interactive=false takes neither scroll nor drag: the page scrolls, the map stays', async () => {
    const { page } = await openElements('<div style="height:300px"></div><erqi-axis-map id="a" interactive="false" style="height:400px"></erqi-axis-map><div style="height:2000px"></div>', '', { width: 800, height: 600 }, { pixels: true });
    const view = () => page.evaluate(() => {
      const c = document.getElementById('a')!.getBoundingClientRect();
      return { top: Math.round(c.top), scroll: window.scrollY };
    });
    const camera = () =>
      page.evaluate(() => {
        const canvas = document.getElementById('a')!.shadowRoot!.querySelector('.maplibregl-canvas') as HTMLCanvasElement;
        return canvas.toDataURL();
      });
    const before = await view();
    const pixels = await camera();
    await page.mouse.move(400, before.top + 150);
    await page.mouse.wheel(0, 400);
    await page.waitForTimeout(300);
    const after = await view();
    expect(after.scroll).toBeGreaterThan(before.scroll); // the page scrolled under the wheel
    await page.mouse.move(400, after.top + 150);
    await page.mouse.down();
    await page.mouse.move(200, after.top + 100, { steps: 5 });
    await page.mouse.up();
    await page.waitForTimeout(300);
    expect(await camera()).toBe(pixels);
    await page.close();
  });

  it('an interactive element does not hijack the page scroll (cooperative gestures)', async () => {
    const { page } = await openElements('<div style="height:300px"></div><erqi-axis-map id="a" style="height:400px"></erqi-axis-map><div style="height:2000px"></div>', '', { width: 800, height: 600 }, { pixels: true });
    const pixels = () =>
      page.evaluate(() => (document.getElementById('a')!.shadowRoot!.querySelector('.maplibregl-canvas') as HTMLCanvasElement).toDataURL());
    const before = await pixels();
    await page.mouse.move(400, 450);
    await page.mouse.wheel(0, 300);
    await page.waitForTimeout(400);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    expect(await pixels()).toBe(before); // the map did not zoom
    // …and it said how to zoom instead.
    expect(await page.evaluate(() => document.getElementById('a')!.shadowRoot!.querySelector('.maplibregl-cooperative-gesture-screen')?.textContent)).toContain('Ctrl');
    await page.close();
  });
});

describe('the Embed dialog in the full app', () => {
  it('writes both snippets for the current view and filters', async () => {
    const w = await watchedPage(browser);
    await w.page.goto(`${mapUrl}?lang=en&axis=daxue&status=started`);
    await w.page.waitForFunction(() => window.__erqi?.ready === true);
    await w.page.getByRole('button', { name: 'Embed' }).click();
    const iframe = await w.page.locator('#embed-iframe').inputValue();
    const element = await w.page.locator('#embed-element').inputValue();
    expect(iframe).toContain(`src="${mapUrl}embed.html?lang=en&amp;axis=daxue&amp;status=started`);
    expect(element).toContain(`<script type="module" src="${mapUrl}erqi-axis-map.js"></script>`);
    expect(element).toContain('<erqi-axis-map lang="en" axis="daxue" status="started"');
    await w.page.keyboard.press('Escape');
    expect(await w.page.locator('dialog[open]').count()).toBe(0);
    await w.page.close();
  });

  it('is a configurator: language, panel, axis, theme, height and a picture-only map, with a live preview', async () => {
    const w = await watchedPage(browser);
    await w.page.goto(`${mapUrl}?corridor=1000`);
    await w.page.waitForFunction(() => window.__erqi?.ready === true);
    await w.page.getByRole('button', { name: '嵌入' }).click();
    await w.page.locator('#embed-lang').selectOption('en');
    await w.page.locator('#embed-panel').selectOption('full');
    await w.page.locator('#embed-axis').selectOption('daxue');
    await w.page.locator('#embed-theme').selectOption('dark');
    await w.page.locator('#embed-height').fill('600');
    const iframe = await w.page.locator('#embed-iframe').inputValue();
    expect(iframe).toContain(`src="${mapUrl}embed.html?lang=en&amp;corridor=1000&amp;axis=daxue&amp;axes=daxue&amp;panel=full&amp;theme=dark&amp;height=600"`);
    expect(iframe).toContain('height:700px'); // the map and the panel below it, before the map reports its height
    const element = await w.page.locator('#embed-element').inputValue();
    expect(element).toContain('<erqi-axis-map lang="en" corridor="1000" axis="daxue" axes="daxue" panel="full" theme="dark" style="display:block;height:600px">');
    // The preview is that embed, running.
    await expect.poll(() => w.page.locator('.embed-preview').getAttribute('src'), { timeout: 30_000 }).toContain('theme=dark&height=600');
    const frame = w.page.frameLocator('.embed-preview');
    // The preview loads lazily (a map in a dialog costs a phone dearly): as a person does, look at it. Filling the
    // height field may have scrolled the dialog so that it is out of view, where a new address waits.
    await w.page.locator('.embed-preview').scrollIntoViewIfNeeded();
    await expect.poll(() => frame.locator('.erqi-embed').getAttribute('data-theme'), { timeout: 30_000 }).toBe('dark');
    await expect.poll(() => frame.locator('.embed-panel.panel-full').count(), { timeout: 30_000 }).toBe(1);
    // A picture of the map, and the whole district instead of this view.
    await w.page.locator('#embed-interactive').uncheck();
    await w.page.locator('#embed-keep-view').uncheck();
    const picture = await w.page.locator('#embed-iframe').inputValue();
    expect(picture).toContain('interactive=false');
    expect(picture).not.toContain('corridor=1000');
    await w.page.close();
  });
});
