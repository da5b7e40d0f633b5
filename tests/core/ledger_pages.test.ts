/**
 * Ledger pages (npm run pages): what the data build writes is what the whole ledger says — the default view's
 * figures, the list in name order, every id, every project in its chunk — and search in pages finds what search
 * over the whole ledger finds. The page's side (LedgerPages) reads them through fetch, as a browser does.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DataModel } from '../../src/app/derive.ts';
import { pagesOf, type LedgerPages } from '../../src/app/ledger_pages.ts';
import type { DataBundle } from '../../src/core/bundle.ts';
import type { IdList } from '../../src/core/aggregate.ts';
import { checkBundle } from '../../src/core/bundle_shape.ts';
import { pageOf, pagesFor, rankEntries, searchEntries, type ListRow, type PagesIndex, type SearchEntry } from '../../src/core/ledger_pages.ts';
import { emptyFilter } from '../../src/core/facets.ts';
import { searchProjects } from '../../src/core/search.ts';
import { knownPlacements } from '../../src/core/shipped_placements.ts';
import { sortedOrder } from '../../src/ui/project_table.ts';
import { PAGE_SIZES, writeLedgerPages } from '../../scripts/pages.ts';
import { syntheticBundle } from '../../scripts/repo.ts';
import { fixtureBundleJson } from '../helpers/app_server.ts';

const read = <T>(dir: string, path: string): T => JSON.parse(readFileSync(join(dir, path), 'utf8')) as T;

/** Pages of a bundle in a fresh folder, and the same bundle as the page would hold it whole. */
function paged(bundle: DataBundle): { dir: string; index: PagesIndex; whole: DataModel } {
  const dir = mkdtempSync(join(tmpdir(), 'erqi-pages-'));
  const index = writeLedgerPages(bundle, dir, { base: '', bundle: 'bundle.json', bytes: 1 });
  const known = bundle.placements ? knownPlacements(bundle) : null;
  return { dir, index, whole: new DataModel({ ...bundle, ...(known && 'value' in known ? { placed: known.value } : {}) }) };
}

