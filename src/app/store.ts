/** A tiny observable store: one state object, replaced (never mutated) on each change. */
export interface Store<S> {
  get(): S;
  /** Merges the patch; listeners hear of it only when a value really changed. */
  set(patch: Partial<S> | ((s: S) => Partial<S>), how?: ChangeKind): void;
  subscribe(listener: Listener<S>): () => void;
}

/** `changed`: the keys whose value differs from `previous` — a pan changes only `view`. */
export type Listener<S> = (state: S, previous: S, how: ChangeKind, changed: ReadonlySet<keyof S>) => void;

/**
 * What a change is, for the URL: `push` makes a history entry (filters, selection, settings),
 * `replace` does not (panning), `restore` comes from history itself and writes nothing.
 */
export type ChangeKind = 'push' | 'replace' | 'restore';

/** Values are plain data (numbers, strings, small objects): equal when they serialise alike. */
const same = (a: unknown, b: unknown): boolean => Object.is(a, b) || (typeof a === 'object' && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b));

export function createStore<S extends object>(initial: S): Store<S> {
  let state = initial;
  const listeners = new Set<Listener<S>>();
  return {
    get: () => state,
    set(patch, how = 'push') {
      const previous = state;
      const values = typeof patch === 'function' ? patch(state) : patch;
      const changed = new Set((Object.keys(values) as Array<keyof S>).filter((k) => !same(values[k], previous[k])));
      if (!changed.size) return;
      // Unchanged keys keep their previous object, so `s.filter !== prev.filter` means a real change.
      const next = { ...state };
      for (const k of changed) next[k] = values[k] as S[keyof S];
      state = next;
      for (const l of listeners) l(state, previous, how, changed);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
