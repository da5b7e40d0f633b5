import type { Aggregates, IdList, Tally } from './aggregate.ts';
import type { DataBundle } from './bundle.ts';
import type { FilterResult } from './filter.ts';
import type { MappedProject, Status } from './model.ts';
import { PAGES_FORMAT } from './pages_format.ts';
import { normalise, splitNames, type SearchHit } from './search.ts';

/**
 * Ledger pages (`npm run pages`): for ledgers too large for a page to hold, the data build writes what the first
 * view shows — the default view's figures, the list in pages, search in pages, the projects in chunks — beside
 * the pin tiles. The page fetches a piece when it shows it, and the whole ledger only when asked for something
 * the pages do not hold (a filter, another width, an export). This module is the format, shared by the data
 * build (scripts/pages.ts) and the page (src/app/ledger_pages.ts).
 */
export { PAGES_FORMAT };

/** A list of ids as the pages keep it: how many, and the first few (the panel names twelve). */
export interface ListedJSON {
  count: number;
  ids: string[];
}

/** The default view's figures: the aggregation with its id lists cut to what the panel names. */
export interface SummaryJSON {
  corridor_m: number;
  aggregates: Omit<Aggregates, 'axes' | 'zones' | 'ledger'> & {
    axes: Array<Omit<Aggregates['axes'][number], 'declared_outside' | 'inside_declared_elsewhere' | 'mapped'> & { mapped: Omit<Aggregates['axes'][number]['mapped'], 'project_ids'>; declared_outside: ListedJSON; inside_declared_elsewhere: ListedJSON }>;
    zones: Array<Omit<Aggregates['zones'][number], 'declared_outside' | 'inside_declared_elsewhere' | 'mapped'> & { mapped: Omit<Tally, 'project_ids'>; declared_outside: ListedJSON; inside_declared_elsewhere: ListedJSON }>;
    ledger: Omit<Aggregates['ledger'], 'all' | 'unmapped_ids' | 'outside_corridors_ids'> & { all: Omit<Tally, 'project_ids'>; unmapped: number; outside_corridors: number };
  };
  /** How many projects each filter option would show, no filter set (the filter panel's counts). */
  counts: FilterResult['counts'];
  /** Names of the projects the figures name (mismatch lists), by id: [zh, en]. */
  names: Record<string, [string, string | null]>;
  anyDeclared: boolean;
  anyShapes: boolean;
  synthetic: boolean;
}

/** One row of the list: a project as the List tab shows it (sorted by name in one language). */
export interface ListRow {
  /** Index in the ledger. */
  i: number;
  id: string;
  name: string;
  mapped: boolean;
  /** The spatial axis at the pages' width, or the declared one; null: none. */
  axis: string | null;
  zone: string | null;
  status: Status | null;
  yi: number | null;
}

/** One search key: a normalised suffix of a field, the project it names, and how it ranks. */
export type SearchEntry = [key: string, index: number, field: SearchHit['field'], start: 0 | 1, name_zh: string, name_en: string | null, id: string];

export interface PagesIndex {
  format: typeof PAGES_FORMAT;
  /** ledgerFingerprint of the projects (the pin tiles must carry the same). */
  fingerprint: string;
  projects: number;
  /** The folder of the pages (list/, search/, ids/, cards/), relative to this file, ending in '/'. */
  base: string;
  /** The whole bundle, relative to this file: loaded when asked for something the pages do not hold. */
  bundle: string;
  /** Its size in bytes, said before it is loaded. */
  bundle_bytes: number;
  /** The ledger without its projects: geometry, reported figures, the places' search keys. */
  head: Omit<DataBundle, 'projects' | 'placements' | 'progress'>;
  summary: SummaryJSON;
  /** Projects per card chunk (`cards/K.json` holds indices K·chunk … ). */
  chunk: number;
  /** Rows per list page (`list/zh-K.json`, `list/en-K.json`), and how many pages. */
  list: { rows: number; pages: number };
  /** First id of each id page (`ids/K.json`: [id, index] sorted by id). */
  ids: string[];
  /** First key of each search page (`search/K.json`: SearchEntry sorted by key). */
  search: string[];
}

/** The longest key kept per suffix: a query longer than this is matched on its first KEY_LENGTH characters, then checked. */
export const KEY_LENGTH = 16;

/** How a field ranks, as search.ts ranks it (a name 0, other names and pinyin 2, address and id 4). */
const RANK: Record<SearchHit['field'], number> = { name_zh: 0, name_en: 0, other_names: 2, pinyin: 2, address: 4, id: 4 };

/**
 * The keys a project is found by in pages: every suffix of its Chinese name, other names and address (contains), each
 * word of its English name and pinyin (starts with), and its id (starts with) — what search.ts matches.
 */
