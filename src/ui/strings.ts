import type { Lang } from '../core/model.ts';

/** Every user-facing string, in both languages. */
export const STRINGS = {
  title: { zh: '二七区“三区三轴”项目地图', en: 'Erqi District “three zones, three axes” project map' },
  asOf: { zh: '数据截至', en: 'Data as of' },
  axesHeading: { zh: '三轴：报告数与地图数', en: 'Three axes: reported vs on this map' },
  reported: { zh: '报告', en: 'Reported' },
  onMap: { zh: '地图', en: 'On this map' },
  projectsUnit: { zh: '项', en: 'projects' },
  mappedSummary: {
    zh: '走廊内已定位 {n} 项 · 披露投资 {disclosed} 项：{investment}',
    en: '{n} located in corridor · investment disclosed for {disclosed}: {investment}',
  },
  coverage: { zh: '项目覆盖率', en: 'Project coverage' },
  axisLength: { zh: '轴线长度（近似）', en: 'Axis length (approx.)' },
  corridor: { zh: '走廊半宽', en: 'Corridor half-width' },
  perKm: { zh: '每公里投资', en: 'Investment per km' },
  ledgerHeading: { zh: '项目台账', en: 'Project ledger' },
  ledgerSummary: { zh: '台账共 {all} 项：已定位 {mapped} 项，未定位 {unmapped} 项', en: '{all} projects in the ledger: {mapped} located, {unmapped} not mapped' },
  outsideCorridors: { zh: '已定位但不在任何走廊内：{n} 项', en: 'Located but outside every corridor: {n}' },
  districtHeading: { zh: '全区（报告）', en: 'District (reported)' },
  schematicNote: {
    zh: '三区范围为示意（按南三环、南四环纬度划分），非官方边界；轴线为近似位置（20–250 米）。',
    en: 'Zones are schematic (cut at the S. 3rd and 4th Ring Rd latitudes), not official; axis lines are approximate (20–250 m).',
  },
  schematicBadge: { zh: '示意 / schematic', en: 'schematic / 示意' },
  status: { zh: '状态', en: 'Status' },
  investment: { zh: '总投资', en: 'Total investment' },
  address: { zh: '地址', en: 'Address' },
  source: { zh: '来源', en: 'Source' },
  accuracy: { zh: '位置精度', en: 'Location accuracy' },
  loadError: { zh: '无法加载数据文件', en: 'Could not load the data file' },
  notMapped: { zh: '未定位', en: 'not mapped' },
} satisfies Record<string, Record<Lang, string>>;

export type StringKey = keyof typeof STRINGS;

/** A string in `lang`, with `{name}` placeholders filled in. */
export function t(key: StringKey, lang: Lang, vars: Record<string, string | number> = {}): string {
  return STRINGS[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}