/** The page's side over a folder: fetch answered from the files (a missing one is a 404). */
function reader(dir: string, index: PagesIndex): LedgerPages {
  vi.stubGlobal('fetch', async (url: string) => {
    const path = new URL(url).pathname.replace(/^\/pages\//, '');
    try {
      return new Response(readFileSync(join(dir, path)), { status: 200 });
    } catch {
      return new Response('not found', { status: 404 });
    }
  });
  return pagesOf(JSON.parse(JSON.stringify(index)), 'https://example.test/pages/index.json', { DataModel, checkBundle });
}
afterEach(() => vi.unstubAllGlobals());

describe('ledger pages of 2,500 synthetic projects (a tenth unmapped)', () => {
  // More than one page of everything: ten card chunks, thirteen list pages, several search pages.
  const bundle = syntheticBundle(2500, { seed: 5, unmappedShare: 0.1 });
  let dir: string;
  let index: PagesIndex;
  let whole: DataModel;
  beforeAll(() => ({ dir, index, whole } = paged(bundle)));

  it('carries the default view’s figures exactly as the whole ledger gives them', () => {
    const pages = reader(dir, index);
    const view = whole.derive(emptyFilter(), bundle.corridor_m);
    const mine = pages.aggregates;
    expect(mine.axes.map((a) => [a.id, a.mapped.projects, a.mapped.investment_yi, a.mapped.disclosed, a.mapped.by_status, a.mapped.by_sector, a.coverage, a.mapped.nearest])).toEqual(
      view.aggregates.axes.map((a) => [a.id, a.mapped.projects, a.mapped.investment_yi, a.mapped.disclosed, a.mapped.by_status, a.mapped.by_sector, a.coverage, a.mapped.nearest]),
    );
    expect(mine.zones.map((z) => [z.id, z.mapped.projects, z.mapped.investment_yi])).toEqual(view.aggregates.zones.map((z) => [z.id, z.mapped.projects, z.mapped.investment_yi]));
    const { project_ids: _a, ...all } = view.aggregates.ledger.all;
    expect({ ...mine.ledger.all, project_ids: undefined }).toEqual({ ...all, project_ids: undefined });
    expect(mine.ledger.mapped).toBe(view.aggregates.ledger.mapped);
    expect(index.summary.aggregates.ledger.unmapped).toBe(view.aggregates.ledger.unmapped_ids.length);
    expect(index.summary.aggregates.ledger.unmapped).toBeGreaterThan(100);
    // The mismatch lists: their counts, and the first names the panel shows, named.
    for (const [k, a] of view.aggregates.axes.entries()) {
      expect(mine.axes[k]!.declared_outside.count).toBe(a.declared_outside.count);
      expect(mine.axes[k]!.declared_outside.ids(12)).toEqual(a.declared_outside.ids(12));
      // Named as the whole ledger names them, from the pages alone.
      const named = (l: IdList) => l.named(12).map(({ id, name_zh, name_en }) => [id, name_zh, name_en]);
      expect(named(a.declared_outside)).toEqual(named(mine.axes[k]!.declared_outside));
      expect(named(a.declared_outside)).toEqual(a.declared_outside.ids(12).map((id) => [id, whole.project(id)!.project.name_zh, whole.project(id)!.project.name_en]));
    }
    expect(index.summary.counts).toEqual(view.filter.counts);
    expect(index.projects).toBe(2500);
  });

  it('lists every project once, in the List tab’s name order, with its row as the List shows it', () => {
    const order = sortedOrder(bundle.projects, whole.placements, bundle.corridor_m, 'zh', { key: 'name', dir: 'asc' }, whole.layout.axisIds);
    const rows = Array.from({ length: index.list.pages }, (_, k) => read<ListRow[]>(dir, `list/zh-${k}.json`)).flat();
    expect(index.list.pages).toBe(Math.ceil(2500 / PAGE_SIZES.rows));
    expect(rows.map((r) => r.i)).toEqual(order);
    const r = rows.find((x) => !x.mapped)!;
    expect(bundle.projects[r.i]!.site).toBeNull();
    const p = bundle.projects[rows[7]!.i]!;
    expect(rows[7]).toMatchObject({ id: p.id, name: p.name_zh, status: p.status, yi: p.investment_total_yi, zone: whole.placements.zone(rows[7]!.i) });
    const en = read<ListRow[]>(dir, 'list/en-0.json');
    expect(en[0]!.name).toBe(bundle.projects[en[0]!.i]!.name_en);
  });

  it('finds every project by id, and opens it from its chunk with its placement', async () => {
    const pages = reader(dir, index);
    for (const i of [0, PAGE_SIZES.chunk - 1, PAGE_SIZES.chunk, PAGE_SIZES.chunk + 1, 2499]) {
      const p = bundle.projects[i]!;
      expect(await pages.indexOf(p.id)).toBe(i);
      const found = await pages.project(p.id);
      expect(found!.chunk.from + found!.local).toBe(i);
      expect(found!.chunk.model.bundle.projects[found!.local]).toEqual(p);
      expect(found!.chunk.model.placements.at(found!.local)).toEqual(whole.placements.at(i));
    }
    expect(await pages.indexOf('no-such-project')).toBeNull();
    expect(await pages.project('')).toBeNull();
    // Once fetched, the page's model finds it without asking again; a chunk not fetched is not there yet.
    const fresh = reader(dir, index);
    const model = new DataModel(fresh.head, fresh);
    expect(model.project(bundle.projects[2499]!.id)).toBeNull();
    await fresh.project(bundle.projects[2499]!.id);
    expect(model.project(bundle.projects[2499]!.id)?.index).toBe(2499);
    expect(model.projectAt(2499 - 1)?.id).toBe(bundle.projects[2498]!.id);
    expect(model.projectAt(1000)).toBeNull();
    expect(model.count).toBe(2500);
    expect(model.covers(emptyFilter(), bundle.corridor_m)).toBe(true);
    expect(model.covers({ ...emptyFilter(), statuses: ['signed'] }, bundle.corridor_m)).toBe(false);
    expect(model.covers(emptyFilter(), 1000)).toBe(false);
  });

  it('searches across its search pages with the whole ledger’s ranking', async () => {
    const pages = reader(dir, index);
    expect(index.search.length).toBeGreaterThan(3);
    for (const q of ['合成示例项目 12', 'Synthetic project 249', 'syn-0012', '项目 7']) {
      const whole = searchProjects(bundle.projects, q, 10).map((h) => bundle.projects[h.index]!.id);
      expect((await pages.search(q)).map((h) => h.id), q).toEqual(whole);
    }
  });

  it('names the file when a page is missing or is not a chunk of this ledger', async () => {
    const pages = reader(dir, index);
    await expect(pages.listPage('zh', 99)).rejects.toThrow('https://example.test/pages/list/zh-99.json: HTTP 404');
    // A chunk whose rows are not projects: refused with the file named, not drawn.
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify([{ id: 'x' }]), { status: 200 }));
    await expect(pages.chunkAt(0)).rejects.toThrow(/cards\/0\.json: not a chunk of this ledger/);
    expect(() => pagesOf({ format: 'erqi-axis-map/pages@1' }, 'https://example.test/x.json', { DataModel, checkBundle })).toThrow('https://example.test/x.json: not ledger pages (run npm run pages)');
    expect(() => pagesOf({ ...index, head: { ...index.head, axes: null } }, 'https://example.test/x.json', { DataModel, checkBundle })).toThrow(/x\.json: not valid ledger pages/);
    // Figures that are not this head's, or not counts: refused with the field named, before anything is drawn.
    const summary = index.summary;
    const broken = (change: (s: typeof summary) => unknown) => ({ ...index, summary: change(structuredClone(summary)) });
    const open = (json: unknown) => () => pagesOf(json, 'https://example.test/x.json', { DataModel, checkBundle });
    expect(open(broken((s) => ({ ...s, aggregates: { ...s.aggregates, axes: s.aggregates.axes.slice(1) } })))).toThrow(/summary\.aggregates\.axes: not the head's axes \(songshan, daxue, jingguang\)/);
    expect(
      open(
        broken((s) => {
          s.aggregates.axes[1]!.declared_outside.count = -3;
          s.aggregates.zones[0]!.mapped.projects = '12' as unknown as number;
          return s;
        }),
      ),
    ).toThrow('summary.aggregates.axes.1.declared_outside.count: not a count; summary.aggregates.zones.0.mapped.projects: not a count');
    expect(open({ ...index, chunk: 0 })).toThrow('chunk: not a page size');
    expect(open(broken(() => ({ corridor_m: 500 })))).toThrow('summary.aggregates: missing');
  });
});

