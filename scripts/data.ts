/**
 * `npm run data -- [--projects FILE] [--sites FILE] [--progress FILE] [--sheet NAME] [--encoding auto|utf-8|gb18030|utf-16le|utf-16be]
 *                  [--crs wgs84|gcj02|bd09] [--corridor METRES] [--axes FILE] [--zones FILE] [--reported FILE]
 *                  [--out DIR] [--json] [--save-progress]`
 *
 * Reads geo/ and data/, validates and joins them, computes the aggregates and writes the app's data
 * bundle (DIR/bundle.json, default public/data). With --json the aggregates go to stdout instead.
 * --projects takes the project's own CSV, or any ledger: CSV/TSV in UTF-8 or GBK, Excel .xlsx, or GeoJSON
 * points, with Chinese or English headers and coordinates in WGS84, GCJ-02 or BD-09.
 * --axes, --zones and --reported replace geo/axes.geojson, geo/zones.geojson and data/reported.json: the layout
 * (which axes and zones the map has, and their ids) is data, so another district's map is built from its own files.
 * --progress FILE (a district's 调度表, any encoding or Excel) adds its months to data/progress.csv's (a row for a
 * project and month held replaces it); --save-progress writes the result back to data/progress.csv, the repository's
 * own file, so that next month's 调度表 adds to it.
 * Any error: every issue printed as `file:row: field: message`, exit 1, previous output untouched.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { buildBundle, bundleFromProjects, DEFAULT_CORRIDOR_M, type SourceFile } from '../src/core/bundle.ts';
import { searchKeys } from './search_keys.ts';
import { readProgressFile } from '../src/import/progress_source.ts';
import { noteText } from '../src/ui/import_notes.ts';
import type { ImportNote } from '../src/core/import/columns.ts';
import { CRS_OPTIONS, type Crs } from '../src/core/import/crs_check.ts';
import { formatIssue, hasErrors } from '../src/core/issues.ts';
import { joinSites } from '../src/core/join.ts';
import { loadAxes, loadSites } from '../src/core/load_geo.ts';
import { OPTIONAL_COLUMNS, PROJECT_COLUMNS } from '../src/core/project_schema.ts';
import { prepareAxes } from '../src/core/placement.ts';
import { ENCODINGS, type Encoding } from '../src/import/read_source.ts';
import { anchorsOf, importLedger } from '../src/import/import_ledger.ts';
import { mergeProgress, progressCsv } from '../src/core/progress_file.ts';

/** A note on how a file was read, in English, without the marks that isolate the file's words on a page. */
const cliNote = (note: ImportNote): string =>
  // The dialog's words point at its sheet menu; here another sheet is asked for by --sheet.
  note.code === 'sheet-chosen'
    ? `the first sheet, "${note.first}", names no projects: sheet "${note.sheet}" was read (--sheet NAME reads another)`
    : noteText(note, 'en').replace(/[\u2066-\u2069]/g, '');

