/**
 * Real-browser harness: serves the built app (dist/) with `vite preview` on a free loopback port and
 * drives Debian's Chromium through playwright-core. Records console errors and failed requests so a
 * test can assert there were none.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';

export const ROOT = join(import.meta.dirname, '..');
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Flags verified on these machines (shared/STACK.md): WebGL2 on SwiftShader, no background traffic. */
const ARGS = [
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-gl=angle',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

export function assertChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. The browser tests need Debian's Chromium: ` +
        `sudo apt-get install -y chromium fonts-noto-cjk (or set CHROMIUM_PATH).`,
    );
  }
  if (!existsSync(join(ROOT, 'dist', 'index.html'))) {
    throw new Error('dist/ is missing: run `npm run build` first (npm test does).');
  }
}

/**
 * Serves the built app (dist/) on a free loopback port. `bundle`: data served instead of the built files (the browser
 * tests run on the frozen fixture ledger, so editing a real row breaks none of them) — a bundle's JSON for every
 * …/data/bundle.json, or several files by their path (`{ 'data/bundle.json': …, 'data/sites.geojson': … }`).
 */
export async function startServer(headers: Record<string, string> = {}, bundle?: string | Record<string, string>): Promise<{ server: PreviewServer; url: string }> {
  const files = typeof bundle === 'string' ? { 'data/bundle.json': bundle } : (bundle ?? {});
  const server = await preview({
    root: ROOT,
    logLevel: 'silent',
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false, headers },
    plugins: Object.keys(files).length
      ? [
          {
            name: 'erqi-test-bundle',
            configurePreviewServer(s) {
              s.middlewares.use((req, res, next) => {
                const path = req.url?.split('?')[0] ?? '';
                const name = Object.keys(files).find((f) => path.endsWith(`/${f}`));
                if (!name) return next();
                for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
                res.setHeader('Content-Type', name.endsWith('.json') ? 'application/json' : 'application/geo+json');
                res.end(files[name]);
              });
            },
          },
        ]
      : [],
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('vite preview: no port');
  return { server, url: `http://127.0.0.1:${address.port}/` };
}

/** Serves a folder on a free loopback port, as a static host does: a missing file is a 404, not index.html. */
export async function serveFolder(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = await preview({ configFile: false, root: dir, appType: 'mpa', logLevel: 'silent', build: { outDir: dir }, preview: { host: '127.0.0.1', port: 0 } });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { url: `http://127.0.0.1:${address.port}/`, close: () => server.close() };
}

export async function launch(extraArgs: string[] = []): Promise<Browser> {
  assertChromium();
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...ARGS, ...extraArgs] });
}

export interface Watched {
  page: Page;
  consoleErrors: string[];
  failedRequests: string[];
}

/** A new page that records console errors, page errors and any request that failed or got ≥ 400. */
export async function watchedPage(browser: Browser, viewport = { width: 1280, height: 800 }): Promise<Watched> {
  const page = await browser.newPage({ viewport });
  const consoleErrors: string[] = [];
  const failedRequests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  page.on('requestfailed', (r) => failedRequests.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('response', (r) => {
    if (r.status() >= 400) failedRequests.push(`${r.url()} HTTP ${r.status()}`);
  });
  return { page, consoleErrors, failedRequests };
}

/** Waits until the app says its map reached its first `idle`. */
export async function waitForMap(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(() => window.__erqi?.ready === true || window.__erqi?.error !== undefined, null, { timeout });
  const error = await page.evaluate(() => window.__erqi?.error);
  if (error) throw new Error(`the app reported: ${error}`);
}
