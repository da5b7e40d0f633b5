import type { AxisAggregate } from '../core/aggregate.ts';
import type { DataBundle } from '../core/bundle.ts';
import { SECTOR_LABELS, STATUS_LABELS, type Lang, type Sector, type Status } from '../core/model.ts';
import { el } from './dom.ts';
import { t } from './strings.ts';

/** What a panel shows while its figures wait for the whole ledger (a ledger in pages): never zeros. */
export const pendingNote = (lang: Lang): HTMLElement => el('p', { class: 'muted', role: 'status' }, t('pageLoading', lang));

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

/**
 * The map's note on what its geometry is: schematic zones (and the rule they were drawn by), approximate axes
 * (and their error range) — read from the data, so another layout says its own.
 */
export function mapNote({ zones, axes }: Pick<DataBundle, 'zones' | 'axes'>, lang: Lang): string {
  const schematic = zones.features.find((z) => z.properties.schematic);
  const rule = schematic ? (lang === 'zh' ? schematic.properties.rule_zh : schematic.properties.rule_en) : null;
  const zonePart = !schematic ? '' : rule ? t('zonesSchematic', lang, { rule }) : t('zonesSchematicNoRule', lang);
  const mins = axes.features.map((a) => a.properties.accuracy_m_min);
  const maxes = axes.features.map((a) => a.properties.accuracy_m_max);
  const known = mins.every((m) => m != null) && maxes.every((m) => m != null);
  const axisPart = known
    ? t('axesApproximate', lang, { min: Math.min(...(mins as number[])), max: Math.max(...(maxes as number[])) })
    : t('axesApproximateNoRange', lang);
  // Without a schematic zone the sentence starts at the axes.
  return zonePart ? zonePart + axisPart : axisPart.charAt(0).toUpperCase() + axisPart.slice(1);
}
