import { embedUrl, elementSnippet, iframeSnippet, type EmbedChoice } from '../core/embed_snippets.ts';
import { DEFAULT_EMBED, PANELS, THEMES, type Panel, type ThemeName } from '../core/embed_options.ts';
import { EMPTY_FILTER } from '../core/facets.ts';
import type { AxisId, Lang } from '../core/model.ts';
import { DEFAULT_STATE, type UrlState } from '../core/url_state.ts';
import { copyOnClick } from './copy_field.ts';
import { el } from './dom.ts';
import { t } from './strings.ts';
import { lt, type LazyKey } from './lazy_strings.ts';

const PANEL_LABEL: Record<Panel, LazyKey> = { none: 'embedPanelNone', compact: 'embedPanelCompact', full: 'embedPanelFull' };
const THEME_LABEL: Record<ThemeName, LazyKey> = { light: 'embedThemeLight', dark: 'embedThemeDark' };

/**
 * The embed configurator: language, what shows below the map, an axis in focus, theme, height, interactive or a
 * picture, the current view or the whole district — with a live preview of the embed and both snippets (iframe,
 * custom element) ready to copy.
 */
export function openEmbedDialog(base: string, state: UrlState, lang: Lang, axes: ReadonlyArray<{ id: AxisId; name: string }>): HTMLDialogElement {
  const field = (id: string, label: string, control: HTMLElement) => el('div', { class: 'embed-field' }, el('label', { for: id }, label), control);
  const select = <T extends string>(id: string, options: ReadonlyArray<[T, string]>, value: T) => {
    const s = el('select', { id }, ...options.map(([v, label]) => el('option', { value: v, ...(v === value ? { selected: '' } : {}) }, label)));
    s.value = value;
    return s;
  };
  const langSelect = select<Lang>('embed-lang', [['zh', '中文'], ['en', 'English']], state.lang);
  const panelSelect = select<Panel>('embed-panel', PANELS.map((p) => [p, lt(PANEL_LABEL[p], lang)]), DEFAULT_EMBED.panel);
  const focused = state.selection.kind === 'axis' ? state.selection.id : '';
  const axisSelect = select<string>('embed-axis', [['', lt('embedAxisAll', lang)], ...axes.map((a): [string, string] => [a.id, a.name])], focused);
  const themeSelect = select<ThemeName>('embed-theme', THEMES.map((v) => [v, lt(THEME_LABEL[v], lang)]), DEFAULT_EMBED.theme);
  const height = el('input', { id: 'embed-height', type: 'number', min: '200', max: '2000', step: '10', value: String(DEFAULT_EMBED.height) });
  height.value = String(DEFAULT_EMBED.height);
  const check = (id: string, label: string, on: boolean) => {
    const box = el('input', { id, type: 'checkbox', ...(on ? { checked: '' } : {}) });
    box.checked = on;
    return { box, row: el('div', { class: 'embed-field embed-check' }, box, el('label', { for: id }, label)) };
  };
  const interactive = check('embed-interactive', lt('embedInteractive', lang), DEFAULT_EMBED.interactive);
  const keepView = check('embed-keep-view', lt('embedKeepView', lang), true);

  /** The state and embed options the form describes. */
  const chosen = (): { state: UrlState; choice: EmbedChoice } => {
    const axis = axisSelect.value as AxisId | '';
    const base0: UrlState = keepView.box.checked ? state : { ...DEFAULT_STATE, data: state.data, period: state.period };
    const filter = keepView.box.checked ? base0.filter : EMPTY_FILTER;
    // The axis in focus as the page shows it, unless the editor picked another (then filtered to it, as a click does).
    const focus: Partial<UrlState> = keepView.box.checked && axis === focused
      ? { filter }
      : axis
      ? { selection: { kind: 'axis', id: axis }, filter: { ...filter, axes: [axis] } }
      : base0.selection.kind === 'axis'
        ? { selection: { kind: 'none' }, filter: { ...filter, axes: [] } }
        : { filter };
    const h = Math.min(2000, Math.max(200, Math.round(Number(height.value) || DEFAULT_EMBED.height)));
    return {
      state: { ...base0, ...focus, lang: langSelect.value as Lang },
      choice: { panel: panelSelect.value as Panel, theme: themeSelect.value as ThemeName, height: h, interactive: interactive.box.checked },
    };
  };

  const block = (id: string, label: string) => {
    const area = el('textarea', { id, readonly: '', rows: '6', spellcheck: 'false' });
    const copy = el('button', { type: 'button', class: 'copy' }, lt('copy', lang));
    copyOnClick(copy, area, (copied) => copied && (copy.textContent = t('copied', lang)));
    return { area, copy, box: el('div', { class: 'snippet' }, el('label', { for: id }, label), area, copy) };
  };
  const iframeBlock = block('embed-iframe', lt('embedIframe', lang));
  const elementBlock = block('embed-element', lt('embedElement', lang));
  const preview = el('iframe', { class: 'embed-preview', title: lt('embedPreview', lang), loading: 'lazy' });
  // Lazy until first seen (a map in a dialog costs a phone dearly); once seen, every change shows at once — a lazy
  // frame scrolled out of view would keep the previous choice's page until scrolled back.
  const seen = new IntersectionObserver((entries) => {
    if (!entries.some((e) => e.isIntersecting)) return;
    preview.loading = 'eager';
    seen.disconnect();
  });
  seen.observe(preview);
  let timer = 0;
  const refresh = (now = false) => {
    const { state: s, choice } = chosen();
    const title = t('title', s.lang);
    iframeBlock.area.value = iframeSnippet(base, s, title, choice);
    elementBlock.area.value = elementSnippet(base, s, choice);
    iframeBlock.copy.textContent = elementBlock.copy.textContent = lt('copy', lang);
    // The preview reloads a map: once the editor stops changing things for a moment.
    clearTimeout(timer);
    const load = () => {
      preview.style.height = `${choice.height + (choice.panel === 'none' ? 0 : 100)}px`;
      preview.src = embedUrl(base, s, choice);
    };
    if (now) load();
    else timer = window.setTimeout(load, 400);
  };

  const close = el('button', { type: 'button', class: 'card-close', 'aria-label': t('close', lang) }, '×');
  const form = el(
    'form',
    { class: 'embed-form' },
    field('embed-lang', lt('embedLang', lang), langSelect),
    field('embed-panel', lt('embedPanel', lang), panelSelect),
    field('embed-axis', lt('embedAxis', lang), axisSelect),
    field('embed-theme', lt('embedTheme', lang), themeSelect),
    field('embed-height', lt('embedHeight', lang), height),
    interactive.row,
    keepView.row,
  );
  form.addEventListener('submit', (e) => e.preventDefault());
  form.addEventListener('input', () => refresh());
  form.addEventListener('change', () => refresh());
  const dialog = el(
    'dialog',
    { class: 'embed-dialog', 'aria-labelledby': 'embed-title' },
    el('header', {}, el('h2', { id: 'embed-title' }, lt('embedTitle', lang)), close),
    el('p', {}, lt('embedIntro', lang)),
    el('div', { class: 'embed-config' }, form, el('figure', { class: 'embed-preview-box' }, el('figcaption', {}, lt('embedPreview', lang)), preview)),
    iframeBlock.box,
    elementBlock.box,
  );
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    clearTimeout(timer);
    seen.disconnect();
    dialog.remove();
  });
  document.body.append(dialog);
  refresh(true);
  dialog.showModal();
  return dialog;
}
