/**
 * The change log in IndexedDB (through idb): every edit is stored before it is shown, so a reload, a closed tab or a
 * crash loses nothing. Other tabs of the same page hear of each change (BroadcastChannel) and reload the log.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Change } from './changes.ts';

interface EditDb extends DBSchema {
  changes: { key: number; value: Change };
}

export interface Journal {
  /** The log, oldest first. */
  list(): Promise<Change[]>;
  /** Stores a change; resolves with it and its `seq` once it is on disk. */
  append(change: Change): Promise<Change>;
  remove(seq: number): Promise<void>;
  clear(): Promise<void>;
  /** Another tab changed the log. */
  onOtherTab(listener: () => void): void;
  close(): void;
}

/** Why editing cannot start: said to the user, and nothing is edited. */
export class JournalUnavailable extends Error {}

/**
 * Opens the log for this data (`name`: one log per published ledger). Refuses — rather than edit what could not be
 * kept — when IndexedDB is missing, blocked (some private modes) or full.
 */
export async function openJournal(name: string): Promise<Journal> {
  if (typeof indexedDB === 'undefined' || indexedDB === null) throw new JournalUnavailable('IndexedDB is not available in this browser');
  let db: IDBPDatabase<EditDb>;
  try {
    db = await openDB<EditDb>(`erqi-edits-${name}`, 1, {
      upgrade(d) {
        d.createObjectStore('changes', { keyPath: 'seq', autoIncrement: true });
      },
      blocked() {},
    });
    // A write that cannot be kept (quota, a read-only private mode) shows here, before any edit is made.
    const probe = db.transaction('changes', 'readwrite');
    await probe.done;
  } catch (e) {
    throw new JournalUnavailable((e as Error).message || String(e));
  }
  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(`erqi-edits-${name}`);
  const told = () => channel?.postMessage('changed');
  const listeners: Array<() => void> = [];
  if (channel) channel.onmessage = () => listeners.forEach((l) => l());
  return {
    list: () => db.getAll('changes'),
    async append(change) {
      const { seq: _none, ...body } = change;
      const seq = await db.add('changes', body as Change);
      told();
      return { ...change, seq };
    },
    async remove(seq) {
      await db.delete('changes', seq);
      told();
    },
    async clear() {
      await db.clear('changes');
      told();
    },
    onOtherTab: (l) => void listeners.push(l),
    close() {
      channel?.close();
      db.close();
    },
  };
}
