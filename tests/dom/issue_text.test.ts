import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAxes } from '../../src/core/load_geo.ts';
import { prepareAxes } from '../../src/core/placement.ts';
import { importLedger } from '../../src/import/import_ledger.ts';
import { checkSiteGeometry } from '../../src/core/site_geometry.ts';
import { parseChangesCsv } from '../../src/edit/ledger_files.ts';
import { hasChinese, issueText, messageText } from '../../src/ui/issue_text.ts';
import { ROOT } from '../../scripts/repo.ts';

const axes = prepareAxes(loadAxes('a', readFileSync(join(ROOT, 'geo/axes.geojson'), 'utf8')).value);

describe('import problems in the Chinese UI', () => {
  it('every message the bad corpus and the import fixtures give has its Chinese wording', async () => {
    const untranslated = new Set<string>();
    let count = 0;
    for (const dir of ['tests/fixtures/bad', 'tests/fixtures/import']) {
      for (const f of readdirSync(join(ROOT, dir)).filter((n) => /\.(csv|txt|xlsx|xls|geojson|bin)$/.test(n))) {
        const { result } = await importLedger(f, new Uint8Array(readFileSync(join(ROOT, dir, f))), { axes });
        for (const i of result.issues) {
          count++;
          if (!hasChinese(i.message)) untranslated.add(i.message);
        }
      }
    }
    expect(count).toBeGreaterThan(30);
    expect([...untranslated]).toEqual([]);
  });

  it('names the row and the column in Chinese, and keeps English for the English UI', () => {
    const issue = { file: 'a.csv', row: 3, field: '建设状态', message: "'新建' is not a known status: kept as not disclosed (未公开)", severity: 'warning' as const };
    expect(issueText(issue, 'zh')).toBe('a.csv 第 3 行：提示：建设状态：“新建”不是已知的取值：保留该行，此项按未公开处理');
    expect(issueText(issue, 'en')).toBe("a.csv:3: warning: 建设状态: '新建' is not a known status: kept as not disclosed (未公开)");
    expect(issueText({ file: 'b.xlsx', field: 'name_zh', message: 'no column holds the project name (项目名称): choose one', severity: 'error' }, 'zh')).toBe(
      'b.xlsx：项目名称：没有找到项目名称列：请在下方指定',
    );
  });
});

describe('项目落图 problems in the Chinese UI', () => {
  it('every message a drawn or typed site can get, and a file of edits can get, has its Chinese wording', () => {
    const bad: unknown[] = [
      { type: 'Point', coordinates: [116.4, 39.9] }, // Beijing
      { type: 'Point', coordinates: [34.75, 113.62] }, // swapped
      { type: 'Point', coordinates: [Number.NaN, 34.7] },
      { type: 'LineString', coordinates: [[113.62, 34.75]] },
      { type: 'LineString', coordinates: [[113.62, 34.75], [113.62, 34.75]] },
      { type: 'MultiLineString', coordinates: [[[113.62, 34.75], [113.63, 34.75]], [[113.62, 34.75]]] },
      { type: 'Polygon', coordinates: [[[113.6, 34.7], [113.61, 34.7], [113.61, 34.71], [113.6, 34.71]]] },
      { type: 'Polygon', coordinates: [[[113.6, 34.7], [113.61, 34.71], [113.61, 34.7], [113.6, 34.71], [113.6, 34.7]]] },
      { type: 'Polygon', coordinates: [[[113.6, 34.7], [113.61, 34.7], [113.62, 34.7], [113.6, 34.7]]] },
      { type: 'Polygon', coordinates: [[[113.6, 34.7], [113.61, 34.7], [113.6, 34.7]]] },
      { type: 'MultiPolygon', coordinates: [[]] },
      { type: 'Circle', coordinates: [113.6, 34.7] },
      { type: 'Point', coordinates: [113.6, 34.7, 120] },
    ];
    const messages = bad.flatMap((g) => checkSiteGeometry(g as never).errors);
    const edits = [parseChangesCsv([{ kind: 'move', project_id: 'x', before: '', after: '' }]), parseChangesCsv([{ kind: 'site', project_id: 'x', before: '{', after: '' }])];
    for (const e of edits) if ('error' in e) messages.push(e.error);
    expect(messages.length).toBeGreaterThan(12);
    expect(messages.filter((m) => !hasChinese(m))).toEqual([]);
    expect(messageText('[116.4, 39.9] is outside Zhengzhou (lon 112.66–114.27, lat 34.22–35.04)', 'zh')).toBe('[116.4, 39.9] 在郑州范围之外（经度 112.66–114.27，纬度 34.22–35.04）');
    expect(messageText('before and after must be JSON', 'en')).toBe('before and after must be JSON');
  });
});
