import { aggregate } from './core/aggregate.ts';
import type { ZoneFeature } from './core/load_geo.ts';
import type { AxisFeature } from './core/load_geo.ts';
import { placeProjects, prepareAxes } from './core/placement.ts';
import { loadBundle } from './load_bundle.ts';
import { createMapView } from './map/map_view.ts';
import { projectPins } from './map/project_features.ts';
import { LIGHT } from './map/theme.ts';
import { renderAxisPanel } from './ui/axis_panel.ts';
import { el } from './ui/dom.ts';
import { renderProjectPopup } from './ui/project_popup.ts';
import { t } from './ui/strings.ts';
import './style.css';

/** What the browser tests read: set once the map is drawn. */
declare global {
  interface Window {
    __erqi?: { ready: boolean; error?: string; map?: import('maplibre-gl').Map; aggregates?: unknown };
  }
}

const DATA_URL = 'data/bundle.json';

async function main(): Promise<void> {
  const lang = 'zh';
  const panel = document.getElementById('panel')!;
  const mapContainer = document.getElementById('map')!;
  window.__erqi = { ready: false };

  let bundle;
  try {
    bundle = await loadBundle(DATA_URL);
  } catch (e) {
    const message = (e as Error).message;
    window.__erqi.error = message;
    panel.replaceChildren(el('div', { class: 'error', role: 'alert' }, `${t('loadError', lang)}: ${message}`));
    return;
  }

  const axes = prepareAxes(bundle.axes.features as AxisFeature[]);
  const zones = bundle.zones.features as ZoneFeature[];
  const placements = placeProjects(bundle.projects, axes, zones);
  const aggregates = aggregate(bundle.projects, placements, axes, zones, bundle.reported, bundle.corridor_m);
  panel.replaceChildren(renderAxisPanel(aggregates, bundle.reported, lang, LIGHT));

  const view = createMapView({
    container: mapContainer,
    data: {
      context: bundle.context,
      district: bundle.district,
      zones: bundle.zones,
      corridors: bundle.corridors,
      axes: bundle.axes,
      landmarks: bundle.landmarks,
      projects: projectPins(bundle.projects, placements, bundle.corridor_m),
    },
    theme: LIGHT,
    lang,
    note: { badge: t('schematicBadge', lang), text: `${t('schematicNote', lang)} ${t('asOf', lang)} ${bundle.as_of}` },
    onProjectClick(id, lngLat) {
      const project = bundle.projects.find((p) => p.id === id);
      if (project) view.showPopup(lngLat, renderProjectPopup(project, bundle.reported.sources, lang));
    },
  });
  window.__erqi.map = view.map;
  window.__erqi.aggregates = aggregates;
  await view.idle;
  window.__erqi.ready = true;
}

void main();
