import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureSources } from '../helpers/fixtures.ts';
import { describe, expect, it } from 'vitest';
import { issueText } from '../../src/ui/issue_text.ts';
import { buildBundle } from '../../src/core/bundle.ts';
import { projectsToCsv } from '../../src/core/export.ts';
import { guessMapping } from '../../src/core/import/columns.ts';
import { distanceM } from '../../src/core/geodesy.ts';
import fc from 'fast-check';
import proj4 from 'proj4';
import { fromGaussKruger } from '../../src/core/import/gauss_kruger.ts';
import { ZHENGZHOU_BOUNDS } from '../../src/core/bounds.ts';
import { formatIssue } from '../../src/core/issues.ts';
import type { AxisFeature, ZoneFeature } from '../../src/core/load_geo.ts';
import { placeProjects, prepareAxes } from '../../src/core/placement.ts';
import { importLedger } from '../../src/import/import_ledger.ts';
import { ROOT } from '../../scripts/repo.ts';

const { bundle } = buildBundle(fixtureSources()).value!;
const axes = prepareAxes(bundle.axes.features as AxisFeature[]);
/** The known places the CRS check compares with: the shipped sites and landmarks. */
const anchors = [
  ...bundle.projects.filter((p) => p.site).map((p) => ({ name: p.name_zh, lon: p.site!.lon, lat: p.site!.lat })),
  ...bundle.landmarks.features.map((f) => ({ name: String(f.properties!['name_zh']), lon: (f.geometry as GeoJSON.Point).coordinates[0]!, lat: (f.geometry as GeoJSON.Point).coordinates[1]! })),
];
const fixture = (name: string) => new Uint8Array(readFileSync(join(ROOT, 'tests/fixtures', name)));
/** WGS84 positions of the fixture's places (geo/sources/pois_wgs84.csv). */
const WGS84: Record<string, [number, number]> = {
  亚细亚卓悦城: [113.661311, 34.752707],
  '中铁·泰和里': [113.652095, 34.739559],
  亚星万嘉百汇: [113.623823, 34.68865],
  二七万达广场: [113.636617, 34.718848],
};

describe('column guessing', () => {
  it('maps Chinese and English headers, with units', () => {
    const { mapping, notes } = guessMapping(['序号', '项目名称', '所属轴线', '建设状态', '总投资（万元）', '地址', '经度', '纬度', 'Latitude2', '2023年完成投资']);
    expect(mapping).toEqual({
      name_zh: { column: 1, factor: 1 },
      axis_declared: { column: 2, factor: 1 },
      status: { column: 3, factor: 1 },
      investment_total_yi: { column: 4, factor: 1e-4 },
      investment_2023_yi: { column: 9, factor: 1 },
      address: { column: 5, factor: 1 },
      lon: { column: 6, factor: 1 },
      lat: { column: 7, factor: 1 },
    });
    expect(notes).toEqual([{ code: 'no-unit', column: '2023年完成投资' }]);
    expect(guessMapping(['Name', 'Longitude', 'LAT', 'Total Investment (亿元)']).mapping).toMatchObject({ name_zh: { column: 0 }, lon: { column: 1 }, lat: { column: 2 }, investment_total_yi: { column: 3, factor: 1 } });
  });
});

