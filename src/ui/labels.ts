import type { AxisAggregate } from '../core/aggregate.ts';
import { SECTOR_LABELS, STATUS_LABELS, type Lang, type Sector, type Status } from '../core/model.ts';
import { t } from './strings.ts';

export const statusLabel = (s: Status | 'unknown', lang: Lang): string => (s === 'unknown' ? t('unknown', lang) : STATUS_LABELS[s][lang]);
export const sectorLabel = (s: Sector | 'unknown', lang: Lang): string => (s === 'unknown' ? t('unknown', lang) : SECTOR_LABELS[s][lang]);

/** "运营 2 · 开工 1" from a count table, largest first. */
export function countsText<K extends string>(counts: Partial<Record<K, number>>, label: (k: K) => string): string {
  return (Object.entries(counts) as Array<[K, number]>)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${label(k)} ${n}`)
    .join(' · ');
}

export const axisName = (a: Pick<AxisAggregate, 'name_zh' | 'name_en'>, lang: Lang): string => (lang === 'zh' ? a.name_zh : a.name_en);
