/** The repository's own geo and data files, loaded through the core as the CLI does. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, MultiPolygon } from 'geojson';
import { bundleFromProjects, type DataBundle, type SourceFile, type SourceFiles } from '../src/core/bundle.ts';
import { loadAxes } from '../src/core/load_geo.ts';
import { syntheticProjects } from '../src/core/synthetic.ts';

export const ROOT = join(import.meta.dirname, '..');

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

/**
 * A data bundle of `count` seeded synthetic projects on the repository's geography (SYNTHETIC: bannered wherever
 * the app shows it). For tests, benchmarks and `npm run tiles -- --synthetic`, never the default data.
 */
export function syntheticBundle(count: number, options: { seed: number; unmappedShare?: number }): DataBundle {
  const axes = loadAxes('geo/axes.geojson', repoFile('geo/axes.geojson').text).value;
  const area = JSON.parse(repoFile('geo/district.geojson').text).features[0] as Feature<MultiPolygon>;
  const projects = syntheticProjects({ count, axes, area, ...options });
  const { projects: _p, sites: _s, ...context } = repoSources();
  return bundleFromProjects(context, projects, [], 'synthetic')!.value!.bundle;
}
