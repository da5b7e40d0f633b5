/**
 * One copy of each repeated text in a ledger (src/core/shared_strings.ts): which copy a project holds is not
 * observable from JavaScript (the heap it saves is measured in `npm run bench -- render`); what is tested here is
 * that no value changes, whatever the slices, the columns or how many different values a column has.
 */
import { describe, expect, it } from 'vitest';
import { StringSharer } from '../../src/core/shared_strings.ts';
import type { MappedProject } from '../../src/core/model.ts';
import { syntheticBundle } from '../../scripts/repo.ts';
import { buildBundle } from '../../src/core/bundle.ts';
import { fixture, fixtureSources } from '../helpers/fixtures.ts';

const fromJson = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe('sharing repeated texts', () => {
  it.each([
    ['the frozen ledger (unmapped projects, nulls, sources, evidence)', () => buildBundle(fixtureSources()).value!.bundle.projects],
    ['lines, areas and Multi geometries', () => buildBundle({ ...fixtureSources(), projects: { file: 'p.csv', text: fixture('shapes/projects.csv') }, sites: { file: 's.geojson', text: fixture('shapes/sites.geojson') } }).value!.bundle.projects],
    ['2,000 synthetic projects', () => syntheticBundle(2000, { seed: 5 }).projects],
  ])('changes no value of %s, in slices of any size', (_, make) => {
    const before = fromJson(make());
    for (const slice of [1, 7, 1000, before.length]) {
      const projects = fromJson(before);
      const sharer = new StringSharer();
      for (let from = 0; from < projects.length; from += slice) sharer.share(projects, from, Math.min(projects.length, from + slice));
      expect(projects).toStrictEqual(before);
    }
  });

  it('changes no value when a column has more different values than it keeps (a note per project)', () => {
    const base = syntheticBundle(30, { seed: 1 }).projects[0]!;
    const projects: MappedProject[] = Array.from({ length: 6000 }, (_, i) => ({
      ...fromJson(base),
      id: `p${i}`,
      note: `note ${i}`,
      source: i % 2 ? 'report A' : 'report B',
      site: i % 3 ? { ...fromJson(base.site!), project_id: `p${i}`, evidence: `evidence ${i % 5000}` } : null,
    }));
    const before = fromJson(projects);
    new StringSharer().share(projects, 0, projects.length);
    expect(projects).toStrictEqual(before);
  });
});
