import type { Browser } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll } from 'vitest';
import { buildBundle } from '../../src/core/bundle.ts';
import { launch, startServer } from '../../scripts/browser.ts';
import { searchKeys } from '../../scripts/search_keys.ts';
import { fixtureSources } from './fixtures.ts';

/** The bundle of the frozen fixture ledger (tests/fixtures/ledger on the repository's geography), as JSON. */
export const fixtureBundleJson = (): string => {
  const bundle = buildBundle(fixtureSources()).value!.bundle;
  return JSON.stringify({ ...bundle, search_keys: searchKeys(bundle) }); // as the data build writes it
};

/** What the data build writes for the fixture ledger: the bundle, and the sites file the editor's export reads. */
export const fixtureFiles = (): Record<string, string> => ({ 'data/bundle.json': fixtureBundleJson(), 'data/sites.geojson': fixtureSources().sites.text });

/**
 * For a browser test file: serves the built app on the frozen fixture ledger (not data/: a real row edited
 * breaks no browser test) and starts Chromium before its tests, closes both after.
 * Read `app.url` and `app.browser` inside tests (they exist once the hooks ran).
 */
export function withApp(): { readonly url: string; readonly browser: Browser } {
  let server: PreviewServer | undefined;
  let url = '';
  let browser: Browser | undefined;
  beforeAll(async () => {
    ({ server, url } = await startServer({}, fixtureFiles()));
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
