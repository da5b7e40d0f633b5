import type { UrlState } from '../core/url_state.ts';
import { el } from '../ui/dom.ts';
import { renderProjectCard } from '../ui/project_card.ts';
import { loadFailureSaid } from '../ui/load_error.ts';
import { replaceKeepingFocus, type Control, type ControlContext } from './control.ts';

export interface CardOptions {
  /** The link the card offers to share (the full app's address for this project). */
  link(s: UrlState): string;
  onClose(): void;
}

/** The selected project's card, over the map. */
export function projectCard({ bundle, model, store }: ControlContext, options: CardOptions): Control {
  const slot = el('div', { class: 'card-slot' });
  let history: typeof import('../ui/progress_panel.ts').renderHistory | null = null;
  const control: Control = {
    element: slot,
    update(s, changed) {
      if (!changed('selection', 'lang', 'corridor', 'period')) return;
      const selected = s.selection.kind === 'project' ? model.project(s.selection.id) : null;
      if (!selected && s.selection.kind === 'project' && model.pages) {
        // A ledger in pages: the project's chunk is fetched, then the card drawn (if it is still the one selected).
        const asked = s.selection;
        void model.pages.project(asked.id).then(
          (found) => found && store.get().selection === asked && control.update(store.get(), () => true),
          (e: Error) => void loadFailureSaid(e, s.lang).then((said) => slot.replaceChildren(el('div', { class: 'project-card', role: 'alert' }, said))),
        );
      }
      if (!selected) return slot.replaceChildren();
      replaceKeepingFocus(
        slot,
        renderProjectCard({
          project: selected.project,
          placement: selected.placement,
          shares: model.shareOf(selected.index, s.corridor),
          corridorM: s.corridor,
          lang: s.lang,
          sources: bundle.reported.sources,
          axisNames: model.axisNames,
          zoneNames: model.zoneNames,
          link: options.link(s),
          onClose: options.onClose,
        }),
      );
      // A ledger with progress: the project's periods, the one shown marked (or said to be missing).
      const at = model.periodOf(s.period);
      if (!at) return;
      // Its code is loaded for a ledger with progress only (then the card is drawn again).
      if (!history) return void import('../ui/progress_panel.ts').then((m) => {
        history = m.renderHistory;
        control.update(store.get(), () => true);
      });
      const rows = history(model.progress!.index.get(selected.project.id), at.period, s.lang);
      if (rows) slot.querySelector('.project-card')?.append(rows);
    },
    destroy() {},
  };
  return control;
}
