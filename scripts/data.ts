/**
 * `npm run data -- [--projects FILE] [--sites FILE] [--corridor METRES] [--out DIR] [--json]`
 *
 * Reads geo/ and data/, validates and joins them, computes the aggregates and writes the app's data
 * bundle (DIR/bundle.json, default public/data). With --json the aggregates go to stdout instead.
 * Any error: every issue printed as `file:row: field: message`, exit 1, previous output untouched.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { buildBundle, DEFAULT_CORRIDOR_M, type SourceFile } from '../src/core/bundle.ts';
import { formatIssue, hasErrors } from '../src/core/issues.ts';

const ROOT = join(import.meta.dirname, '..');
const USAGE = 'usage: npm run data -- [--projects FILE] [--sites FILE] [--corridor METRES] [--out DIR] [--json]';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

let args;
try {
  args = parseArgs({
    options: {
      projects: { type: 'string', default: join(ROOT, 'data/projects.csv') },
      sites: { type: 'string', default: join(ROOT, 'geo/sites.geojson') },
      corridor: { type: 'string', default: String(DEFAULT_CORRIDOR_M) },
      out: { type: 'string', default: join(ROOT, 'public/data') },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  }).values;
} catch (e) {
  fail(`${(e as Error).message}\n${USAGE}`);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
const corridor = Number(args.corridor);
if (!Number.isFinite(corridor) || corridor <= 0 || corridor > 10_000) {
  fail(`--corridor: '${args.corridor}' is not a half-width in metres between 1 and 10000\n${USAGE}`);
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

const result = buildBundle(
  {
    projects: read(args.projects),
    sites: read(args.sites),
    reported: read(join(ROOT, 'data/reported.json')),
    axes: read(join(ROOT, 'geo/axes.geojson')),
    zones: read(join(ROOT, 'geo/zones.geojson')),
    district: read(join(ROOT, 'geo/district.geojson')),
    context: read(join(ROOT, 'geo/context.geojson')),
    landmarks: read(join(ROOT, 'geo/landmarks.geojson')),
  },
  corridor,
);

for (const issue of result.issues) console.error(formatIssue(issue));
if (hasErrors(result.issues) || !result.value) {
  const n = result.issues.filter((i) => i.severity === 'error').length;
  console.error(`\n${n} error${n === 1 ? '' : 's'}: nothing written.`);
  process.exit(1);
}

const { bundle, aggregates } = result.value;
if (args.json) {
  process.stdout.write(JSON.stringify(aggregates, null, 2) + '\n');
} else {
  // Write beside the target and rename: a reader never sees half a file, and a failure leaves the old one.
  mkdirSync(args.out, { recursive: true });
  const target = join(args.out, 'bundle.json');
  const temp = `${target}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(bundle));
  renameSync(temp, target);
  const mapped = aggregates.ledger.mapped;
  console.error(
    `${shown(target)}: ${bundle.projects.length} projects (${mapped} mapped, ${bundle.projects.length - mapped} not mapped), corridor ${corridor} m`,
  );
}
