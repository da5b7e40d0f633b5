/**
 * The ledger's columns, declared once, in file order: plain data, so the map's first download carries it
 * without the row schema. The zod row schema and the `Project` type (project_schema.ts), the CSV loader's
 * header check, the import's header guesses and cell reading, the data bundle check, the CSV export and the card
 * derive from it: a new column is one entry here and its strings (CONTRIBUTING.md).
 */

/**
 * How a column's cells are read (import), checked (row schema, bundle) and shown (card). `id`, `name` and
 * `source` are required; every other kind may be empty ("not disclosed").
 */
export type ColumnKind = 'id' | 'name' | 'text' | 'amount' | 'axis' | 'sector' | 'status' | 'date' | 'source';

export interface ColumnSpec {
  readonly kind: ColumnKind;
  /** For text kinds: the longest cell accepted (a pasted blob is refused, not laid out: issue #16). */
  readonly maxLength?: number;
  /** May the column be absent from data/projects.csv? (An absent column reads as empty cells.) */
  readonly optional: boolean;
  readonly label: { readonly zh: string; readonly en: string };
  /** Headers an imported ledger may use for it (compared after normalising: case, spaces, brackets). */
  readonly aliases: readonly string[];
  /**
   * Its place among the project card's rows (ascending; the card's own spatial rows sit at 60–79), or null
   * when the card shows it otherwise (the names are its heading) or not at all.
   */
  readonly card: number | null;
}

export const LEDGER_COLUMNS = {
  id: {
    maxLength: 64,
    kind: 'id',
    optional: false,
    label: { zh: '项目编号', en: 'ID' },
    aliases: ['id', '项目编号', '编号', '项目代码', '代码', '序号id', 'projectid', 'code'],
    card: null,
  },
  name_zh: {
    maxLength: 200,
    kind: 'name',
    optional: false,
    label: { zh: '项目名称', en: 'Name' },
    aliases: ['name_zh', '项目名称', '名称', '项目', 'name', 'projectname', '项目名'],
    card: null,
  },
  name_en: {
    maxLength: 300,
    kind: 'text',
    optional: true,
    label: { zh: '英文名称', en: 'English name' },
    aliases: ['name_en', '英文名称', '英文名', 'englishname', 'nameen'],
    card: null,
  },
  axis_declared: {
    kind: 'axis',
    optional: false,
    label: { zh: '申报轴线', en: 'Axis (declared)' },
    aliases: ['axis_declared', '所属轴线', '申报轴线', '轴线', '发展轴', 'axis', '所属发展轴'],
    card: 50,
  },
  zone_declared: {
    maxLength: 100,
    kind: 'text',
    optional: true,
    label: { zh: '申报所属片区', en: 'Zone (declared)' },
    aliases: ['zone_declared', '所属片区', '申报所属片区', '片区', '所属区域', '区域', 'zone'],
    card: null,
  },
  sector: {
    kind: 'sector',
    optional: false,
    label: { zh: '行业', en: 'Sector' },
    aliases: ['sector', '行业', '产业', '所属行业', '行业类别', '产业类别', '类别', 'industry'],
    card: 20,
  },
  status: {
    kind: 'status',
    optional: false,
    label: { zh: '状态', en: 'Status' },
    aliases: ['status', '建设状态', '项目状态', '状态', '进度', '建设进度', 'stage'],
    card: 10,
  },
  /** 亿元 (100 million yuan). */
  investment_total_yi: {
    kind: 'amount',
    optional: false,
    label: { zh: '总投资', en: 'Total investment' },
    aliases: ['investment_total_yi', '总投资', '计划总投资', '项目总投资', 'investment', 'totalinvestment'],
    card: 30,
  },
  /** 亿元 invested in 2023. */
  investment_2023_yi: {
    kind: 'amount',
    optional: true,
    label: { zh: '2023年完成投资', en: 'Invested in 2023' },
    aliases: ['investment_2023_yi', '2023年完成投资', '年度完成投资', '本年完成投资', '完成投资', 'investment2023', 'investedin2023'],
    card: 40,
  },
  address: {
    maxLength: 500,
    kind: 'text',
    optional: false,
    label: { zh: '地址', en: 'Address' },
    aliases: ['address', '地址', '项目地址', '建设地点', '地点', '位置', 'location'],
    card: 70,
  },
  source: {
    maxLength: 2000,
    kind: 'source',
    optional: false,
    label: { zh: '来源', en: 'Source' },
    aliases: ['source', '来源', '数据来源', '资料来源'],
    card: 80,
  },
  as_of: {
    kind: 'date',
    optional: false,
    label: { zh: '数据截至', en: 'Data as of' },
    aliases: ['as_of', '数据日期', '数据截至', '截至', '统计日期', '日期', 'date', 'asof', 'dataasof'],
    card: 90,
  },
  note: {
    maxLength: 4000,
    kind: 'text',
    optional: true,
    label: { zh: '备注', en: 'Note' },
    aliases: ['note', '备注', '说明', 'remarks', 'notes'],
    card: 100,
  },
  key_level: {
    maxLength: 40,
    kind: 'text',
    optional: true,
    label: { zh: '重点项目级别', en: 'Key project level' },
    // 省重点, 市重点, 省市重点…: the report's "45个省市重点建设项目" are the projects with a level.
    aliases: ['key_level', '重点项目级别', '重点项目', '重点级别', '项目级别', '是否重点项目', 'keyproject', 'keylevel', 'keyprojectlevel'],
    card: 15,
  },
  other_names: {
    maxLength: 500,
    kind: 'text',
    optional: true,
    label: { zh: '别名', en: 'Other names' },
    // Names the sources also use (the report's 泰合里 for 泰和里), separated by ；or ;: search finds them.
    aliases: ['other_names', '别名', '又名', '曾用名', '其他名称', 'othernames', 'aliases', 'aka'],
    card: 5,
  },
} as const satisfies Record<string, ColumnSpec>;

export type LedgerColumn = keyof typeof LEDGER_COLUMNS;

/** The columns of data/projects.csv, in order. */
export const PROJECT_COLUMNS = Object.keys(LEDGER_COLUMNS) as LedgerColumn[];
/** Columns that may be absent from a file (every other one must be there, even if empty). */
export const OPTIONAL_COLUMNS: ReadonlySet<string> = new Set(PROJECT_COLUMNS.filter((c) => LEDGER_COLUMNS[c].optional));
/** Kinds whose empty cell is an error. */
export const REQUIRED_KINDS: ReadonlySet<ColumnKind> = new Set(['id', 'name', 'source']);
