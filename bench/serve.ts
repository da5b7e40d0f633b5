/** Folders the browser benchmarks serve: the bare MapLibre baseline page, built on demand, and static files. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { ROOT } from '../scripts/browser.ts';

/** Builds bench/bare.html (the baseline page; never part of the product) into a new temporary folder. */
export async function buildBarePage(): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'erqi-bare-'));
  await build({
    configFile: false,
    root: join(ROOT, 'bench'),
    base: './',
    logLevel: 'silent',
    build: { outDir: out, emptyOutDir: true, target: 'es2022', rolldownOptions: { input: join(ROOT, 'bench', 'bare.html') } },
  });
  return out;
}

export { serveFolder } from '../scripts/browser.ts';