describe('a GBK CSV with Chinese headers, 万元 and GCJ-02 coordinates', () => {
  it('detects GBK and reads every row, converting 万元 to 亿元 and statuses to the ledger’s words', async () => {
    const { read, result } = await importLedger('ledger_gbk_gcj02.csv', fixture('import/ledger_gbk_gcj02.csv'), { crs: 'gcj02', axes, anchors });
    expect(read.encoding).toBe('gb18030');
    expect(result.issues).toEqual([]);
    expect(result.stats).toEqual({ rows: 8, valid: 8, mapped: 7 });
    const yaxiya = result.projects.find((p) => p.name_zh === '亚细亚卓悦城')!;
    expect(yaxiya).toMatchObject({ axis_declared: 'jingguang', status: 'operating', investment_total_yi: 12, source: 'import: ledger_gbk_gcj02.csv', id: 'row-2' });
    expect(result.projects.find((p) => p.name_zh === '德化步行街')!.investment_total_yi).toBeNull();
    expect(result.projects.find((p) => p.name_zh === '某待定项目')!.site).toBeNull();
  });

  it('puts the points where they belong once read as GCJ-02 (within 10 m of the WGS84 positions)', async () => {
    const { result } = await importLedger('x.csv', fixture('import/ledger_gbk_gcj02.csv'), { crs: 'gcj02', axes, anchors });
    for (const [name, [lon, lat]] of Object.entries(WGS84)) {
      const site = result.projects.find((p) => p.name_zh === name)!.site!;
      expect(distanceM(site.lon, site.lat, lon, lat), name).toBeLessThan(10);
    }
    expect(result.crsSuggestion).toBeNull();
  });

  it('suggests GCJ-02 when the points are declared WGS84 but sit ~550 m off the axes', async () => {
    const { result } = await importLedger('x.csv', fixture('import/ledger_gbk_gcj02.csv'), { crs: 'wgs84', axes, anchors });
    expect(result.crsSuggestion).toMatchObject({ crs: 'gcj02', basis: 'known places' });
    expect(result.crsSuggestion!.declaredMedianM - result.crsSuggestion!.suggestedMedianM).toBeGreaterThan(300);
  });

  it("reads Excel's Unicode Text save: UTF-16LE with a BOM, tab-separated, named .txt", async () => {
    const { read, result } = await importLedger('台账.txt', fixture('import/unicode_text_utf16le.txt'), { axes, anchors });
    expect(read.encoding).toBe('utf-16le');
    expect(result.issues).toEqual([]);
    expect(result.projects.map((p) => [p.name_zh, p.axis_declared, p.status, p.investment_total_yi])).toEqual([
      ['亚星万嘉百汇', 'songshan', 'operating', null],
      ['某项目', 'daxue', 'under_construction', 2.5],
    ]);
    // Without its BOM too.
    const bytes = fixture('import/unicode_text_utf16le.txt');
    expect((await importLedger('x.txt', bytes.slice(2), { axes })).read.encoding).toBe('utf-16le');
  });

  it('refuses a file far wider than any ledger, quickly, instead of listing its columns', async () => {
    const wide = new TextEncoder().encode(`项目名称,${Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(',')}\n甲\n`);
    const { result } = await importLedger('wide.csv', wide, { axes });
    expect(result.issues.map((i) => i.message)).toEqual(['has 10,001 columns; a ledger has at most 500: is this the right file (or sheet)?']);
    const features = Array.from({ length: 3000 }, (_, i) => ({ type: 'Feature', geometry: null, properties: Object.fromEntries(Array.from({ length: 40 }, (_, k) => [`k${i}_${k}`, 1])) }));
    const geo = new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features }));
    const { result: r2 } = await importLedger('keys.geojson', geo, { axes });
    expect(r2.issues.map((i) => i.message)).toEqual(['has 120,003 columns (coordinates and property names); a ledger has at most 500: is this the right file (or sheet)?']);
  });

  it('survives a GeoJSON property nested 200,000 levels deep, and a 50 MB file of one character', async () => {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    const geo = `{"type":"FeatureCollection","features":[{"type":"Feature","geometry":null,"properties":{"项目名称":"甲","x":${deep}}}]}`;
    const { result } = await importLedger('deep.geojson', new TextEncoder().encode(geo), { axes });
    expect(result.stats.valid).toBe(1);
    const big = await importLedger('big.csv', new Uint8Array(50 * 2 ** 20).fill(0x41), { axes });
    expect(big.result.issues.map((i) => i.message)).toContain('no column holds the project name (项目名称): choose one');
  });

  it('can be told the encoding', async () => {
    const { result } = await importLedger('x.csv', fixture('import/ledger_gbk_gcj02.csv'), { encoding: 'utf-8', axes });
    expect(result.issues[0]!.message).toMatch(/is not valid utf-8 text: choose another encoding/);
    expect((await importLedger('x.csv', fixture('import/ledger_gbk_gcj02.csv'), { encoding: 'gb18030', axes })).result.stats.valid).toBe(8);
  });
});

