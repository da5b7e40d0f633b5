import type { Lang } from '../core/model.ts';

/**
 * Why a data file did not load (load_bundle.ts, app/ledger_pages.ts: "<file>: <why>", in English for the console and
 * the CLI), in the reader's language: the file named as it is, the reason in Chinese for the Chinese UI. A field
 * list after a reason (a bundle of the wrong shape) stays as the checks wrote it: field paths for whoever fixes it.
 */
const ZH: ReadonlyArray<[RegExp, string]> = [
  [/^(.+?): HTTP 404$/s, '$1：文件不存在（HTTP 404）'],
  [/^(.+?): HTTP (\d+)$/s, '$1：服务器返回错误（HTTP $2）'],
  [/^(.+?): not valid JSON$/s, '$1：不是有效的 JSON（文件是否不完整？）'],
  [/^(.+?): no answer in (\d+) s$/s, '$1：$2 秒内没有响应'],
  [/^(.+?): Failed to fetch$/s, '$1：无法连接服务器'],
  [/^(.+?): not an erqi-axis-map data bundle \(run npm run data\)$/s, '$1：不是本地图的数据包（请运行 npm run data）'],
  [/^(.+?): not a valid data bundle \(run npm run data\): (.*)$/s, '$1：数据包内容有误（请运行 npm run data）：$2'],
  [/^(.+?): not ledger pages \(run npm run pages\)$/s, '$1：不是台账分页（请运行 npm run pages）'],
  [/^(.+?): not valid ledger pages \(run npm run pages\): (.*)$/s, '$1：台账分页内容有误（请运行 npm run pages）：$2'],
  [/^(.+?): not a chunk of this ledger: (.*)$/s, '$1：不是本台账的分块：$2'],
];

export function loadErrorText(message: string, lang: Lang): string {
  if (lang === 'en') return message;
  const hit = ZH.find(([re]) => re.test(message));
  return hit ? message.replace(hit[0], hit[1]) : message;
}

/** For the test of the table: does a pattern know this message? */
export const loadErrorKnown = (message: string): boolean => ZH.some(([re]) => re.test(message));
