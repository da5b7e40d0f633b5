/** Rules of the house that the compiler cannot see (CONTRIBUTING.md), checked over the source tree. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../scripts/repo.ts';

const sources = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(dir, f));
const matching = (files: string[], re: RegExp) => files.filter((f) => re.test(readFileSync(join(ROOT, f), 'utf8'))).map((f) => relative(ROOT, join(ROOT, f)));

describe('the source tree', () => {
  const src = sources('src');
  const scripts = sources('scripts');

  it('never imports tests from src/, scripts/ or bench/', () => {
    expect(matching([...src, ...scripts, ...sources('bench')], /from '[./]*tests\//)).toEqual([]);
  });

  it("imports zod only through src/core/zod.ts (configured there once)", () => {
    expect(matching(src, /from 'zod'/)).toEqual(['src/core/zod.ts']);
  });

  it('casts nothing to a string key: a missing label fails the typecheck', () => {
    expect(matching(src, /as StringKey/)).toEqual([]);
  });

  it('takes every colour from the theme (src/map/theme.ts)', () => {
    expect(matching(src, /['"`]#[0-9a-fA-F]{3,8}\b|rgba?\(/).filter((f) => f !== 'src/map/theme.ts')).toEqual([]);
  });

  it('names no axis or zone of the shipped layout in code: the layout is data (geo/axes.geojson, geo/zones.geojson)', () => {
    const layout = ['songshan', 'daxue', 'jingguang', 'north', 'central', 'south'].join('|');
    // As a string in code (comments may give them as examples).
    const code = (f: string) => readFileSync(join(ROOT, f), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    expect(src.filter((f) => new RegExp(`['"\`](${layout})['"\`]`).test(code(f)))).toEqual([]);
    expect(src.filter((f) => /嵩山|大学路|京广/.test(code(f)))).toEqual([]);
  });

  it('runs behaviour tests on the frozen ledger (tests/fixtures/ledger), not on data/', () => {
    // Tests about the shipped files themselves. The browser tests too run on the fixture ledger (tests/helpers/app_server.ts).
    const aboutData = new Set(['tests/data.test.ts', 'tests/geo.test.ts', 'tests/cli.test.ts', 'tests/core/load_projects.test.ts', 'tests/helpers/fixtures.ts', 'tests/browser/sample.test.ts']);
    const readers = matching(sources('tests'), /repoSources\(\)|repoFile\('data\//).filter((f) => !aboutData.has(f));
    expect(readers).toEqual([]);
  });

  it('composes the app and the embeds from the same control modules (src/controls): their entry points are wiring', () => {
    const pages = ['src/app/app.ts', 'src/embed/mount_embed.ts'];
    // No panel, card or legend drawn by hand: those are controls. Only the element helper and texts (the strings, why
    // a file did not load) come from src/ui.
    expect(matching(pages, /from '\.\.\/ui\/(?!dom\.ts|strings\.ts|load_error\.ts)/)).toEqual([]);
    // Listeners belong to the controls; the pages keep only the Escape key that closes a card.
    const listeners = pages.flatMap((f) => [...readFileSync(join(ROOT, f), 'utf8').matchAll(/addEventListener\('(\w+)'/g)].map((m) => `${f}: ${m[1]}`));
    expect(listeners).toEqual(['src/app/app.ts: keydown', 'src/embed/mount_embed.ts: keydown']);
    // The controls both kinds of page show are the same modules.
    const used = (f: string) => new Set([...readFileSync(join(ROOT, f), 'utf8').matchAll(/from '\.\.\/controls\/(\w+)\.ts'/g)].map((m) => m[1]));
    const app = used('src/app/app.ts');
    for (const shared of ['map_part', 'project_card', 'legend', 'search', 'axis_overview', 'control']) {
      expect(app.has(shared) && used('src/embed/mount_embed.ts').has(shared), shared).toBe(true);
    }
  });
});
