import type { MappedProject } from './model.ts';

/** Case-, width- and space-insensitive form for matching (NFKC folds full-width ＡＢＣ and １２３). */
export const normalise = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/[\s·•・]+/g, '');

export interface SearchHit {
  index: number;
  /** Which field matched, for the result list. */
  field: 'name_zh' | 'name_en' | 'address' | 'id';
}

/**
 * Projects whose Chinese or English name, address or id contains the query, best first: a name that
 * starts with the query, then a name that contains it, then an address or id.
 */
export function searchProjects(projects: readonly MappedProject[], query: string, limit = 10): SearchHit[] {
  const q = normalise(query);
  if (!q) return [];
  const scored: Array<SearchHit & { score: number }> = [];
  projects.forEach((p, index) => {
    const fields: Array<[SearchHit['field'], string | null]> = [
      ['name_zh', p.name_zh],
      ['name_en', p.name_en],
      ['address', p.address],
      ['id', p.id],
    ];
    let best: (SearchHit & { score: number }) | null = null;
    for (const [field, value] of fields) {
      if (!value) continue;
      const at = normalise(value).indexOf(q);
      if (at < 0) continue;
      const isName = field === 'name_zh' || field === 'name_en';
      const score = (isName ? 0 : 2) + (at === 0 ? 0 : 1);
      if (!best || score < best.score) best = { index, field, score };
    }
    if (best) scored.push(best);
  });
  scored.sort((a, b) => a.score - b.score || a.index - b.index);
  return scored.slice(0, limit).map(({ index, field }) => ({ index, field }));
}
