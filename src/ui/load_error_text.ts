import type { Lang } from '../core/model.ts';

/**
 * Why a data file did not load (load_bundle.ts, app/ledger_pages.ts: "<file>: <why>", in English for the console and
 * the CLI), in the reader's language: the file named as it is, the reason in Chinese for the Chinese UI. The fields
 * at fault in a bundle of the wrong shape are named by their paths, as the checks wrote them, with what each should be.
 */

/** What a field should be (bundle_shape.ts), in Chinese; one not listed stays as written. */
const WHAT: Record<string, string> = {
  text: '文本',
  'a number': '数字',
  'an object': '对象',
  'an array': '数组',
  'a date': '日期',
  'an amount in 亿元': '以亿元计的金额',
  'a sector id': '行业编号',
  'a status id': '状态编号',
  'a non-negative number or null': '非负数或 null',
  'a month, YYYY-MM': '月份（YYYY-MM）',
  'text or null': '文本或 null',
};
/** What a field was (guards.ts kindOf). */
const KIND: Record<string, string> = { undefined: '缺失', null: 'null', string: '文本', number: '数字', boolean: '布尔值', array: '数组', object: '对象' };
const what = (w: string): string =>
  WHAT[w] ??
  w
    .replace(/^one of the bundle's axes \((.*)\)$/s, '数据包中的轴线之一（$1）')
    .replace(/^null or one of (.*)$/s, 'null 或以下之一：$1')
    .replace(/^an id such as (\w+) \(lower-case letters, digits, - or _\)$/, '编号，如 $1（小写字母、数字、- 或 _）')
    .replace(/^'(.*)'$/s, '“$1”');

/** One field's problem in a bundle (or pages, or a chunk) of the wrong shape ("projects.3.id: is required"), in Chinese. */
const FIELD_ZH: ReadonlyArray<[RegExp, (...groups: string[]) => string]> = [
  [/^(.+?): expected (.+), received (\w+)$/s, (path, w, k) => `${path}：应为${what(w!)}，实际为${KIND[k!] ?? k}`],
  [/^(.+?): is required$/s, (path) => `${path}：必填`],
  [/^(.+?): is not a project object$/s, (path) => `${path}：不是项目对象`],
  [/^(.+?): should be null or have numeric lon and lat$/s, (path) => `${path}：应为 null，或有数字的 lon 与 lat`],
  [/^(.+?): should be a (.+) with coordinates$/s, (path, types) => `${path}：应为带坐标的 ${types}`],
  [/^(.+?): should be (.+)$/s, (path, w) => `${path}：应为${what(w!)}`],
  [/^(.+?): '(.*)' is not one of the bundle's axes \((.*)\)$/s, (path, id, axes) => `${path}：“${id}”不是数据包中的轴线（${axes}）`],
];
const fieldZh = (problem: string): string => {
  const hit = FIELD_ZH.find(([re]) => re.test(problem));
  return hit ? problem.replace(hit[0], (_m, ...g: string[]) => hit[1](...g)) : problem;
};

/** A shape's fields at fault, each in Chinese: "as_of：应为文本，实际为缺失". */
const fields = (list: string): string => list.split('; ').map(fieldZh).join('；');

const ZH: ReadonlyArray<[RegExp, string | ((match: string, file: string, list: string) => string)]> = [
  [/^(.+?): HTTP 404$/s, '$1：文件不存在（HTTP 404）'],
  [/^(.+?): HTTP (\d+)$/s, '$1：服务器返回错误（HTTP $2）'],
  [/^(.+?): not valid JSON$/s, '$1：不是有效的 JSON（文件是否不完整？）'],
  [/^(.+?): no answer in (\d+) s$/s, '$1：$2 秒内没有响应'],
  [/^(.+?): Failed to fetch$/s, '$1：无法连接服务器'],
  [/^(.+?): not an erqi-axis-map data bundle \(run npm run data\)$/s, '$1：不是本地图的数据包（请运行 npm run data）'],
  [/^(.+?): not a valid data bundle \(run npm run data\): (.*)$/s, (_, file, list) => `${file}：数据包内容有误（请运行 npm run data）：${fields(list)}`],
  [/^(.+?): not ledger pages \(run npm run pages\)$/s, '$1：不是台账分页（请运行 npm run pages）'],
  [/^(.+?): not valid ledger pages \(run npm run pages\): (.*)$/s, (_, file, list) => `${file}：台账分页内容有误（请运行 npm run pages）：${fields(list)}`],
  [/^(.+?): not a chunk of this ledger: (.*)$/s, (_, file, list) => `${file}：不是本台账的分块：${fields(list)}`],
];

export function loadErrorText(message: string, lang: Lang): string {
  if (lang === 'en') return message;
  const hit = ZH.find(([re]) => re.test(message));
  if (!hit) return message;
  const [re, said] = hit;
  return typeof said === 'string' ? message.replace(re, said) : message.replace(re, said);
}

/** For the test of the table: does a pattern know this message? */
export const loadErrorKnown = (message: string): boolean => ZH.some(([re]) => re.test(message));
