import { fixtureSources, LAYOUT } from '../helpers/fixtures.ts';
import { describe, expect, it } from 'vitest';
import { buildBundle } from '../../src/core/bundle.ts';
import { parseCsv } from '../../src/core/csv.ts';
import { neutralise, projectsToCsv, projectsToGeoJson } from '../../src/core/export.ts';
import type { AxisFeature, ZoneFeature } from '../../src/core/load_geo.ts';
import { loadProjects } from '../../src/core/load_projects.ts';
import { placeProjects, prepareAxes } from '../../src/core/placement.ts';

const { bundle } = buildBundle(fixtureSources()).value!;
const placements = placeProjects(bundle.projects, prepareAxes(bundle.axes.features as AxisFeature[]), bundle.zones.features as ZoneFeature[]);

describe('CSV export', () => {
  const csv = projectsToCsv(bundle.projects, placements, 500, LAYOUT.axisIds);

  it('starts with a BOM and uses CRLF, one row per project', () => {
    expect(csv.startsWith('\uFEFFid,name_zh,')).toBe(true);
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(19);
  });

  it('reads back through the ledger loader to the same projects', () => {
    const back = loadProjects('export.csv', csv, LAYOUT.axisIds);
    expect(back.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(back.value).toEqual(bundle.projects.map(({ site: _site, ...p }) => p));
  });

  it('carries the spatial axis, zone and position', () => {
    const rows = parseCsv(csv).rows.map((r) => r.fields);
    const header = rows[0]!;
    const row = rows.find((r) => r[0] === 'yaxing-wanjia')!;
    expect(row[header.indexOf('axis_spatial')]).toBe('songshan');
    expect(row[header.indexOf('zone')]).toBe('central');
    expect(row[header.indexOf('lon')]).toBe('113.623823');
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(['=1+1', '+1', '-2', '@SUM(A1)', '\tx', 'ok'].map(neutralise)).toEqual(["'=1+1", "'+1", "'-2", "'@SUM(A1)", "'\tx", 'ok']);
  });

  it('neutralises formulas behind leading white space and invisible characters', () => {
    const payloads = ['\n=1+1', '\r\n+1', ' =HYPERLINK("http://x")', '\u00a0=1', '\u200b@SUM(A1)', '\ufeff-2', '\u3000=1', '\u2060\u200b =1', '＝1+1'];
    for (const p of payloads) expect(neutralise(p), JSON.stringify(p)).toBe(`'${p}`);
    for (const ok of ['二七 = 2', 'a-b', ' 普通文字', '\u200b普通']) expect(neutralise(ok)).toBe(ok);
    const evil = { ...bundle.projects[0]!, name_zh: '=HYPERLINK("http://x","y")' };
    expect(projectsToCsv([evil], placements.pick([0]), 500, LAYOUT.axisIds)).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
  });
});

describe('GeoJSON export', () => {
  it('keeps every project; those not mapped have a null geometry', () => {
    const fc = projectsToGeoJson(bundle.projects, placements, 500, LAYOUT.axisIds);
    expect(fc.features).toHaveLength(18);
    expect(fc.features.filter((f) => f.geometry === null)).toHaveLength(12);
    expect(fc.features.find((f) => f.id === 'crec-taihe')!.properties).toMatchObject({ axis_spatial: 'jingguang', zone: 'north' });
  });
});
