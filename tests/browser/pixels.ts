import type { Page } from 'playwright-core';

/** Counts the pixels of a PNG within `tolerance` (per channel) of each colour, decoded by the page itself. */
export async function countColours(page: Page, png: Buffer, colours: Record<string, string>, tolerance = 24): Promise<Record<string, number>> {
  return page.evaluate(
    async ({ b64, colours, tolerance }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const { data } = ctx.getImageData(0, 0, img.width, img.height);
      const targets = Object.entries(colours).map(([name, hex]) => [name, parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16)] as const);
      const counts: Record<string, number> = Object.fromEntries(targets.map(([name]) => [name, 0]));
      for (let i = 0; i < data.length; i += 4) {
        for (const [name, r, g, b] of targets) {
          if (Math.abs(data[i]! - r) <= tolerance && Math.abs(data[i + 1]! - g) <= tolerance && Math.abs(data[i + 2]! - b) <= tolerance) counts[name]!++;
        }
      }
      return counts;
    },
    { b64: png.toString('base64'), colours, tolerance },
  );
}

/**
 * Run in a page before it loads (`page.addInitScript`): WebGL canvases keep their drawing buffer, so a test can read
 * back what the map drew with `toDataURL` at any time (the app does not ask for it: a slower context to create).
 */
export function keepDrawingBuffer(): void {
  const getContext = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, attributes?: Record<string, unknown>) {
    const keep = type === 'webgl' || type === 'webgl2' ? { ...attributes, preserveDrawingBuffer: true } : attributes;
    return getContext.call(this, type as '2d', keep);
  } as typeof getContext;
}
