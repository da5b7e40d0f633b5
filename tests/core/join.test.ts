import { fixture, LAYOUT } from '../helpers/fixtures.ts';
import { describe, expect, it } from 'vitest';
import { joinSites } from '../../src/core/join.ts';
import { loadProjects } from '../../src/core/load_projects.ts';
import { loadSites } from '../../src/core/load_geo.ts';

describe('joinSites', () => {
  const projects = loadProjects('data/projects.csv', fixture('ledger/projects.csv'), LAYOUT.axisIds).value;
  const sites = loadSites('geo/sites.geojson', fixture('ledger/sites.geojson')).value;

  it('keeps every project, with a site or as not mapped', () => {
    const { value, issues } = joinSites(projects, sites, 'geo/sites.geojson', 'data/projects.csv');
    expect(issues).toEqual([]);
    expect(value).toHaveLength(projects.length);
    expect(value.filter((p) => p.site).map((p) => p.id).sort()).toEqual(
      ['crec-taihe', 'dehua-street', 'digital-sci-tech-city', 'erqi-square-tunnel', 'yaxing-wanjia', 'yaxiya-zhuoyue'],
    );
    expect(value.find((p) => p.id === 'liandong-ugu')!.site).toBeNull();
  });

  it('reports a site whose project is not in the ledger, naming the feature', () => {
    const typo = sites.map((s, i) => (i === 2 ? { ...s, project_id: 'yaxing-wanjai' } : s));
    const { issues } = joinSites(projects, typo, 'geo/sites.geojson', 'data/projects.csv');
    expect(issues).toEqual([
      {
        file: 'geo/sites.geojson',
        feature: 2,
        field: 'project_id',
        message: "'yaxing-wanjai' matches no project id in data/projects.csv",
        severity: 'error',
      },
    ]);
  });
});
