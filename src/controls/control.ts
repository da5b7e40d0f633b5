import type { DataModel } from '../app/derive.ts';
import type { Store } from '../app/store.ts';
import type { DataBundle } from '../core/bundle.ts';
import type { AxisId } from '../core/model.ts';
import type { UrlState } from '../core/url_state.ts';
import type { Theme } from '../map/theme.ts';

/** Did any of these state keys change since the control last drew (on its first draw: all did)? */
export type Changed = (...keys: Array<keyof UrlState>) => boolean;

/**
 * One control of the app or an embed (the corridor slider, the legend, a project's card…). It owns its DOM and
 * its listeners; the page that composes it places `element` and calls `update` with each new state. Every
 * control of the app and of the embeds has this one contract (see CONTRIBUTING.md, "A new control").
 */
export interface Control {
  readonly element: HTMLElement;
  /** Redraws what depends on the keys that changed; does nothing for the others. */
  update(state: UrlState, changed: Changed): void;
  /** Removes its listeners, those on document included. */
  destroy(): void;
}

/** What controls read and the actions they may take: the same shape in the full app and in the embeds. */
export interface ControlContext {
  bundle: DataBundle;
  model: DataModel;
  store: Store<UrlState>;
  theme: Theme;
  /** Opens a project's card; `fly` moves the map to it. */
  selectProject(id: string, fly: boolean): void;
  /** An axis chosen in a panel (the app filters to it, an embed focuses it; again clears). */
  selectAxis(id: AxisId): void;
  /** A ledger served in pages (model.pages): loads it whole, for what the pages do not hold. */
  loadWhole?: () => void;
}

/** The first draw: everything changed. */
export const EVERYTHING: Changed = () => true;

/** `Changed` for a set of keys. */
export const changedIn =
  (keys: ReadonlySet<keyof UrlState>): Changed =>
  (...ks) =>
    ks.some((k) => keys.has(k));

/**
 * Draws the controls once, then on every change of the store, each with the keys that changed, in the order given.
 * `drawn`: controls the caller has drawn in the store's current state already, which are not drawn again. Returns the
 * function that unsubscribes and destroys them all.
 */
export function runControls(store: Store<UrlState>, controls: readonly Control[], drawn: readonly Control[] = []): () => void {
  for (const c of controls) if (!drawn.includes(c)) c.update(store.get(), EVERYTHING);
  const unsubscribe = store.subscribe((s, _prev, _how, changed) => {
    const has = changedIn(changed);
    for (const c of controls) c.update(s, has);
  });
  return () => {
    unsubscribe();
    for (const c of controls) c.destroy();
  };
}

/**
 * A control whose code loads when it first draws (a part only some pages need, in a tab not yet opened): its element
 * is a placeholder until then, and the last state it was given is drawn once it has loaded.
 */
export function lazyControl(load: () => Promise<Control>): Control {
  const box = document.createElement('div');
  let real: Control | null = null;
  let last: [UrlState, Changed] | null = null;
  let gone = false;
  let loading = false;
  const start = () =>
    load().then(
      (c) => {
        if (gone) return c.destroy();
        real = c;
        box.replaceWith(c.element);
        if (last) c.update(last[0], EVERYTHING);
      },
      // Its script did not load (offline, a new deployment): said where the control would be.
      (e: Error) => (box.textContent = e.message),
    );
  return {
    get element() {
      return real?.element ?? box;
    },
    update(s, changed) {
      if (real) return real.update(s, changed);
      last = [s, changed];
      if (!loading) void start();
      loading = true;
    },
    destroy() {
      gone = true;
      real?.destroy();
    },
  };
}

/** Re-renders a container, keeping keyboard focus on the element with the same `data-key`. */
export function replaceKeepingFocus(container: HTMLElement, ...nodes: Node[]): void {
  const active = document.activeElement as HTMLElement | null;
  const key = active && container.contains(active) ? active.dataset['key'] : undefined;
  container.replaceChildren(...nodes);
  if (key) (container.querySelector(`[data-key="${CSS.escape(key)}"]`) as HTMLElement | null)?.focus();
}