describe('an Excel workbook', () => {
  it('reads a chosen sheet, with numbers, dates and ids', async () => {
    const { read, result } = await importLedger('ledger.xlsx', fixture('import/ledger.xlsx'), { sheet: '项目', axes, anchors });
    expect(read.format).toBe('xlsx');
    expect(read.sheets).toEqual(['说明', '项目']);
    expect(result.issues).toEqual([]);
    expect(result.stats).toEqual({ rows: 8, valid: 8, mapped: 7 });
    expect(result.projects[0]).toMatchObject({ id: 'T001', investment_total_yi: 12, as_of: '2023-12', status: 'operating' });
    expect(result.crsSuggestion).toBeNull();
  });

  it('reads the first sheet that names projects when the first is an explanation, and says so', async () => {
    const { read, result } = await importLedger('ledger.xlsx', fixture('import/ledger.xlsx'), { axes });
    expect(read.sheet).toBe('项目');
    expect(result.stats).toEqual({ rows: 8, valid: 8, mapped: 7 });
    expect(result.notes[0]).toEqual({ code: 'sheet-chosen', sheet: '项目', first: '说明' });
    // A sheet asked for by name is read as it is, explanation or not.
    expect((await importLedger('ledger.xlsx', fixture('import/ledger.xlsx'), { sheet: '说明', axes })).result.issues[0]!.message).toMatch(/no column holds the project name/);
  });

  it('says which sheets exist when the named one is missing', async () => {
    expect((await importLedger('ledger.xlsx', fixture('import/ledger.xlsx'), { sheet: 'Sheet9', axes })).result.issues[0]!.message).toBe(
      "no sheet 'Sheet9'; the sheets are 说明, 项目",
    );
  });
});

describe('GeoJSON points', () => {
  it('reads properties as columns and keeps a feature with no geometry as not mapped', async () => {
    const { result } = await importLedger('ledger_points.geojson', fixture('import/ledger_points.geojson'), { axes });
    expect(result.issues).toEqual([]);
    expect(result.stats).toEqual({ rows: 8, valid: 8, mapped: 7 });
    expect(result.projects[0]).toMatchObject({ id: 'G1', investment_total_yi: 12 });
  });
});

describe('what an unknown word means (the value-mapping step)', () => {
  it('lists each unknown word with its rows, and reads it as the id the user chose', async () => {
    const bytes = new Uint8Array(readFileSync(join(ROOT, 'tests/fixtures/bad/totals_and_new_words.csv')));
    const before = await importLedger('t.csv', bytes, { axes });
    expect(before.result.unknown).toEqual([{ kind: 'status', text: '新建', rows: 1 }]);
    expect(before.result.projects.map((p) => p.status)).toEqual(['under_construction', null]);
    const after = await importLedger('t.csv', bytes, { axes, values: { status: { 新建: 'started' } } });
    expect(after.result.unknown).toEqual([]);
    expect(after.result.projects.map((p) => p.status)).toEqual(['under_construction', 'started']);
    expect(after.result.issues.map((i) => i.message)).toEqual(['a totals row (合计), skipped: it is not a project']);
  });
});

