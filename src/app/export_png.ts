import { formatMetres } from '../core/format.ts';
import type { Lang } from '../core/model.ts';
import { STAGE_LINE, DOTTED_STAGES, FILLED_STAGES } from '../map/stages.ts';
import { PAPER } from '../map/theme.ts';
import type { LegendEntry, LegendSymbol } from '../ui/legend.ts';
import { lt } from '../ui/lazy_strings.ts';

export interface PngPage {
  lang: Lang;
  title: string;
  /** Data date, period, corridor: one line under the title. */
  subtitle: string;
  /** Active filters in words, or empty. */
  filterText: string;
  /** What the map's geometry is (labels.ts mapNote). */
  note: string;
  legend: readonly LegendEntry[];
  attribution: readonly string[];
  /** The camera when the picture was taken: the scale bar and the north arrow read it. */
  camera: { lat: number; zoom: number; bearing: number };
  /** The day of the export, YYYY-MM-DD. */
  exported: string;
  /** Written large across the map (synthetic data), or null. */
  watermark?: string | null;
}

const FONT = '"Noto Sans CJK SC", "Noto Sans SC", sans-serif';
/** Wide enough for the legend and the footer to read, whatever the map's width on screen. */
const MIN_WIDTH_CSS = 720;

/** Runs of text that may not be broken: a Latin word (with its trailing space) or one CJK character. */
const TOKENS = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]+\s*|\s+/gu;

