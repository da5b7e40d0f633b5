import { readFileSync } from 'node:fs';
import { readProgressFile } from './src/import/progress_source.ts';
import { noteText } from './src/ui/import_notes.ts';
import { issueText } from './src/ui/issue_text.ts';
const bundle = JSON.parse(readFileSync('dist/data/bundle.json', 'utf8'));
const r = await readProgressFile('progress_months.xlsx', new Uint8Array(readFileSync('tests/fixtures/import/progress_months.xlsx')), bundle.projects);
console.log(r.loaded.value.map((v) => [v.project_id, v.period, v.completed_yi]), r.loaded.issues.map((i) => issueText(i, 'zh')), r.loaded.notes.map((n) => noteText(n, 'zh')));
