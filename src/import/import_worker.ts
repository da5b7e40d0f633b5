/**
 * Parses an imported ledger — or a progress file (调度表) — off the main thread, so a 50 MB file never freezes the
 * page; cancelling is `worker.terminate()`. Same code as the CLI (import_ledger.ts, progress_source.ts).
 */
import type { ColumnMapping } from '../core/import/columns.ts';
import type { Anchor, Crs } from '../core/import/crs_check.ts';
import type { ValueChoices } from '../core/import/import_table.ts';
import { aggregate } from '../core/aggregate.ts';
import type { AxisFeature, ZoneFeature } from '../core/load_geo.ts';
import type { Reported } from '../core/load_reported.ts';
import { corridorShares, placeProjects, prepareAxes } from '../core/placement.ts';
import { shipPlacements } from '../core/shipped_placements.ts';
import { importLedger, type LedgerImport } from './import_ledger.ts';
import { readProgressFile } from './progress_source.ts';
import type { Encoding } from './read_source.ts';

/** The mini-map draws at most this many points (evenly taken from the located rows). */
const MINI_MAP_POINTS = 5000;

export interface ImportRequest {
  name: string;
  bytes: Uint8Array;
  encoding: Encoding;
  sheet: string | null;
  crs: Crs;
  mapping: ColumnMapping | null;
  axes: AxisFeature[];
  zones: ZoneFeature[];
  reported: Reported;
  corridorM: number;
  anchors: Anchor[];
  values?: ValueChoices;
}

/** A progress file to read against the ledger's projects (the Import dialog's 进度表 section). */
export interface ProgressRequest {
  kind: 'progress';
  name: string;
  bytes: Uint8Array;
  projects: Array<{ id: string; name_zh: string; other_names: string | null }>;
}

/** The progress file read: its rows, problems and notes (progress_source.ts readProgressFile). */
export type ProgressReply = { type: 'progress-done'; read: Awaited<ReturnType<typeof readProgressFile>> } | { type: 'failed'; message: string };

/** What the preview shows per axis, computed here so the page does not place 100,000 projects itself. */
export interface AxisPreview {
  id: string;
  name_zh: string;
  name_en: string;
  projects: number;
  investment_yi: number | null;
  disclosed: number;
}

export type ImportReply =
  | { type: 'progress'; phase: 'reading' | 'rows'; done: number; total: number }
  | {
      type: 'done';
      /** The import without its projects, which come as UTF-8 JSON in a transferred buffer: it crosses threads
       * without a copy, where 100,000 objects (or one 50-million-character string) would block the page while
       * they are copied. The page decodes it only on Apply. */
      import: LedgerImport;
      projectsJson: Uint8Array;
      /** Their placements and shares at the import's width (shipped_placements.ts), the same way: the page does not place them again. */
      placementsJson: Uint8Array;
      header: string[];
      axes: AxisPreview[];
      /** Where the located projects are, [lon, lat] pairs (up to MINI_MAP_POINTS of them), for the preview's mini-map. */
      points: Float64Array;
    }
  | { type: 'failed'; message: string };

self.onmessage = async (e: MessageEvent<ImportRequest | ProgressRequest>) => {
  if ('kind' in e.data) return void readProgress(e.data);
  const r = e.data;
  const post = (m: ImportReply, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(m, transfer);
  try {
    post({ type: 'progress', phase: 'reading', done: 0, total: r.bytes.length });
    const axes = prepareAxes(r.axes);
    const result = await importLedger(r.name, r.bytes, {
      encoding: r.encoding,
      ...(r.sheet ? { sheet: r.sheet } : {}),
      crs: r.crs,
      ...(r.mapping ? { mapping: r.mapping } : {}),
      axes,
      anchors: r.anchors,
      ...(r.values ? { values: r.values } : {}),
      onProgress: (done, total) => post({ type: 'progress', phase: 'rows', done, total }),
    });
    const projects = result.result.projects;
    const placements = placeProjects(projects, axes, r.zones);
    const shares = corridorShares(projects, placements, axes, r.corridorM);
    const figures = aggregate(projects, placements, axes, r.zones, r.reported, r.corridorM, { shares });
    // The rows stay here (a 50 MB table would be copied whole); the projects travel as bytes, moved not copied.
    const projectsJson = new TextEncoder().encode(JSON.stringify(projects));
    const layout = { axisIds: axes.map((a) => a.id), zoneIds: r.zones.map((z) => z.properties.id) };
    const placementsJson = new TextEncoder().encode(JSON.stringify(shipPlacements(placements, layout, { corridorM: r.corridorM, value: shares }, projects.map((p) => p.site))));
    const located = projects.filter((p) => p.site);
    const step = Math.max(1, Math.ceil(located.length / MINI_MAP_POINTS));
    const points = new Float64Array(Math.ceil(located.length / step) * 2);
    for (let i = 0, k = 0; i < located.length; i += step, k += 2) ((points[k] = located[i]!.site!.lon), (points[k + 1] = located[i]!.site!.lat));
    post({
      type: 'done',
      import: { ...result, read: { ...result.read, table: null }, result: { ...result.result, projects: [] } },
      projectsJson,
      placementsJson,
      header: result.read.table?.header ?? [],
      axes: figures.axes.map((a) => ({ id: a.id, name_zh: a.name_zh, name_en: a.name_en, projects: a.mapped.projects, investment_yi: a.mapped.investment_yi, disclosed: a.mapped.disclosed })),
      points,
    }, [projectsJson.buffer, placementsJson.buffer, points.buffer]);
  } catch (err) {
    post({ type: 'failed', message: (err as Error).message });
  }
};

async function readProgress(r: ProgressRequest): Promise<void> {
  const post = (m: ProgressReply) => (self as unknown as Worker).postMessage(m);
  try {
    post({ type: 'progress-done', read: await readProgressFile(r.name, r.bytes, r.projects) });
  } catch (err) {
    post({ type: 'failed', message: (err as Error).message });
  }
}
