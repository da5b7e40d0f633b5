import { encode } from 'uqr';
import type { Lang } from '../core/model.ts';
import { PAPER } from '../map/theme.ts';
import { copyOnClick } from './copy_field.ts';
import { el } from './dom.ts';
import { t } from './strings.ts';
import { lt } from './lazy_strings.ts';

export interface ShareOptions {
  /** The link: this exact view (camera, filters, corridor, period, selected project, language). */
  url: string;
  lang: Lang;
  /** What the link does not carry (data imported or edited in this browser only), said above it. */
  warnings: readonly string[];
  /** The file name a saved QR code gets. */
  qrFile: string;
}

/** Pixels per QR module: the code is drawn sharp and scaled by CSS (pixelated), saved at this size. */
const MODULE_PX = 6;

/** The QR code of `text` on a canvas (uqr: a maintained, dependency-free encoder); error correction M survives a crease. */
export function qrCanvas(text: string): HTMLCanvasElement {
  const qr = encode(text, { ecc: 'M', border: 3 });
  const canvas = el('canvas', { class: 'qr', width: String(qr.size * MODULE_PX), height: String(qr.size * MODULE_PX) });
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = PAPER.background;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = PAPER.code;
  qr.data.forEach((row, y) => row.forEach((dark, x) => dark && ctx.fillRect(x * MODULE_PX, y * MODULE_PX, MODULE_PX, MODULE_PX)));
  return canvas;
}

/**
 * 分享 / Share: the link to exactly this view with a copy button, its QR code for WeChat (saved as a picture too), the
 * system's share sheet where the browser has one, and — first — what the link will not show to whoever opens it.
 */
export function openShareDialog(o: ShareOptions): HTMLDialogElement {
  const { lang } = o;
  const field = el('input', { id: 'share-link', type: 'url', readonly: '', value: o.url, spellcheck: 'false' });
  field.value = o.url;
  const status = el('span', { class: 'share-status', role: 'status' });
  const copy = el('button', { type: 'button', class: 'copy' }, lt('shareCopy', lang));
  copyOnClick(copy, field, (copied) => (status.textContent = copied ? t('copied', lang) : lt('shareSelected', lang)));
  const qr = qrCanvas(o.url);
  qr.setAttribute('role', 'img');
  qr.setAttribute('aria-label', lt('shareQrLabel', lang));
  const save = el('button', { type: 'button' }, lt('shareQrSave', lang));
  save.addEventListener('click', () =>
    qr.toBlob((blob) => {
      if (!blob) return;
      const a = el('a', { href: URL.createObjectURL(blob), download: o.qrFile });
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 1000);
    }, 'image/png'),
  );
  const system =
    typeof navigator.share === 'function'
      ? (() => {
          const b = el('button', { type: 'button' }, lt('shareSystem', lang));
          b.addEventListener('click', () => navigator.share({ title: t('title', lang), url: o.url }).catch(() => undefined));
          return b;
        })()
      : null;
  const close = el('button', { type: 'button', class: 'card-close', 'aria-label': t('close', lang) }, '×');
  const dialog = el(
    'dialog',
    { class: 'share-dialog', 'aria-labelledby': 'share-title' },
    el('header', {}, el('h2', { id: 'share-title' }, lt('shareTitle', lang)), close),
    ...o.warnings.map((w) => el('p', { class: 'share-warning', role: 'alert' }, w)),
    el('p', {}, lt('shareIntro', lang)),
    el('div', { class: 'share-link' }, el('label', { for: 'share-link' }, lt('shareLink', lang)), field, el('div', { class: 'share-actions' }, copy, system, status)),
    el('figure', { class: 'share-qr' }, qr, el('figcaption', {}, lt('shareQrCaption', lang), ' ', save)),
  );
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  field.select();
  return dialog;
}
