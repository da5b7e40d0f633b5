/**
 * `npm run bench`: every benchmark, as ratios against a baseline measured in the same run.
 * `npm run bench -- node` runs the node part only; `-- load`, `-- render`, `-- import`, `-- tiles` or `-- content`
 * one browser part alone (after the node part, which is quick).
 */
import { cpus } from 'node:os';
import { aggregateBench } from './aggregate.ts';
import { printTable } from './stats.ts';
import type { BenchRow } from './stats.ts';

const PARTS: Record<string, () => Promise<BenchRow[]>> = {
  load: async () => (await import('./load.ts')).loadBench(),
  render: async () => (await import('./render.ts')).renderBench(),
  import: async () => (await import('./import.ts')).importBench(),
  tiles: async () => (await import('./tiles.ts')).tilesBench(),
  content: async () => (await import('./content.ts')).contentBench(),
};

const which = process.argv[2];
if (which && which !== 'node' && !(which in PARTS)) {
  console.error(`npm run bench -- ${which}: no such part (node, ${Object.keys(PARTS).join(', ')})`);
  process.exit(2);
}
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, node ${process.version}\n`);
const rows = aggregateBench();
for (const [name, part] of Object.entries(PARTS)) if (!which || which === name) rows.push(...(await part()));
printTable(rows);
