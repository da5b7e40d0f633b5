import type { Aggregates } from '../core/aggregate.ts';
import type { DataBundle } from '../core/bundle.ts';
import { indexProblems, PAGES_FORMAT, pageOf, pagesFor, rankEntries, summaryAggregates, KEY_LENGTH, type ListRow, type PagedHit, type PagesIndex, type SearchEntry } from '../core/ledger_pages.ts';
import type { checkBundle } from '../core/bundle_shape.ts';
import type { Lang } from '../core/model.ts';
import { normalise } from '../core/search.ts';
import type { DataModel } from './derive.ts';

/** A chunk of the ledger, opened: its projects placed, as a data model of its own. */
export interface Chunk {
  /** Ledger index of its first project. */
  from: number;
  model: DataModel;
}

/**
 * What this file uses of the page's own code, passed in rather than imported: this file is downloaded only for a
 * ledger in pages, and importing them would split the page's first download into more files.
 */
export interface PageParts {
  DataModel: typeof DataModel;
  checkBundle: typeof checkBundle;
}

/** Chunks and pages kept once fetched (a few MB at most: the page holds what it has shown). */
const KEEP = 24;

/** Search pages read for one query at most (a one-letter query spans many: its first hits are enough). */
const SEARCH_PAGES = 3;

/**
 * The page's side of ledger pages (src/core/ledger_pages.ts): the default view's figures at once, and the list,
 * search hits and projects fetched as they are shown. Every fetch names its file when it fails.
 */
export class LedgerPages {
  readonly aggregates: Aggregates;
  private readonly cache = new Map<string, Promise<unknown>>();
  private readonly chunks = new Map<number, Chunk>();

  constructor(
    /** Where the index was loaded from (data/bundle.json in a build served in pages): pages resolve against it. */
    readonly url: string,
    readonly index: PagesIndex,
    private readonly page: PageParts,
  ) {
    this.aggregates = summaryAggregates(index.summary);
  }

  /** The head as a bundle without projects: what the page draws and places against. */
  get head(): DataBundle {
    return { ...this.index.head, projects: [] };
  }

  /** The whole bundle's address. */
  get bundleUrl(): string {
    return new URL(this.index.bundle, this.url).href;
  }

  private get<T>(path: string): Promise<T> {
    let p = this.cache.get(path);
    if (!p) {
      const href = new URL(this.index.base + path, this.url).href;
      p = fetch(href).then(async (r) => {
        if (!r.ok) throw new Error(`${href}: HTTP ${r.status}`);
        try {
          return await r.json();
        } catch {
          throw new Error(`${href}: not valid JSON`);
        }
      });
      // A failed fetch is tried again next time; the oldest page goes when too many are kept.
      p.catch(() => this.cache.delete(path));
      this.cache.set(path, p);
      if (this.cache.size > KEEP * 4) this.cache.delete(this.cache.keys().next().value!);
    }
    return p as Promise<T>;
  }

  /** Rows of list page `k` (sorted by name in `lang`). */
  listPage(lang: Lang, k: number): Promise<ListRow[]> {
    return this.get(`list/${lang}-${k}.json`);
  }

  /** A project's ledger index by id (null: no such project). */
  async indexOf(id: string): Promise<number | null> {
    const k = pageOf(this.index.ids, id);
    if (k < 0) return null;
    const page = await this.get<Array<[string, number]>>(`ids/${k}.json`);
    return page.find(([x]) => x === id)?.[1] ?? null;
  }

  /** The chunk holding ledger index `i`, placed (fetched once). */
  async chunkAt(i: number): Promise<Chunk> {
    const k = Math.floor(i / this.index.chunk);
    const had = this.chunks.get(k);
    if (had) return had;
    const file = `cards/${k}.json`;
    const json = await this.get<unknown>(file);
    const checked = this.chunks.has(k) ? null : this.page.checkBundle({ ...this.index.head, projects: json });
    if (checked && 'errors' in checked) throw new Error(`${new URL(this.index.base + file, this.url).href}: not a chunk of this ledger: ${checked.errors.slice(0, 3).join('; ')}`);
    const chunk = this.chunks.get(k) ?? { from: k * this.index.chunk, model: new this.page.DataModel(checked!.value) };
    this.chunks.set(k, chunk);
    if (this.chunks.size > KEEP) this.chunks.delete(this.chunks.keys().next().value!);
    return chunk;
  }

  /** A project already fetched, by ledger index (null: not yet). */
  loadedAt(i: number): { chunk: Chunk; local: number } | null {
    const chunk = this.chunks.get(Math.floor(i / this.index.chunk));
    return chunk ? { chunk, local: i - chunk.from } : null;
  }

  /** A project already fetched, by id (null: not yet, or no such project). */
  loaded(id: string): { chunk: Chunk; local: number } | null {
    for (const chunk of this.chunks.values()) {
      const found = chunk.model.project(id);
      if (found) return { chunk, local: found.index };
    }
    return null;
  }

  /** Fetches the project with this id (null: no such project). */
  async project(id: string): Promise<{ chunk: Chunk; local: number } | null> {
    const had = this.loaded(id);
    if (had) return had;
    const i = await this.indexOf(id);
    if (i === null) return null;
    const chunk = await this.chunkAt(i);
    return { chunk, local: i - chunk.from };
  }

  /** The best projects for a query, from the search pages. */
  async search(query: string, limit = 10): Promise<PagedHit[]> {
    const q = normalise(query).slice(0, KEY_LENGTH);
    const pages = pagesFor(this.index.search, q).slice(0, SEARCH_PAGES);
    const entries = (await Promise.all(pages.map((k) => this.get<SearchEntry[]>(`search/${k}.json`)))).flat();
    return rankEntries(entries, query, limit);
  }
}

/** A fetched pages index (from `url`), checked: the ledger pages, or an Error naming the file and what is wrong. */
export function pagesOf(json: unknown, url: string, page: PageParts): LedgerPages {
  const index = json as Partial<PagesIndex> | null;
  if (index?.format !== PAGES_FORMAT || !index.summary || typeof index.base !== 'string' || typeof index.bundle !== 'string' || !Array.isArray(index.search) || !Array.isArray(index.ids)) {
    throw new Error(`${url}: not ledger pages (run npm run pages)`);
  }
  // The head is checked as a bundle is: geometry and figures the map draws.
  const head = page.checkBundle({ ...index.head, projects: [] });
  if ('errors' in head) throw new Error(`${url}: not valid ledger pages (run npm run pages): ${head.errors.slice(0, 3).join('; ')}`);
  const problems = indexProblems(index as PagesIndex, head.value.axes.features.map((f) => f.properties.id), head.value.zones.features.map((f) => f.properties.id));
  if (problems.length) throw new Error(`${url}: not valid ledger pages (run npm run pages): ${problems.slice(0, 3).join('; ')}`);
  return new LedgerPages(url, index as PagesIndex, page);
}
