import { z } from './zod.ts';
import { LEDGER_COLUMNS, OPTIONAL_COLUMNS, PROJECT_COLUMNS, type ColumnKind, type ColumnSpec, type LedgerColumn } from './ledger_columns.ts';
import { SECTORS, STATUSES, type AxisId } from './model.ts';

/**
 * More than the district's whole 360-project programme (2326 亿元) several times over: almost certainly a
 * unit slip (万元 or 元 written into a 亿元 column).
 */
export const MAX_PLAUSIBLE_YI = 10_000;

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Empty cells and absent optional columns both mean "not disclosed". */
const blankToNull = (v: unknown): unknown => {
  if (v === undefined) return null;
  if (typeof v !== 'string') return v;
  const t = v.trim();
  return t === '' ? null : t;
};

/** Text of at most `max` characters (a pasted blob in a cell is refused, not laid out: issue #16). */
const boundedText = (max: number) =>
  z.string().refine((v) => v.length <= max, {
    error: (iss) => `is ${String(iss.input).length.toLocaleString('en')} characters long; at most ${max.toLocaleString('en')}: shorten it`,
    abort: true,
  });
const optionalText = (max: number) => z.preprocess(blankToNull, boundedText(max).nullable());
const requiredText = (max: number) => z.preprocess(blankToNull, z.string({ error: 'is required' }).pipe(boundedText(max)));

/** An amount in 亿元: digits only; messages quote the cell as the user wrote it. */
const amountYi = z.preprocess(
  blankToNull,
  z
    .string()
    .transform((text, ctx) => {
      const fail = (message: string) => {
        ctx.issues.push({ code: 'custom', input: text, message });
        return z.NEVER;
      };
      if (!NUMBER.test(text)) {
        return fail(`'${text}' is not a number: write the amount in 亿元 as digits (e.g. 5 or 12.5), or leave it empty when not disclosed`);
      }
      const value = Number(text);
      if (!Number.isFinite(value)) return fail(`'${text}' is not a finite number`);
      if (value < 0) return fail(`${text} is negative: investment cannot be below 0`);
      if (value > MAX_PLAUSIBLE_YI) {
        return fail(
          `${text} 亿元 is implausible (over ${MAX_PLAUSIBLE_YI} 亿元; the whole district programme is 2326 亿元): is the unit 万元 or 元?`,
        );
      }
      return value;
    })
    .nullable(),
);

const enumOrNull = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.preprocess(
    blankToNull,
    z.enum(values, { error: (iss) => `unknown ${what} '${String(iss.input)}'; use one of ${values.join(', ')}` }).nullable(),
  );

/** Each kind's row schema (text kinds bounded by the column's maxLength; axes are the layout's, data). */
const BUILDERS = {
  id: (max: number, _axes: readonly AxisId[]) =>
    requiredText(max).pipe(z.string().regex(/^[^\s,;/?#&]{1,64}$/u, { error: 'must be 1–64 characters without spaces or , ; / ? # &' })),
  name: (max: number) => requiredText(max),
  source: (max: number) => requiredText(max),
  text: (max: number) => optionalText(max),
  amount: () => amountYi,
  axis: (_max: number, axes: readonly AxisId[]) => enumOrNull(axes as [AxisId, ...AxisId[]], 'axis'),
  sector: () => enumOrNull(SECTORS, 'sector'),
  status: () => enumOrNull(STATUSES, 'status'),
  date: () => z.preprocess(blankToNull, z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, { error: 'must be a date: YYYY, YYYY-MM or YYYY-MM-DD' }).nullable()),
} satisfies Record<ColumnKind, (max: number, axes: readonly AxisId[]) => z.ZodType>;

type RowShape = { [C in LedgerColumn]: ReturnType<(typeof BUILDERS)[(typeof LEDGER_COLUMNS)[C]['kind']]> };

const buildRow = (axisIds: readonly AxisId[]) =>
  z.object(
    Object.fromEntries(
      PROJECT_COLUMNS.map((c) => {
        const spec: ColumnSpec = LEDGER_COLUMNS[c];
        return [c, BUILDERS[spec.kind](spec.maxLength ?? 0, axisIds)];
      }),
    ) as RowShape,
  );
const rows = new Map<string, ReturnType<typeof buildRow>>();

/**
 * One ledger row for a layout: every cell as text in, typed values out — derived from the column table; an
 * axis_declared must be one of `axisIds` (geo/axes.geojson's). Built once per layout.
 */
export function projectRow(axisIds: readonly AxisId[]): ReturnType<typeof buildRow> {
  const key = axisIds.join(',');
  let row = rows.get(key);
  if (!row) rows.set(key, (row = buildRow(axisIds)));
  return row;
}

/** A ledger row after validation. `null` means the source does not disclose it. */
export type Project = z.output<ReturnType<typeof buildRow>>;

const ID = /^[^\s,;/?#&]{1,64}$/u;
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/**
 * The same row check written out by hand, for the rows that pass it (nearly all): the row as projectRow gives it,
 * or null when any cell fails — then projectRow reads the row again and says why. zod's layers of preprocess,
 * pipe and refine cost ~7 µs a row, most of a 100,000-row build; this costs a tenth. A property test holds the
 * two to the same answers (tests/core/ledger_columns.test.ts).
 */
export function quickProjectRow(axisIds: readonly AxisId[]): (raw: Readonly<Record<string, unknown>>) => Project | null {
  const enums: Partial<Record<ColumnKind, ReadonlySet<string>>> = { axis: new Set(axisIds), sector: new Set(SECTORS), status: new Set(STATUSES) };
  const columns = PROJECT_COLUMNS.map((c) => {
    const spec: ColumnSpec = LEDGER_COLUMNS[c];
    return { c, kind: spec.kind, max: spec.maxLength ?? 0 };
  });
  return (raw) => {
    const out: Record<string, unknown> = {};
    for (const { c, kind, max } of columns) {
      const v = blankToNull(raw[c]);
      if (v !== null && typeof v !== 'string') return null;
      switch (kind) {
        case 'id':
          if (v === null || v.length > max || !ID.test(v)) return null;
          out[c] = v;
          break;
        case 'name':
        case 'source':
          if (v === null || v.length > max) return null;
          out[c] = v;
          break;
        case 'text':
          if (v !== null && v.length > max) return null;
          out[c] = v;
          break;
        case 'amount': {
          if (v === null) {
            out[c] = null;
            break;
          }
          if (!NUMBER.test(v)) return null;
          const n = Number(v);
          if (!Number.isFinite(n) || n < 0 || n > MAX_PLAUSIBLE_YI) return null;
          out[c] = n;
          break;
        }
        case 'axis':
        case 'sector':
        case 'status':
          if (v !== null && !enums[kind]!.has(v)) return null;
          out[c] = v;
          break;
        case 'date':
          if (v !== null && !DATE.test(v)) return null;
          out[c] = v;
          break;
      }
    }
    return out as Project;
  };
}

export { LEDGER_COLUMNS, OPTIONAL_COLUMNS, PROJECT_COLUMNS, type ColumnKind, type LedgerColumn };
