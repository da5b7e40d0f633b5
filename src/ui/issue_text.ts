import { formatIssue, type Issue } from '../core/issues.ts';
import { LEDGER_COLUMNS, type LedgerColumn } from '../core/ledger_columns.ts';
import type { Lang } from '../core/model.ts';

/**
 * The import's problems in Chinese. The core words them in English once (the CLI prints them so); this table
 * renders each message pattern in Chinese for the Chinese UI. tests/dom/issue_text.test.ts runs every file of
 * the bad corpus through it and fails on any message left in English.
 */
type Replacement = string | ((match: string, ...groups: string[]) => string);

/** A part of a site named in a geometry message: "the outline", "polygon 2, hole 1", "line 3". */
function part(which: string): string {
  const m = /^polygon (\d+), (.*)$/.exec(which);
  if (m) return `第 ${m[1]} 个面的${part(m[2]!)}`;
  if (which === 'the line') return '该线';
  if (which === 'the outline') return '外边界';
  const n = /^(line|hole) (\d+)$/.exec(which);
  return n ? (n[1] === 'line' ? `第 ${n[2]} 条线` : `第 ${n[2]} 个内环（洞）`) : which;
}
const PART = '(the line|line \\d+|the outline|hole \\d+|polygon \\d+, (?:the outline|hole \\d+))';
const partPattern = (rest: string) => new RegExp(`^${PART} ${rest}$`, 's');

