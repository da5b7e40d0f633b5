/** A workbook is parsed once however many of its sheets are read (hostile input: a workbook of hundreds of sheets). */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';

const parses = vi.hoisted(() => ({ count: 0 }));
vi.mock('read-excel-file/universal', async (original) => {
  const real = (await original<{ default: (input: ArrayBuffer) => Promise<unknown> }>()).default;
  return { default: (input: ArrayBuffer) => (parses.count++, real(input)) };
});

const { readProgressFile } = await import('../../src/import/progress_source.ts');
const { importLedger } = await import('../../src/import/import_ledger.ts');
const { loadAxes } = await import('../../src/core/load_geo.ts');
const { prepareAxes } = await import('../../src/core/placement.ts');
const { repoFile } = await import('../../scripts/repo.ts');
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url)));

describe('a workbook of several sheets', () => {
  it('is parsed once for every sheet of a 调度表 kept a sheet a month (5 sheets)', async () => {
    parses.count = 0;
    const { loaded } = await readProgressFile('progress_months.xlsx', fixture('progress_months.xlsx'), [{ id: 'crec-taihe', name_zh: '中铁·泰和里' }, { id: 'liandong-ugu', name_zh: '联东U谷·工业总部港' }]);
    expect(loaded.value).toHaveLength(4);
    expect(parses.count).toBe(1);
  });

  it('is parsed once when the ledger is looked for past a 说明 sheet', async () => {
    parses.count = 0;
    const axes = prepareAxes(loadAxes('axes.geojson', repoFile('geo/axes.geojson').text).value);
    const { read } = await importLedger('ledger.xlsx', fixture('ledger.xlsx'), { axes });
    expect(read.sheet).toBe('项目');
    expect(parses.count).toBe(1);
  });
});
