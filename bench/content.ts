/**
 * What each part of the app's map costs to load: the app's own style (as MapLibre gives it back, at the app's map
 * size and view) drawn by MapLibre alone with one part left out at a time, beside the bare page, in rounds. Not a
 * product change: a measure of where the bare page's baseline and the app's map differ (issue #15).
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { launch, ROOT, startServer } from '../scripts/browser.ts';
import { loadsInTurn, READY } from './load.ts';
import { appStyle, buildBarePage, serveFolder } from './serve.ts';
import { middle, ratiosTo, roundsNote, row, type BenchRow } from './stats.ts';

const ROUNDS = 9;

/** The app's map with one part changed: its layers kept (and changed in place), as each variant says. */
const VARIANTS: ReadonlyArray<[string, (l: LayerSpecification) => LayerSpecification | null]> = [
  ['whole', (l) => l],
  // What the bare page draws, from the app's own style: its background, the axes, the clusters and the pins.
  ['as the bare page: background, axes, clusters and pins only', (l) => (['background', 'axes-line', 'clusters', 'projects-pin'].includes(l.id) ? l : null)],
  ['no labels', (l) => (l.type === 'symbol' ? null : l)],
  // MapLibre still shapes and places them; it skips drawing a layer whose opacity is 0.
  ['labels laid out, not drawn', (l) => (l.type === 'symbol' ? { ...l, paint: { ...l.paint, 'text-opacity': 0 } } : l)],
  ['no neighbouring districts', (l) => (l.id.startsWith('context-') ? null : l)],
  ['no zones', (l) => (l.id.startsWith('zones-') ? null : l)],
  ['no corridors', (l) => (l.id.startsWith('corridors-') ? null : l)],
  ['no labels, no neighbouring districts', (l) => (l.type === 'symbol' || l.id.startsWith('context-') ? null : l)],
];

export async function contentBench(): Promise<BenchRow[]> {
  const app = await startServer();
  const dir = await buildBarePage();
  cpSync(join(ROOT, 'dist', 'data'), join(dir, 'data'), { recursive: true });
  const bare = await serveFolder(dir);
  const browser = await launch();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    const query = await appStyle(page, app.url, dir);
    const style = JSON.parse(readFileSync(join(dir, 'app-style.json'), 'utf8')) as StyleSpecification;
    const targets = [{ label: 'bare page', url: `${bare.url}bare.html`, ready: READY.bare }];
    for (const [i, [, change]] of VARIANTS.entries()) {
      const file = `content-${i}.json`;
      const layers = structuredClone(style.layers).map(change).filter((l) => l !== null);
      writeFileSync(join(dir, file), JSON.stringify({ ...style, layers }));
      targets.push({ label: `variant ${i}`, url: `${bare.url}${query.replace('app-style.json', file)}`, ready: READY.bare });
    }
    const [bareRun, whole, ...rest] = await loadsInTurn(page, "the app's map by parts", targets, ROUNDS);
    const cpu = (r: typeof bareRun) => `CPU ${middle(r!.cpu.map((c) => c.gpu)).toFixed(0)} GPU process + ${middle(r!.cpu.map((c) => c.rest)).toFixed(0)} the rest (bare page ${middle(bareRun!.cpu.map((c) => c.gpu)).toFixed(0)} + ${middle(bareRun!.cpu.map((c) => c.rest)).toFixed(0)})`;
    return [
      row(`the app's map alone, whole (Chromium)`, whole!.ms, bareRun!.ms, 'bare MapLibre page, same data', `${roundsNote(whole!)}; ${cpu(whole)}`),
      ...rest.map((r, i) =>
        row(`the app's map alone, ${VARIANTS[i + 1]![0]} (Chromium)`, r.ms, bareRun!.ms, 'bare MapLibre page, same data', `${roundsNote(r)}; against the whole map: ${roundsNote(ratiosTo(r.times, whole!.times))}; ${cpu(r)}`),
      ),
    ];
  } finally {
    await browser.close();
    await bare.close();
    await app.server.close();
  }
}
