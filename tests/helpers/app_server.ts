import type { Browser } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll } from 'vitest';
import { launch, startServer } from '../../scripts/browser.ts';

/**
 * For a browser test file: serves the built app and starts Chromium before its tests, closes both after.
 * Read `app.url` and `app.browser` inside tests (they exist once the hooks ran).
 */
export function withApp(): { readonly url: string; readonly browser: Browser } {
  let server: PreviewServer | undefined;
  let url = '';
  let browser: Browser | undefined;
  beforeAll(async () => {
    ({ server, url } = await startServer());
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get url() {
      return url;
    },
    get browser() {
      return browser!;
    },
  };
}