export function searchEntries(p: MappedProject, index: number, pinyin: string | undefined): SearchEntry[] {
  const out: SearchEntry[] = [];
  const seen = new Set<string>();
  const add = (key: string, field: SearchHit['field'], start: 0 | 1) => {
    const k = key.slice(0, KEY_LENGTH);
    if (!k || seen.has(k)) return;
    seen.add(k);
    out.push([k, index, field, start, p.name_zh, p.name_en, p.id]);
  };
  const suffixes = (value: string, field: SearchHit['field']) => {
    const s = normalise(value);
    const chars = [...s];
    for (let k = 0; k < chars.length; k++) add(chars.slice(k).join(''), field, k === 0 ? 0 : 1);
  };
  suffixes(p.name_zh, 'name_zh');
  if (p.name_en) {
    const words = p.name_en.split(/\s+/).filter(Boolean);
    // Each word onward ("taiheli" finds "CREC Taiheli"); the whole name first, as a start.
    words.forEach((_, k) => add(normalise(words.slice(k).join(' ')), 'name_en', k === 0 ? 0 : 1));
  }
  for (const other of splitNames(p.other_names)) suffixes(other, 'other_names');
  for (const w of (pinyin ?? '').split(' ')) add(normalise(w), 'pinyin', 0);
  if (p.address) suffixes(p.address, 'address');
  add(normalise(p.id), 'id', 0);
  // Ties keep the better field (a key seen first was added by the better-ranked field).
  return out;
}

/** The pages whose keys may start with `q`: from the last page starting before it to the last starting with it. */
export function pagesFor(firsts: readonly string[], q: string): number[] {
  if (!firsts.length || !q) return [];
  // Last page whose first key is < q (the prefix may start inside it).
  let lo = 0;
  let hi = firsts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (firsts[mid]! < q) lo = mid;
    else hi = mid - 1;
  }
  const out = [lo];
  for (let k = lo + 1; k < firsts.length && firsts[k]!.startsWith(q); k++) out.push(k);
  return out;
}

