/**
 * `npm run pages -- [--dist DIR] [--synthetic N]`: serves a ledger too large for a page to hold in pages
 * (src/core/ledger_pages.ts). Run after `npm run build`: it moves the built bundle (DIR/data/bundle.json, DIR
 * default dist) to DIR/data/pages/bundle.json, writes beside it the list sorted by name in pages (`list/`), search
 * keys in pages (`search/`), ids in pages (`ids/`) and the projects in chunks (`cards/`), and puts in the bundle's
 * place the pages' index: the ledger without its projects, the default view's figures, where each page starts.
 * The app then loads only what it shows, and the whole bundle when asked for more (filters, widths, exports); the
 * iframe and the element load the whole bundle. Cut the pin tiles from the same ledger (`npm run tiles`, then
 * `pinTiles` in config.json). --synthetic N: SYNTHETIC data of N projects, for benchmarks.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DataModel } from '../src/app/derive.ts';
import type { DataBundle } from '../src/core/bundle.ts';
import { PAGES_FORMAT, searchEntries, summaryOf, type ListRow, type PagesIndex, type SearchEntry } from '../src/core/ledger_pages.ts';
import type { Lang } from '../src/core/model.ts';
import { ledgerFingerprint } from '../src/core/pin_tiles.ts';
import { knownPlacements } from '../src/core/shipped_placements.ts';
import { DEFAULT_STATE } from '../src/core/url_state.ts';
import { sortedOrder } from '../src/ui/project_table.ts';
import { syntheticBundle } from './repo.ts';

const ROOT = join(import.meta.dirname, '..');

/** Sizes: a card chunk, a list page, an id page, a search page (entries). */
export const PAGE_SIZES = { chunk: 250, rows: 200, ids: 2000, search: 2000 };

const write = (file: string, value: unknown) => writeFileSync(file, JSON.stringify(value));

/**
 * Writes the pages of `bundle` under `out` (its pages folders emptied first) and returns their index, for the
 * caller to write. `where.base`: `out` relative to the index file; `where.bundle`: the whole bundle relative to it,
 * and its size in bytes (said to the user before it is loaded).
 */
