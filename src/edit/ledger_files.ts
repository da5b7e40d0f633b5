/**
 * "导出台账 / Export ledger": data/projects.csv and geo/sites.geojson in exactly the repo's formats, and the change
 * log as changes.csv. Dropping the two files into the repo and running `npm run data` gives the map the editor
 * showed; a published site nobody edited is written back byte for byte as it was.
 */
import { csvValue as cell } from '../core/csv.ts';
import { PROJECT_COLUMNS } from '../core/ledger_columns.ts';
import type { MappedProject, Site } from '../core/model.ts';
import type { Change } from './changes.ts';

/** data/projects.csv: its columns in order, `\n` line ends, a final newline, empty for null. */
export function ledgerCsv(projects: readonly MappedProject[]): string {
  const lines = [PROJECT_COLUMNS.join(','), ...projects.map((p) => PROJECT_COLUMNS.map((c) => cell(p[c])).join(','))];
  return lines.join('\n') + '\n';
}

type Feature = { type: 'Feature'; properties: Record<string, unknown>; geometry: unknown; id?: string };

/** A site as a geo/sites.geojson feature (the same key order as the data build writes). */
export function siteFeature(id: string, site: Site, source: string): Feature {
  return {
    type: 'Feature',
    properties: {
      project_id: id,
      accuracy_m: site.accuracy_m,
      place: site.place,
      confidence: site.confidence,
      evidence: site.evidence,
      source,
      ...(site.evidence_zh ? { evidence_zh: site.evidence_zh } : {}),
    },
    geometry: site.geometry ?? { type: 'Point', coordinates: [site.lon, site.lat] },
    id,
  };
}

/**
 * geo/sites.geojson: the published file's features where their project's site did not change (as they were, in
 * their order), the edited ones rewritten, new ones appended, removed ones left out. `edited`: ids whose site an
 * edit touched.
 */
export function sitesGeoJson(projects: readonly MappedProject[], published: string | null, edited: ReadonlySet<string>, source: string): string {
  const before: Feature[] = published ? (JSON.parse(published) as { features: Feature[] }).features : [];
  const byId = new Map(projects.map((p) => [p.id, p]));
  const out: Feature[] = [];
  const written = new Set<string>();
  for (const f of before) {
    const id = String(f.properties['project_id']);
    const p = byId.get(id);
    if (!p?.site) continue; // project deleted, or its site removed
    out.push(edited.has(id) ? siteFeature(id, p.site, source) : f);
    written.add(id);
  }
  for (const p of projects) if (p.site && !written.has(p.id)) out.push(siteFeature(p.id, p.site, source));
  return JSON.stringify({ type: 'FeatureCollection', features: out }, null, 1) + '\n';
}

/** Ids whose site a change touched (added and deleted projects included). */
export const sitesTouched = (changes: readonly Change[]): Set<string> =>
  new Set(changes.filter((c) => c.kind !== 'fields').map((c) => c.id));

/** changes.csv: one row per change, before and after as JSON, in log order. */
export function changesCsv(changes: readonly Change[]): string {
  const rows = changes.map((c) => {
    const before = c.kind === 'add' ? null : c.before;
    const after = c.kind === 'delete' ? null : c.after;
    return [c.seq ?? '', c.at, c.kind, c.id, JSON.stringify(before), JSON.stringify(after)].map(cell).join(',');
  });
  return ['seq,at,kind,project_id,before,after', ...rows].join('\n') + '\n';
}

/** Reads back changes.csv (to re-apply an exported change file): the changes, or the row that is wrong. */
export function parseChangesCsv(rows: ReadonlyArray<Record<string, string>>): { changes: Change[] } | { error: string; row: number } {
  const changes: Change[] = [];
  for (const [i, r] of rows.entries()) {
    const kind = r['kind'];
    const id = r['project_id'];
    if (!id || !['site', 'fields', 'add', 'delete'].includes(kind ?? '')) return { error: 'kind must be site, fields, add or delete, with a project_id', row: i + 2 };
    try {
      const before = JSON.parse(r['before'] || 'null');
      const after = JSON.parse(r['after'] || 'null');
      changes.push({ kind, id, before, after, at: r['at'] || new Date().toISOString() } as Change);
    } catch {
      return { error: 'before and after must be JSON', row: i + 2 };
    }
  }
  return { changes };
}
