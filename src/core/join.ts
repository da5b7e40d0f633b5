import type { Loaded } from './issues.ts';
import type { MappedProject, Project, Site } from './model.ts';

/**
 * Sites ⨝ projects on `project_id`. Every project is kept: one with no site is "not mapped". A site
 * whose project is not in the ledger is an error (a typo in an id, usually), named with its feature.
 */
export function joinSites(
  projects: readonly Project[],
  sites: readonly Site[],
  sitesFile: string,
  projectsFile: string,
): Loaded<MappedProject[]> {
  const byId = new Map(sites.map((s) => [s.project_id, s]));
  const ids = new Set(projects.map((p) => p.id));
  const issues = sites
    .filter((s) => !ids.has(s.project_id))
    .map((s) => ({
      file: sitesFile,
      feature: s.feature,
      field: 'project_id',
      message: `'${s.project_id}' matches no project id in ${projectsFile}`,
      severity: 'error' as const,
    }));
  return { value: projects.map((p) => ({ ...p, site: byId.get(p.id) ?? null })), issues };
}