/** Lines of `text` no wider than `width` in the context's current font: Chinese breaks between characters, English between words. */
export function wrapText(ctx: Pick<CanvasRenderingContext2D, 'measureText'>, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const token of text.match(TOKENS) ?? []) {
    const next = line + token;
    if (line && ctx.measureText(next.trimEnd()).width > width) {
      lines.push(line.trimEnd());
      line = token.trimStart();
    } else line = next;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

/** A round length (1, 2 or 5 × 10ⁿ metres) at most `maxM`. */
export function niceMetres(maxM: number): number {
  const p = 10 ** Math.floor(Math.log10(maxM));
  return [5, 2, 1].map((k) => k * p).find((m) => m <= maxM) ?? p;
}

/** Metres per CSS pixel at a latitude and zoom (MapLibre's 512-pixel world). */
export const metresPerPixel = (lat: number, zoom: number): number => (2 * Math.PI * 6378137 * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** zoom);

function drawSymbol(ctx: CanvasRenderingContext2D, symbol: LegendSymbol, x: number, cy: number, u: number): number {
  ctx.save();
  switch (symbol.kind) {
    case 'line': {
      const h = (symbol.height ?? 4) * u;
      ctx.fillStyle = symbol.colour;
      ctx.fillRect(x, cy - h / 2, 22 * u, h);
      ctx.restore();
      return 22 * u;
    }
    case 'box': {
      ctx.globalAlpha = symbol.opacity;
      ctx.fillStyle = symbol.fill;
      ctx.fillRect(x, cy - 7 * u, 22 * u, 14 * u);
      ctx.globalAlpha = 1;
      ctx.strokeStyle = symbol.border;
      ctx.lineWidth = 1.5 * u;
      if (symbol.dashed) ctx.setLineDash([4 * u, 3 * u]);
      ctx.strokeRect(x, cy - 7 * u, 22 * u, 14 * u);
      ctx.restore();
      return 22 * u;
    }
    case 'sizes': {
      ctx.fillStyle = symbol.colour;
      let at = x;
      for (const r of symbol.radii) {
        ctx.beginPath();
        ctx.arc(at + (r + 1) * u, cy, r * u, 0, 2 * Math.PI);
        ctx.fill();
        at += (2 * r + 2) * u;
      }
      ctx.restore();
      return at - x;
    }
    case 'dot': {
      ctx.fillStyle = symbol.colour;
      ctx.beginPath();
      ctx.arc(x + 8 * u, cy, (symbol.size / 2) * u, 0, 2 * Math.PI);
      ctx.fill();
      ctx.restore();
      return 16 * u;
    }
    case 'pin': {
      // The map's circle layers (stages.ts), as the HTML legend's SVG draws them: 20 units to 16 pixels.
      const k = 0.8 * u;
      const cx = x + 10 * k;
      const filled = FILLED_STAGES.includes(symbol.stage);
      ctx.beginPath();
      ctx.arc(cx, cy, (filled ? 7.5 : 6.5) * k, 0, 2 * Math.PI);
      ctx.fillStyle = filled ? symbol.colour : symbol.inner;
      ctx.fill();
      ctx.lineWidth = (filled ? 2 : 3) * k;
      ctx.strokeStyle = filled ? symbol.inner : symbol.colour;
      ctx.stroke();
      if (DOTTED_STAGES.includes(symbol.stage)) {
        ctx.beginPath();
        ctx.arc(cx, cy, 2.8 * k, 0, 2 * Math.PI);
        ctx.fillStyle = filled ? symbol.inner : symbol.colour;
        ctx.fill();
      }
      let w = 20 * k;
      if (symbol.withLine) {
        const [dash, gap] = STAGE_LINE[symbol.stage].dash;
        ctx.strokeStyle = symbol.colour;
        ctx.lineWidth = 3 * k;
        if (gap) ctx.setLineDash([dash * 3 * k, gap * 3 * k]);
        ctx.beginPath();
        ctx.moveTo(x + 22 * k, cy);
        ctx.lineTo(x + 48 * k, cy);
        ctx.stroke();
        w = 48 * k;
      }
      ctx.restore();
      return w;
    }
  }
}

/** A scale bar in the map's lower left corner: a round length, in m or km. */
function drawScaleBar(ctx: CanvasRenderingContext2D, page: Pick<PngPage, 'camera' | 'lang'>, mapW: number, mapH: number, scale: number, u: number): void {
  const perPx = metresPerPixel(page.camera.lat, page.camera.zoom) / scale; // metres per canvas pixel
  const metres = niceMetres((mapW / 5) * perPx);
  const len = metres / perPx;
  const x = 12 * u;
  const y = mapH - 14 * u;
  const label = metres >= 1000 ? `${metres / 1000} ${page.lang === 'zh' ? '公里' : 'km'}` : formatMetres(metres, page.lang);
  ctx.save();
  ctx.font = `${11 * u}px ${FONT}`;
  ctx.fillStyle = PAPER.plate;
  ctx.fillRect(x - 6 * u, y - 22 * u, len + 12 * u + ctx.measureText(label).width + 8 * u, 30 * u);
  ctx.strokeStyle = PAPER.ink;
  ctx.lineWidth = 2 * u;
  ctx.beginPath();
  ctx.moveTo(x, y - 6 * u);
  ctx.lineTo(x, y);
  ctx.lineTo(x + len, y);
  ctx.lineTo(x + len, y - 6 * u);
  ctx.stroke();
  ctx.fillStyle = PAPER.ink;
  ctx.fillText('0', x - 3 * u, y - 9 * u);
  ctx.fillText(label, x + len + 6 * u, y);
  ctx.restore();
}

/** A north arrow in the map's upper right corner, turned with the map. */
function drawNorthArrow(ctx: CanvasRenderingContext2D, bearing: number, mapW: number, u: number): void {
  const cx = mapW - 28 * u;
  const cy = 34 * u;
  ctx.save();
  ctx.fillStyle = PAPER.plate;
  ctx.beginPath();
  ctx.arc(cx, cy, 20 * u, 0, 2 * Math.PI);
  ctx.fill();
  ctx.translate(cx, cy);
  ctx.rotate((-bearing * Math.PI) / 180);
  ctx.fillStyle = PAPER.ink;
  ctx.beginPath();
  ctx.moveTo(0, -14 * u);
  ctx.lineTo(7 * u, 8 * u);
  ctx.lineTo(0, 3 * u);
  ctx.lineTo(-7 * u, 8 * u);
  ctx.closePath();
  ctx.fill();
  ctx.font = `bold ${10 * u}px ${FONT}`;
  ctx.textAlign = 'center';
  ctx.fillText('N', 0, 19 * u);
  ctx.restore();
}

/**
 * What a map picture needs to be read on paper, drawn over it: the synthetic-data watermark (if any), a scale bar
 * and a north arrow. `ctx` is translated to the map's corner.
 */
export function decorateMap(ctx: CanvasRenderingContext2D, mapW: number, mapH: number, scale: number, page: Pick<PngPage, 'camera' | 'lang' | 'watermark'>): void {
  if (page.watermark) {
    // Across the map, large and half transparent: a crop of the picture still says what it is.
    ctx.save();
    ctx.translate(mapW / 2, mapH / 2);
    ctx.rotate(-Math.PI / 8);
    ctx.globalAlpha = 0.28;
    ctx.fillStyle = PAPER.ink;
    ctx.textAlign = 'center';
    ctx.font = `bold ${Math.round(mapW / 14)}px ${FONT}`;
    for (const dy of [-1, 0, 1]) ctx.fillText(page.watermark, 0, dy * mapH * 0.3);
    ctx.restore();
  }
  drawScaleBar(ctx, page, mapW, mapH, scale, scale);
  drawNorthArrow(ctx, page.camera.bearing, mapW, scale);
}

/**
 * A report page from the map view: title and what is shown above; the map with a scale bar and a north arrow; the
 * whole legend; the note on the geometry, every source and the export date below, wrapped to the page's width.
 * `scale` is the map canvas's pixels per CSS pixel (2 for a 2× export): text and symbols are drawn at that scale.
 */
export function composePng(map: HTMLCanvasElement, scale: number, page: PngPage): Promise<Blob> {
  const u = scale;
  const width = Math.max(map.width, Math.round(MIN_WIDTH_CSS * u));
  const pad = 16 * u;
  const inner = width - 2 * pad;
  const measure = document.createElement('canvas').getContext('2d')!;
  const font = (size: number, bold = false) => `${bold ? 'bold ' : ''}${size * u}px ${FONT}`;
  const block = (text: string, size: number, bold = false) => {
    measure.font = font(size, bold);
    return { lines: wrapText(measure, text, inner), size, bold, lineH: size * 1.45 * u };
  };
  const head = [
    block(page.watermark ? `${page.watermark} · ${page.title}` : page.title, 18, true),
    block(page.subtitle, 12),
    ...(page.filterText ? [block(page.filterText, 12)] : []),
  ];
  const foot = [
    block(page.note, 11),
    ...page.attribution.map((a) => block(a, 10)),
    block(`${lt('exportedOn', page.lang)} ${page.exported}`, 10),
  ];
  // The legend flows in rows of items across the page.
  measure.font = font(12);
  const symbolW = (e: LegendEntry) =>
    e.symbol.kind === 'sizes' ? e.symbol.radii.reduce((w, r) => w + 2 * r + 2, 0) : e.symbol.kind === 'pin' && e.symbol.withLine ? 38 : 22;
  const itemW = (e: LegendEntry) => symbolW(e) * u + 6 * u + measure.measureText(e.label).width + 18 * u;
  const rows: LegendEntry[][] = [[]];
  let used = 0;
  for (const e of page.legend) {
    const w = itemW(e);
    if (used + w > inner && rows.at(-1)!.length) {
      rows.push([]);
      used = 0;
    }
    rows.at(-1)!.push(e);
    used += w;
  }
  const legendRowH = 22 * u;
  const height = (blocks: typeof head) => blocks.reduce((h, b) => h + b.lines.length * b.lineH, 0);
  const headH = pad + height(head) + 6 * u;
  const mapX = Math.round((width - map.width) / 2);
  const mapY = Math.round(headH);
  const legendY = mapY + map.height + 12 * u;
  const footY = legendY + rows.length * legendRowH + 8 * u;
  const out = document.createElement('canvas');
  out.width = width;
  out.height = Math.round(footY + height(foot) + pad);
  const ctx = out.getContext('2d')!;
  ctx.fillStyle = PAPER.background;
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.textBaseline = 'alphabetic';
  const write = (blocks: typeof head, y: number, colour: string) => {
    for (const b of blocks) {
      ctx.font = font(b.size, b.bold);
      ctx.fillStyle = colour;
      for (const l of b.lines) {
        y += b.lineH;
        ctx.fillText(l, pad, y - b.lineH * 0.28);
      }
    }
  };
  write(head.slice(0, 1), pad, PAPER.ink);
  write(head.slice(1), pad + height(head.slice(0, 1)), PAPER.muted);

  ctx.save();
  ctx.translate(mapX, mapY);
  ctx.drawImage(map, 0, 0);
  ctx.strokeStyle = PAPER.muted;
  ctx.lineWidth = 1;
  ctx.strokeRect(0.5, 0.5, map.width - 1, map.height - 1);
  decorateMap(ctx, map.width, map.height, scale, page);
  ctx.restore();

  ctx.font = font(12);
  rows.forEach((row, i) => {
    const cy = legendY + i * legendRowH + legendRowH / 2;
    let x = pad;
    for (const e of row) {
      const w = drawSymbol(ctx, e.symbol, x, cy, u);
      ctx.fillStyle = PAPER.ink;
      ctx.font = font(12);
      ctx.fillText(e.label, x + w + 6 * u, cy + 4 * u);
      x += itemW(e);
    }
  });
  write(foot, footY, PAPER.muted);
  return new Promise((resolve, reject) => out.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG export failed'))), 'image/png'));
}
