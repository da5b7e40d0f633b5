/** The vocabulary of the ledger: statuses and sectors with their zh/en labels (axes and zones are data: layout.ts). */

/** An axis's id, as geo/axes.geojson gives it (the layout is data: see layout.ts). */
export type AxisId = string;

export const STATUSES = [
  'planned',
  'negotiating',
  'signed',
  'started',
  'under_construction',
  'completed',
  'operating',
] as const;
export type Status = (typeof STATUSES)[number];

export const SECTORS = [
  'industry',
  'sci_tech',
  'health',
  'commerce',
  'culture_tourism',
  'urban_renewal',
  'infrastructure',
] as const;
export type Sector = (typeof SECTORS)[number];

/** Statuses and sectors, and 'unknown' for a project that states none: the keys of every count by either. */
export const STATUS_KEYS = [...STATUSES, 'unknown'] as const;
export const SECTOR_KEYS = [...SECTORS, 'unknown'] as const;
const STATUS_INDEX = new Map<string, number>(STATUS_KEYS.map((k, i) => [k, i]));
const SECTOR_INDEX = new Map<string, number>(SECTOR_KEYS.map((k, i) => [k, i]));
/** A project's status as an index into STATUS_KEYS (for counting in typed arrays). */
export const statusIndex = (status: Status | null): number => STATUS_INDEX.get(status ?? 'unknown')!;
/** A project's sector as an index into SECTOR_KEYS. */
export const sectorIndex = (sector: Sector | null): number => SECTOR_INDEX.get(sector ?? 'unknown')!;

export type Lang = 'zh' | 'en';

export const STATUS_LABELS: Record<Status, Record<Lang, string>> = {
  planned: { zh: '谋划', en: 'planned' },
  negotiating: { zh: '洽谈', en: 'negotiating' },
  signed: { zh: '签约', en: 'signed' },
  started: { zh: '开工', en: 'started' },
  under_construction: { zh: '在建', en: 'under construction' },
  completed: { zh: '建成', en: 'completed' },
  operating: { zh: '运营', en: 'operating' },
};

export const SECTOR_LABELS: Record<Sector, Record<Lang, string>> = {
  industry: { zh: '产业园区', en: 'industry' },
  sci_tech: { zh: '科技创新', en: 'sci-tech' },
  health: { zh: '医药健康', en: 'health' },
  commerce: { zh: '商贸消费', en: 'commerce' },
  culture_tourism: { zh: '文商旅', en: 'culture & tourism' },
  urban_renewal: { zh: '城市更新', en: 'urban renewal' },
  infrastructure: { zh: '基础设施', en: 'infrastructure' },
};

/** A ledger row after validation, derived from the column table (project_schema.ts). */
export type { Project } from './project_schema.ts';
import type { Project } from './project_schema.ts';
import type { SiteGeometry } from './site_geometry.ts';

/** Where a project is, from geo/sites.geojson. */
export interface Site {
  /** A line, an area, or several points (site_geometry.ts); absent for a single point (then lon/lat is all). */
  geometry?: SiteGeometry;
  project_id: string;
  /** Index of the feature in its file, for messages. */
  feature: number;
  /** For a site read from a spreadsheet: its row (line) there, for messages instead of `feature`. */
  row?: number;
  /** The point itself, or where a line's or an area's pin goes (representativePoint). */
  lon: number;
  lat: number;
  accuracy_m: number | null;
  place: string | null;
  confidence: string | null;
  evidence: string | null;
  /** The same evidence in Chinese, for the Chinese interface, where the source gives it. */
  evidence_zh?: string;
}

/** A project joined with its site (or `null`: kept and listed as "not mapped"). */
export interface MappedProject extends Project {
  site: Site | null;
}
