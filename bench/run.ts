/** `npm run bench`: every benchmark, as ratios against a baseline measured in the same run. */
import { cpus } from 'node:os';
import { aggregateBench } from './aggregate.ts';
import { printTable } from './stats.ts';

console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, node ${process.version}\n`);
const rows = aggregateBench();
const which = process.argv[2];
if (which !== 'node') {
  const { loadBench } = await import('./load.ts');
  rows.push(...(await loadBench()));
  const { renderBench } = await import('./render.ts');
  rows.push(...(await renderBench()));
  const { importBench } = await import('./import.ts');
  rows.push(...(await importBench()));
  const { tilesBench } = await import('./tiles.ts');
  rows.push(...(await tilesBench()));
}
printTable(rows);