const ZH: ReadonlyArray<[RegExp, Replacement]> = [
  [partPattern('has (\\d+) positions?; a line needs at least 2'), (_, w, n) => `${part(w!)}只有 ${n} 个点：线至少需要 2 个点`],
  [partPattern('has zero length \\(all its positions are one place\\): use a Point'), (_, w) => `${part(w!)}长度为零（所有点重合）：请改用点（Point）`],
  [partPattern('is not closed: repeat its first position \\[(.*)\\] at the end'), (_, w, p) => `${part(w!)}没有闭合：请在末尾重复第一个点 [${p}]`],
  [partPattern('has (\\d+) positions; a ring needs at least 4 .*'), (_, w, n) => `${part(w!)}只有 ${n} 个点：环至少需要 4 个点（3 个角点，末尾重复第一个点）`],
  [partPattern('has zero area \\(its positions lie on one line\\): use a LineString'), (_, w) => `${part(w!)}面积为零（所有点在一条直线上）：请改用线（LineString）`],
  [partPattern('crosses itself near \\[(.*)\\]: redraw it so its edges do not cross'), (_, w, p) => `${part(w!)}在 [${p}] 附近自相交：请重新绘制，使边不交叉`],
  [/^polygon (\d+) has no ring$/, '第 $1 个面没有环'],
  [/^position (\d+): (.*)$/s, (_, k, rest) => `第 ${k} 个点：${zhMessage(rest!)}`],
  [/^has no positions: give at least one \[longitude, latitude\]$/, '没有坐标：请至少给出一个 [经度, 纬度]'],
  [/^type must be one of (.*), got (.*)$/s, '类型应为 $1 之一，实际为 $2'],
  [/^coordinates of a (\w+) must be numbers nested as (.*)$/s, '$1 的坐标应为按 $2 嵌套的数字'],
  [/^is missing: give a Point, LineString or Polygon \(or a Multi form\)$/, '缺少几何：请给出点、线或面（或其 Multi 形式）'],
  [/^has positions with an altitude; it is ignored$/, '含高程：已忽略'],
  [/^'(.*)' is not WKT: write e\.g\. (.*)$/s, '“$1”不是 WKT：请按如下格式填写，例如 $2'],
  [/^is an EMPTY geometry: leave the cell blank for a project with no location$/, '是空几何（EMPTY）：没有位置的项目请留空'],
  [/^'(.*)' is not a number: write the amount in 亿元 as digits .*$/s, '“$1”不是数字：请用阿拉伯数字填写亿元金额（如 5 或 12.5），未公开则留空'],
  [/^'(.*)' is approximate: kept as not disclosed \(未公开\)$/s, '“$1”是约数：保留该行，金额按未公开处理'],
  [/^\[(.*)\] looks like projected coordinates in metres \(e\.g\. CGCS2000 Gauss–Krüger\), not longitude and latitude: convert them to degrees \(WGS84 or CGCS2000\) first$/s, '[$1] 似乎是投影坐标（单位米，如 CGCS2000 高斯-克吕格），不是经纬度：请先转换为经纬度（WGS84 或 CGCS2000）'],
  [/^'(.*)' is not a longitude and latitude: write two decimal degrees, e\.g\. (.*)$/s, '“$1”不是经纬度：请写两个十进制度数，如 $2'],
  [/^'(.*)' is not a finite number$/s, '“$1”不是有限的数'],
  [/^(.*) is negative: investment cannot be below 0$/s, '$1 为负数：投资额不能小于 0'],
  [/^(.*) 亿元 is implausible \(over (\d+) 亿元; .*$/s, '$1 亿元不合理（超过 $2 亿元，全区计划总额为 2326 亿元）：单位是否应为万元或元？'],
  [/^must be a date: YYYY, YYYY-MM or YYYY-MM-DD$/, '应为日期：YYYY、YYYY-MM 或 YYYY-MM-DD'],
  [/^must be 1–64 characters without spaces or , ; \/ \? # &$/, '应为 1–64 个字符，不含空格及 , ; / ? # &'],
  [/^is required$/, '必填'],
  // Progress files (core/progress.ts)
  [/^'(.*)' is not a month: write YYYY-MM, e\.g\. 2023-11$/s, '“$1”不是月份：请写作 YYYY-MM，如 2023-11'],
  [/^'(.*)' is not a project of the ledger$/s, '台账中没有项目“$1”'],
  [/^no project of the ledger is named '(.*)'; did you mean '(.*)'\?$/s, '台账中没有名为“$1”的项目；是否指“$2”？'],
  [/^no project of the ledger is named '(.*)'$/s, '台账中没有名为“$1”的项目'],
  [/^'(.*)' names (\d+) projects of the ledger \((.*)\): add a 项目编号 column$/s, '台账中有 $2 个项目名为“$1”（$3）：请加上项目编号列'],
  [/^'(.*)' is not a status: use one of .*$/s, '“$1”不是项目状态：可用 谋划、洽谈、签约、开工、在建、建成、运营'],
  [/^'(.*)' is not an amount: write a number \((万元|亿元)\), or leave it empty when not disclosed$/s, '“$1”不是金额：请填写数字（$2），未公开则留空'],
  [/^is required: where the figure comes from$/, '必填：数据来源'],
  [/^(.*) already has a row for (\d{4}-\d{2}) \(line (\d+)\)$/s, '$1 在 $2 已有一行（第 $3 行）'],
  [/^(.*) already has a row for (\d{4}-\d{2}) \(sheet (.*)\)$/s, '$1 在 $2 已有一行（工作表“$3”）'],
  [/^required column is missing \(also read as: (.*)\)$/s, '缺少必需的列（也可写作：$1）'],
  [/^the file is empty: expected a header and one row per project and period$/, '文件为空：需要表头，以及每个项目每个月一行'],
  [/^is ([\d,]+) characters long; at most ([\d,]+): shorten it$/, '长 $1 个字符，最多 $2 个：请缩短'],
  [/^unknown (axis|sector|status) '(.*)'; use one of (.*)$/s, '未知的取值“$2”；可用：$3'],
  [/^'(.*)' is not a known (axis|sector|status): kept as not disclosed \(未公开\)$/s, '“$1”不是已知的取值：保留该行，此项按未公开处理'],
  [/^a totals row \((.*)\), skipped: it is not a project$/s, '合计行（$1），已跳过：它不是项目'],
  [/^a section heading \((.*)\), skipped: it is not a project$/s, '分类标题行（$1），已跳过：它不是项目'],
  [/^longitude (\S+) and latitude (\S+) look swapped: read as longitude (\S+), latitude (\S+)$/, '经度 $1 与纬度 $2 似乎填反：已按经度 $3、纬度 $4 读取'],
  [/^'(.*)' is not a coordinate: write decimal degrees, or leave both longitude and latitude empty$/s, '“$1”不是坐标：请填写十进制度数，或经纬度都留空'],
  [/^\[(.*)\] is outside Zhengzhou \(lon (.*), lat (.*)\)$/, '[$1] 在郑州范围之外（经度 $2，纬度 $3）'],
  [/^\[(.*)\] looks like \[lat, lon\]: .*$/, '[$1] 似乎是 [纬度, 经度]：GeoJSON 要求 [经度, 纬度]'],
  [/^coordinates must be finite numbers, got \[(.*)\]$/, '坐标必须是有限的数，实际为 [$1]'],
  [/^duplicate id '(.*)' \(first on (line|row|feature) (\d+)\)$/s, '编号“$1”重复（首次出现在第 $3 行）'],
  [/^has (\d+) fields, the header has (\d+) \(an unquoted comma\?\)$/, '有 $1 个字段，表头只有 $2 个（是否有未加引号的逗号？）'],
  [/^no column holds the project name \(项目名称\): choose one$/, '没有找到项目名称列：请在下方指定'],
  [/^has a header but no rows$/, '只有表头，没有数据行'],
  [/^the file is empty(: .*)?$/, '文件为空'],
  [/^quoted field is never closed \(a missing " \?\)$/, '引号内的字段没有结束（缺少一个 " ？）'],
  [/^is not a text, CSV, GeoJSON or \.xlsx file \(binary content\)$/, '不是文本、CSV、GeoJSON 或 .xlsx 文件（二进制内容）'],
  [/^is not valid (\S+) text: choose another encoding \((.*)\)$/, '不是有效的 $1 文本：请换一种编码（$2）'],
  [/^is not a readable \.xlsx workbook \((.*)\)$/s, '不是可读取的 .xlsx 工作簿（$1）'],
  [/^old \.xls files are not read: save it as \.xlsx or CSV$/, '不支持旧的 .xls 文件：请另存为 .xlsx 或 CSV'],
  [/^no sheet '(.*)'; the sheets are (.*)$/s, '没有工作表“$1”；现有工作表：$2'],
  [/^sheet '(.*)' is empty$/s, '工作表“$1”为空'],
  [/^is not valid JSON \((.*)\); was the file cut short\?$/s, '不是有效的 JSON（$1）：文件是否不完整？'],
  [/^must be a GeoJSON FeatureCollection of features \(points, lines or areas\)$/, '应为由要素（点、线或面）组成的 GeoJSON FeatureCollection'],
  [/^must be a Point, got (.*)$/, '应为点（Point），实际为 $1'],
  [/^coordinates must be \[longitude, latitude\] as finite numbers$/, '坐标应为 [经度, 纬度] 两个有限的数'],
  [/^has (\d+) numbers; the altitude is ignored$/, '有 $1 个数：高程已忽略'],
  [/^has ([\d,]+) (columns|columns \(coordinates and property names\)); a ledger has at most (\d+): is this the right file \(or sheet\)\?$/, '有 $1 列，台账最多 $3 列：是否选错了文件（或工作表）？'],
  // A file of edits applied in 项目落图 (edit/ledger_files.ts)
  [/^kind must be site, fields, add or delete, with a project_id$/, '类型（kind）应为 site、fields、add 或 delete，并给出项目编号（project_id）'],
  [/^before and after must be JSON$/, 'before 与 after 两列应为 JSON'],
];

/** A core message in Chinese (as it is when no pattern knows it). */
function zhMessage(message: string): string {
  const pattern = ZH.find(([re]) => re.test(message));
  return pattern ? message.replace(pattern[0], pattern[1] as string) : message;
}

/** A core message (a site's geometry, a file of edits) in the user's language. */
export const messageText = (message: string, lang: Lang): string => (lang === 'zh' ? zhMessage(message) : message);

/** One import problem as the user reads it: `file:row: field: message`, in their language. */
export function issueText(issue: Issue, lang: Lang): string {
  if (lang === 'en') return formatIssue(issue);
  const message = zhMessage(issue.message);
  const where = issue.row !== undefined ? `第 ${issue.row} 行` : issue.feature !== undefined ? `第 ${issue.feature + 1} 个要素` : '';
  const level = issue.severity === 'warning' ? '提示：' : '';
  // A field named by its key (a column the file lacks) reads as its label; one named by the file's header stays.
  const field = issue.field && Object.hasOwn(LEDGER_COLUMNS, issue.field) ? LEDGER_COLUMNS[issue.field as LedgerColumn].label.zh : issue.field;
  return `${issue.file}${where ? ` ${where}` : ''}：${level}${field ? `${field}：` : ''}${message}`;
}

/** For the test of the table: is this message rendered in Chinese? */
export const hasChinese = (message: string): boolean => ZH.some(([re]) => re.test(message));
