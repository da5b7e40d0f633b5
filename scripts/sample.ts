/**
 * `npm run sample`: writes the SAMPLE ledger (data/sample/projects.csv, data/sample/sites.geojson) from its fixed
 * seed. Checked in; `npm run data` builds it into public/data/sample.json beside the published bundle.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildBundle } from '../src/core/bundle.ts';
import { ledgerCsv, sitesGeoJson } from '../src/edit/ledger_files.ts';
import { ROOT, repoSources } from './repo.ts';
import { progressCsv } from '../src/core/progress_file.ts';
import { sampleLedger, sampleProgress } from './sample_ledger.ts';

const { bundle } = buildBundle(repoSources()).value!;
const district = bundle.district.features[0] as Parameters<typeof sampleLedger>[0]['district'];
const projects = sampleLedger({ axes: bundle.axes.features, district, reported: bundle.reported });
const dir = join(ROOT, 'data/sample');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'projects.csv'), ledgerCsv(projects));
writeFileSync(join(dir, 'sites.geojson'), sitesGeoJson(projects, null, new Set(), 'synthetic: scripts/sample_ledger.ts'));
writeFileSync(join(dir, 'progress.csv'), progressCsv(sampleProgress(projects, bundle.reported)));
console.error(`data/sample: ${projects.length} SAMPLE projects written (seeded; synthetic, not real)`);
