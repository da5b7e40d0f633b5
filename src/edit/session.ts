/**
 * An editing session: the change log (journal.ts) replayed over the published data, undo and redo, and the files
 * written back. Loaded when a planner starts editing; the map's first download carries none of it.
 */
import type { DataBundle } from '../core/bundle.ts';
import type { MappedProject } from '../core/model.ts';
import { download } from '../app/download.ts';
import { replay, type Change } from './changes.ts';
import { openJournal, type Journal } from './journal.ts';
import { changesCsv, ledgerCsv, sitesGeoJson, sitesTouched } from './ledger_files.ts';

export { JournalUnavailable } from './journal.ts';

export interface EditSession {
  readonly changes: readonly Change[];
  /** Changes made over data that changed since (listed for the user to check). */
  readonly stale: readonly Change[];
  readonly canRedo: boolean;
  /** The published projects with every change applied. */
  readonly projects: MappedProject[];
  /** Stores the change, then shows it. Rejects (and shows nothing new) when it cannot be stored. */
  commit(change: Change): Promise<void>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  discard(seq: number): Promise<void>;
  discardAll(): Promise<void>;
  /** Applies changes read from an exported changes.csv, each stored as a new change. */
  applyAll(changes: readonly Change[]): Promise<void>;
  /** data/projects.csv, geo/sites.geojson and changes.csv in one .zip. */
  exportLedger(): Promise<void>;
  exportChanges(): void;
  stop(): void;
}

/**
 * Opens the log and replays it. `show` is called with the projects to draw after every change (here or in another
 * tab); `otherTab` when the change came from another tab.
 */
export async function startSession(published: DataBundle, show: (session: EditSession) => void, otherTab: () => void): Promise<EditSession> {
  const journal: Journal = await openJournal('ledger');
  let changes = await journal.list();
  let redoStack: Change[] = [];
  let replayed = replay(published.projects, changes);
  const refresh = () => {
    replayed = replay(published.projects, changes);
    show(session);
  };
  const stamp = () => new Date().toISOString().slice(0, 10);
  const session: EditSession = {
    get changes() {
      return changes;
    },
    get stale() {
      return replayed.stale;
    },
    get canRedo() {
      return redoStack.length > 0;
    },
    get projects() {
      return replayed.projects;
    },
    async commit(change) {
      const stored = await journal.append(change);
      changes = [...changes, stored];
      redoStack = [];
      refresh();
    },
    async undo() {
      const last = changes.at(-1);
      if (!last?.seq) return;
      await journal.remove(last.seq);
      changes = changes.slice(0, -1);
      redoStack.push(last);
      refresh();
    },
    async redo() {
      const next = redoStack.pop();
      if (!next) return;
      const stored = await journal.append(next);
      changes = [...changes, stored];
      refresh();
    },
    async discard(seq) {
      await journal.remove(seq);
      changes = changes.filter((c) => c.seq !== seq);
      redoStack = [];
      refresh();
    },
    async discardAll() {
      await journal.clear();
      changes = [];
      redoStack = [];
      refresh();
    },
    async applyAll(incoming) {
      for (const c of incoming) changes = [...changes, await journal.append({ ...c, seq: undefined } as Change)];
      redoStack = [];
      refresh();
    },
    async exportLedger() {
      const [{ zipSync, strToU8 }, published] = await Promise.all([import('fflate'), fetch('data/sites.geojson').then((r) => (r.ok ? r.text() : null), () => null)]);
      const projects = replayed.projects;
      const zip = zipSync({
        'data/projects.csv': strToU8(ledgerCsv(projects)),
        'geo/sites.geojson': strToU8(sitesGeoJson(projects, published, sitesTouched(changes), `editor ${stamp()}`)),
        'changes.csv': strToU8(changesCsv(changes)),
      });
      download(`二七项目台账-${stamp()}.zip`, new Blob([zip], { type: 'application/zip' }));
    },
    exportChanges() {
      download(`二七项目修改-${stamp()}.csv`, changesCsv(changes), 'text/csv');
    },
    stop: () => journal.close(),
  };
  journal.onOtherTab(async () => {
    changes = await journal.list();
    redoStack = [];
    refresh();
    otherTab();
  });
  return session;
}
