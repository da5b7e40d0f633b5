import { LEDGER_COLUMNS, PROJECT_COLUMNS } from './ledger_columns.ts';
import type { MappedProject } from './model.ts';

/** The columns whose values repeat from project to project (not ids, names or amounts), and a site's. */
const REPEATING = PROJECT_COLUMNS.filter((c) => !['id', 'name', 'amount'].includes(LEDGER_COLUMNS[c].kind));
const SITE_TEXT = ['place', 'confidence', 'evidence', 'evidence_zh'] as const;
/** Past this many different values a column is taken to differ from row to row, and new values are left alone. */
const MOST = 4096;

/**
 * Makes equal texts of a column one string. JSON.parse gives every project its own copy of '2023-12', of its
 * source, stage and evidence: a ledger of 50,000 projects read from a bundle held ~10 MB more than it needs
 * (40 → 30 MB of the page's heap in `npm run bench -- render`). No value changes, only how many copies of it
 * there are. Run it over a ledger in slices (`share(projects, from, to)`, in order), while the page is idle.
 */
export class StringSharer {
  private readonly seen = [...REPEATING, ...SITE_TEXT].map(() => new Map<string, string>());

  share(projects: readonly MappedProject[], from: number, to: number): void {
    const R = REPEATING.length;
    for (let i = from; i < to; i++) {
      const p = projects[i] as unknown as Record<string, unknown>;
      for (let k = 0; k < R; k++) if (typeof p[REPEATING[k]!] === 'string') p[REPEATING[k]!] = this.one(k, p[REPEATING[k]!]);
      const site = projects[i]!.site as unknown as Record<string, unknown> | null;
      if (!site) continue;
      if (site['project_id'] === p['id']) site['project_id'] = p['id'];
      for (let k = 0; k < SITE_TEXT.length; k++) if (typeof site[SITE_TEXT[k]!] === 'string') site[SITE_TEXT[k]!] = this.one(R + k, site[SITE_TEXT[k]!]);
    }
  }

  /** The one copy of column k's text v kept so far (v itself, when it is the first). */
  private one(k: number, v: unknown): unknown {
    const m = this.seen[k]!;
    const kept = m.get(v as string);
    if (kept !== undefined) return kept;
    if (m.size < MOST) m.set(v as string, v as string);
    return v;
  }
}
