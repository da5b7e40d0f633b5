/** A tiny observable store: one state object, replaced (never mutated) on each change. */
export interface Store<S> {
  get(): S;
  set(patch: Partial<S> | ((s: S) => Partial<S>), how?: ChangeKind): void;
  subscribe(listener: (state: S, previous: S, how: ChangeKind) => void): () => void;
}

/**
 * What a change is, for the URL: `push` makes a history entry (filters, selection, settings),
 * `replace` does not (panning), `restore` comes from history itself and writes nothing.
 */
export type ChangeKind = 'push' | 'replace' | 'restore';

export function createStore<S extends object>(initial: S): Store<S> {
  let state = initial;
  const listeners = new Set<(state: S, previous: S, how: ChangeKind) => void>();
  return {
    get: () => state,
    set(patch, how = 'push') {
      const previous = state;
      state = { ...state, ...(typeof patch === 'function' ? patch(state) : patch) };
      for (const l of listeners) l(state, previous, how);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