/** The page whose range holds `key`: the last whose first key is not after it (-1: before the first). */
export function pageOf(firsts: readonly string[], key: string): number {
  let lo = -1;
  let hi = firsts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (firsts[mid]! <= key) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A project found in pages: enough to list it and open it. */
export interface PagedHit {
  index: number;
  id: string;
  name_zh: string;
  name_en: string | null;
  field: SearchHit['field'];
}

/**
 * The best hits among search pages' entries for a query, as searchProjects ranks them (a name starting with it,
 * then containing it, then the rest; then ledger order). A query past KEY_LENGTH characters is matched on its
 * start: the names of such hits are checked whole.
 */
export function rankEntries(entries: readonly SearchEntry[], query: string, limit = 10): PagedHit[] {
  const q = normalise(query);
  if (!q) return [];
  const head = q.slice(0, KEY_LENGTH);
  const best = new Map<number, { score: number; hit: PagedHit }>();
  for (const [key, index, field, start, name_zh, name_en, id] of entries) {
    if (!key.startsWith(head)) continue;
    if (q.length > KEY_LENGTH && !(normalise(name_zh).includes(q) || normalise(name_en ?? '').includes(q))) continue;
    const score = RANK[field] + start;
    const had = best.get(index);
    if (!had || score < had.score) best.set(index, { score, hit: { index, id, name_zh, name_en, field } });
  }
  return [...best.values()]
    .sort((a, b) => a.score - b.score || a.hit.index - b.hit.index)
    .slice(0, limit)
    .map((b) => b.hit);
}

/**
 * What is wrong with an index's figures and page sizes, field by field (none: []): its figures must name the head's
 * axes and zones in order, and every count must be a count. Checked before anything is drawn from them.
 */
export function indexProblems(index: PagesIndex, axisIds: readonly string[], zoneIds: readonly string[]): string[] {
  const out: string[] = [];
  const count = (v: unknown, at: string) => {
    if (!(Number.isInteger(v) && (v as number) >= 0)) out.push(`${at}: not a count`);
  };
  const listed = (v: Partial<ListedJSON> | undefined, at: string) => {
    count(v?.count, `${at}.count`);
    if (!Array.isArray(v?.ids) || !v.ids.every((id) => typeof id === 'string')) out.push(`${at}.ids: not a list of ids`);
  };
  count(index.projects, 'projects');
  for (const [k, v] of [['chunk', index.chunk], ['list.rows', index.list?.rows]] as const) if (!(Number.isInteger(v) && (v as number) > 0)) out.push(`${k}: not a page size`);
  count(index.list?.pages, 'list.pages');
  const a = index.summary?.aggregates;
  if (!a || !Array.isArray(a.axes) || !Array.isArray(a.zones) || !a.ledger) return [...out, 'summary.aggregates: missing'];
  if (a.axes.map((x) => x?.id).join() !== axisIds.join()) out.push(`summary.aggregates.axes: not the head's axes (${axisIds.join(', ')})`);
  if (a.zones.map((z) => z?.id).join() !== zoneIds.join()) out.push(`summary.aggregates.zones: not the head's zones (${zoneIds.join(', ')})`);
  a.axes.forEach((x, k) => {
    count(x.mapped?.projects, `summary.aggregates.axes.${k}.mapped.projects`);
    listed(x.declared_outside, `summary.aggregates.axes.${k}.declared_outside`);
    listed(x.inside_declared_elsewhere, `summary.aggregates.axes.${k}.inside_declared_elsewhere`);
  });
  a.zones.forEach((z, k) => {
    count(z.mapped?.projects, `summary.aggregates.zones.${k}.mapped.projects`);
    listed(z.declared_outside, `summary.aggregates.zones.${k}.declared_outside`);
    listed(z.inside_declared_elsewhere, `summary.aggregates.zones.${k}.inside_declared_elsewhere`);
  });
  count(a.ledger.all?.projects, 'summary.aggregates.ledger.all.projects');
  count(a.ledger.mapped, 'summary.aggregates.ledger.mapped');
  const c = index.summary.counts;
  if (!c || ['axes', 'zones', 'statuses', 'sectors', 'mapped'].some((k) => typeof c[k as keyof typeof c] !== 'object')) out.push('summary.counts: missing');
  if (typeof index.summary.names !== 'object' || index.summary.names === null) out.push('summary.names: missing');
  return out;
}

/**
 * An id list of the pages as the panel reads it, named from the pages' `names` (the ids beyond the first few are
 * not in the pages; one without its name there is named by its id).
 */
export function listedIds(listed: ListedJSON, names: SummaryJSON['names']): IdList {
  const ids = (n = listed.count) => listed.ids.slice(0, n);
  return { count: listed.count, ids, named: (n) => ids(n).map((id) => ({ id, name_zh: names[id]?.[0] ?? id, name_en: names[id]?.[1] ?? null })), toJSON: () => listed.ids };
}

/** A tally of the pages as the panel reads it (its ids are not in the pages). */
const tally = (t: Omit<Tally, 'project_ids'>): Tally => ({ ...t, project_ids: [] });

/** The default view's aggregates from the pages, in the shape the panel reads. */
export function summaryAggregates(s: SummaryJSON): Aggregates {
  const a = s.aggregates;
  return {
    corridor_m: a.corridor_m,
    axes: a.axes.map((x) => ({
      ...x,
      mapped: { ...x.mapped, project_ids: [] },
      declared_outside: listedIds(x.declared_outside, s.names),
      inside_declared_elsewhere: listedIds(x.inside_declared_elsewhere, s.names),
    })),
    zones: a.zones.map((z) => ({
      ...z,
      mapped: tally(z.mapped),
      declared_outside: listedIds(z.declared_outside, s.names),
      inside_declared_elsewhere: listedIds(z.inside_declared_elsewhere, s.names),
    })),
    ledger: {
      all: tally(a.ledger.all),
      mapped: a.ledger.mapped,
      in_corridors: a.ledger.in_corridors,
      in_several_corridors: a.ledger.in_several_corridors,
      // Counted, not listed: nothing in the panel names them.
      unmapped_ids: [],
      outside_corridors_ids: [],
    },
  };
}

/** Names in a mismatch list: how many the panel shows (axis_panel.ts MAX_LINKS). */
export const NAMED = 12;

/** The default view's figures as the pages keep them (the data build's side of summaryAggregates). */
export function summaryOf(
  aggregates: Aggregates,
  counts: FilterResult['counts'],
  projects: readonly MappedProject[],
  flags: Pick<SummaryJSON, 'anyDeclared' | 'anyShapes' | 'synthetic'>,
): SummaryJSON {
  const names: SummaryJSON['names'] = {};
  const byId = new Map(projects.map((p) => [p.id, p]));
  const listed = (l: IdList): ListedJSON => {
    const ids = l.ids(NAMED);
    for (const id of ids) {
      const p = byId.get(id);
      if (p) names[id] = [p.name_zh, p.name_en];
    }
    return { count: l.count, ids };
  };
  const strip = <T extends Tally>(t: T): Omit<T, 'project_ids'> => {
    const { project_ids: _, ...rest } = t;
    return rest;
  };
  const a = aggregates;
  return {
    corridor_m: a.corridor_m,
    aggregates: {
      corridor_m: a.corridor_m,
      axes: a.axes.map((x) => ({ ...x, mapped: strip(x.mapped), declared_outside: listed(x.declared_outside), inside_declared_elsewhere: listed(x.inside_declared_elsewhere) })),
      zones: a.zones.map((z) => ({ ...z, mapped: strip(z.mapped), declared_outside: listed(z.declared_outside), inside_declared_elsewhere: listed(z.inside_declared_elsewhere) })),
      ledger: {
        all: strip(a.ledger.all),
        mapped: a.ledger.mapped,
        in_corridors: a.ledger.in_corridors,
        in_several_corridors: a.ledger.in_several_corridors,
        unmapped: a.ledger.unmapped_ids.length,
        outside_corridors: a.ledger.outside_corridors_ids.length,
      },
    },
    counts,
    names,
    ...flags,
  };
}
