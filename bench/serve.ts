/** Folders the browser benchmarks serve: the bare MapLibre baseline page, built on demand, and static files. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview } from 'vite';
import { ROOT } from '../tests/browser/harness.ts';

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

/** Serves a folder on a free loopback port. */
export async function serveFolder(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = await preview({ configFile: false, root: dir, logLevel: 'silent', build: { outDir: dir }, preview: { host: '127.0.0.1', port: 0 } });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { url: `http://127.0.0.1:${address.port}/`, close: () => server.close() };
}
