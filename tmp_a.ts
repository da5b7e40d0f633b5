import { readFileSync } from 'node:fs';
import { importLedger } from './src/import/import_ledger.ts';
import { loadAxes } from './src/core/load_geo.ts';
import { prepareAxes } from './src/core/placement.ts';
import { repoFile } from './scripts/repo.ts';
const axes = prepareAxes(loadAxes('a', repoFile('geo/axes.geojson').text).value);
const l = await importLedger('ledger_title_rows.xlsx', new Uint8Array(readFileSync('tests/fixtures/import/ledger_title_rows.xlsx')), { axes });
console.log(l.result.projects[0]);
