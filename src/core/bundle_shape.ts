import type { DataBundle } from './bundle.ts';
import { isOneOf, isRecord, kindOf } from './guards.ts';
import { LAYOUT_ID, layoutOf } from './layout.ts';
import { SITE_GEOMETRY_TYPES } from './site_geometry.ts';
import { SECTORS, STATUSES, type AxisId } from './model.ts';
import { LEDGER_COLUMNS, PROJECT_COLUMNS, REQUIRED_KINDS, type ColumnKind } from './ledger_columns.ts';

/**
 * A tiny path-aware checker for the bundle's frame: each check adds `path: message` lines. Plain code rather
 * than zod, so the map's first download carries no schema library (the CLI's loaders, load_geo.ts and
 * load_reported.ts, already checked every value with zod when `npm run data` wrote the bundle; this catches a
 * hand-edited, truncated or foreign file).
 */
type Check = (v: unknown, path: string, out: string[]) => void;
const at = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));
const expect = (ok: (v: unknown) => boolean, what: string): Check => (v, path, out) => {
  if (!ok(v)) out.push(`${path}: expected ${what}, received ${kindOf(v)}`);
};
const str = expect((v) => typeof v === 'string', 'text');
const num = expect((v) => typeof v === 'number' && Number.isFinite(v), 'a number');
const literal = (value: string): Check => expect((v) => v === value, `'${value}'`);
const layoutId = expect((v) => typeof v === 'string' && LAYOUT_ID.test(v), 'an id such as north (lower-case letters, digits, - or _)');
const object = (shape: Record<string, Check>): Check => (v, path, out) => {
  if (!isRecord(v)) return void out.push(`${path || 'bundle'}: expected an object, received ${kindOf(v)}`);
  for (const [key, check] of Object.entries(shape)) check(v[key], at(path, key), out);
};
const array = (item: Check): Check => (v, path, out) => {
  if (!Array.isArray(v)) return void out.push(`${path}: expected an array, received ${kindOf(v)}`);
  for (let i = 0; i < v.length && out.length < 20; i++) item(v[i], at(path, i), out);
};
const record = (item: Check): Check => (v, path, out) => {
  if (!isRecord(v)) return void out.push(`${path}: expected an object, received ${kindOf(v)}`);
  for (const [key, x] of Object.entries(v)) item(x, at(path, key), out);
};
const anything: Check = () => {};
const collection = (feature: Check) => object({ type: literal('FeatureCollection'), features: array(feature) });
const feature = (properties: Record<string, Check>, geometry?: string) =>
  object({ type: literal('Feature'), properties: object(properties), geometry: object({ type: geometry ? literal(geometry) : str, coordinates: array(anything) }) });
const figure = { source: str, quote: str };

/** A data bundle's frame beside its projects: what the map reads of each part. */
const BundleFrame = object({
  format: literal('erqi-axis-map/bundle@1'),
  as_of: str,
  reported: object({
    as_of: str,
    sources: record(object({ title_zh: str, title_en: str })),
    axes: array(object({ ...figure, id: str, projects: num, investment_yi: num })),
    district: array(object({ ...figure, id: str })),
  }),
  projects: array(anything),
  axes: collection(feature({ id: layoutId, name_zh: str, name_en: str }, 'LineString')),
  zones: collection(feature({ id: layoutId, name_zh: str, name_en: str })),
  district: collection(feature({ name_zh: str })),
  context: collection(feature({ name_zh: str })),
  landmarks: collection(feature({ name_zh: str })),
  corridor_m: num,
  corridors: object({ type: literal('FeatureCollection'), features: array(anything) }),
});

const numOrNull = expect((v) => v === null || (typeof v === 'number' && Number.isFinite(v) && v >= 0), 'a non-negative number or null');
const ProgressRows = array(
  object({
    project_id: str,
    period: expect((v) => typeof v === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(v), 'a month, YYYY-MM'),
    status: expect((v) => v === null || isOneOf(STATUSES)(v), `null or one of ${STATUSES.join(', ')}`),
    planned_yi: numOrNull,
    completed_yi: numOrNull,
    progress_text: expect((v) => v === null || typeof v === 'string', 'text or null'),
    source: str,
  }),
);

