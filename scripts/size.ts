/**
 * `npm run size`: what each way of opening the map downloads at first (gzip), from dist/.
 * Follows <script>/<link> in the HTML and static imports between chunks; lazy chunks (import()) are listed
 * apart. Fails when the app's own JavaScript (all but MapLibre and its worker) is over budget.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = join(import.meta.dirname, '..', 'dist');
/** kB gzip for the app's own JS on first load, per entry (issue 6). */
const BUDGET_KB = 60;
/**
 * kB gzip of ledger data per 1,000 projects, with their search keys and placements (issue 15). A published row
 * carries its source's quote in full (~260 kB per 1,000 at today's 23 rows, where gzip has little to share between
 * rows); the sample's rows carry none (~47 kB, and ~15 kB of placements: three distances in centimetres, whose
 * digits gzip cannot shrink, for ~1.3 µs of a page's work per project saved — ~60 ms at 50,000 here, more on a phone).
 */
const DATA_BUDGETS_KB_PER_1000: Record<string, number> = { 'data/bundle.json': 320, 'data/sample.json': 70 };

const gz = (file: string): number => gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;
const kb = (n: number): string => (n / 1024).toFixed(1).padStart(7);
const isMaplibre = (file: string): boolean => /maplibre/.test(file);

function staticImports(file: string): string[] {
  const code = readFileSync(join(DIST, file), 'utf8');
  const dir = posix.dirname(file);
  const found = new Set<string>();
  for (const m of code.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["'](\.{1,2}\/[^"']+)["']/g)) {
    found.add(posix.normalize(posix.join(dir, m[1]!)));
  }
  return [...found];
}

function closure(entries: string[]): string[] {
  const seen = new Set<string>();
  const walk = (f: string) => {
    if (seen.has(f)) return;
    seen.add(f);
    if (f.endsWith('.js')) for (const g of staticImports(f)) walk(g);
  };
  entries.forEach(walk);
  return [...seen];
}

function fromHtml(html: string): string[] {
  const text = readFileSync(join(DIST, html), 'utf8');
  return [...text.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((m) => m[1]!).filter((f) => /\.(js|css)$/.test(f));
}

const worker = readdirSync(join(DIST, 'assets')).find((f) => f.startsWith('maplibre-gl-worker'))!;
const ways: Array<[string, string[]]> = [
  ['full app (index.html)', ['index.html', ...fromHtml('index.html')]],
  ['iframe (embed.html)', ['embed.html', ...fromHtml('embed.html')]],
  ['element (erqi-axis-map.js)', ['erqi-axis-map.js']],
];

let failed = false;
console.log('first load, gzip kB (data/bundle.json and the MapLibre worker come on top, shown apart)\n');
for (const [name, entries] of ways) {
  const files = closure(entries).sort();
  let app = 0;
  let maplibre = 0;
  console.log(name);
  for (const f of files) {
    const size = gz(f);
    if (f.endsWith('.js') && !isMaplibre(f)) app += size;
    if (isMaplibre(f)) maplibre += size;
    console.log(`  ${kb(size)}  ${f}${isMaplibre(f) ? '  (MapLibre)' : ''}`);
  }
  const over = app / 1024 > BUDGET_KB;
  failed ||= over;
  console.log(`  ${kb(app)}  = app JS (budget ${BUDGET_KB} kB)${over ? '  OVER BUDGET' : ''}`);
  console.log(`  ${kb(maplibre)}  = MapLibre JS + CSS\n`);
}
console.log(`${kb(gz(`assets/${worker}`))}  MapLibre worker (every way)`);
console.log(`${kb(gz('data/bundle.json'))}  data/bundle.json (every way)`);
// The data: a fixed part (the geography, reported figures, progress) and a part that grows with the ledger.
for (const [named, budget] of Object.entries(DATA_BUDGETS_KB_PER_1000)) {
  let file = named;
  let bundle = JSON.parse(readFileSync(join(DIST, file), 'utf8')) as { format: string; projects: unknown[]; search_keys?: unknown; placements?: unknown };
  // A ledger in pages (npm run pages): the whole bundle is where its index says; the index is the first view's data.
  if (bundle.format === 'erqi-axis-map/pages@1') {
    console.log(`         ${named} is a ledger pages index: the first view downloads it alone`);
    file = join(posix.dirname(named), (bundle as unknown as { bundle: string }).bundle);
    bundle = JSON.parse(readFileSync(join(DIST, file), 'utf8')) as typeof bundle;
  }
  const n = bundle.projects.length;
  const perProject = gzipSync(JSON.stringify([bundle.projects, bundle.search_keys ?? null, bundle.placements ?? null]), { level: 9 }).length;
  const fixed = gzipSync(JSON.stringify({ ...bundle, projects: [], search_keys: null, placements: null }), { level: 9 }).length;
  const per1000 = (perProject / n) * 1000;
  const over = per1000 / 1024 > budget;
  failed ||= over;
  console.log(`${kb(per1000)}  ${file}: per 1,000 projects (${n} here, with their search keys and placements; budget ${budget} kB)${over ? '  OVER BUDGET' : ''}; fixed part ${kb(fixed).trim()} kB`);
}
const lazy = readdirSync(join(DIST, 'assets')).filter((f) => /^(corridors|esm)-/.test(f));
for (const f of lazy) console.log(`${kb(gz(`assets/${f}`))}  assets/${f} (lazy: ${f.startsWith('corridors') ? 'corridor width change' : 'pmtiles basemap'})`);
if (failed) {
  console.error(`\nsize: over budget (app JS ${BUDGET_KB} kB gzip, data per 1,000 projects as listed): see above`);
  process.exit(1);
}
