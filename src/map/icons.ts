import type { Status } from '../core/model.ts';

/**
 * Pin symbols: the colour says the axis, the shape says the stage, so status never rests on colour alone.
 *   done (completed, operating)      ● filled circle
 *   building (started, under constr.) ◆ filled diamond
 *   pipeline (planned … signed)      ○ ring
 *   unknown status                   □ hollow square
 */
export const STAGES = ['done', 'building', 'pipeline', 'unknown'] as const;
export type Stage = (typeof STAGES)[number];

export function stageOf(status: Status | null | 'unknown'): Stage {
  switch (status) {
    case 'completed':
    case 'operating':
      return 'done';
    case 'started':
    case 'under_construction':
      return 'building';
    case 'planned':
    case 'negotiating':
    case 'signed':
      return 'pipeline';
    default:
      return 'unknown';
  }
}

export const iconName = (colourKey: string, stage: Stage): string => `pin-${colourKey}-${stage}`;

export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array;
}

const hex = (c: string): [number, number, number] => [parseInt(c.slice(1, 3), 16), parseInt(c.slice(3, 5), 16), parseInt(c.slice(5, 7), 16)];

/**
 * Draws a pin as RGBA pixels (4× supersampled for smooth edges): no canvas, so it is pure and testable.
 * `size` is in device pixels.
 */
export function drawPin(stage: Stage, colour: string, size = 44): RgbaImage {
  const [r, g, b] = hex(colour);
  const data = new Uint8Array(size * size * 4);
  const c = size / 2;
  const outer = size / 2 - 1;
  const border = size * 0.1;
  const ss = 4;
  /** Which paint a sample point gets: 0 none, 1 white, 2 colour. */
  const paint = (x: number, y: number): 0 | 1 | 2 => {
    const dx = x - c;
    const dy = y - c;
    switch (stage) {
      case 'done': {
        const d = Math.hypot(dx, dy);
        return d > outer ? 0 : d > outer - border ? 1 : 2;
      }
      case 'building': {
        const d = Math.abs(dx) + Math.abs(dy); // diamond
        return d > outer * 1.15 ? 0 : d > outer * 1.15 - border * 1.4 ? 1 : 2;
      }
      case 'pipeline': {
        const d = Math.hypot(dx, dy);
        if (d > outer) return 0;
        if (d > outer - border) return 1;
        return d > outer - border * 3.2 ? 2 : 1;
      }
      case 'unknown': {
        const d = Math.max(Math.abs(dx), Math.abs(dy)) * 1.1;
        if (d > outer) return 0;
        if (d > outer - border) return 1;
        return d > outer - border * 3 ? 2 : 1;
      }
    }
  };
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let white = 0;
      let col = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const p = paint(px + (sx + 0.5) / ss, py + (sy + 0.5) / ss);
          if (p === 1) white++;
          else if (p === 2) col++;
        }
      }
      const n = ss * ss;
      const alpha = (white + col) / n;
      const i = (py * size + px) * 4;
      if (alpha === 0) continue;
      // Premultiplied blend of white and colour by coverage, as MapLibre expects straight RGBA: un-premultiply.
      const wr = white / (white + col);
      data[i] = Math.round(255 * wr + r * (1 - wr));
      data[i + 1] = Math.round(255 * wr + g * (1 - wr));
      data[i + 2] = Math.round(255 * wr + b * (1 - wr));
      data[i + 3] = Math.round(alpha * 255);
    }
  }
  return { width: size, height: size, data };
}
