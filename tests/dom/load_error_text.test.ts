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
import { fixtureBundleJson } from '../helpers/app_server.ts';

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
    expect(zh[4]).toMatch(/^data\/bundle\.json：数据包内容有误（请运行 npm run data）：as_of：应为文本，实际为缺失/);
    expect(messages.map((m) => loadErrorText(m, 'en'))).toEqual(messages);
  });
});

describe('a bundle of the wrong shape, in the Chinese UI', () => {
  it('says what each field at fault should be, in Chinese, by its path', () => {
    const good = JSON.parse(fixtureBundleJson()) as Record<string, unknown> & { projects: Array<Record<string, unknown>> };
    const [p] = good.projects;
    const broken: unknown[] = [
      { format: good['format'], projects: good.projects },
      { ...good, projects: [null] },
      { ...good, projects: [{ ...p, id: null, investment_total_yi: '12', axis_declared: 'nowhere', status: 'done', sector: 7 }] },
      { ...good, projects: [{ ...p, site: { lon: 'east' } }] },
      { ...good, projects: [{ ...p, site: { lon: 113.6, lat: 34.7, geometry: { type: 'Circle' } } }] },
      { ...good, axes: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: null }] } },
      { ...good, zones: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 7 }, geometry: { type: 'Polygon', coordinates: [] } }] } },
      { ...good, progress: [{ project_id: p!['id'], period: '2023-13', status: 'done', planned_yi: -1, completed_yi: null, progress_text: 3, source: 's' }] },
    ];
    const said = broken.map((b) => {
      const checked = checkBundle(b);
      if (!('errors' in checked)) throw new Error(`not refused: ${JSON.stringify(b).slice(0, 80)}`);
      return loadErrorText(`data/bundle.json: not a valid data bundle (run npm run data): ${checked.errors.join('; ')}`, 'zh');
    });
    for (const text of said) {
      expect(text).toMatch(/^data\/bundle\.json：数据包内容有误（请运行 npm run data）：/);
      // Every field named by its path, what it should be said in Chinese: no English sentence left.
      expect(text, text).not.toMatch(/expected|received|should be|is required|is not a|not one of/);
    }
    expect(said[2]).toContain('projects.0.id：必填');
    expect(said[2]).toContain('projects.0.investment_total_yi：应为以亿元计的金额');
  });
});