describe('longitude and latitude in one column', () => {
  it('reads them as a map picker copies them (113.623823,34.68865), swapped ones the right way round, and names a cell it cannot read', async () => {
    const text = '项目名称,经纬度\n甲,"113.623823,34.68865"\n乙,113.636617 34.718848\n丙,"34.739559，113.652095"\n丁,东经113度\n戊,\n';
    const { result, mapping } = await importLedger('t.csv', new TextEncoder().encode(text), { axes });
    expect(mapping.lonlat).toEqual({ column: 1, factor: 1 });
    expect(result.projects.map((p) => [p.name_zh, p.site ? [p.site.lon, p.site.lat] : null])).toEqual([
      ['甲', [113.623823, 34.68865]],
      ['乙', [113.636617, 34.718848]],
      ['丙', [113.652095, 34.739559]],
      ['戊', null],
    ]);
    expect(result.issues.map((i) => `${i.row} ${i.field} ${i.severity}`)).toEqual(['4 经纬度 warning', '5 经纬度 error']);
    expect(issueText(result.issues[1]!, 'zh')).toBe('t.csv 第 5 行：经纬度：“东经113度”不是经纬度：请写两个十进制度数，如 113.6238,34.6887');
  });
});

describe('coordinates written out in degrees, minutes and seconds', () => {
  it('reads them in their columns and in one, and names projected metres for what they are', async () => {
    const text = [
      '项目名称,经度,纬度,经纬度',
      '甲,东经113°37′25.8″,北纬34°41′11.1″,',
      '乙,113度38分11.8秒,34度43分7.9秒,',
      '丙,,,"东经113°39′07.5″，北纬34°44′22.4″"',
      '丁,,,N34°44′22.4″ E113°39′07.5″',
      '戊,38469560,9846600,',
      '己,113°61′,34°41′,',
    ].join('\n');
    const { result } = await importLedger('t.csv', new TextEncoder().encode(text), { axes });
    const at = (name: string) => result.projects.find((p) => p.name_zh === name)?.site;
    expect([at('甲')!.lon, at('甲')!.lat]).toEqual([113.6238333, 34.6864167]);
    expect([at('乙')!.lon, at('乙')!.lat]).toEqual([113.6366111, 34.7188611]);
    expect([at('丙')!.lon, at('丙')!.lat]).toEqual([113.6520833, 34.7395556]);
    // A latitude written first is the latitude (北纬 / N says so).
    expect([at('丁')!.lon, at('丁')!.lat]).toEqual([113.6520833, 34.7395556]);
    expect(result.issues.map((i) => `${i.row} ${i.field}: ${i.message}`)).toEqual([
      // Metres no Gauss–Krüger zone puts in Zhengzhou (a northing of 9,846 km): named as metres.
      '6 经度/纬度: [38469560, 9846600] looks like projected coordinates in metres (e.g. CGCS2000 Gauss–Krüger), not longitude and latitude: convert them to degrees (WGS84 or CGCS2000) first',
      // 61 minutes is no minute: the cell is refused as written.
      "7 经度: '113°61′' is not a coordinate: write decimal degrees, or leave both longitude and latitude empty",
    ]);
    expect(issueText(result.issues[0]!, 'zh')).toBe('t.csv 第 6 行：经度/纬度：[38469560, 9846600] 似乎是投影坐标（单位米，如 CGCS2000 高斯-克吕格），不是经纬度：请先转换为经纬度（WGS84 或 CGCS2000）');
  });
});

