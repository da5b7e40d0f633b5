import { isRecord, kindOf } from './guards.ts';
import type { Layout } from './layout.ts';
import { SECTOR_KEYS, STATUS_KEYS, type AxisId, type Sector, type Status } from './model.ts';

/**
 * The planners' facets, declared once. Everything that names a facet derives from FACETS: the Filter's empty
 * value and emptiness test, the URL codec (and so the iframe's parameters and the element's attributes), the
 * schema that host commands and setFilters are checked with, the filters panel, the export footer and file
 * name (src/ui/facet_controls.ts), and the filter bits in applyFilter (filter.ts). A new facet is one entry
 * here, its test in applyFilter, and its control and strings in the UI; a place left out fails the typecheck
 * or tests/core/facets.test.ts.
 */

/** The planners' facets. An empty list means "any". */
export interface Filter {
  axes: AxisId[];
  zones: string[];
  statuses: Array<Status | 'unknown'>;
  sectors: Array<Sector | 'unknown'>;
  /** 亿元, inclusive. Setting either end leaves out projects whose investment is not disclosed. */
  investmentMin: number | null;
  investmentMax: number | null;
  mapped: 'all' | 'mapped' | 'unmapped';
}

/** What parsing needs to know beyond the table: the axes and zones are data (layout.ts). */
export type FacetContext = Layout;

/** A URL value read: its fields (and the part left out, with why), or why it was refused whole. */
type Parsed<T> = { value: T; leftOut?: { value: string; why: string } } | { error: string };
/** A field from outside checked: its value, or every problem as [path below the field, message]. */
type Checked<T> = { value: T } | { problems: Array<[path: string, message: string]> };

/** A list of ids from a known set, at most 1,000, repeated ids once. */
function checkIds(input: unknown, ids: readonly string[]): Checked<string[]> {
  if (!Array.isArray(input)) return { problems: [['', `expected an array of ids, received ${kindOf(input)}`]] };
  if (input.length > 1000) return { problems: [['', 'at most 1,000 ids']] };
  const problems = input.flatMap((v, i): Array<[string, string]> =>
    typeof v === 'string' && ids.includes(v) ? [] : [[String(i), `use ${ids.join(', ')}`]],
  );
  return problems.length ? { problems } : { value: [...new Set(input as string[])] };
}
/** An amount in 亿元, or null. */
const checkYi = (input: unknown): Checked<number | null> =>
  input === null || (typeof input === 'number' && Number.isFinite(input) && input >= 0)
    ? { value: input as number | null }
    : { problems: [['', `expected a finite number ≥ 0 (亿元) or null, received ${typeof input === 'number' ? String(input) : kindOf(input)}`]] };

export interface FacetSpec<F extends keyof Filter> {
  /** URL parameter, iframe parameter and element attribute. */
  readonly param: string;
  /** The Filter fields this facet owns (every field is owned by exactly one facet). */
  readonly fields: readonly F[];
  /** Its fields when the facet is not set. */
  readonly empty: Pick<Filter, F>;
  /**
   * Checks one of its fields as a host command or setFilters gives it (any JSON value): the value to use, or
   * what is wrong as `path: message` lines, the path below the field ("0" for its first item). Plain code, not
   * a schema library: the map's first download carries no zod.
   */
  check(field: F, input: unknown, ctx: FacetContext): Checked<Filter[F]>;
  /** The URL value → its fields, or why it is refused (English, for the console). */
  parse(value: string, ctx: FacetContext): Parsed<Pick<Filter, F>>;
  /** Its fields → the URL value; null when the facet is not set (defaults are left out of links). */
  format(value: Pick<Filter, F>): string | null;
}

const splitList = (v: string): string[] => v.split(',').map((s) => s.trim()).filter(Boolean);

/** A facet that is a list of ids from a known set: `axes=songshan,daxue`. */
function listFacet<F extends 'axes' | 'zones' | 'statuses' | 'sectors'>(
  field: F,
  param: string,
  allowed: (ctx: FacetContext) => readonly string[],
): FacetSpec<F> {
  return {
    param,
    fields: [field],
    empty: { [field]: [] } as unknown as Pick<Filter, F>,
    check: (_f, input, ctx) => checkIds(input, allowed(ctx)) as Checked<Filter[F]>,
    parse(value, ctx) {
      const ids = allowed(ctx);
      const values = splitList(value);
      const bad = values.filter((v) => !ids.includes(v));
      const good = { [field]: [...new Set(values.filter((v) => ids.includes(v)))] } as unknown as Pick<Filter, F>;
      // The known ids stay: a link with one stale id still filters by the others.
      return bad.length ? { value: good, leftOut: { value: bad.join(','), why: `use ${ids.join(', ')}` } } : { value: good };
    },
    format: (v) => {
      const list = v[field] as readonly string[];
      return list.length ? list.join(',') : null;
    },
  };
}

const DECIMAL = /^\d+(?:\.\d+)?$/;

