/**
 * Browser benchmarks in headless Chromium (SwiftShader WebGL): time from navigation to first map idle for the
 * full app, the iframe and the element, beside a bare MapLibre page drawing the same data.
 */
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launch, ROOT, startServer } from '../scripts/browser.ts';
import { appStyle, buildBarePage, READY, serveFolder } from './serve.ts';
import { interleaved, middle, ratiosTo, roundsNote, row, type BenchRow, type Interleaved } from './stats.ts';

const RUNS = 7;

/** The bare page beside a copy of the shipped data bundle. */
async function bareServer(): Promise<{ url: string; dir: string; close: () => Promise<void> }> {
  const out = await buildBarePage();
  cpSync(join(ROOT, 'dist', 'data'), join(out, 'data'), { recursive: true });
  return { ...(await serveFolder(out)), dir: out };
}

/** The marks every page sets (src/map/map_view.ts, src/load_bundle.ts, bench/bare.ts), in the order they come. */
export const PHASES = ['erqi:data', 'erqi:map', 'erqi:map-load', 'erqi:map-idle', 'erqi:ready'] as const;
export type Phases = number[];

/** CPU seconds used so far by Chromium's GPU process and by all its other processes (browser, renderer, workers). */
export interface Cpu {
  gpu: number;
  rest: number;
}

/**
 * CPU used so far by every Chromium process (Linux /proc), split into the GPU process and the rest. Unlike wall
 * time, it barely moves when a shared machine is busy elsewhere: the work a load takes, where wall time is how long
 * it waited. The split says what a GPU would change: on SwiftShader the GPU process rasterises every WebGL frame on
 * the CPU, links each shader program and copies every frame it shows back to memory (PERFORMANCE.md, Session 7);
 * with a GPU that work leaves the CPU, and the rest — scripts, layout, MapLibre's worker, V8's compilers — stays.
 */
function chromiumCpuS(): Cpu {
  const total: Cpu = { gpu: 0, rest: 0 };
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (!/\((chromium|chrome)[^)]*\)/.test(stat)) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const s = (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=gpu-process')) total.gpu += s;
      else total.rest += s;
    } catch {
      // a process that ended meanwhile
    }
  }
  return total;
}
/** USER_HZ: the unit of /proc/<pid>/stat's times (100 on every Linux kernel here). */
const CLOCK_TICKS = 100;

/**
 * Navigation → ready (from a blank page, so the last page's teardown is not counted), when each of PHASES was
 * reached (ms from navigation), and the browser's CPU time until ready (ms), kept in `into` and `cpu`.
 */
export async function timeToReady(page: Page, url: string, ready: string, into: Phases[], cpu: Cpu[]): Promise<number> {
  await page.goto('about:blank');
  await page.waitForTimeout(100);
  const c0 = chromiumCpuS();
  await page.goto(url);
  await page.waitForFunction(ready, null, { timeout: 60_000 });
  const c1 = chromiumCpuS();
  cpu.push({ gpu: (c1.gpu - c0.gpu) * 1000, rest: (c1.rest - c0.rest) * 1000 });
  // Ready when the page said so (its erqi:ready mark), not when the poll above noticed: that lags by a frame or more.
  const marks = await page.evaluate((names) => names.map((n) => performance.getEntriesByName(n)[0]?.startTime ?? NaN), [...PHASES]);
  into.push(marks);
  return marks.at(-1)!;
}

/** Median time spent between marks: before the data is in, until the map exists, until its load, until idle, until ready. */
export function phaseLine(label: string, runs: Phases[]): string {
  const steps = ['data in', 'map made', 'map load', 'map idle', 'ready'] as const;
  return `${label.padEnd(10)} ${steps.map((s, i) => `${s} ${middle(runs.map((r) => r[i]! - (i ? r[i - 1]! : 0))).toFixed(0).padStart(5)}`).join('  ')}`;
}

/** A page loaded in turn with others: its label in the phases printed, its address, and what is true once it is ready. */
export interface LoadTarget {
  label: string;
  url: string;
  ready: string;
}

/**
 * Pages loaded in turn, round after round (interleaved), each timed by timeToReady in `page`: prints each one's
 * phases under `title`, and returns each one's times and ratios with its CPU per load (the warm-up's left out).
 */
export async function loadsInTurn(page: Page, title: string, targets: readonly LoadTarget[], rounds: number): Promise<Array<Interleaved & { cpu: Cpu[] }>> {
  const phases = targets.map((): Phases[] => []);
  const cpu = targets.map((): Cpu[] => []);
  const runs = await interleaved(
    targets.map((t, i) => () => timeToReady(page, t.url, t.ready, phases[i]!, cpu[i]!)),
    rounds,
  );
  console.log(`${title} (median ms each, from navigation):`);
  for (const [i, t] of targets.entries()) console.log(`  ${phaseLine(t.label, phases[i]!.slice(1))}`);
  return runs.map((r, i) => ({ ...r, cpu: cpu[i]!.slice(1) }));
}

export { READY } from './serve.ts';

