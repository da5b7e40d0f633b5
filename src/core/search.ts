import type { MappedProject } from './model.ts';

/** Case-, width- and space-insensitive form for matching (NFKC folds full-width ＡＢＣ and １２３). */
export const normalise = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/[\s·•・]+/g, '');

/** A ledger's other names (别名): separated by ；, ;, 、 or a line break. */
export const splitNames = (s: string | null | undefined): string[] => (s ? s.split(/[;；、\n]/).map((x) => x.trim()).filter(Boolean) : []);

export type PlaceKind = 'landmark' | 'axis' | 'zone';
/** Where a place's search keys are kept in the bundle's `search_keys` (project ids are kept as they are). */
export const placeKey = (kind: PlaceKind, id: string): string => `${kind}:${id}`;

/** A named place search finds beside the projects: a landmark, an axis (a road), a zone. */
export interface Place {
  kind: PlaceKind;
  id: string;
  name_zh: string;
  name_en: string;
}

export interface SearchHit {
  index: number;
  /** Which field matched, for the result list. */
  field: 'name_zh' | 'name_en' | 'other_names' | 'pinyin' | 'address' | 'id';
}

/** Pinyin keys (the data build's `search_keys`) as normalised words, once per key table. */
const keyWords = new WeakMap<Record<string, string>, Map<string, string[]>>();
function wordsOf(keys: Record<string, string> | undefined, key: string): string[] {
  if (!keys) return [];
  let table = keyWords.get(keys);
  if (!table) keyWords.set(keys, (table = new Map()));
  let words = table.get(key);
  if (!words) table.set(key, (words = (keys[key] ?? '').split(' ').map(normalise).filter(Boolean)));
  return words;
}

/** Pinyin is matched from two Latin letters on ("ta" would find half the ledger from one letter). */
const PINYIN_QUERY = /^[a-z][a-z0-9]+$/;

type Scored<T> = T & { score: number };

/**
 * The best match of a query among an item's fields: a name that starts with it scores 0, one containing it 1; other
 * names and pinyin 2–3; an address or id 4–5.
 */
function bestField<F extends string>(q: string, fields: ReadonlyArray<[F, string | null | undefined, number]>, pinyin: readonly string[]): { field: F | 'pinyin'; score: number } | null {
  let best: { field: F | 'pinyin'; score: number } | null = null;
  for (const [field, value, rank] of fields) {
    if (!value) continue;
    const at = normalise(value).indexOf(q);
    if (at < 0) continue;
    const score = rank + (at === 0 ? 0 : 1);
    if (!best || score < best.score) best = { field, score };
  }
  if (PINYIN_QUERY.test(q)) {
    for (const w of pinyin) {
      const at = w.indexOf(q);
      if (at < 0) continue;
      const score = 2 + (at === 0 ? 0 : 1);
      if (!best || score < best.score) best = { field: 'pinyin', score };
    }
  }
  return best;
}

/**
 * Projects whose names, other names (别名), pinyin (with `keys`, from the data build), address or id contain the
 * query, best first: a name that starts with the query, then a name that contains it, then the rest.
 */
export function searchProjects(projects: readonly MappedProject[], query: string, limit = 10, keys?: Record<string, string>): SearchHit[] {
  const q = normalise(query);
  if (!q) return [];
  const scored: Array<Scored<SearchHit>> = [];
  projects.forEach((p, index) => {
    const best = bestField(
      q,
      [
        ['name_zh', p.name_zh, 0],
        ['name_en', p.name_en, 0],
        ['other_names', p.other_names, 2],
        ['address', p.address, 4],
        ['id', p.id, 4],
      ],
      wordsOf(keys, p.id),
    );
    if (best) scored.push({ index, field: best.field, score: best.score });
  });
  scored.sort((a, b) => a.score - b.score || a.index - b.index);
  return scored.slice(0, limit).map(({ index, field }) => ({ index, field }));
}

/** Places whose Chinese or English name (or pinyin) contains the query, best first. */
export function searchPlaces(places: readonly Place[], query: string, limit = 5, keys?: Record<string, string>): Place[] {
  const q = normalise(query);
  if (!q) return [];
  const scored: Array<Scored<{ place: Place; index: number }>> = [];
  places.forEach((place, index) => {
    const best = bestField(q, [['name_zh', place.name_zh, 0], ['name_en', place.name_en, 0]], wordsOf(keys, placeKey(place.kind, place.id)));
    if (best) scored.push({ place, index, score: best.score });
  });
  scored.sort((a, b) => a.score - b.score || a.index - b.index);
  return scored.slice(0, limit).map((s) => s.place);
}
