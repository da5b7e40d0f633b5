import type { AxisId } from '../core/model.ts';
import type { UrlState } from '../core/url_state.ts';
import type { ChartMetric } from '../ui/axis_chart.ts';
import type { TableSort } from '../ui/axis_table.ts';
import { renderAxisPanel } from '../ui/axis_panel.ts';
import { el } from '../ui/dom.ts';
import { mapNote, pendingNote } from '../ui/labels.ts';
import { replaceKeepingFocus, type Control, type ControlContext } from './control.ts';

export interface OverviewOptions {
  /** The axis the panel highlights. */
  highlight(s: UrlState): AxisId | null;
  /** Offer the chart's projects ↔ 亿元 switch. */
  chartSwitch: boolean;
  element?: HTMLElement;
}

/** Per axis and zone: reported against mapped figures, the chart, the ledger and the district's figures. */
export function axisOverview({ bundle, model, store, theme, selectAxis, selectProject }: ControlContext, options: OverviewOptions): Control {
  const box = options.element ?? el('div', {});
  let chartMetric: ChartMetric = 'projects';
  let tableSort: TableSort = null;
  /** The progress panel's code: loaded for a ledger with progress only (then drawn again). */
  let ui: typeof import('../ui/progress_panel.ts') | null = null;
  /** Progress at the period shown (a ledger with progress): per axis in its corridor, passing the filter. */
  const progress = (s: UrlState): HTMLElement | null => {
    const at = model.periodOf(s.period);
    if (!at) return null;
    if (!ui) {
      void import('../ui/progress_panel.ts').then((m) => {
        ui = m;
        draw(store.get());
      });
      return null;
    }
    const { indices } = model.derive(s.filter, s.corridor).filter;
    const projects = bundle.projects;
    return ui.renderProgress({
      ...at,
      index: model.progress!.index,
      periods: model.progress!.periods,
      onPeriod: (period) => store.set({ period: period === model.progress!.periods.at(-1) ? null : period }),
      axes: model.layout.axisIds.map((id, k) => ({
        id,
        name: model.axisNames[id]![s.lang],
        projects: [...indices].filter((i) => model.placements.distance(i, k) <= s.corridor).map((i) => projects[i]!),
      })),
      zones: model.layout.zoneIds.map((id) => ({
        id,
        name: model.zoneNames[id]![s.lang],
        projects: [...indices].filter((i) => model.placements.zone(i) === id).map((i) => projects[i]!),
      })),
      all: [...indices].map((i) => projects[i]!),
      reported: bundle.reported,
      lang: s.lang,
      theme,
    });
  };
  const draw = (s: UrlState): void => {
    // A ledger in pages holds the default view's figures only: others wait for the whole ledger (never zeros).
    if (!model.covers(s.filter, s.corridor)) return box.replaceChildren(pendingNote(s.lang));
    replaceKeepingFocus(
      box,
      ...[progress(s)].filter((x): x is HTMLElement => x !== null),
      renderAxisPanel({
        aggregates: model.derive(s.filter, s.corridor).aggregates,
        reported: bundle.reported,
        lang: s.lang,
        theme,
        selectedAxis: options.highlight(s),
        anyDeclared: model.anyDeclared,
        ledgerTotals: model.ledgerTotals,
        note: mapNote(bundle, s.lang),
        synthetic: s.data === 'sample' || model.synthetic,
        ...(options.chartSwitch
          ? {
              chartMetric,
              onChartMetric: (metric: ChartMetric) => {
                chartMetric = metric;
                draw(s);
              },
              table: {
                sort: tableSort,
                onSort: (sort: TableSort) => {
                  tableSort = sort;
                  draw(s);
                },
              },
            }
          : {}),
        onSelectAxis: selectAxis,
        onSelectProject: (id) => selectProject(id, true),
      }),
    );
  };
  return {
    element: box,
    update(s, changed) {
      if (changed('filter', 'corridor', 'lang', 'selection', 'period')) draw(s);
    },
    destroy() {},
  };
}
