import type { Lang } from '../core/model.ts';
import { renderLegend } from '../ui/legend.ts';
import { el } from '../ui/dom.ts';
import type { Control, ControlContext } from './control.ts';

export interface LegendOptions {
  /** Open at first (after that it stays as the user left it). */
  open: boolean;
  /** The map data's attribution lines, in a "Sources" fold (the app; an embed's map credits them itself). */
  attribution?: readonly string[];
}

/** The legend over the map: corridors, pins by stage, lines and areas, data date. */
export function legend({ bundle, model, theme }: ControlContext, options: LegendOptions): Control {
  const slot = el('div', { class: 'legend-slot' });
  let open = options.open;
  const draw = (lang: Lang, corridorM: number) =>
    slot.replaceChildren(
      renderLegend({
        lang,
        theme,
        corridorM,
        asOf: bundle.as_of,
        axisNames: model.axisNames,
        ...(options.attribution ? { attribution: options.attribution } : {}),
        shapes: model.anyShapes,
        open,
        onToggle: (next) => (open = next),
      }),
    );
  return {
    element: slot,
    update(s, changed) {
      if (changed('lang', 'corridor')) draw(s.lang, s.corridor);
    },
    destroy() {},
  };
}
