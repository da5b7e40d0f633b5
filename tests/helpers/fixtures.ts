import type { SourceFiles } from '../../src/core/bundle.ts';
import type { AxisName } from '../../src/core/import/values.ts';
import { layoutOf, type Layout } from '../../src/core/layout.ts';
import { LIGHT, themeFor, type Theme } from '../../src/map/theme.ts';
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

/** The repository's layout (geo/axes.geojson, geo/zones.geojson): the axes and zones tests parse ids against. */
export const LAYOUT: Layout = (() => {
  const src = repoSources();
  return layoutOf({ axes: JSON.parse(src.axes.text), zones: JSON.parse(src.zones.text) });
})();

/** The repository's axes as an import reads axis cells against them. */
export const AXIS_NAMES: AxisName[] = (JSON.parse(repoSources().axes.text) as { features: Array<{ properties: AxisName }> }).features.map(
  ({ properties: { id, name_zh, name_en } }) => ({ id, name_zh, name_en }),
);

/** The light theme given to the repository's layout. */
export const THEME: Theme = themeFor(LIGHT, LAYOUT);

/** The 2-axis, 4-zone layout (tests/fixtures/layout_2x4) with its own ledger, on the repository's basemap layers. */
export const layoutFixtureSources = (): SourceFiles => {
  const file = (name: string) => ({ file: `tests/fixtures/layout_2x4/${name}`, text: fixture(`layout_2x4/${name}`) });
  return { ...fixtureSources(), projects: file('projects.csv'), sites: file('sites.geojson'), axes: file('axes.geojson'), zones: file('zones.geojson'), reported: file('reported.json') };
};
