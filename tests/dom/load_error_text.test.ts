/**
 * Why a data file did not load, as a reader of the Chinese UI reads it: every reason the loaders give (load_bundle.ts,
 * the ledger pages) has its Chinese wording, the file named as it is; the English UI keeps the loaders' words.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pagesOf } from '../../src/app/ledger_pages.ts';
import { DataModel } from '../../src/app/derive.ts';
import { checkBundle } from '../../src/core/bundle_shape.ts';
import { loadBundle } from '../../src/load_bundle.ts';
import { loadErrorKnown, loadErrorText } from '../../src/ui/load_error_text.ts';

afterEach(() => vi.unstubAllGlobals());

/** The message loadBundle throws when the server answers so. */
async function failure(answer: () => Promise<Response>): Promise<string> {
  vi.stubGlobal('fetch', answer);
  return loadBundle('data/bundle.json').then(
    () => 'loaded',
    (e: Error) => e.message,
  );
}

describe('a data file that did not load, in the Chinese UI', () => {
  it('has every reason the loaders give in Chinese, naming the file', async () => {
    const messages = [
      await failure(async () => new Response('', { status: 404 })),
      await failure(async () => new Response('busy', { status: 503 })),
      await failure(async () => new Response('{"format": "erqi-axis-map/bund')),
      await failure(async () => new Response('{"format": "something else"}')),
      await failure(async () => new Response('{"format": "erqi-axis-map/bundle@1", "projects": [null]}')),
      await failure(() => Promise.reject(new TypeError('Failed to fetch'))),
    ];
    const parts = { DataModel, checkBundle };
    for (const index of [{ format: 'nope' }, { format: 'erqi-axis-map/pages@1', summary: {}, base: 'pages/', bundle: 'b.json', search: [], ids: [], head: {} }]) {
      try {
        pagesOf(index, 'data/bundle.json', parts);
      } catch (e) {
        messages.push((e as Error).message);
      }
    }
    expect(messages).toHaveLength(8);
    expect(messages.filter((m) => !loadErrorKnown(m))).toEqual([]);
    const zh = messages.map((m) => loadErrorText(m, 'zh'));
    for (const m of zh) expect(m).toMatch(/^data\/bundle\.json：[\u3400-\u9fff]/);
    expect(zh.slice(0, 3)).toEqual(['data/bundle.json：文件不存在（HTTP 404）', 'data/bundle.json：服务器返回错误（HTTP 503）', 'data/bundle.json：不是有效的 JSON（文件是否不完整？）']);
    // A bundle of the wrong shape: the reason in Chinese, then the fields at fault as the checks name them.
    expect(zh[4]).toMatch(/^data\/bundle\.json：数据包内容有误（请运行 npm run data）：as_of: expected text/);
    expect(messages.map((m) => loadErrorText(m, 'en'))).toEqual(messages);
  });
});