describe('coordinates in metres (CGCS2000 Gauss–Krüger), as land offices and drawings keep them', () => {
  /** The meridian arc from the equator to `deg` on GRS80, integrated numerically (Simpson): the northing of a point on the central meridian. */
  const arc = (deg: number) => {
    const a = 6_378_137;
    const e2 = (1 / 298.257222101) * (2 - 1 / 298.257222101);
    const phi = (deg * Math.PI) / 180;
    const n = 2000;
    let sum = 0;
    for (let i = 0; i <= n; i++) sum += (i === 0 || i === n ? 1 : i % 2 ? 4 : 2) * ((a * (1 - e2)) / (1 - e2 * Math.sin((phi * i) / n) ** 2) ** 1.5);
    return (sum * phi) / n / 3;
  };

  it('reads points in a 3° zone with its number, X and Y in the surveyors’ order, and a 红线范围 polygon, saying so once', async () => {
    const north = arc(34.75);
    const text = [
      '项目名称,X坐标,Y坐标,红线范围',
      // On the central meridian (114°E, easting 38 500 000): exactly 114°E, 34.75°N.
      `甲,${north.toFixed(3)},38500000,`,
      // Ten kilometres west along the same northing: 10 km away (the projection's scale is 1.0000006 here).
      `乙,${north.toFixed(3)},38490000,`,
      `丙,,,"POLYGON ((38490000 ${north.toFixed(3)}, 38490100 ${north.toFixed(3)}, 38490100 ${(north + 100).toFixed(3)}, 38490000 ${north.toFixed(3)}))"`,
    ].join('\n');
    const { result } = await importLedger('红线.csv', new TextEncoder().encode(text), { axes });
    expect(result.issues).toEqual([]);
    const at = (name: string) => result.projects.find((p) => p.name_zh === name)!.site!;
    expect([at('甲').lon, at('甲').lat]).toEqual([114, 34.75]);
    expect(distanceM(at('甲').lon, at('甲').lat, at('乙').lon, at('乙').lat)).toBeCloseTo(10_000 / 1.0000006, 0);
    expect(at('丙').geometry?.type).toBe('Polygon');
    expect(result.notes).toContainEqual({ code: 'projected', projection: 'CGCS2000 3° Gauss–Krüger zone 38 (central meridian 114°E)', northingFirst: true });
  });

  it('agrees with proj4 to the centimetre anywhere in Zhengzhou, in a 3° zone, a 6° zone and with no zone number', () => {
    const zones = [
      { cm: 114, falseEasting: 38_500_000 },
      { cm: 111, falseEasting: 19_500_000 },
      { cm: 114, falseEasting: 500_000 },
    ];
    fc.assert(
      fc.property(fc.double({ min: 112.67, max: 114.26, noNaN: true }), fc.double({ min: 34.23, max: 35.03, noNaN: true }), fc.constantFrom(...zones), (lon, lat, z) => {
        const [easting, northing] = proj4('EPSG:4326', `+proj=tmerc +lat_0=0 +lon_0=${z.cm} +k=1 +x_0=${z.falseEasting} +y_0=0 +ellps=GRS80 +units=m +no_defs`).forward([lon, lat]);
        const got = fromGaussKruger(easting, northing, ZHENGZHOU_BOUNDS)!;
        expect(Math.abs(got.lon - lon)).toBeLessThan(1.5e-7);
        expect(Math.abs(got.lat - lat)).toBeLessThan(1.5e-7);
      }),
      { numRuns: 500 },
    );
  });

  it('finds the meridian of an easting without its zone number: the one that puts it in Zhengzhou', async () => {
    const { result } = await importLedger('p.csv', new TextEncoder().encode(`项目名称,经度,纬度\n甲,500000,${arc(34.75).toFixed(3)}\n`), { axes });
    expect([result.projects[0]!.site!.lon, result.projects[0]!.site!.lat]).toEqual([114, 34.75]);
    expect(result.notes).toContainEqual({ code: 'projected', projection: 'CGCS2000 Gauss–Krüger, central meridian 114°E, no zone number', northingFirst: false });
  });
});

describe('amounts as offices write them', () => {
  it('reads a cell’s own unit (1.2亿元, 12000万元 in a 万元 column), words for "not given" as 未公开, and keeps an approximate row undisclosed', async () => {
    const text = '项目名称,总投资（万元）\n甲,1.2亿元\n乙,12000万元\n丙,约5亿元\n丁,"12,000"\n戊,待定\n己,—\n庚,1.2亿\n';
    const { result } = await importLedger('t.csv', new TextEncoder().encode(text), { axes });
    expect(result.projects.map((p) => [p.name_zh, p.investment_total_yi])).toEqual([
      ['甲', 1.2],
      ['乙', 1.2],
      ['丙', null],
      ['丁', 1.2],
      ['戊', null],
      ['己', null],
      ['庚', 1.2],
    ]);
    expect(result.issues.map((i) => `${i.row} ${i.field} ${i.severity}: ${issueText(i, 'zh').split('：').slice(-2).join('：')}`)).toEqual([
      '4 总投资（万元） warning: “约5亿元”是约数：保留该行，金额按未公开处理',
    ]);
  });
});