const isText = (v: unknown) => typeof v === 'string';
/** A value of each kind of ledger column, as the core leaves it (null: not disclosed). */
const valueChecks = (axisIds: readonly AxisId[]): Record<ColumnKind, [test: (v: unknown) => boolean, what: string]> => ({
  id: [isText, 'text'],
  name: [isText, 'text'],
  text: [isText, 'text'],
  source: [isText, 'text'],
  date: [isText, 'a date'],
  amount: [(v) => typeof v === 'number' && Number.isFinite(v) && v >= 0, 'an amount in 亿元'],
  axis: [isOneOf(axisIds), `one of the bundle's axes (${axisIds.join(', ')})`],
  sector: [isOneOf(SECTORS), 'a sector id'],
  status: [isOneOf(STATUSES), 'a status id'],
});
/** Columns whose empty cell is an error: never null in a bundle. */
const REQUIRED = new Set(PROJECT_COLUMNS.filter((c) => REQUIRED_KINDS.has(LEDGER_COLUMNS[c].kind)));
const finite = (v: unknown) => typeof v === 'number' && Number.isFinite(v);

/** Per column, in file order: its check, what it should be, and whether it may be null. */
function columnChecks(axisIds: readonly AxisId[]) {
  const value = valueChecks(axisIds);
  return PROJECT_COLUMNS.map((c) => ({ column: c, test: value[LEDGER_COLUMNS[c].kind][0], what: value[LEDGER_COLUMNS[c].kind][1], required: REQUIRED.has(c) }));
}
type ColumnChecks = ReturnType<typeof columnChecks>;

/** Problems of one bundled project, as `field: message` (plain typeof checks: 50,000 projects in a few ms). */
function projectProblems(p: unknown, CHECKS: ColumnChecks): string[] {
  if (!isRecord(p)) return [': is not a project object'];
  let problems: string[] | null = null;
  for (let k = 0; k < CHECKS.length; k++) {
    const check = CHECKS[k]!;
    const v = p[check.column];
    const problem = v === null || v === undefined ? (check.required ? 'is required' : null) : check.test(v) ? null : `should be ${check.what}`;
    if (problem) (problems ??= []).push(`${check.column}: ${problem}`);
  }
  const site = p['site'];
  if (site !== null && (!isRecord(site) || !finite(site['lon']) || !finite(site['lat']))) (problems ??= []).push('site: should be null or have numeric lon and lat');
  else if (isRecord(site) && site['geometry'] !== undefined) {
    const g = site['geometry'];
    if (!isRecord(g) || !isOneOf(SITE_GEOMETRY_TYPES)(g['type']) || !Array.isArray(g['coordinates'])) {
      (problems ??= []).push(`site.geometry: should be a ${SITE_GEOMETRY_TYPES.join(', ')} with coordinates`);
    }
  }
  return problems ?? NONE;
}
const NONE: string[] = [];

/**
 * A fetched bundle checked before anything uses it: the bundle, or every problem (the first 20) as
 * `field: message` with the path into the file ("projects.3.id: is required").
 */
export function checkBundle(json: unknown): { value: DataBundle } | { errors: string[] } {
  const errors: string[] = [];
  BundleFrame(json, '', errors);
  if ((json as { progress?: unknown }).progress !== undefined) ProgressRows((json as { progress: unknown }).progress, 'progress', errors);
  if ((json as { search_keys?: unknown }).search_keys !== undefined) record(str)((json as { search_keys: unknown }).search_keys, 'search_keys', errors);
  if (errors.length) return { errors: errors.slice(0, 20) };
  // The layout is the bundle's own: figures and projects may name only its axes.
  const layout = layoutOf(json as DataBundle);
  for (const [i, a] of (json as DataBundle).reported.axes.entries()) {
    if (!layout.axisIds.includes(a.id)) errors.push(`reported.axes.${i}.id: '${a.id}' is not one of the bundle's axes (${layout.axisIds.join(', ')})`);
  }
  const checks = columnChecks(layout.axisIds);
  const projects = (json as { projects: unknown[] }).projects;
  for (let i = 0; i < projects.length && errors.length < 20; i++) {
    for (const problem of projectProblems(projects[i], checks)) errors.push(`projects.${i}${problem.startsWith(':') ? '' : '.'}${problem}`);
  }
  return errors.length ? { errors: errors.slice(0, 20) } : { value: json as DataBundle };
}
