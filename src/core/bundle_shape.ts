import type { DataBundle } from './bundle.ts';
import { AXIS_IDS, SECTORS, STATUSES } from './model.ts';
import { LEDGER_COLUMNS, PROJECT_COLUMNS, REQUIRED_KINDS, type ColumnKind } from './ledger_columns.ts';
import { describeIssue } from './facets.ts';
import { z } from './zod.ts';

const collection = <T extends z.ZodType>(feature: T) => z.object({ type: z.literal('FeatureCollection'), features: z.array(feature) });
const geometry = (type?: string) => z.looseObject({ type: type ? z.literal(type) : z.string(), coordinates: z.array(z.unknown()) });
const feature = <P extends z.ZodType>(properties: P, type?: string) => z.looseObject({ type: z.literal('Feature'), properties, geometry: geometry(type) });
const named = z.looseObject({ name_zh: z.string() });
const figure = z.looseObject({ source: z.string(), quote: z.string() });

/**
 * A data bundle's frame, beside its projects: what the map reads of each part. Lighter than the CLI's loaders
 * (load_geo.ts, load_reported.ts), which already checked every value when `npm run data` wrote the bundle;
 * this catches a hand-edited, truncated or foreign file without adding them to the first download.
 */
const BundleFrame = z.object({
  format: z.literal('erqi-axis-map/bundle@1'),
  as_of: z.string(),
  reported: z.looseObject({
    as_of: z.string(),
    sources: z.record(z.string(), z.looseObject({ title_zh: z.string(), title_en: z.string() })),
    axes: z.array(figure.extend({ id: z.enum(AXIS_IDS), projects: z.number(), investment_yi: z.number() })),
    district: z.array(figure.extend({ id: z.string() })),
  }),
  projects: z.array(z.unknown()),
  axes: collection(feature(named.extend({ id: z.enum(AXIS_IDS), name_en: z.string() }), 'LineString')),
  zones: collection(feature(named.extend({ id: z.string(), name_en: z.string() }))),
  district: collection(feature(named)),
  context: collection(feature(named)),
  landmarks: collection(feature(named)),
  corridor_m: z.number().positive(),
  corridors: z.object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()) }),
});

const isText = (v: unknown) => typeof v === 'string';
const oneOf = (values: readonly string[]) => (v: unknown) => typeof v === 'string' && values.includes(v);
/** A value of each kind of ledger column, as the core leaves it (null: not disclosed). */
const VALUE: Record<ColumnKind, [test: (v: unknown) => boolean, what: string]> = {
  id: [isText, 'text'],
  name: [isText, 'text'],
  text: [isText, 'text'],
  source: [isText, 'text'],
  date: [isText, 'a date'],
  amount: [(v) => typeof v === 'number' && Number.isFinite(v) && v >= 0, 'an amount in 亿元'],
  axis: [oneOf(AXIS_IDS), `one of ${AXIS_IDS.join(', ')}`],
  sector: [oneOf(SECTORS), 'a sector id'],
  status: [oneOf(STATUSES), 'a status id'],
};
/** Columns whose empty cell is an error: never null in a bundle. */
const REQUIRED = new Set(PROJECT_COLUMNS.filter((c) => REQUIRED_KINDS.has(LEDGER_COLUMNS[c].kind)));
const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const finite = (v: unknown) => typeof v === 'number' && Number.isFinite(v);

/** Per column, in file order: its check, what it should be, and whether it may be null. */
const CHECKS = PROJECT_COLUMNS.map((c) => ({ column: c, test: VALUE[LEDGER_COLUMNS[c].kind][0], what: VALUE[LEDGER_COLUMNS[c].kind][1], required: REQUIRED.has(c) }));

/** Problems of one bundled project, as `field: message` (plain typeof checks: 50,000 projects in a few ms). */
function projectProblems(p: unknown): string[] {
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
  return problems ?? NONE;
}
const NONE: string[] = [];

/**
 * A fetched bundle checked before anything uses it: the bundle, or every problem (the first 20) as
 * `field: message` with the path into the file ("projects.3.id: is required").
 */
export function checkBundle(json: unknown): { value: DataBundle } | { errors: string[] } {
  const frame = BundleFrame.safeParse(json);
  if (!frame.success) return { errors: frame.error.issues.slice(0, 20).map(describeIssue) };
  const errors: string[] = [];
  const projects = (json as { projects: unknown[] }).projects;
  for (let i = 0; i < projects.length && errors.length < 20; i++) {
    for (const problem of projectProblems(projects[i])) errors.push(`projects.${i}${problem.startsWith(':') ? '' : '.'}${problem}`);
  }
  return errors.length ? { errors: errors.slice(0, 20) } : { value: json as DataBundle };
}
