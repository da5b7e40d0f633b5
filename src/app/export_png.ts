import type { Lang } from '../core/model.ts';
import { axisColour, PAPER, type Theme } from '../map/theme.ts';
import { t } from '../ui/strings.ts';

export interface PngFooter {
  lang: Lang;
  theme: Theme;
  title: string;
  /** What the map's geometry is (labels.ts mapNote). */
  note: string;
  asOf: string;
  corridorM: number;
  axisNames: Record<string, { zh: string; en: string }>;
  /** Active filters in words, or empty. */
  filterText: string;
  attribution: readonly string[];
  /** Written large across the map (synthetic data), or null. */
  watermark?: string | null;
}

/**
 * The current map view with a footer: title, data date, corridor, filter, the axis legend and every
 * attribution line, so a picture carries its sources wherever it goes.
 */
export function composePng(mapCanvas: HTMLCanvasElement, f: PngFooter): Promise<Blob> {
  const scale = mapCanvas.width / mapCanvas.clientWidth || 1;
  const w = mapCanvas.width;
  const line = 18 * scale;
  const lines = 3 + f.attribution.length;
  const footer = Math.round((lines + 1) * line);
  const out = document.createElement('canvas');
  out.width = w;
  out.height = mapCanvas.height + footer;
  const ctx = out.getContext('2d')!;
  ctx.fillStyle = PAPER.background;
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(mapCanvas, 0, 0);
  if (f.watermark) {
    // Across the map, large and half transparent: a crop of the picture still says what it is.
    ctx.save();
    ctx.translate(w / 2, mapCanvas.height / 2);
    ctx.rotate(-Math.PI / 8);
    ctx.globalAlpha = 0.28;
    ctx.fillStyle = PAPER.ink;
    ctx.textAlign = 'center';
    ctx.font = `bold ${Math.round(w / 14)}px "Noto Sans CJK SC", sans-serif`;
    for (const dy of [-1, 0, 1]) ctx.fillText(f.watermark, 0, dy * mapCanvas.height * 0.3);
    ctx.restore();
  }
  let y = mapCanvas.height + line;
  const x = 10 * scale;
  ctx.fillStyle = PAPER.ink;
  ctx.font = `bold ${13 * scale}px "Noto Sans CJK SC", sans-serif`;
  ctx.fillText(`${f.watermark ? `${f.watermark} · ` : ''}${f.title} · ${t('asOf', f.lang)} ${f.asOf} · ${t('corridor', f.lang)} ${f.corridorM} m`, x, y);
  y += line;
  ctx.font = `${12 * scale}px "Noto Sans CJK SC", sans-serif`;
  let lx = x;
  for (const [id, names] of Object.entries(f.axisNames)) {
    ctx.fillStyle = axisColour(f.theme, id);
    ctx.fillRect(lx, y - 8 * scale, 18 * scale, 4 * scale);
    ctx.fillStyle = PAPER.ink;
    const name = names[f.lang];
    ctx.fillText(name, lx + 22 * scale, y);
    lx += 22 * scale + ctx.measureText(name).width + 16 * scale;
  }
  ctx.fillText(f.note, lx, y);
  y += line;
  if (f.filterText) ctx.fillText(f.filterText, x, y);
  y += line;
  ctx.fillStyle = PAPER.muted;
  for (const a of f.attribution) {
    ctx.fillText(a, x, y);
    y += line;
  }
  return new Promise((resolve, reject) => out.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG export failed'))), 'image/png'));
}