describe('the app’s own CSV export', () => {
  it('imports back to the same projects and positions', async () => {
    const placements = placeProjects(bundle.projects, axes, bundle.zones.features as ZoneFeature[]);
    const csv = projectsToCsv(bundle.projects, placements, 500, axes.map((a) => a.id));
    const { result } = await importLedger('export.csv', new TextEncoder().encode(csv), { axes });
    expect(result.issues).toEqual([]);
    expect(result.projects.map(({ site, ...p }) => ({ ...p, lonlat: site ? [site.lon, site.lat] : null }))).toEqual(
      bundle.projects.map(({ site, ...p }) => ({ ...p, lonlat: site ? [site.lon, site.lat] : null })),
    );
  });
});

/** The bad corpus: every file, and what the importer must say (or do) about it. */
const BAD: Record<string, { message?: RegExp; field?: string; row?: number; feature?: number; severity?: 'warning'; outcome?: { valid: number; mapped: number } }> = {
  'empty.csv': { message: /^the file is empty$/ },
  'header_only.csv': { message: /has a header but no rows/ },
  'binary_garbage.bin': { message: /binary content/ },
  'truncated.geojson': { message: /is not valid JSON .*cut short/ },
  'not_featurecollection.geojson': { message: /must be a GeoJSON FeatureCollection/ },
  'wrong_geometry.geojson': { message: /^type must be one of Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon, got "GeometryCollection"$/, field: 'geometry', feature: 0 },
  'wkt_problems.csv': { message: /^the outline crosses itself near \[113\.625000, 34\.705000\]/, field: '空间范围', row: 7 },
  'null_geometry.geojson': { outcome: { valid: 1, mapped: 0 } },
  'three_d.geojson': { outcome: { valid: 1, mapped: 1 } },
  'nan_coordinates.geojson': { message: /finite numbers/, feature: 0 },
  'nan.csv': { message: /'NaN' is not a number/, field: '总投资（亿元）', row: 2 },
  'infinity.csv': { message: /'Infinity' is not a number/, row: 2 },
  'negative.csv': { message: /-3 is negative/, row: 2 },
  'absurd.csv': { message: /1e12 亿元 is implausible/, row: 2 },
  'about_5.csv': { message: /'约5亿' is approximate: kept as not disclosed \(未公开\)/, row: 2, severity: 'warning', outcome: { valid: 1, mapped: 0 } },
  'duplicate_ids.csv': { message: /duplicate id 'A1' \(first on line 2\)/, field: '编号', row: 3 },
  // Forgiven with a warning: the row is kept (the value undisclosed, or the coordinates read the right way round).
  'unknown_axis.csv': { message: /'二七路' is not a known axis: kept as not disclosed/, field: '所属轴线', row: 2, severity: 'warning', outcome: { valid: 1, mapped: 0 } },
  'unknown_status.csv': { message: /'暂缓' is not a known status: kept as not disclosed/, field: '建设状态', row: 2, severity: 'warning', outcome: { valid: 1, mapped: 0 } },
  'swapped.csv': { message: /longitude 34.72 and latitude 113.638 look swapped: read as longitude 113.638, latitude 34.72/, field: '经度/纬度', row: 2, severity: 'warning', outcome: { valid: 1, mapped: 1 } },
  'totals_and_new_words.csv': { message: /a totals row \(合计\), skipped: it is not a project/, row: 4, severity: 'warning', outcome: { valid: 2, mapped: 1 } },
  'out_of_range.csv': { message: /outside Zhengzhou/, row: 2 },
  'far_away.csv': { message: /\[116\.397, 39\.909\] is outside Zhengzhou/, row: 2 },
  'only_longitude.csv': { message: /'' is not a coordinate/, field: '纬度', row: 2 },
  // 东经113度, 北纬34度 are read as degrees: [113, 34] is south of Zhengzhou.
  'text_coordinates.csv': { message: /\[113, 34\] is outside Zhengzhou/, field: '经度/纬度', row: 2 },
  'bad_date.csv': { message: /must be a date/, field: '数据日期', row: 2 },
  'id_with_space.csv': { message: /without spaces/, field: '编号', row: 2 },
  'missing_name_column.csv': { message: /no column holds the project name/ },
  'formula_cells.csv': { message: /'=SUM\(A1:A3\)' is not a number/, row: 2 },
  'too_many_fields.csv': { message: /has 7 fields, the header has 6/, row: 2 },
  'unclosed_quote.csv': { message: /never closed/, row: 2 },
  'nul_bytes.csv': { message: /binary content/ },
  'old_excel.xls': { message: /binary content|old \.xls/ },
  'broken.xlsx': { message: /is not a readable \.xlsx workbook/ },
  'empty_sheet.xlsx': { message: /sheet '项目' is empty/ },
  'mixed_encoding.csv': { message: /no column holds the project name/ },
  'xss_payloads.csv': { outcome: { valid: 1, mapped: 0 } },
};

