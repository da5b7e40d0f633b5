/**
 * The layout is data: a fixture with 2 axes and 4 zones and other ids (tests/fixtures/layout_2x4, its README has
 * the hand-checked figures) runs through the core, the URL, host commands, import, the bundle check and the CLI.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBundle } from '../../src/core/bundle.ts';
import { checkBundle } from '../../src/core/bundle_shape.ts';
import { importTable } from '../../src/core/import/import_table.ts';
import { layoutOf } from '../../src/core/layout.ts';
import { acceptCommand, HOST_SOURCE } from '../../src/core/messages.ts';
import { parseUrlState } from '../../src/core/url_state.ts';
import { DARK, themeFor } from '../../src/map/theme.ts';
import { ROOT } from '../../scripts/repo.ts';
import { layoutFixtureSources } from '../helpers/fixtures.ts';

const DIR = 'tests/fixtures/layout_2x4';
const sources = layoutFixtureSources;
const built = buildBundle(sources());
const { bundle, aggregates } = built.value!;
const layout = layoutOf(bundle);

describe('a layout of 2 axes and 4 zones, through the core', () => {
  it('builds with only the expected warning', () => {
    expect(built.issues).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/^'t3' lies outside every 500 m corridor/) })]);
    expect(layout).toEqual({ axisIds: ['ring-a', 'ring-b'], zoneIds: ['nw', 'ne', 'sw', 'se'] });
  });

  it('gives the hand-checked per-axis figures', () => {
    expect(aggregates.axes.map((a) => ({ id: a.id, ids: a.mapped.project_ids, yi: a.mapped.investment_yi, nearest: a.mapped.nearest, outside: a.declared_outside.ids(), reported: a.reported.projects }))).toEqual([
      { id: 'ring-a', ids: ['t1'], yi: 10, nearest: 1, outside: ['t2'], reported: 4 },
      { id: 'ring-b', ids: ['t2', 't5'], yi: 2, nearest: 2, outside: [], reported: 6 },
    ]);
    expect(aggregates.axes[0]!.length_km).toBeCloseTo(10.98, 1); // 0.12° of longitude at 34.74°N
  });

  it('gives the hand-checked per-zone figures and the ledger totals', () => {
    expect(aggregates.zones.map((z) => [z.id, z.mapped.project_ids])).toEqual([['nw', ['t1']], ['ne', ['t3']], ['sw', ['t5']], ['se', ['t2']]]);
    expect(aggregates.ledger).toMatchObject({ mapped: 4, unmapped_ids: ['t4'], outside_corridors_ids: ['t3'] });
    expect(aggregates.ledger.all.investment_yi).toBe(20);
  });

  it('passes the browser’s bundle check; a project on an axis the bundle lacks does not', () => {
    const json = JSON.parse(JSON.stringify(bundle));
    expect('value' in checkBundle(json)).toBe(true);
    json.projects[0].axis_declared = 'songshan';
    expect(checkBundle(json)).toEqual({ errors: ["projects.0.axis_declared: should be one of the bundle's axes (ring-a, ring-b)"] });
  });

  it('refuses a ledger row or a reported figure naming an axis the layout lacks, by file, row and field', () => {
    const src = sources();
    const bad = buildBundle({
      ...src,
      projects: { ...src.projects, text: src.projects.text.replace('t5,测试项目戊,Test project E,ring-b', 't5,测试项目戊,Test project E,songshan') },
      reported: { ...src.reported, text: src.reported.text.replace('"id": "ring-b"', '"id": "ring-c"') },
    });
    expect(bad.value).toBeNull();
    expect(bad.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: `${DIR}/projects.csv`, row: 6, field: 'axis_declared', message: "unknown axis 'songshan'; use one of ring-a, ring-b" }),
        expect.objectContaining({ file: `${DIR}/reported.json`, field: 'axes', message: "expected exactly one entry for axis 'ring-b'" }),
        expect.objectContaining({ file: `${DIR}/reported.json`, field: 'axes.1.id', message: "'ring-c' is not an axis of the map; use one of ring-a, ring-b" }),
      ]),
    );
  });
});

describe('a layout of 2 axes and 4 zones, at the edges', () => {
  it('reads its ids from links and refuses the Erqi ones', () => {
    const { state, warnings } = parseUrlState('?axes=ring-b,songshan&zones=se&axis=ring-a', layout);
    expect(state.filter).toMatchObject({ axes: ['ring-b'], zones: ['se'] });
    expect(state.selection).toEqual({ kind: 'axis', id: 'ring-a' });
    expect(warnings).toEqual(['URL parameter axes=songshan ignored: use ring-a, ring-b']);
    expect(parseUrlState('?axis=daxue', layout).warnings).toEqual(['URL parameter axis=daxue ignored: use one of ring-a, ring-b']);
  });

  it('takes host commands naming its axes and zones, and refuses others', () => {
    const send = (data: object) => acceptCommand({ source: HOST_SOURCE, version: 1, ...data }, 'https://host.example', ['https://host.example'], layout);
    expect(send({ type: 'focus-axis', id: 'ring-b' })).toEqual({ command: { type: 'focus-axis', id: 'ring-b' } });
    expect(send({ type: 'focus-axis', id: 'songshan' })).toEqual({ refused: ['id: use null or one of ring-a, ring-b'] });
    expect(send({ type: 'set-filters', filter: { zones: ['nw', 'north'] } })).toEqual({ refused: [expect.stringMatching(/^filter\.zones\.1: /)] });
  });

  it('reads an imported ledger’s axis cells by its own axis names', () => {
    const axisNames = bundle.axes.features.map((f) => ({ id: f.properties!.id, name_zh: f.properties!.name_zh, name_en: f.properties!.name_en }));
    const rows = ['甲环路', 'Ring B', '乙环路测试轴', 'ring-a', '嵩山路'].map((axis, i) => ({ line: i + 2, cells: [`项目${i}`, axis] }));
    const r = importTable({ file: 'l.csv', header: ['项目名称', '所属轴线'], rows, rowKind: 'line' }, { name_zh: { column: 0, factor: 1 }, axis_declared: { column: 1, factor: 1 } }, { crs: 'wgs84', defaultSource: 'l.csv', axisNames });
    expect(r.projects.map((p) => p.axis_declared)).toEqual(['ring-a', 'ring-b', 'ring-b', 'ring-a', null]);
    expect(r.issues).toEqual([expect.objectContaining({ row: 6, severity: 'warning', message: "'嵩山路' is not a known axis: kept as not disclosed (未公开)" })]);
  });

  it('gives each axis and zone a colour of the palette, in file order', () => {
    const theme = themeFor(DARK, layout);
    expect(theme.axis).toEqual({ 'ring-a': DARK.axes[0], 'ring-b': DARK.axes[1] });
    expect(Object.keys(theme.zone.fill)).toEqual(['nw', 'ne', 'sw', 'se']);
    expect(new Set(Object.values(theme.zone.fill)).size).toBe(4);
  });
});

describe('a layout of 2 axes and 4 zones, through npm run data', () => {
  it('prints its aggregates with --axes, --zones and --reported', () => {
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'scripts/data.ts'), '--json', '--projects', `${DIR}/projects.csv`, '--sites', `${DIR}/sites.geojson`,
        '--axes', `${DIR}/axes.geojson`, '--zones', `${DIR}/zones.geojson`, '--reported', `${DIR}/reported.json`],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.axes.map((a: { id: string; mapped: { project_ids: string[] } }) => [a.id, a.mapped.project_ids])).toEqual([['ring-a', ['t1']], ['ring-b', ['t2', 't5']]]);
    expect(out.zones.map((z: { id: string }) => z.id)).toEqual(['nw', 'ne', 'sw', 'se']);
    expect(r.stderr).toMatch(/layout_2x4\/sites\.geojson:features\[2\]: warning: geometry: 't3' lies outside every 500 m corridor/);
  });
});
