import type { SourceFiles } from '../../src/core/bundle.ts';
import { repoSources } from '../../scripts/repo.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A file of tests/fixtures, as text. */
export const fixture = (name: string): string => readFileSync(join(import.meta.dirname, '..', 'fixtures', name), 'utf8');

/**
 * The frozen ledger (tests/fixtures/ledger: projects, sites, reported figures) on the repository's geography:
 * what behaviour tests run on, so that editing a real row in data/ never breaks them.
 */
export const fixtureSources = (): SourceFiles => ({
  ...repoSources(),
  projects: { file: 'data/projects.csv', text: fixture('ledger/projects.csv') },
  sites: { file: 'geo/sites.geojson', text: fixture('ledger/sites.geojson') },
  reported: { file: 'data/reported.json', text: fixture('ledger/reported.json') },
});
