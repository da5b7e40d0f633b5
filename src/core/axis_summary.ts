import type { AxisAggregate } from './aggregate.ts';
import type { Table } from './export.ts';
import type { Lang } from './model.ts';

/** How a column's values read: a count, 亿元, km, 亿元 per km or a share (0–1). */
export type SummaryKind = 'text' | 'count' | 'yi' | 'km' | 'yiPerKm' | 'share';

export interface SummaryColumn {
  key: string;
  label: Record<Lang, string>;
  kind: SummaryKind;
  value: (a: AxisAggregate, lang: Lang) => string | number | null;
}

/**
 * The axis comparison, one row per axis: what the report says, what the map holds in the corridor (full and
 * apportioned), per km, and the shares of the district — every column labelled with its unit. The overview's
 * sortable table, the summary export and the printed page are this table.
 */
export const AXIS_SUMMARY_COLUMNS: readonly SummaryColumn[] = [
  { key: 'axis', label: { zh: '轴线', en: 'Axis' }, kind: 'text', value: (a, lang) => (lang === 'zh' ? a.name_zh : a.name_en) },
  { key: 'reported_projects', label: { zh: '报告项目数', en: 'Reported projects' }, kind: 'count', value: (a) => a.reported.projects },
  { key: 'reported_yi', label: { zh: '报告投资（亿元）', en: 'Reported investment (亿元)' }, kind: 'yi', value: (a) => a.reported.investment_yi },
  { key: 'mapped_projects', label: { zh: '走廊内项目数', en: 'Projects in corridor' }, kind: 'count', value: (a) => a.mapped.projects },
  { key: 'mapped_disclosed', label: { zh: '其中披露投资', en: 'Of which disclosed' }, kind: 'count', value: (a) => a.mapped.disclosed },
  { key: 'mapped_yi', label: { zh: '走廊内投资（亿元）', en: 'Investment in corridor (亿元)' }, kind: 'yi', value: (a) => a.mapped.investment_yi },
  { key: 'apportioned_yi', label: { zh: '按占比分摊（亿元）', en: 'Apportioned by share (亿元)' }, kind: 'yi', value: (a) => a.mapped.investment_apportioned_yi },
  { key: 'length_km', label: { zh: '轴线长度（公里，近似）', en: 'Axis length (km, approx.)' }, kind: 'km', value: (a) => a.length_km },
  { key: 'yi_per_km', label: { zh: '每公里投资（亿元/公里）', en: 'Investment per km (亿元/km)' }, kind: 'yiPerKm', value: (a) => a.mapped.investment_per_km },
  { key: 'share_projects', label: { zh: '占全区项目（报告）', en: 'Share of district projects (reported)' }, kind: 'share', value: (a) => a.share_of_district.projects },
  { key: 'share_yi', label: { zh: '占全区投资（报告）', en: 'Share of district investment (reported)' }, kind: 'share', value: (a) => a.share_of_district.investment },
  { key: 'coverage', label: { zh: '定位覆盖率（项目）', en: 'Located share of reported projects' }, kind: 'share', value: (a) => a.coverage.projects },
];

/** A number as a table cell holds it: amounts to 4 decimals, km to 2, shares to 0.1 % (as a ratio). */
const rounded = (kind: SummaryKind, v: number): number => {
  const digits = kind === 'share' ? 3 : kind === 'km' ? 2 : kind === 'count' ? 0 : 4;
  return Math.round(v * 10 ** digits) / 10 ** digits;
};

/**
 * The summary as a table for a file: shares as percentages (header says %), and "未公开 / not disclosed" written out
 * where a figure is unknown — a person reads this file, and an empty cell could be taken for 0.
 */
export function axisSummaryTable(axes: readonly AxisAggregate[], lang: Lang): Table {
  const undisclosed = lang === 'zh' ? '未公开' : 'not disclosed';
  return {
    header: AXIS_SUMMARY_COLUMNS.map((c) => (c.kind === 'share' ? `${c.label[lang]}${lang === 'zh' ? '（%）' : ' (%)'}` : c.label[lang])),
    rows: axes.map((a) =>
      AXIS_SUMMARY_COLUMNS.map((c) => {
        const v = c.value(a, lang);
        if (v === null) return undisclosed;
        if (typeof v === 'string') return v;
        return c.kind === 'share' ? Math.round(v * 1000) / 10 : rounded(c.kind, v);
      }),
    ),
  };
}
