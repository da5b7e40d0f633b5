/** The data build CLI, run as a user runs it: `npm run data -- …` is `tsx scripts/data.ts …`. */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../scripts/repo.ts';

function data(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/data.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const tempDir = () => mkdtempSync(join(tmpdir(), 'erqi-data-'));

describe('npm run data -- --json', () => {
  const run = data('--json', '--out', tempDir());

  it('prints per-axis reported and mapped figures as JSON', () => {
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.axes.map((a: { id: string; reported: object; mapped: { projects: number; investment_yi: number | null; disclosed: number } }) => ({
      id: a.id,
      reported: a.reported,
      mapped: { projects: a.mapped.projects, investment_yi: a.mapped.investment_yi, disclosed: a.mapped.disclosed },
    }))).toEqual([
      { id: 'songshan', reported: expect.objectContaining({ projects: 31, investment_yi: 591 }), mapped: { projects: 1, investment_yi: null, disclosed: 0 } },
      { id: 'daxue', reported: expect.objectContaining({ projects: 31, investment_yi: 396 }), mapped: { projects: 2, investment_yi: 1, disclosed: 1 } },
      { id: 'jingguang', reported: expect.objectContaining({ projects: 35, investment_yi: 365 }), mapped: { projects: 1, investment_yi: null, disclosed: 0 } },
    ]);
    expect(out.axes[0].length_km).toBeCloseTo(11.5, 1);
  });

  it('prints warnings (projects outside every corridor) without failing', () => {
    expect(run.stderr).toMatch(/geo\/sites\.geojson:features\[0\]: warning: geometry: 'yaxiya-zhuoyue' lies outside every 500 m corridor/);
  });

  it('changes with the corridor width', () => {
    const wide = JSON.parse(data('--json', '--corridor', '1600').stdout);
    expect(wide.corridor_m).toBe(1600);
    expect(wide.axes.find((a: { id: string }) => a.id === 'jingguang').mapped.project_ids).toContain('yaxiya-zhuoyue');
  });
});

describe('npm run data (writing the bundle)', () => {
  it("writes DIR/bundle.json, the sites file as it is (for the editor's export) and the SAMPLE bundle — nothing else", () => {
    const out = tempDir();
    const run = data('--out', out);
    expect(run.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['bundle.json', 'sample.json', 'sites.geojson']);
    const sample = JSON.parse(readFileSync(join(out, 'sample.json'), 'utf8'));
    expect(sample.projects).toHaveLength(360);
    expect(sample.projects.every((p: { source: string }) => p.source === 'synthetic')).toBe(true);
    expect(readFileSync(join(out, 'sites.geojson'), 'utf8')).toBe(readFileSync(join(ROOT, 'geo/sites.geojson'), 'utf8'));
    const bundle = JSON.parse(readFileSync(join(out, 'bundle.json'), 'utf8'));
    expect(bundle.format).toBe('erqi-axis-map/bundle@1');
    expect(bundle.projects).toHaveLength(23);
    expect(bundle.as_of).toBe('2023-12');
  });

  it('on a bad file exits non-zero, names every problem, and leaves the previous output byte for byte', () => {
    const out = tempDir();
    const target = join(out, 'bundle.json');
    const previous = '{"previous":"output"}';
    writeFileSync(target, previous);
    const run = data('--projects', 'tests/fixtures/projects_bad.csv', '--sites', 'tests/fixtures/sites_bad.geojson', '--out', out);
    expect(run.code).toBe(1);
    for (const line of [
      'tests/fixtures/projects_bad.csv:4: id: duplicate id',
      "tests/fixtures/projects_bad.csv:5: axis_declared: unknown axis '嵩山路'",
      'tests/fixtures/projects_bad.csv:6: status: unknown status',
      "tests/fixtures/projects_bad.csv:7: investment_total_yi: '约5亿' is not a number",
      'tests/fixtures/projects_bad.csv:8: investment_total_yi: -3 is negative',
      'tests/fixtures/projects_bad.csv:9: investment_total_yi: 1e12 亿元 is implausible',
      'tests/fixtures/projects_bad.csv:11: source: is required',
      'tests/fixtures/projects_bad.csv:12: has 3 fields',
      'tests/fixtures/sites_bad.geojson:features[1]: geometry: [34.72, 113.638] looks like [lat, lon]',
      'tests/fixtures/sites_bad.geojson:features[2]: geometry: [0, 0] is outside Zhengzhou',
      'tests/fixtures/sites_bad.geojson:features[5]: project_id:',
    ]) {
      expect(run.stderr).toContain(line);
    }
    expect(run.stderr).toMatch(/\d+ errors: nothing written\./);
    expect(readFileSync(target, 'utf8')).toBe(previous);
    expect(readdirSync(out)).toEqual(['bundle.json']);
  });

  it('names a file it cannot read', () => {
    const run = data('--projects', 'no/such.csv', '--out', tempDir());
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no/such.csv: cannot read (ENOENT)');
  });

  it('rejects a corridor width that is not a number of metres, with the usage', () => {
    const out = tempDir();
    const run = data('--corridor', 'wide', '--out', out);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--corridor: 'wide' is not a half-width in metres/);
    expect(run.stderr).toContain('usage: npm run data');
    expect(existsSync(join(out, 'bundle.json'))).toBe(false);
  });
});

