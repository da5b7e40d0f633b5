/**
 * Parses an imported ledger off the main thread, so a 50 MB file never freezes the page; cancelling is
 * `worker.terminate()`. Same code as the CLI (import_ledger.ts).
 */
import type { ColumnMapping } from '../core/import/columns.ts';
import type { Anchor, Crs } from '../core/import/crs_check.ts';
import type { AxisFeature } from '../core/load_geo.ts';
import { prepareAxes } from '../core/placement.ts';
import { importLedger, type LedgerImport } from './import_ledger.ts';
import type { Encoding } from './read_source.ts';

export interface ImportRequest {
  name: string;
  bytes: Uint8Array;
  encoding: Encoding;
  sheet: string | null;
  crs: Crs;
  mapping: ColumnMapping | null;
  axes: AxisFeature[];
  anchors: Anchor[];
}

export type ImportReply =
  | { type: 'progress'; phase: 'reading' | 'rows'; done: number; total: number }
  | { type: 'done'; import: LedgerImport; header: string[] }
  | { type: 'failed'; message: string };

self.onmessage = async (e: MessageEvent<ImportRequest>) => {
  const r = e.data;
  const post = (m: ImportReply) => (self as unknown as Worker).postMessage(m);
  try {
    post({ type: 'progress', phase: 'reading', done: 0, total: r.bytes.length });
    const result = await importLedger(r.name, r.bytes, {
      encoding: r.encoding,
      ...(r.sheet ? { sheet: r.sheet } : {}),
      crs: r.crs,
      ...(r.mapping ? { mapping: r.mapping } : {}),
      axes: prepareAxes(r.axes),
      anchors: r.anchors,
      onProgress: (done, total) => post({ type: 'progress', phase: 'rows', done, total }),
    });
    // The rows stay here: only the projects and the issues cross back (a 50 MB table would be copied whole).
    post({ type: 'done', import: { ...result, read: { ...result.read, table: null } }, header: result.read.table?.header ?? [] });
  } catch (err) {
    post({ type: 'failed', message: (err as Error).message });
  }
};
