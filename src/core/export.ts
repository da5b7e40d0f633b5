import { geoJSONToWkt } from 'betterknown';
import type { Feature, FeatureCollection } from 'geojson';
import type { SiteGeometry } from './site_geometry.ts';
import { csvCell } from './csv.ts';
import { SECTOR_LABELS, STATUS_LABELS, type AxisId, type Lang, type MappedProject, type Sector, type Status } from './model.ts';
import type { Placements } from './placement.ts';
import { LEDGER_COLUMNS, PROJECT_COLUMNS } from './project_schema.ts';

/**
 * Extra columns an export carries after the ledger's own: an import reads lon/lat and geometry_wkt back (a line's
 * or an area's WKT; lon/lat is then its pin), and ignores the rest.
 */
export const EXPORT_COLUMNS = ['axis_spatial', 'zone', 'lon', 'lat', 'accuracy_m', 'geometry_wkt'] as const;

/** White space and invisible characters a spreadsheet may skip before reading a formula. */
const LEADING_BLANKS = /^[\s\u00a0\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u2064\u3000\ufeff]*/;

/**
 * A cell a spreadsheet would run as a formula gets a leading apostrophe, so opening an export never executes
 * anything (OWASP "CSV injection"): one that starts with = + - @ once leading white space and invisible
 * characters (line feed, NBSP, zero-width space, BOM…) are skipped, or with a tab or CR.
 */
export function neutralise(text: string): string {
  return /^[\t\r]/.test(text) || /^[=+\-@＝＋－＠]/.test(text.replace(LEADING_BLANKS, '')) ? `'${text}` : text;
}

const cell = (v: string | number | null): string => (v === null ? '' : typeof v === 'number' ? String(v) : csvCell(neutralise(v)));

/**
 * Headers and values in a person's language: the column table's labels (amounts with their unit), statuses and
 * sectors in words, axes and zones by name. Every header is one the import reads back (tests/core/export.test.ts).
 */
export interface CsvWords {
  lang: Lang;
  axisNames: Record<AxisId, Record<Lang, string>>;
  zoneNames: Record<string, Record<Lang, string>>;
}

/** The map's own columns in words (none of them a header the import would take for a ledger column). */
const EXPORT_LABELS: Record<(typeof EXPORT_COLUMNS)[number], Record<Lang, string>> = {
  axis_spatial: { zh: '空间轴线（最近走廊）', en: 'Spatial axis (nearest corridor)' },
  zone: { zh: '空间片区', en: 'Spatial zone' },
  lon: { zh: '经度', en: 'Longitude' },
  lat: { zh: '纬度', en: 'Latitude' },
  accuracy_m: { zh: '位置精度（米）', en: 'Location accuracy (m)' },
  geometry_wkt: { zh: '空间范围（WKT）', en: 'Geometry (WKT)' },
};

function headerOf(column: string, words: CsvWords | undefined): string {
  if (!words) return column;
  if (Object.hasOwn(EXPORT_LABELS, column)) return EXPORT_LABELS[column as keyof typeof EXPORT_LABELS][words.lang];
  const spec = LEDGER_COLUMNS[column as keyof typeof LEDGER_COLUMNS];
  return spec.kind === 'amount' ? `${spec.label[words.lang]}${words.lang === 'zh' ? '（亿元）' : ' (亿元)'}` : spec.label[words.lang];
}

/** A ledger value in words: statuses, sectors and the declared axis by name (ids when no words are asked for). */
function valueOf(column: (typeof PROJECT_COLUMNS)[number], v: string | number | null, words: CsvWords | undefined): string | number | null {
  if (!words || v === null || typeof v === 'number') return v;
  switch (LEDGER_COLUMNS[column].kind) {
    case 'status':
      return STATUS_LABELS[v as Status][words.lang];
    case 'sector':
      return SECTOR_LABELS[v as Sector][words.lang];
    case 'axis':
      return words.axisNames[v]?.[words.lang] ?? v;
    default:
      return v;
  }
}

/** A table for people: a header row and rows of values (`null`: not disclosed). CSV and .xlsx are written from it. */
export interface Table {
  header: string[];
  rows: Array<Array<string | number | null>>;
}

/**
 * The given projects as a table: the ledger's columns then the map's. With `words`, headers and values are in that
 * language (for people; the import reads them back); without, keys and ids.
 */
export function projectsTable(
  projects: readonly MappedProject[],
  placements: Placements,
  corridorM: number,
  axisIds: readonly AxisId[],
  words?: CsvWords,
): Table {
  return {
    header: [...PROJECT_COLUMNS, ...EXPORT_COLUMNS].map((c) => headerOf(c, words)),
    rows: projects.map((p, i) => {
      const axis = placements.nearestCorridor(i, corridorM, axisIds);
      const zone = placements.zone(i);
      return [
        ...PROJECT_COLUMNS.map((c) => valueOf(c, p[c], words)),
        words && axis ? (words.axisNames[axis]?.[words.lang] ?? axis) : axis,
        words && zone ? (words.zoneNames[zone]?.[words.lang] ?? zone) : zone,
        p.site?.lon ?? null,
        p.site?.lat ?? null,
        p.site?.accuracy_m ?? null,
        p.site?.geometry ? geoJSONToWkt(p.site.geometry) : null,
      ];
    }),
  };
}

/** A table as CSV: UTF-8 with a BOM (Excel), CRLF; `null` is an empty cell; text a spreadsheet would run is neutralised. */
export function tableToCsv(table: Table): string {
  const rows = [table.header.map((h) => csvCell(h)).join(','), ...table.rows.map((r) => r.map(cell).join(','))];
  return '\uFEFF' + rows.join('\r\n') + '\r\n';
}

/** CSV of the given projects (projectsTable): what the import reads back. */
export function projectsToCsv(
  projects: readonly MappedProject[],
  placements: Placements,
  corridorM: number,
  axisIds: readonly AxisId[],
  words?: CsvWords,
): string {
  return tableToCsv(projectsTable(projects, placements, corridorM, axisIds, words));
}

/** GeoJSON of the given projects; one not mapped keeps its properties with a null geometry (RFC 7946 §3.2). */
export function projectsToGeoJson(
  projects: readonly MappedProject[],
  placements: Placements,
  corridorM: number,
  axisIds: readonly AxisId[],
): FeatureCollection<SiteGeometry | null> {
  return {
    type: 'FeatureCollection',
    features: projects.map((p, i): Feature<SiteGeometry | null> => {
      const { site, ...ledger } = p;
      return {
        type: 'Feature',
        id: p.id,
        properties: {
          ...ledger,
          axis_spatial: placements.nearestCorridor(i, corridorM, axisIds),
          zone: placements.zone(i),
          accuracy_m: site?.accuracy_m ?? null,
          location_evidence: site?.evidence ?? null,
        },
        geometry: site ? (site.geometry ?? { type: 'Point', coordinates: [site.lon, site.lat] }) : null,
      };
    }),
  };
}