describe('search in pages', () => {
  const bundle = JSON.parse(fixtureBundleJson()) as DataBundle;
  let dir: string;
  let index: PagesIndex;
  beforeAll(() => ({ dir, index } = paged(bundle)));

  it('finds what search over the whole ledger finds, by name, part of a name, English word, pinyin, address and id', async () => {
    const pages = reader(dir, index);
    const queries = ['泰和', '中铁', '杉杉', 'Taihe', 'fashion', 'taiheli', 'shanshan', 'liandong-ugu', '工业总部港', 'U谷', '陇海中路', '343号', '桂江路'];
    for (const q of queries) {
      const whole = searchProjects(bundle.projects, q, 10, bundle.search_keys).map((h) => bundle.projects[h.index]!.id);
      const mine = (await pages.search(q)).map((h) => h.id);
      expect(mine.length, q).toBeGreaterThan(0);
      // The same best hit; every hit in pages is one the whole ledger's search gives.
      expect(mine[0], q).toBe(whole[0]);
      for (const id of mine) expect(whole, q).toContain(id);
    }
    expect(await pages.search('完全不存在的名字')).toEqual([]);
    expect(await pages.search('   ')).toEqual([]);
  });

  it('ranks a name that starts with the query before one containing it, and checks queries past the key length', () => {
    const p = (id: string, name_zh: string) => ({ ...bundle.projects[0]!, id, name_zh, name_en: null, other_names: null });
    const entries: SearchEntry[] = [...searchEntries(p('b', '老城泰和苑'), 1, undefined), ...searchEntries(p('a', '泰和里'), 0, undefined)].sort((x, y) => (x[0] < y[0] ? -1 : 1));
    expect(rankEntries(entries, '泰和').map((h) => h.id)).toEqual(['a', 'b']);
    const long = '一二三四五六七八九十甲乙丙丁戊己庚辛';
    const e2 = searchEntries(p('c', long), 2, undefined);
    expect(e2.every((e) => e[0].length <= 16)).toBe(true);
    expect(rankEntries(e2, long).map((h) => h.id)).toEqual(['c']);
    expect(rankEntries(e2, `${long.slice(0, 16)}X`)).toEqual([]);
  });

  it('reads the pages a prefix may be in, and the page an id is in', () => {
    const firsts = ['a', 'c', 'ca', 'cb', 'e'];
    expect(pagesFor(firsts, 'c')).toEqual([0, 1, 2, 3]);
    expect(pagesFor(firsts, 'd')).toEqual([3]);
    expect(pagesFor(firsts, 'a')).toEqual([0]);
    expect(pageOf(firsts, 'c')).toBe(1);
    expect(pageOf(firsts, 'cc')).toBe(3);
    expect(pageOf(firsts, '0')).toBe(-1);
  });
});
