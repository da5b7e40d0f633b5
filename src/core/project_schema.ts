import { z } from './zod.ts';
import { AXIS_IDS, SECTORS, STATUSES } from './model.ts';

/** The columns of data/projects.csv, in order. */
export const PROJECT_COLUMNS = [
  'id',
  'name_zh',
  'name_en',
  'axis_declared',
  'zone_declared',
  'sector',
  'status',
  'investment_total_yi',
  'investment_2023_yi',
  'address',
  'source',
  'as_of',
  'note',
] as const;
/** Columns that may be absent from a file (every other one must be there, even if empty). */
export const OPTIONAL_COLUMNS: ReadonlySet<string> = new Set(['note', 'name_en', 'zone_declared', 'investment_2023_yi']);

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

const optionalText = z.preprocess(blankToNull, z.string().nullable());
const requiredText = z.preprocess(blankToNull, z.string({ error: 'is required' }));

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

export const ProjectRow = z.object({
  id: requiredText.pipe(
    z.string().regex(/^[^\s,;/?#&]{1,64}$/u, { error: 'must be 1–64 characters without spaces or , ; / ? # &' }),
  ),
  name_zh: requiredText,
  name_en: optionalText,
  axis_declared: enumOrNull(AXIS_IDS, 'axis'),
  zone_declared: optionalText,
  sector: enumOrNull(SECTORS, 'sector'),
  status: enumOrNull(STATUSES, 'status'),
  investment_total_yi: amountYi,
  investment_2023_yi: amountYi,
  address: optionalText,
  source: requiredText,
  as_of: z.preprocess(
    blankToNull,
    z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, { error: 'must be a date: YYYY, YYYY-MM or YYYY-MM-DD' }).nullable(),
  ),
  note: optionalText,
});
