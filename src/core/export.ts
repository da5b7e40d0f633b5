import { geoJSONToWkt } from 'betterknown';
import type { Feature, FeatureCollection } from 'geojson';
import type { SiteGeometry } from './site_geometry.ts';
import { csvCell } from './csv.ts';
import type { AxisId, MappedProject } from './model.ts';
import { nearestCorridor, type Placement } from './placement.ts';
import { PROJECT_COLUMNS } from './project_schema.ts';

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

/** CSV of the given projects: UTF-8 with a BOM (Excel), CRLF, the ledger's columns then the map's. */
export function projectsToCsv(projects: readonly MappedProject[], placements: readonly Placement[], corridorM: number, axisIds: readonly AxisId[]): string {
  const header = [...PROJECT_COLUMNS, ...EXPORT_COLUMNS].join(',');
  const rows = projects.map((p, i) => {
    const ledger = PROJECT_COLUMNS.map((c) => cell(p[c]));
    const spatial = [
      nearestCorridor(placements[i]!, corridorM, axisIds),
      placements[i]!.zone,
      p.site?.lon ?? null,
      p.site?.lat ?? null,
      p.site?.accuracy_m ?? null,
      p.site?.geometry ? geoJSONToWkt(p.site.geometry) : null,
    ].map(cell);
    return [...ledger, ...spatial].join(',');
  });
  return '\uFEFF' + [header, ...rows].join('\r\n') + '\r\n';
}

/** GeoJSON of the given projects; one not mapped keeps its properties with a null geometry (RFC 7946 §3.2). */
export function projectsToGeoJson(
  projects: readonly MappedProject[],
  placements: readonly Placement[],
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
          axis_spatial: nearestCorridor(placements[i]!, corridorM, axisIds),
          zone: placements[i]!.zone,
          accuracy_m: site?.accuracy_m ?? null,
          location_evidence: site?.evidence ?? null,
        },
        geometry: site ? (site.geometry ?? { type: 'Point', coordinates: [site.lon, site.lat] }) : null,
      };
    }),
  };
}
