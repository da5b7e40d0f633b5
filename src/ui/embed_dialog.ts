import { elementSnippet, iframeSnippet } from '../core/embed_snippets.ts';
import type { Lang } from '../core/model.ts';
import type { UrlState } from '../core/url_state.ts';
import { el } from './dom.ts';
import { t } from './strings.ts';

/** A modal dialog with the iframe and element snippets for the current view and filters, ready to copy. */
export function openEmbedDialog(base: string, state: UrlState, lang: Lang): HTMLDialogElement {
  const block = (id: string, label: string, code: string) => {
    const area = el('textarea', { id, readonly: '', rows: String(code.split('\n').length + 1), spellcheck: 'false' });
    area.value = code;
    const copy = el('button', { type: 'button', class: 'copy' }, t('copy', lang));
    copy.addEventListener('click', async () => {
      area.select();
      try {
        await navigator.clipboard.writeText(code);
        copy.textContent = t('copied', lang);
      } catch {
        // Selected: Ctrl/⌘+C copies it.
      }
    });
    return el('div', { class: 'snippet' }, el('label', { for: id }, label), area, copy);
  };
  const close = el('button', { type: 'button', class: 'card-close', 'aria-label': t('close', lang) }, '×');
  const dialog = el(
    'dialog',
    { class: 'embed-dialog', 'aria-labelledby': 'embed-title' },
    el('header', {}, el('h2', { id: 'embed-title' }, t('embedTitle', lang)), close),
    el('p', {}, t('embedIntro', lang)),
    block('embed-iframe', t('embedIframe', lang), iframeSnippet(base, state, t('title', lang))),
    block('embed-element', t('embedElement', lang), elementSnippet(base, state)),
  );
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  return dialog;
}
