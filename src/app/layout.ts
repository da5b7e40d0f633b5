import { BASEMAPS, CORRIDOR_RANGE, type Basemap } from '../core/url_state.ts';
import type { Lang } from '../core/model.ts';
import { BASEMAP_TABLE } from '../map/basemaps.ts';
import { el } from '../ui/dom.ts';
import { t, type StringKey } from '../ui/strings.ts';

export const TABS = ['overview', 'filters', 'list'] as const;
export type Tab = (typeof TABS)[number];
const TAB_LABEL: Record<Tab, StringKey> = { overview: 'tabOverview', filters: 'tabFilters', list: 'tabList' };


/** The page's fixed skeleton. Its texts are set by `setTexts`; its panels are filled by the app. */
export function createLayout(root: HTMLElement) {
  const title = el('h1', {});
  const subtitle = el('span', { class: 'subtitle' });
  const langButton = el('button', { type: 'button', class: 'lang', 'data-key': 'lang' });
  const basemapLabelEl = el('label', { for: 'basemap-select', class: 'visually-hidden' });
  const basemapSelect = el('select', { id: 'basemap-select', 'data-key': 'basemap' });
  for (const b of BASEMAPS) basemapSelect.append(el('option', { value: b }));
  const customLabel = el('label', { for: 'custom-tiles', class: 'visually-hidden' });
  const customInput = el('input', { id: 'custom-tiles', type: 'url', class: 'custom-tiles', hidden: '', placeholder: 'https://…/{z}/{x}/{y}.png' });
  const exportSummary = el('summary', {});
  const exportCsv = el('button', { type: 'button', 'data-export': 'csv' });
  const exportGeoJson = el('button', { type: 'button', 'data-export': 'geojson' });
  const exportPng = el('button', { type: 'button', 'data-export': 'png' });
  const searchSlot = el('div', { class: 'search-slot' });
  const embedButton = el('button', { type: 'button', class: 'embed-button', 'data-key': 'embed' });
  const importButton = el('button', { type: 'button', class: 'import-button', 'data-key': 'import' });
  const banner = el('div', { class: 'banner', role: 'status', 'aria-live': 'polite' });
  const exportMenu = el('details', { class: 'export-menu' }, exportSummary, el('div', { class: 'export-items' }, exportCsv, exportGeoJson, exportPng));
  for (const b of [exportCsv, exportGeoJson, exportPng]) b.addEventListener('click', () => (exportMenu.open = false));
  // The menu hangs from the button's right edge (on phones, where the button starts a row, from its left edge);
  // where that would cut it at either edge of the screen, it hangs from the other edge instead.
  exportMenu.addEventListener('toggle', () => {
    const items = exportMenu.querySelector<HTMLElement>('.export-items')!;
    items.classList.remove('from-left', 'from-right');
    if (!exportMenu.open) return;
    const box = items.getBoundingClientRect();
    if (box.left < 0) items.classList.add('from-left');
    else if (box.right > document.documentElement.clientWidth) items.classList.add('from-right');
  });
  exportMenu.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && exportMenu.open) {
      e.stopPropagation();
      exportMenu.open = false;
      exportSummary.focus();
    }
  });

  const corridorLabel = el('label', { for: 'corridor-input' });
  const corridorInput = el('input', {
    id: 'corridor-input',
    type: 'range',
    min: String(CORRIDOR_RANGE.min),
    max: String(CORRIDOR_RANGE.max),
    step: '50',
    'data-key': 'corridor',
  });
  const corridorOutput = el('output', { for: 'corridor-input', class: 'corridor-value' });

  const tabList = el('div', { role: 'tablist', class: 'tabs' });
  const tabs = {} as Record<Tab, HTMLButtonElement>;
  const panels = {} as Record<Tab, HTMLElement>;
  for (const tab of TABS) {
    tabs[tab] = el('button', { type: 'button', role: 'tab', id: `tab-${tab}`, 'aria-controls': `panel-${tab}`, 'data-tab': tab });
    panels[tab] = el('div', { role: 'tabpanel', id: `panel-${tab}`, 'aria-labelledby': `tab-${tab}`, class: 'tabpanel', tabindex: '0' });
    tabList.append(tabs[tab]);
  }

  const mapEl = el('div', { id: 'map', class: 'map' });
  const notice = el('div', { class: 'notice', role: 'status', 'aria-live': 'polite' });
  const filterStatus = el('div', { class: 'filter-status', role: 'status', 'aria-live': 'polite', hidden: '' });
  const legendSlot = el('div', { class: 'legend-slot' });
  const cardSlot = el('div', { class: 'card-slot' });
  const sidebar = el(
    'aside',
    { class: 'sidebar', id: 'panel' },
    el('div', { class: 'corridor-control' }, corridorLabel, corridorInput, corridorOutput),
    tabList,
    ...TABS.map((tab) => panels[tab]),
  );

  root.replaceChildren(
    el(
      'header',
      { class: 'top' },
      el('div', { class: 'titles' }, title, subtitle),
      searchSlot,
      el(
        'div',
        { class: 'tools' },
        basemapLabelEl,
        basemapSelect,
        customLabel,
        customInput,
        langButton,
        importButton,
        embedButton,
        exportMenu,
      ),
    ),
    banner,
    el('main', { class: 'layout' }, sidebar, el('div', { class: 'map-wrap' }, mapEl, notice, filterStatus, legendSlot, cardSlot)),
  );

  const setTexts = (lang: Lang, basemapEnabled: (b: Basemap) => boolean) => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = `${t('title', lang)} · Erqi axis map`;
    title.textContent = t('title', lang);
    subtitle.textContent = t('subtitle', lang);
    langButton.textContent = lang === 'zh' ? 'English' : '中文';
    langButton.setAttribute('aria-label', `${t('language', lang)}: ${lang === 'zh' ? 'English' : '中文'}`);
    langButton.lang = lang === 'zh' ? 'en' : 'zh-CN';
    basemapLabelEl.textContent = t('basemap', lang);
    customLabel.textContent = t('customPrompt', lang);
    [...basemapSelect.options].forEach((o) => {
      const b = o.value as Basemap;
      const enabled = basemapEnabled(b) || b === 'custom';
      o.disabled = !enabled;
      o.textContent = BASEMAP_TABLE[b].label[lang] + (enabled ? '' : t('needsKey', lang));
    });
    exportSummary.textContent = t('export', lang);
    embedButton.textContent = t('embed', lang);
    importButton.textContent = t('import', lang);
    exportCsv.textContent = t('exportCsv', lang);
    exportGeoJson.textContent = t('exportGeoJson', lang);
    exportPng.textContent = t('exportPng', lang);
    corridorLabel.textContent = t('corridor', lang);
    for (const tab of TABS) tabs[tab].textContent = t(TAB_LABEL[tab], lang);
  };

  return {
    mapEl,
    notice,
    filterStatus,
    legendSlot,
    cardSlot,
    searchSlot,
    sidebar,
    langButton,
    embedButton,
    importButton,
    banner,
    basemapSelect,
    customInput,
    corridorInput,
    corridorOutput,
    exportCsv,
    exportGeoJson,
    exportPng,
    tabs,
    panels,
    setTexts,
  };
}

export type Layout = ReturnType<typeof createLayout>;

/** Tabs per the WAI-ARIA pattern: one selected, ←/→ move between them, the others' panels hidden. */
export function selectTab(layout: Layout, tab: Tab, focus = false): void {
  for (const k of TABS) {
    const selected = k === tab;
    layout.tabs[k].setAttribute('aria-selected', String(selected));
    layout.tabs[k].tabIndex = selected ? 0 : -1;
    layout.panels[k].hidden = !selected;
  }
  if (focus) layout.tabs[tab].focus();
}
