/**
 * The editor's change log (项目落图): every edit is one entry, replayed in order over the published data. The log
 * lives in IndexedDB (journal.ts); this module is the pure part — what a change is, how it applies, how it reads.
 */
import type { MappedProject, Site } from '../core/model.ts';
import type { Project } from '../core/project_schema.ts';

/** Fields the editor changes on a project (the ledger's columns other than its id). */
export type Fields = Partial<Omit<Project, 'id'>>;

export type ChangeBody =
  /** Located, redrawn or un-located (`after: null`). */
  | { kind: 'site'; id: string; before: Site | null; after: Site | null }
  | { kind: 'fields'; id: string; before: Fields; after: Fields }
  | { kind: 'add'; id: string; after: MappedProject }
  | { kind: 'delete'; id: string; before: MappedProject };

export type Change = ChangeBody & {
  /** Order in the log (IndexedDB's key); absent before it is stored. */
  seq?: number;
  /** When, ISO 8601. */
  at: string;
};

/** Plain data compared by value, keys in any order. */
export function sameValue(a: unknown, b: unknown): boolean {
  return stable(a) === stable(b);
}
const stable = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).filter(([, y]) => y !== undefined).sort(([a], [b]) => (a < b ? -1 : 1))) : x,
  );

export interface Replayed {
  projects: MappedProject[];
  /**
   * Changes made over data that has since changed (the published ledger was updated under them, or another tab
   * changed the same thing first): applied all the same — the latest edit wins — and listed for the user to check.
   */
  stale: Change[];
}

/** The published projects with the changes applied in order. Never mutates its input. */
export function replay(published: readonly MappedProject[], changes: readonly Change[]): Replayed {
  const projects = [...published];
  const index = new Map(projects.map((p, i) => [p.id, i]));
  const stale: Change[] = [];
  for (const c of changes) {
    const i = index.get(c.id);
    const current = i === undefined ? undefined : projects[i];
    switch (c.kind) {
      case 'add':
        if (current) {
          stale.push(c);
          projects[i!] = c.after;
        } else {
          index.set(c.id, projects.length);
          projects.push(c.after);
        }
        break;
      case 'delete':
        if (!current) {
          stale.push(c);
          break;
        }
        if (!sameValue(current, c.before)) stale.push(c);
        projects.splice(i!, 1);
        index.clear();
        projects.forEach((p, k) => index.set(p.id, k));
        break;
      case 'site':
        if (!current) {
          stale.push(c);
          break;
        }
        if (!sameValue(current.site, c.before)) stale.push(c);
        projects[i!] = { ...current, site: c.after && { ...c.after, project_id: c.id } };
        break;
      case 'fields': {
        if (!current) {
          stale.push(c);
          break;
        }
        const was = Object.fromEntries(Object.keys(c.after).map((k) => [k, current[k as keyof Fields] ?? null]));
        if (!sameValue(was, c.before)) stale.push(c);
        projects[i!] = { ...current, ...c.after };
        break;
      }
    }
  }
  return { projects, stale };
}

/** The change that puts a project's site to `after`, or null when nothing would change. */
export function siteChange(project: MappedProject, after: Site | null, at = new Date().toISOString()): Change | null {
  if (sameValue(project.site, after)) return null;
  return { kind: 'site', id: project.id, before: project.site, after, at };
}

/** The change of some fields (only those whose value differs), or null when none does. */
export function fieldsChange(project: MappedProject, next: Fields, at = new Date().toISOString()): Change | null {
  const keys = (Object.keys(next) as Array<keyof Fields>).filter((k) => !sameValue(project[k] ?? null, next[k] ?? null));
  if (!keys.length) return null;
  const pick = (from: Fields | MappedProject) => Object.fromEntries(keys.map((k) => [k, from[k] ?? null])) as Fields;
  return { kind: 'fields', id: project.id, before: pick(project), after: pick(next), at };
}