export async function loadBench(): Promise<BenchRow[]> {
  const app = await startServer();
  const bare = await bareServer();
  const host = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<!doctype html><link rel="icon" href="data:,"><script type="module" src="${app.url}erqi-axis-map.js"></script>
<erqi-axis-map id="m" style="height:600px"></erqi-axis-map>
<script>document.addEventListener('ready', () => (window.elementReady = true));</script>`);
  });
  await new Promise<void>((r) => host.listen(0, '127.0.0.1', r));
  const hostUrl = `http://127.0.0.1:${(host.address() as { port: number }).port}/`;
  const browser = await launch();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    const ownStyle = await appStyle(page, app.url, bare.dir);
    const embedStyle = await appStyle(page, app.url, bare.dir, 'embed');
    const elementStyle = await appStyle(page, hostUrl, bare.dir, 'element');
    const [bareRun, full, iframe, element, bareOwn, embedOwn, elementOwn] = await loadsInTurn(
      page,
      'load phases',
      [
        { label: 'bare page', url: `${bare.url}bare.html`, ready: READY.bare },
        { label: 'app', url: app.url, ready: READY.app },
        { label: 'iframe', url: `${app.url}embed.html`, ready: READY.iframe },
        { label: 'element', url: hostUrl, ready: READY.element },
        { label: "app's map", url: `${bare.url}${ownStyle}`, ready: READY.bare },
        { label: "iframe's map", url: `${bare.url}${embedStyle}`, ready: READY.bare },
        { label: "element's map", url: `${bare.url}${elementStyle}`, ready: READY.bare },
      ],
      RUNS,
    );
    const baseline = bareRun!.ms;
    // Medians of each page's loads after the warm-up: all processes, and the two parts (see chromiumCpuS).
    const runs = [bareRun!, full!, iframe!, element!];
    const cpuOf = (i: number, part: (c: Cpu) => number) => middle(runs[i]!.cpu.map(part));
    const all = (c: Cpu) => c.gpu + c.rest;
    const gpu = (c: Cpu) => c.gpu;
    const rest = (c: Cpu) => c.rest;
    return [
      row('load: navigation → first idle, full app (Chromium)', full!.ms, baseline, 'bare MapLibre page, same data', `target ≤ 1.3×; ${roundsNote(full!)}`),
      row('load: browser CPU until first idle, full app (Chromium)', cpuOf(1, all), cpuOf(0, all), 'bare page, same', 'all Chromium processes; steadier than wall time on a shared machine'),
      row('load: browser CPU until ready, iframe (Chromium)', cpuOf(2, all), cpuOf(0, all), 'bare page, same'),
      row('load: browser CPU until ready, element (Chromium)', cpuOf(3, all), cpuOf(0, all), 'bare page, same'),
      row('load: GPU process CPU until first idle, full app (SwiftShader)', cpuOf(1, gpu), cpuOf(0, gpu), 'bare page, same', 'software WebGL: what a GPU takes off the CPU'),
      row('load: CPU outside the GPU process until first idle, full app', cpuOf(1, rest), cpuOf(0, rest), 'bare page, same', 'scripts, layout, MapLibre worker, V8 compilers: what a GPU leaves'),
      row('load: CPU outside the GPU process until ready, iframe / element', cpuOf(2, rest), cpuOf(0, rest), 'bare page, same', `element: ${cpuOf(3, rest).toFixed(0)} ms (${(cpuOf(3, rest) / cpuOf(0, rest)).toFixed(2)}×)`),
      // What the app adds to drawing its own map: against MapLibre alone drawing the app's style.
      row('load: navigation → first idle, full app, against its own map alone (Chromium)', full!.ms, bareOwn!.ms, "bare page drawing the app's style", `the app's panel, data and code beside its map; ${roundsNote(ratiosTo(full!.times, bareOwn!.times))}`),
      row("load: the app's map drawn by MapLibre alone (Chromium)", bareOwn!.ms, baseline, 'bare MapLibre page, same data', `the app's style at its size and view (labels, context, zones, corridors, landmarks): what the map's content costs; ${roundsNote(bareOwn!)}`),
      row('load: navigation → ready, iframe embed.html (Chromium)', iframe!.ms, baseline, 'bare MapLibre page, same data', `target ≤ 1.3×; ${roundsNote(iframe!)}`),
      row('load: navigation → ready, <erqi-axis-map> element (Chromium)', element!.ms, baseline, 'bare MapLibre page, same data', `target ≤ 1.3×; ${roundsNote(element!)}`),
      row('load: navigation → ready, iframe, against its own map alone (Chromium)', iframe!.ms, embedOwn!.ms, "bare page drawing the iframe's style", `what the embed's card, data and code add beside its map; ${roundsNote(ratiosTo(iframe!.times, embedOwn!.times))}; its map alone: ${roundsNote(embedOwn!)} of the bare page`),
      row('load: navigation → ready, element, against its own map alone (Chromium)', element!.ms, elementOwn!.ms, "bare page drawing the element's style", `what the element's card, data and code add beside its map; ${roundsNote(ratiosTo(element!.times, elementOwn!.times))}; its map alone: ${roundsNote(elementOwn!)} of the bare page`),
    ];
  } finally {
    await browser.close();
    host.close();
    await bare.close();
    await app.server.close();
  }
}
