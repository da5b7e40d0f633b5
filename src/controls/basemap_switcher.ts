import { isolated } from '../core/format.ts';
import { BASEMAPS, type Basemap, type UrlState } from '../core/url_state.ts';
import { BASEMAP_TABLE, basemapAvailable, customTilesAllowed, customTilesHost, type MapConfig } from '../map/basemaps.ts';
import { el } from '../ui/dom.ts';
import { t } from '../ui/strings.ts';
import type { Control, ControlContext } from './control.ts';
import type { Notice } from './notice.ts';

/** Custom tile hosts: those config.json lists, and those the user typed or confirmed in this page. */
export interface TileAccess {
  config(): MapConfig;
  allow(host: string): void;
}

export function tileAccess(config: MapConfig): TileAccess {
  const hosts = new Set(config.tileHosts ?? []);
  return { config: () => ({ ...config, tileHosts: [...hosts] }), allow: (host) => void hosts.add(host) };
}

/** The basemap menu, and the tile URL field shown for "custom". */
export function basemapSwitcher({ store }: ControlContext, tiles: TileAccess): Control {
  const label = el('label', { for: 'basemap-select', class: 'visually-hidden' });
  const select = el('select', { id: 'basemap-select', 'data-key': 'basemap' });
  for (const b of BASEMAPS) select.append(el('option', { value: b }));
  const customLabel = el('label', { for: 'custom-tiles', class: 'visually-hidden' });
  const custom = el('input', { id: 'custom-tiles', type: 'url', class: 'custom-tiles', hidden: '', placeholder: 'https://…/{z}/{x}/{y}.png' });
  select.addEventListener('change', () => {
    const basemap = select.value as Basemap;
    custom.hidden = basemap !== 'custom';
    if (basemap === 'custom' && !store.get().tiles) {
      custom.focus();
      return;
    }
    store.set({ basemap });
  });
  custom.addEventListener('change', () => {
    const url = custom.value.trim();
    const host = customTilesHost(url);
    // The user typed it here: its host is theirs to choose (a link's host needs confirming: askTileHost).
    if ('host' in host) {
      tiles.allow(host.host);
      store.set({ basemap: 'custom', tiles: url });
    }
  });
  return {
    element: el('span', { class: 'basemap-control' }, label, select, customLabel, custom),
    update(s, changed) {
      if (changed('lang', 'tiles')) {
        label.textContent = t('basemap', s.lang);
        customLabel.textContent = t('customPrompt', s.lang);
        for (const o of select.options) {
          const b = o.value as Basemap;
          const enabled = b === 'custom' || basemapAvailable(b, tiles.config(), s.tiles);
          o.disabled = !enabled;
          o.textContent = BASEMAP_TABLE[b].label[s.lang] + (enabled ? '' : t('needsKey', s.lang));
        }
      }
      if (changed('basemap', 'tiles')) {
        select.value = s.basemap;
        custom.hidden = s.basemap !== 'custom';
        if (s.tiles && custom.value !== s.tiles) custom.value = s.tiles;
      }
    },
    destroy() {},
  };
}

/** A link's custom tiles from a host nobody allowed: say so plainly, and load them only if the user says. */
export function askTileHost(s: UrlState, tiles: TileAccess, notice: Notice, onAllowed: () => void): void {
  if (s.basemap !== 'custom' || !s.tiles || customTilesAllowed(s.tiles, tiles.config())) return;
  const host = customTilesHost(s.tiles);
  if ('error' in host) {
    notice.notify(t('tilesUrlRefused', s.lang, { why: host.error }));
    return;
  }
  const load = el('button', { type: 'button', class: 'load-tiles' }, t('tilesHostLoad', s.lang));
  load.addEventListener('click', () => {
    tiles.allow(host.host);
    notice.clear();
    onAllowed();
  });
  notice.notify(t('tilesHostAsk', s.lang, { host: isolated(host.host) }), load);
}