export const FACETS = {
  axes: listFacet('axes', 'axes', (ctx) => ctx.axisIds),
  zones: listFacet('zones', 'zones', (ctx) => ctx.zoneIds),
  statuses: listFacet('statuses', 'status', () => STATUS_KEYS),
  sectors: listFacet('sectors', 'sector', () => SECTOR_KEYS),
  investment: {
    param: 'inv',
    fields: ['investmentMin', 'investmentMax'],
    empty: { investmentMin: null, investmentMax: null },
    check: (_f, input) => checkYi(input),
    parse(value) {
      const parts = value.split('-');
      const [min = '', max = ''] = parts;
      const ok = parts.length === 2 && (min || max) && (!min || DECIMAL.test(min)) && (!max || DECIMAL.test(max));
      const range = { investmentMin: min ? Number(min) : null, investmentMax: max ? Number(max) : null };
      if (!ok || !Number.isFinite(range.investmentMin ?? 0) || !Number.isFinite(range.investmentMax ?? 0)) {
        return { error: 'use MIN-MAX in 亿元, e.g. 10-50, 10- or -50' };
      }
      if (range.investmentMin !== null && range.investmentMax !== null && range.investmentMin > range.investmentMax) {
        return { error: 'use MIN-MAX in 亿元, e.g. 10-50, 10- or -50' };
      }
      return { value: range };
    },
    format: (v) => (v.investmentMin === null && v.investmentMax === null ? null : `${v.investmentMin ?? ''}-${v.investmentMax ?? ''}`),
  } satisfies FacetSpec<'investmentMin' | 'investmentMax'>,
  mapped: {
    param: 'mapped',
    fields: ['mapped'],
    empty: { mapped: 'all' },
    check: (_f, input) =>
      input === 'all' || input === 'mapped' || input === 'unmapped' ? { value: input } : { problems: [['', "use 'all', 'mapped' or 'unmapped'"]] },
    parse: (value) =>
      value === 'yes' || value === 'no' ? { value: { mapped: value === 'yes' ? 'mapped' : 'unmapped' } } : { error: 'use yes or no' },
    format: (v) => (v.mapped === 'all' ? null : v.mapped === 'mapped' ? 'yes' : 'no'),
  } satisfies FacetSpec<'mapped'>,
} as const;

export type FacetId = keyof typeof FACETS;
export const FACET_IDS = Object.keys(FACETS) as FacetId[];

type AnyFacet = FacetSpec<keyof Filter>;
const facet = (id: FacetId): AnyFacet => FACETS[id] as unknown as AnyFacet;

// Every Filter field belongs to exactly one facet: a field no facet owns is a compile error here.
type OwnedFields = (typeof FACETS)[FacetId]['fields'][number];
const _everyFieldOwned: [Exclude<keyof Filter, OwnedFields>] extends [never] ? true : never = true;
void _everyFieldOwned;

export const EMPTY_FILTER: Filter = Object.assign({}, ...FACET_IDS.map((id) => facet(id).empty)) as Filter;

/** A fresh empty filter (its lists are new arrays, safe to mutate). */
export const emptyFilter = (): Filter =>
  Object.fromEntries(Object.entries(EMPTY_FILTER).map(([k, v]) => [k, Array.isArray(v) ? [...v] : v])) as unknown as Filter;

/** The facet's own fields of a filter. */
const pick = (f: Filter, spec: AnyFacet): Pick<Filter, keyof Filter> =>
  Object.fromEntries(spec.fields.map((k) => [k, f[k]])) as Pick<Filter, keyof Filter>;

/** Is this facet set in the filter? */
export const facetIsSet = (f: Filter, id: FacetId): boolean => facet(id).format(pick(f, facet(id))) !== null;

export const isEmptyFilter = (f: Filter): boolean => FACET_IDS.every((id) => !facetIsSet(f, id));

/** URL parameters of the facets, in table order. */
export const FACET_PARAMS: readonly string[] = FACET_IDS.map((id) => facet(id).param);

/** Reads one URL parameter into the filter if it names a facet: true when it did (used or refused). */
export function parseFacetParam(
  filter: Filter,
  key: string,
  value: string,
  ctx: FacetContext,
  ignore: (value: string, why: string) => void,
): boolean {
  const id = FACET_IDS.find((i) => facet(i).param === key);
  if (!id) return false;
  const r = facet(id).parse(value, ctx);
  if ('error' in r) ignore(value, r.error);
  else {
    Object.assign(filter, r.value);
    if (r.leftOut) ignore(r.leftOut.value, r.leftOut.why);
  }
  return true;
}

/** The facets' URL pairs for a filter, defaults left out. */
export const formatFacetParams = (f: Filter): Array<[string, string]> =>
  FACET_IDS.flatMap((id) => {
    const v = facet(id).format(pick(f, facet(id)));
    return v === null ? [] : [[facet(id).param, v] as [string, string]];
  });

const FIELD_FACET = new Map<string, FacetId>(FACET_IDS.flatMap((id) => facet(id).fields.map((f): [string, FacetId] => [f, id])));

/**
 * A partial filter from outside (a host command, the element's setFilters): the checked patch, or every
 * problem as `field: message` ("axes.0: use songshan, daxue, jingguang"). Nothing is applied when anything is
 * wrong; unknown fields (and `__proto__`) are refused by name.
 */
export function parseFilterPatch(input: unknown, ctx: FacetContext): { value: Partial<Filter> } | { errors: string[] } {
  if (!isRecord(input)) return { errors: [`filter: expected an object of facets, received ${kindOf(input)}`] };
  const errors: string[] = [];
  const value: Record<string, unknown> = {};
  for (const key of Object.keys(input)) {
    const id = Object.hasOwn(input, key) ? FIELD_FACET.get(key) : undefined;
    if (!id) {
      errors.push(`${key}: is not a known field`);
      continue;
    }
    const r = facet(id).check(key as keyof Filter, input[key], ctx);
    if ('problems' in r) for (const [path, message] of r.problems) errors.push(`${key}${path ? `.${path}` : ''}: ${message}`);
    else value[key] = r.value;
  }
  const min = value['investmentMin'] as number | null | undefined;
  const max = value['investmentMax'] as number | null | undefined;
  if (min != null && max != null && min > max) errors.push('investmentMin: is above investmentMax');
  return errors.length ? { errors } : { value: value as Partial<Filter> };
}
