import type { MappedProject } from '../core/model.ts';
import type { KnownPlacements } from '../core/shipped_placements.ts';
import type { ProgressRow } from '../core/progress.ts';
import { formatBytes } from '../core/format.ts';
import { serializeUrlState } from '../core/url_state.ts';
import type { MapView } from '../map/map_view.ts';
import { el } from '../ui/dom.ts';
import { t } from '../ui/strings.ts';
import type { Control, ControlContext } from './control.ts';

/** Import…: opens the import dialog, loaded on first use (most visitors never import). */
export function importButton(
  { bundle, store, theme }: ControlContext,
  onImport: (projects: MappedProject[], file: string, placed?: KnownPlacements) => void,
  onFailure: () => void,
  onImportProgress?: (rows: ProgressRow[], file: string) => void,
): Control {
  const button = el('button', { type: 'button', class: 'import-button', 'data-key': 'import' });
  button.addEventListener('click', () =>
    import('../ui/import_dialog.ts').then((m) => m.openImportDialog(bundle, store.get().corridor, store.get().lang, onImport, onImportProgress, theme), onFailure),
  );
  return {
    element: button,
    update(s, changed) {
      if (changed('lang')) button.textContent = t('import', s.lang);
    },
    destroy() {},
  };
}

/** Embed…: the configurator with its preview and snippets for this view, loaded on first use. */
export function embedButton({ store, model }: ControlContext, onFailure: () => void): Control {
  const button = el('button', { type: 'button', class: 'embed-button', 'data-key': 'embed' });
  button.addEventListener('click', () => {
    const base = new URL('.', location.href).href;
    const lang = store.get().lang;
    const axes = model.layout.axisIds.map((id) => ({ id, name: model.axisNames[id]![lang] }));
    import('../ui/embed_dialog.ts').then((m) => m.openEmbedDialog(base, store.get(), lang, axes), onFailure);
  });
  return {
    element: button,
    update(s, changed) {
      if (changed('lang')) button.textContent = t('embed', s.lang);
    },
    destroy() {},
  };
}

/**
 * 分享 / Share: the link to this view, its QR code, and what it will not carry — data imported (`importedFrom`) or
 * edited in this browser. The dialog and its QR encoder load on first use.
 */
export function shareButton(
  { store }: ControlContext,
  getView: () => MapView,
  shown: { importedFrom: string | null; editing: boolean },
  onFailure: () => void,
): Control {
  const button = el('button', { type: 'button', class: 'share-button', 'data-key': 'share' });
  button.addEventListener('click', () => {
    const s = store.get();
    const lang = s.lang;
    // The camera as it is now, even where the address has none yet (a map not moved since the link opened).
    const view = getView().map ? getView().getView() : s.view;
    const url = `${location.origin}${location.pathname}${serializeUrlState({ ...s, view })}`;
    const warnings = shown.editing ? [t('shareEdited', lang)] : shown.importedFrom ? [t('shareImported', lang, { file: shown.importedFrom })] : [];
    import('../ui/share_dialog.ts').then((m) => m.openShareDialog({ url, lang, warnings, qrFile: t('shareQrFile', lang) }), onFailure);
  });
  return {
    element: button,
    update(s, changed) {
      if (changed('lang')) button.textContent = t('share', s.lang);
    },
    destroy() {},
  };
}

/** 编辑 / Edit: starts editing the ledger (项目落图). Only the full app offers it; no link or host can start it. */
/** A ledger in pages: loads it whole (what filters, other widths, exports, imports and edits need). */
export function wholeButton({ model }: ControlContext, onWhole: () => void): Control {
  const button = el('button', { type: 'button', class: 'whole-button', 'data-key': 'whole-ledger' });
  button.addEventListener('click', onWhole);
  const size = formatBytes(model.pages?.index.bundle_bytes ?? 0);
  return {
    element: button,
    update(s, changed) {
      if (changed('lang')) button.textContent = `${t('wholeLoad', s.lang)} (${size})`;
    },
    destroy() {},
  };
}

export function editButton(_ctx: ControlContext, onEdit: () => void): Control {
  const button = el('button', { type: 'button', class: 'edit-button', 'data-key': 'edit' });
  button.addEventListener('click', onEdit);
  return {
    element: button,
    update(s, changed) {
      if (changed('lang')) button.textContent = t('edit', s.lang);
    },
    destroy() {},
  };
}
