/** The repository's own geo and data files, loaded through the core as the CLI does. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceFile, SourceFiles } from '../../src/core/bundle.ts';

export const ROOT = join(import.meta.dirname, '..', '..');

export const repoFile = (path: string): SourceFile => ({ file: path, text: readFileSync(join(ROOT, path), 'utf8') });

export const repoSources = (): SourceFiles => ({
  projects: repoFile('data/projects.csv'),
  sites: repoFile('geo/sites.geojson'),
  reported: repoFile('data/reported.json'),
  axes: repoFile('geo/axes.geojson'),
  zones: repoFile('geo/zones.geojson'),
  district: repoFile('geo/district.geojson'),
  context: repoFile('geo/context.geojson'),
  landmarks: repoFile('geo/landmarks.geojson'),
});

export const fixture = (name: string): string => readFileSync(join(ROOT, 'tests', 'fixtures', name), 'utf8');