const ROOT = join(import.meta.dirname, '..');
const USAGE =
  'usage: npm run data -- [--projects FILE] [--sites FILE] [--progress FILE] [--sheet NAME] [--encoding auto|utf-8|gb18030|utf-16le|utf-16be] [--crs wgs84|gcj02|bd09] [--corridor METRES] [--axes FILE] [--zones FILE] [--reported FILE] [--out DIR] [--json] [--save-progress]';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const args = (() => {
  try {
    return parseArgs({
    options: {
      projects: { type: 'string', default: join(ROOT, 'data/projects.csv') },
      sites: { type: 'string' },
      progress: { type: 'string' },
      sheet: { type: 'string' },
      encoding: { type: 'string' },
      crs: { type: 'string' },
      corridor: { type: 'string', default: String(DEFAULT_CORRIDOR_M) },
      axes: { type: 'string', default: join(ROOT, 'geo/axes.geojson') },
      zones: { type: 'string', default: join(ROOT, 'geo/zones.geojson') },
      reported: { type: 'string', default: join(ROOT, 'data/reported.json') },
      out: { type: 'string', default: join(ROOT, 'public/data') },
      json: { type: 'boolean', default: false },
      'save-progress': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  }).values;
  } catch (e) {
    return fail(`${(e as Error).message}\n${USAGE}`);
  }
})();
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
const corridor = Number(args.corridor);
if (!Number.isFinite(corridor) || corridor <= 0 || corridor > 10_000) {
  fail(`--corridor: '${args.corridor}' is not a half-width in metres between 1 and 10000\n${USAGE}`);
}

if (args.encoding !== undefined && !(ENCODINGS as readonly string[]).includes(args.encoding)) {
  fail(`--encoding: '${args.encoding}' is not one of ${ENCODINGS.join(', ')}\n${USAGE}`);
}
if (args['save-progress'] && !args.progress) fail(`--save-progress: it saves what --progress FILE adds\n${USAGE}`);
if (args.crs !== undefined && !(CRS_OPTIONS as readonly string[]).includes(args.crs)) {
  fail(`--crs: '${args.crs}' is not one of ${CRS_OPTIONS.join(', ')}\n${USAGE}`);
}

/** Paths in messages: relative to where the user is, as they typed them. */
const shown = (path: string): string => relative(process.cwd(), path) || path;

function read(path: string): SourceFile {
  try {
    return { file: shown(path), text: readFileSync(path, 'utf8') };
  } catch (e) {
    console.error(`${shown(path)}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    process.exit(1);
  }
}

const context = {
  reported: read(args.reported),
  axes: read(args.axes),
  zones: read(args.zones),
  district: read(join(ROOT, 'geo/district.geojson')),
  context: read(join(ROOT, 'geo/context.geojson')),
  landmarks: read(join(ROOT, 'geo/landmarks.geojson')),
};
const sitesPath = args.sites ?? join(ROOT, 'geo/sites.geojson');

/** The project's own ledger format: a .csv whose header has every required column, read without options. */
function isNativeLedger(path: string): boolean {
  if (!/\.csv$/i.test(path) || args.sheet || args.encoding || args.crs || !existsSync(path)) return false;
  const header = readFileSync(path, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0]!.split(',').map((h) => h.trim());
  return PROJECT_COLUMNS.every((c) => OPTIONAL_COLUMNS.has(c) || header.includes(c));
}

let result;
/** Progress by period of the project's own ledger: data/progress.csv beside data/projects.csv (null: a spreadsheet ledger). */
const progressPath = isNativeLedger(args.projects) ? join(dirname(args.projects), 'progress.csv') : null;
if (args['save-progress'] && !progressPath) fail(`--save-progress: only the project's own ledger (data/projects.csv) keeps a progress file\n${USAGE}`);
if (isNativeLedger(args.projects)) {
  // (--progress FILE, read below in any encoding, adds its months to it.)
  result = buildBundle({ ...context, projects: read(args.projects), sites: read(sitesPath), ...(progressPath && existsSync(progressPath) ? { progress: read(progressPath) } : {}) }, corridor);
} else {
  // Any other ledger: read it as a spreadsheet, with its own coordinates; --sites, if given, adds sites by id.
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(args.projects);
  } catch (e) {
    console.error(`${shown(args.projects)}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    process.exit(1);
  }
  const axes = prepareAxes(loadAxes(context.axes.file, context.axes.text).value);
  // Known places, to check the coordinate system against: the shipped sites and landmarks.
  const known = anchorsOf({
    projects: loadSites('sites', readFileSync(join(ROOT, 'geo/sites.geojson'), 'utf8')).value.map((s) => ({ name_zh: s.place ?? '', site: s })),
    landmarks: JSON.parse(context.landmarks.text),
  });
  const imported = await importLedger(shown(args.projects), bytes, {
    ...(args.sheet ? { sheet: args.sheet } : {}),
    ...(args.encoding ? { encoding: args.encoding as Encoding } : {}),
    crs: (args.crs as Crs | undefined) ?? 'wgs84',
    axes,
    anchors: known,
  });
  const { result: r, read: source } = imported;
  console.error(
    `${shown(args.projects)}: ${source.format}${source.encoding ? ` (${source.encoding})` : ''}, ${r.stats.rows} rows, ${r.stats.valid} valid, ${r.stats.mapped} with coordinates`,
  );
  for (const note of r.notes) console.error(`${shown(args.projects)}: note: ${cliNote(note)}`);
  if (r.crsSuggestion) {
    const s = r.crsSuggestion;
    console.error(
      `${shown(args.projects)}: warning: the coordinates look like ${s.crs.toUpperCase()}, not ${(args.crs ?? 'wgs84').toUpperCase()}: ` +
        `read as ${s.crs.toUpperCase()} they lie a median ${Math.round(s.suggestedMedianM)} m from ${s.basis === 'axes' ? 'the axes' : 'the known places they name'} instead of ${Math.round(s.declaredMedianM)} m. Try --crs ${s.crs}`,
    );
  }
  let projects = r.projects;
  const issues = [...r.issues];
  if (args.sites) {
    const sites = loadSites(shown(args.sites), read(args.sites).text);
    const joined = joinSites(projects.map(({ site: _s, ...p }) => p), sites.value, shown(args.sites), shown(args.projects));
    projects = joined.value.map((p, i) => ({ ...p, site: p.site ?? projects[i]!.site }));
    issues.push(...sites.issues, ...joined.issues);
  }
  result = bundleFromProjects(context, projects, issues, shown(args.projects), corridor);
}

// --progress FILE: progress by period in any encoding or as Excel (a district's GBK 调度表 with 万元 headers), read against the ledger.
if (args.progress && result.value) {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(args.progress);
  } catch (e) {
    fail(`${shown(args.progress)}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const { encoding, loaded: progress } = await readProgressFile(shown(args.progress), bytes!, result.value.bundle.projects, (args.encoding as Encoding | undefined) ?? 'auto');
  result.issues.push(...progress.issues);
  for (const note of progress.notes) console.error(`${shown(args.progress)}: note: ${cliNote(note)}`);
  const held = result.value.bundle.progress ?? [];
  const merged = mergeProgress(held, progress.value);
  result.value.bundle.progress = merged.rows;
  console.error(`${shown(args.progress)}: ${encoding}, ${progress.value.length} progress rows`);
  if (held.length) console.error(`${shown(args.progress)}: added to ${shown(progressPath!)}: ${merged.added} rows added, ${merged.replaced} replaced (the same project and month)`);
}

result.issues.sort((a, b) => a.file.localeCompare(b.file) || (a.row ?? a.feature ?? -1) - (b.row ?? b.feature ?? -1));
for (const issue of result.issues) console.error(formatIssue(issue));
if (hasErrors(result.issues) || !result.value) {
  const n = result.issues.filter((i) => i.severity === 'error').length;
  console.error(`\n${n} error${n === 1 ? '' : 's'}: nothing written.`);
  process.exit(1);
}

const { bundle, aggregates } = result.value;
// The 调度表's months kept in the repository's own file (atomically, as the bundle below), for next month's to add to.
if (args['save-progress'] && progressPath) {
  const temp = `${progressPath}.${process.pid}.tmp`;
  writeFileSync(temp, progressCsv(bundle.progress ?? []));
  renameSync(temp, progressPath);
  console.error(`${shown(progressPath)}: ${(bundle.progress ?? []).length} progress rows saved`);
}
if (args.json) {
  process.stdout.write(JSON.stringify(aggregates, null, 2) + '\n');
} else {
  // Write beside the target and rename: a reader never sees half a file, and a failure leaves the old one.
  mkdirSync(args.out, { recursive: true });
  const target = join(args.out, 'bundle.json');
  const temp = `${target}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify({ ...bundle, search_keys: searchKeys(bundle) }));
  renameSync(temp, target);
  // The editor's "Export ledger" writes the sites file back with every site nobody edited as it was: it reads this.
  // (A spreadsheet ledger carries its own coordinates: there is no sites file to keep.)
  if (isNativeLedger(args.projects) && existsSync(sitesPath)) writeFileSync(join(args.out, 'sites.geojson'), readFileSync(sitesPath));
  // The SAMPLE ledger (data/sample, synthetic, `data=sample`) beside the shipped one, on the same layout.
  const sampleDir = join(ROOT, 'data/sample');
  const shippedLayout = [['projects', 'data/projects.csv'], ['axes', 'geo/axes.geojson'], ['zones', 'geo/zones.geojson'], ['reported', 'data/reported.json']] as const;
  if (shippedLayout.every(([k, path]) => args[k] === join(ROOT, path)) && !args.sites && existsSync(join(sampleDir, 'projects.csv'))) {
    const sample = buildBundle({ ...context, projects: read(join(sampleDir, 'projects.csv')), sites: read(join(sampleDir, 'sites.geojson')), progress: read(join(sampleDir, 'progress.csv')) }, corridor);
    const errors = sample.issues.filter((i) => i.severity === 'error');
    if (!sample.value || errors.length) {
      console.error(`data/sample: ${errors.length} errors; sample.json not written (npm run sample writes it again)`);
      process.exit(1);
    }
    writeFileSync(join(args.out, 'sample.json'), JSON.stringify({ ...sample.value.bundle, search_keys: searchKeys(sample.value.bundle) }));
  }
  const mapped = aggregates.ledger.mapped;
  console.error(
    `${shown(target)}: ${bundle.projects.length} projects (${mapped} mapped, ${bundle.projects.length - mapped} not mapped), corridor ${corridor} m`,
  );
}