describe('the bad corpus', () => {
  it('has an expectation for every file, and at least 30 files', () => {
    const files = readdirSync(join(ROOT, 'tests/fixtures/bad')).filter((f) => !f.startsWith('.'));
    expect(files.sort()).toEqual(Object.keys(BAD).sort());
    expect(files.length).toBeGreaterThanOrEqual(30);
  });

  it.each(Object.entries(BAD))('%s', async (name, expected) => {
    const { result } = await importLedger(name, fixture(`bad/${name}`), { axes });
    if (expected.outcome) {
      expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect({ valid: result.stats.valid, mapped: result.stats.mapped }).toEqual(expected.outcome);
      if (!expected.message) return;
    }
    const match = result.issues.find((i) => expected.message!.test(i.message));
    expect(match, result.issues.map(formatIssue).join('\n') || 'no issue').toBeTruthy();
    expect(match!.severity).toBe(expected.severity ?? 'error');
    expect(match!.file).toBe(name);
    if (expected.field) expect(match!.field).toBe(expected.field);
    if (expected.row !== undefined) expect(match!.row).toBe(expected.row);
    if (expected.feature !== undefined) expect(match!.feature).toBe(expected.feature);
  });

  it('keeps XSS payloads as plain text', async () => {
    const { result } = await importLedger('x.csv', fixture('bad/xss_payloads.csv'), { axes });
    expect(result.projects[0]).toMatchObject({ name_zh: '<img src=x onerror="window.__xss=1">', source: 'javascript:alert(1)' });
  });
});

describe('large files', () => {
  const header = '项目名称,总投资（亿元）,经度,纬度,备注\n';
  it('reads 100,000 rows', async () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => `项目${i},${(i % 50) + 1},${(113.6 + (i % 700) * 1e-4).toFixed(6)},${(34.7 + (i % 500) * 1e-4).toFixed(6)},`);
    const { result } = await importLedger('big.csv', new TextEncoder().encode(header + rows.join('\n')), { axes });
    expect(result.issues).toEqual([]);
    expect(result.stats).toEqual({ rows: 100_000, valid: 100_000, mapped: 100_000 });
  }, 60_000);

  it('reads a 50 MB file', async () => {
    const note = '备注'.repeat(240);
    const rows = Array.from({ length: 35_000 }, (_, i) => `项目${i},1,113.63,34.72,${note}`);
    const bytes = new TextEncoder().encode(header + rows.join('\n'));
    expect(bytes.length).toBeGreaterThan(50e6);
    const { result } = await importLedger('huge.csv', bytes, { axes });
    expect(result.stats.valid).toBe(35_000);
  }, 60_000);
});