describe('npm run data -- --projects ANY-LEDGER', () => {
  it('reads a GBK CSV with Chinese headers, and suggests GCJ-02 when its points are ~550 m off', () => {
    const run = data('--projects', 'tests/fixtures/import/ledger_gbk_gcj02.csv', '--json');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('tests/fixtures/import/ledger_gbk_gcj02.csv: csv (gb18030), 8 rows, 8 valid, 7 with coordinates');
    expect(run.stderr).toMatch(/warning: the coordinates look like GCJ02, not WGS84: .* Try --crs gcj02/);
  });

  it('with --crs gcj02 puts them on the axes and sums their disclosed investment', () => {
    const run = data('--projects', 'tests/fixtures/import/ledger_gbk_gcj02.csv', '--crs', 'gcj02', '--json');
    expect(run.code).toBe(0);
    expect(run.stderr).not.toMatch(/look like/);
    const out = JSON.parse(run.stdout);
    const songshan = out.axes.find((a: { id: string }) => a.id === 'songshan');
    expect(songshan.mapped).toMatchObject({ projects: 1, investment_yi: 3.6, disclosed: 1 });
    expect(run.stderr).toMatch(/ledger_gbk_gcj02\.csv:2: warning: geometry: 'row-2' lies outside every 500 m corridor/);
  });

  it('prints how it read a file in words (the notes were printed as [object Object])', () => {
    const run = data('--projects', 'tests/fixtures/import/ledger_title_rows.xlsx', '--json');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('ledger_title_rows.xlsx: note: Above the header: “单位：万元”: amount columns that name no unit are read in 万元.');
    expect(run.stderr).toContain('ledger_title_rows.xlsx: note: No id column: ids are made from row numbers (row-N).');
    expect(run.stderr).not.toContain('[object Object]');
    expect(JSON.parse(run.stdout).ledger.all).toMatchObject({ projects: 5, investment_yi: 30.1 });
  });

  it('reads the sheet of projects past a 说明 sheet, saying how to ask for another', () => {
    const run = data('--projects', 'tests/fixtures/import/ledger.xlsx', '--json');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('ledger.xlsx: note: the first sheet, "说明", names no projects: sheet "项目" was read (--sheet NAME reads another)');
    expect(JSON.parse(run.stdout).ledger.all.projects).toBe(8);
  });

  it('reads a named Excel sheet', () => {
    const run = data('--projects', 'tests/fixtures/import/ledger.xlsx', '--sheet', '项目', '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).ledger.all.projects).toBe(8);
  });

  it('on a bad ledger names every problem and leaves the previous output as it was', () => {
    const out = tempDir();
    writeFileSync(join(out, 'bundle.json'), 'previous');
    const run = data('--projects', 'tests/fixtures/bad/far_away.csv', '--out', out);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('tests/fixtures/bad/far_away.csv:2: 经度/纬度: [116.397, 39.909] is outside Zhengzhou');
    expect(readFileSync(join(out, 'bundle.json'), 'utf8')).toBe('previous');
  });

  it('rejects an unknown --crs or --encoding with the usage', () => {
    expect(data('--crs', 'mercator').stderr).toMatch(/--crs: 'mercator' is not one of wgs84, gcj02, bd09/);
    expect(data('--encoding', 'big5').code).toBe(2);
  });
});

describe('the bad corpus through the CLI', () => {
  it('fails on every bad file with its problem named as file:row: field: message, and writes nothing', () => {
    const dir = 'tests/fixtures/bad';
    // Readable (no error; warnings at most).
    const kept = new Set(['null_geometry.geojson', 'three_d.geojson', 'xss_payloads.csv', 'unknown_axis.csv', 'unknown_status.csv', 'swapped.csv', 'totals_and_new_words.csv', 'about_5.csv']);
    const out = tempDir();
    for (const name of readdirSync(join(ROOT, dir))) {
      if (kept.has(name)) {
        expect(data('--projects', `${dir}/${name}`, '--json').code, name).toBe(0);
        continue;
      }
      const run = data('--projects', `${dir}/${name}`, '--out', out);
      expect(run.code, `${name}\n${run.stderr}`).toBe(1);
      expect(run.stderr, name).toMatch(new RegExp(`^${dir}/${name.replace(/\./g, '\\.')}(:(\\d+|features\\[\\d+\\]))?: `, 'm'));
      expect(run.stderr, name).toMatch(/errors?: nothing written\./);
    }
    expect(readdirSync(out)).toEqual([]);
  }, 120_000);
});

describe('npm run data --progress (a district’s 调度表)', () => {
  it('reads a GBK file with Chinese headers and 万元 into the bundle', () => {
    const out = tempDir();
    const run = data('--progress', join(ROOT, 'tests/fixtures/import/progress_gbk.csv'), '--out', out);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/progress_gbk\.csv: gb18030, 2 progress rows/);
    const bundle = JSON.parse(readFileSync(join(out, 'bundle.json'), 'utf8'));
    expect(bundle.progress).toEqual([
      { project_id: 'crec-taihe', period: '2023-11', status: 'operating', planned_yi: 1.2, completed_yi: 0.98, progress_text: '投入运营', source: '区发改委调度表' },
      { project_id: 'yaxing-wanjia', period: '2023-11', status: 'operating', planned_yi: null, completed_yi: null, progress_text: null, source: '区发改委调度表' },
    ]);
  });

  it('reads the sheet as an office keeps it (title, 单位：万元, names, 合计) and says in words how it read it', () => {
    const out = tempDir();
    const run = data('--progress', join(ROOT, 'tests/fixtures/import/progress_title_rows.xlsx'), '--out', out);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('progress_title_rows.xlsx: note: No month column: every row is read as of 2023-11, the month the title or the file name gives.');
    expect(run.stderr).toMatch(/progress_title_rows\.xlsx:8: warning: a totals row \(合计\), skipped: it is not a project/);
    expect(run.stderr).not.toMatch(/\[object Object\]|[\u2066-\u2069]/);
    const bundle = JSON.parse(readFileSync(join(out, 'bundle.json'), 'utf8'));
    expect(bundle.progress.map((r: { project_id: string; completed_yi: number | null; source: string }) => [r.project_id, r.completed_yi, r.source])).toEqual([
      ['crec-taihe', 0.98, '调度表：progress_title_rows.xlsx'],
      ['yaxing-wanjia', null, '调度表：progress_title_rows.xlsx'],
      ['liandong-ugu', 3.15, '调度表：progress_title_rows.xlsx'],
    ]);
  });

  it('adds a month at a time to the ledger’s progress.csv with --save-progress; a corrected month replaces its rows', () => {
    const dir = tempDir();
    copyFileSync(join(ROOT, 'data/projects.csv'), join(dir, 'projects.csv'));
    const out = join(dir, 'out');
    const run = (file: string, ...more: string[]) => data('--projects', join(dir, 'projects.csv'), '--progress', file, '--out', out, ...more);
    // November, as the office keeps it (names, 单位：万元, no source column): saved as the repository's own file.
    expect(run(join(ROOT, 'tests/fixtures/import/progress_title_rows.xlsx'), '--save-progress').code).toBe(0);
    const saved = () => readFileSync(join(dir, 'progress.csv'), 'utf8').trim().split('\n');
    expect(saved()).toEqual([
      'project_id,period,status,planned_yi,completed_yi,progress_text,source',
      'crec-taihe,2023-11,completed,1.2,0.98,投入运营,调度表：progress_title_rows.xlsx',
      'yaxing-wanjia,2023-11,operating,,,,调度表：progress_title_rows.xlsx',
      'liandong-ugu,2023-11,under_construction,5,3.15,主体施工,调度表：progress_title_rows.xlsx',
    ]);
    // October is added to it; without --save-progress the bundle has both months and the file stays as it was.
    const october = join(dir, '10月.csv');
    writeFileSync(october, '项目编号,月份,年度计划投资（万元）,1—10月完成投资（万元）,来源\ncrec-taihe,2023-10,12000,9000,区发改委调度表\n');
    const dry = run(october);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stderr).toContain('1 rows added, 0 replaced');
    expect(JSON.parse(readFileSync(join(out, 'bundle.json'), 'utf8')).progress.map((r: { period: string }) => r.period)).toEqual(['2023-11', '2023-11', '2023-11', '2023-10']);
    expect(saved()).toHaveLength(4);
    expect(run(october, '--save-progress').code).toBe(0);
    // A corrected November (the district's GBK file) replaces the two rows it gives, in their places.
    const corrected = run(join(ROOT, 'tests/fixtures/import/progress_gbk.csv'), '--save-progress');
    expect(corrected.stderr).toContain('0 rows added, 2 replaced (the same project and month)');
    expect(saved().slice(1)).toEqual([
      'crec-taihe,2023-11,operating,1.2,0.98,投入运营,区发改委调度表',
      'yaxing-wanjia,2023-11,operating,,,,区发改委调度表',
      'liandong-ugu,2023-11,under_construction,5,3.15,主体施工,调度表：progress_title_rows.xlsx',
      'crec-taihe,2023-10,,1.2,0.9,,区发改委调度表',
    ]);
    // Nothing to save without a 调度表; a file with errors saves nothing.
    expect(data('--projects', join(dir, 'projects.csv'), '--save-progress').code).toBe(2);
    expect(run(join(ROOT, 'tests/fixtures/import/progress_bad_gbk.csv'), '--save-progress').code).toBe(1);
    expect(saved()).toHaveLength(5);
    // Seven runs of the data build: more than the default 5 s on a busy machine.
  }, 60_000);

  it('refuses a bad one with each row and column named, and writes nothing', () => {
    const out = tempDir();
    const run = data('--progress', join(ROOT, 'tests/fixtures/import/progress_bad_gbk.csv'), '--out', out);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/progress_bad_gbk\.csv:2: period: '2023年13月' is not a month/);
    expect(run.stderr).toMatch(/progress_bad_gbk\.csv:3: project_id: 'no-such' is not a project of the ledger/);
    expect(existsSync(join(out, 'bundle.json'))).toBe(false);
  });
});