export function writeLedgerPages(bundle: DataBundle, out: string, where: { base: string; bundle: string; bytes: number }): PagesIndex {
  if (bundle.progress?.length) throw new Error('ledger pages hold one snapshot: this ledger has progress by period (serve its bundle whole)');
  const { projects } = bundle;
  const known = bundle.placements ? knownPlacements(bundle) : null;
  const model = new DataModel({ ...bundle, ...(known && 'value' in known ? { placed: known.value } : {}) });
  const corridorM = bundle.corridor_m;
  const view = model.derive(DEFAULT_STATE.filter, corridorM);
  const summary = summaryOf(view.aggregates, view.filter.counts, projects, { anyDeclared: model.anyDeclared, anyShapes: model.anyShapes, synthetic: model.synthetic });

  // Pages of an earlier ledger go (a smaller ledger has fewer): only the folders this writes.
  for (const dir of ['list', 'search', 'ids', 'cards']) {
    rmSync(join(out, dir), { recursive: true, force: true });
    mkdirSync(join(out, dir), { recursive: true });
  }

  // Cards: the projects as the bundle has them, in ledger order (the page places a chunk when it opens one).
  for (let k = 0; k * PAGE_SIZES.chunk < projects.length; k++) write(join(out, 'cards', `${k}.json`), projects.slice(k * PAGE_SIZES.chunk, (k + 1) * PAGE_SIZES.chunk));

  // The list, sorted by name in each language, as the List tab sorts it.
  const axisIds = model.layout.axisIds;
  const pages = Math.ceil(projects.length / PAGE_SIZES.rows);
  for (const lang of ['zh', 'en'] as Lang[]) {
    const order = sortedOrder(projects, model.placements, corridorM, lang, { key: 'name', dir: 'asc' }, axisIds);
    for (let k = 0; k < pages; k++) {
      const rows = order.slice(k * PAGE_SIZES.rows, (k + 1) * PAGE_SIZES.rows).map((i): ListRow => {
        const p = projects[i]!;
        return {
          i,
          id: p.id,
          name: lang === 'zh' ? p.name_zh : (p.name_en ?? p.name_zh),
          mapped: p.site !== null,
          axis: model.placements.nearestCorridor(i, corridorM, axisIds) ?? p.axis_declared,
          zone: model.placements.zone(i),
          status: p.status,
          yi: p.investment_total_yi,
        };
      });
      write(join(out, 'list', `${lang}-${k}.json`), rows);
    }
  }

  // Ids, sorted, for a link's project=ID.
  const byId = projects.map((p, i): [string, number] => [p.id, i]).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const idFirsts: string[] = [];
  for (let k = 0; k * PAGE_SIZES.ids < byId.length; k++) {
    const page = byId.slice(k * PAGE_SIZES.ids, (k + 1) * PAGE_SIZES.ids);
    idFirsts.push(page[0]![0]);
    write(join(out, 'ids', `${k}.json`), page);
  }

  // Search keys, sorted by key (code units, as the page compares them).
  const entries: SearchEntry[] = [];
  projects.forEach((p, i) => entries.push(...searchEntries(p, i, bundle.search_keys?.[p.id])));
  entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
  const searchFirsts: string[] = [];
  for (let k = 0; k * PAGE_SIZES.search < entries.length; k++) {
    const page = entries.slice(k * PAGE_SIZES.search, (k + 1) * PAGE_SIZES.search);
    searchFirsts.push(page[0]![0]);
    write(join(out, 'search', `${k}.json`), page);
  }

  const { projects: _p, placements: _pl, progress: _pr, search_keys, ...rest } = bundle;
  // The places' keys only: the projects' are in the search pages.
  const placeKeys = search_keys ? Object.fromEntries(Object.entries(search_keys).filter(([k]) => /^(landmark|axis|zone):/.test(k))) : undefined;
  const index: PagesIndex = {
    format: PAGES_FORMAT,
    fingerprint: ledgerFingerprint(projects),
    projects: projects.length,
    base: where.base,
    bundle: where.bundle,
    bundle_bytes: where.bytes,
    head: { ...rest, ...(placeKeys ? { search_keys: placeKeys } : {}) },
    summary,
    chunk: PAGE_SIZES.chunk,
    list: { rows: PAGE_SIZES.rows, pages },
    ids: idFirsts,
    search: searchFirsts,
  };
  return index;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values: args } = parseArgs({ options: { synthetic: { type: 'string' }, dist: { type: 'string', default: join(ROOT, 'dist') } } });
  const file = join(args.dist, 'data', 'bundle.json');
  const out = join(args.dist, 'data', 'pages');
  const t = performance.now();
  let text: string;
  if (args.synthetic) text = JSON.stringify(syntheticBundle(Number(args.synthetic), { seed: 11, unmappedShare: 0 }));
  else {
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      console.error(`${file}: ${(e as Error).message} (run npm run build first)`);
      process.exit(1);
    }
  }
  const bundle = JSON.parse(text) as DataBundle | PagesIndex;
  if (bundle.format !== 'erqi-axis-map/bundle@1') {
    console.error(`${file}: ${bundle.format === PAGES_FORMAT ? 'already ledger pages' : 'not a data bundle'} (run npm run build first)`);
    process.exit(1);
  }
  let index: PagesIndex;
  try {
    index = writeLedgerPages(bundle, out, { base: 'pages/', bundle: 'pages/bundle.json', bytes: Buffer.byteLength(text) });
  } catch (e) {
    console.error(`${file}: ${(e as Error).message}`);
    process.exit(1);
  }
  // The whole bundle first, the index in its place last (a failure leaves the bundle where it was).
  writeFileSync(join(out, 'bundle.json'), text);
  writeFileSync(`${file}.tmp`, JSON.stringify(index));
  renameSync(`${file}.tmp`, file);
  console.log(
    `${file}: ledger pages of ${index.projects} projects (${index.list.pages} list pages, ${index.search.length} search pages, ` +
      `${Math.ceil(index.projects / index.chunk)} card chunks; the whole bundle in ${out}); fingerprint ${index.fingerprint}; ${Math.round(performance.now() - t)} ms`,
  );
  if (args.synthetic) console.log('SYNTHETIC data, for benchmarks.');
}
