import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAxes } from '../../src/core/load_geo.ts';
import { prepareAxes } from '../../src/core/placement.ts';
import { importLedger } from '../../src/import/import_ledger.ts';
import { hasChinese, issueText } from '../../src/ui/issue_text.ts';
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
