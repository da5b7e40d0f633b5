import type { UrlState } from '../core/url_state.ts';
import { el } from '../ui/dom.ts';
import { renderProjectCard } from '../ui/project_card.ts';
import { renderHistory } from '../ui/progress_panel.ts';
import { replaceKeepingFocus, type Control, type ControlContext } from './control.ts';

export interface CardOptions {
  /** The link the card offers to share (the full app's address for this project). */
  link(s: UrlState): string;
  onClose(): void;
}

/** The selected project's card, over the map. */
export function projectCard({ bundle, model }: ControlContext, options: CardOptions): Control {
  const slot = el('div', { class: 'card-slot' });
  return {
    element: slot,
    update(s, changed) {
      if (!changed('selection', 'lang', 'corridor', 'period')) return;
      const selected = s.selection.kind === 'project' ? model.project(s.selection.id) : null;
      if (!selected) return slot.replaceChildren();
      replaceKeepingFocus(
        slot,
        renderProjectCard({
          project: selected.project,
          placement: selected.placement,
          shares: model.sharesAt(s.corridor)[selected.index] ?? null,
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
      const history = at ? renderHistory(model.progress!.index.get(selected.project.id), at.period, s.lang) : null;
      if (history) slot.querySelector('.project-card')?.append(history);
    },
    destroy() {},
  };
}
