/** `npm run screenshot -- [OUT.png] [WIDTHxHEIGHT]`: the built app as a user sees it, for looking at. */
import { launch, startServer, waitForMap, watchedPage } from './browser.ts';

const out = process.argv[2] ?? 'test-results/screenshot.png';
const [w, h] = (process.argv[3] ?? '1280x800').split('x').map(Number);
const query = process.argv[4] ?? '';
const { server, url } = await startServer();
const browser = await launch();
try {
  const { page, consoleErrors, failedRequests } = await watchedPage(browser, { width: w!, height: h! });
  await page.goto(url + query);
  await waitForMap(page);
  await page.screenshot({ path: out });
  console.log(`${out}; console errors: ${consoleErrors.length}; failed requests: ${failedRequests.length}`);
  for (const e of [...consoleErrors, ...failedRequests]) console.log('  ', e);
} finally {
  await browser.close();
  await server.close();
}
