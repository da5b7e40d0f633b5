import { z } from './zod.ts';
import { AXIS_IDS, SECTORS, STATUSES } from './model.ts';

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

/** How a column's cells are read from any ledger (import) and shown (card). */
export type ColumnKind = 'id' | 'text' | 'amount' | 'axis' | 'sector' | 'status' | 'date' | 'source';

export interface ColumnSpec<S extends z.ZodType = z.ZodType> {
  /** Cell text → value; `null` is "not disclosed". */
  readonly schema: S;
  readonly kind: ColumnKind;
  /** May the column be absent from data/projects.csv? (An absent column reads as empty cells.) */
  readonly optional: boolean;
  readonly label: { zh: string; en: string };
  /** Headers an imported ledger may use for it (compared after normalising: case, spaces, brackets). */
  readonly aliases: readonly string[];
  /**
   * Its place among the project card's rows (ascending; the card's own spatial rows sit at 60–79), or null
   * when the card shows it otherwise (the names are its heading) or not at all.
   */
  readonly card: number | null;
}

const column = <S extends z.ZodType>(spec: ColumnSpec<S>): ColumnSpec<S> => spec;

/**
 * The ledger's columns, declared once, in file order. The zod row schema, the `Project` type, the CSV loader's
 * header check, the import's header guesses and cell reading, the CSV export and the card derive from it:
 * a new column is one entry here and its strings.
 */
export const LEDGER_COLUMNS = {
  id: column({
    schema: requiredText(64).pipe(z.string().regex(/^[^\s,;/?#&]{1,64}$/u, { error: 'must be 1–64 characters without spaces or , ; / ? # &' })),
    kind: 'id',
    optional: false,
    label: { zh: '项目编号', en: 'ID' },
    aliases: ['id', '项目编号', '编号', '项目代码', '代码', '序号id', 'projectid', 'code'],
    card: null,
  }),
  name_zh: column({
    schema: requiredText(200),
    kind: 'text',
    optional: false,
    label: { zh: '项目名称', en: 'Name' },
    aliases: ['name_zh', '项目名称', '名称', '项目', 'name', 'projectname', '项目名'],
    card: null,
  }),
  name_en: column({
    schema: optionalText(300),
    kind: 'text',
    optional: true,
    label: { zh: '英文名称', en: 'English name' },
    aliases: ['name_en', '英文名称', '英文名', 'englishname', 'nameen'],
    card: null,
  }),
  axis_declared: column({
    schema: enumOrNull(AXIS_IDS, 'axis'),
    kind: 'axis',
    optional: false,
    label: { zh: '申报轴线', en: 'Axis (declared)' },
    aliases: ['axis_declared', '所属轴线', '轴线', '发展轴', 'axis', '所属发展轴'],
    card: 50,
  }),
  zone_declared: column({
    schema: optionalText(100),
    kind: 'text',
    optional: true,
    label: { zh: '申报所属片区', en: 'Zone (declared)' },
    aliases: ['zone_declared', '所属片区', '片区', '所属区域', '区域', 'zone'],
    card: null,
  }),
  sector: column({
    schema: enumOrNull(SECTORS, 'sector'),
    kind: 'sector',
    optional: false,
    label: { zh: '行业', en: 'Sector' },
    aliases: ['sector', '行业', '产业', '所属行业', '行业类别', '产业类别', '类别', 'industry'],
    card: 20,
  }),
  status: column({
    schema: enumOrNull(STATUSES, 'status'),
    kind: 'status',
    optional: false,
    label: { zh: '状态', en: 'Status' },
    aliases: ['status', '建设状态', '项目状态', '状态', '进度', '建设进度', 'stage'],
    card: 10,
  }),
  /** 亿元 (100 million yuan). */
  investment_total_yi: column({
    schema: amountYi,
    kind: 'amount',
    optional: false,
    label: { zh: '总投资', en: 'Total investment' },
    aliases: ['investment_total_yi', '总投资', '计划总投资', '项目总投资', 'investment', 'totalinvestment'],
    card: 30,
  }),
  /** 亿元 invested in 2023. */
  investment_2023_yi: column({
    schema: amountYi,
    kind: 'amount',
    optional: true,
    label: { zh: '2023年完成投资', en: 'Invested in 2023' },
    aliases: ['investment_2023_yi', '2023年完成投资', '年度完成投资', '本年完成投资', '完成投资', 'investment2023'],
    card: 40,
  }),
  address: column({
    schema: optionalText(500),
    kind: 'text',
    optional: false,
    label: { zh: '地址', en: 'Address' },
    aliases: ['address', '地址', '项目地址', '建设地点', '地点', '位置', 'location'],
    card: 70,
  }),
  source: column({
    schema: requiredText(2000),
    kind: 'source',
    optional: false,
    label: { zh: '来源', en: 'Source' },
    aliases: ['source', '来源', '数据来源', '资料来源'],
    card: 80,
  }),
  as_of: column({
    schema: z.preprocess(blankToNull, z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, { error: 'must be a date: YYYY, YYYY-MM or YYYY-MM-DD' }).nullable()),
    kind: 'date',
    optional: false,
    label: { zh: '数据截至', en: 'Data as of' },
    aliases: ['as_of', '数据日期', '截至', '统计日期', '日期', 'date', 'asof'],
    card: 90,
  }),
  note: column({
    schema: optionalText(4000),
    kind: 'text',
    optional: true,
    label: { zh: '备注', en: 'Note' },
    aliases: ['note', '备注', '说明', 'remarks', 'notes'],
    card: 100,
  }),
};

export type LedgerColumn = keyof typeof LEDGER_COLUMNS;

/** The columns of data/projects.csv, in order. */
export const PROJECT_COLUMNS = Object.keys(LEDGER_COLUMNS) as LedgerColumn[];
/** Columns that may be absent from a file (every other one must be there, even if empty). */
export const OPTIONAL_COLUMNS: ReadonlySet<string> = new Set(PROJECT_COLUMNS.filter((c) => LEDGER_COLUMNS[c].optional));

type RowShape = { [K in LedgerColumn]: (typeof LEDGER_COLUMNS)[K]['schema'] };

/** One ledger row: every cell as text in, typed values out. */
export const ProjectRow = z.object(Object.fromEntries(PROJECT_COLUMNS.map((c) => [c, LEDGER_COLUMNS[c].schema])) as RowShape);

/** A ledger row after validation. `null` means the source does not disclose it. */
export type Project = z.output<typeof ProjectRow>;
