/**
 * `npm run ab -- A B [--rounds N] [--phone] [--path P]`: is B's load faster than A's? Two builds of the app loaded in
 * turn in one browser, a fresh tab for each load, the order swapped every round (so neither always runs on a warmer
 * machine), as PERFORMANCE.md's A/B rows were measured. A and B are each a built folder (dist/, or a copy of one) or
 * a git revision, built into a temporary worktree with this checkout's node_modules (`npm run build` there).
 *
 * Prints, for navigation → `erqi:ready`: each build's median, and the median and spread of the rounds' ratios B ÷ A
 * (the steadier figure on a shared machine); then each build's median time between the load's marks, and the browser's
 * CPU per load, the GPU process apart (on SwiftShader it draws every frame on the CPU: bench/load.ts).
 * `--path embed.html` measures the iframe page, `--path '?data=sample'` the sample ledger; `--phone` a 390 × 844 view.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launch, ROOT, serveFolder } from '../scripts/browser.ts';
import { phaseLine, READY, timeToReady, type Cpu, type Phases } from './load.ts';
import { middle } from './stats.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { rounds: { type: 'string', default: '15' }, phone: { type: 'boolean', default: false }, path: { type: 'string', default: '' } },
});
if (positionals.length !== 2) {
  console.error('usage: npm run ab -- A B [--rounds N] [--phone] [--path P]   (A, B: a built folder or a git revision)');
  process.exit(2);
}
const rounds = Number(values.rounds);
if (!(Number.isInteger(rounds) && rounds > 0)) {
  console.error(`--rounds ${values.rounds}: expected a whole number of rounds`);
  process.exit(2);
}

/** What each argument names: a built folder, or the commit of a git revision (checked before anything is built). */
const sources = positionals.map((what): { dir: string } | { rev: string } => {
  if (existsSync(join(what, 'index.html'))) return { dir: resolve(what) };
  try {
    return { rev: execFileSync('git', ['rev-parse', '--verify', '--quiet', `${what}^{commit}`], { cwd: ROOT, encoding: 'utf8' }).trim() };
  } catch {
    console.error(`${what}: neither a built folder (with index.html) nor a git revision`);
    process.exit(2);
  }
});

const worktrees: string[] = [];
/** A revision built in a worktree of its own, with this checkout's node_modules: its dist/. */
function build(what: string, rev: string): string {
  const dir = mkdtempSync(join(tmpdir(), `erqi-ab-${rev.slice(0, 8)}-`));
  execFileSync('git', ['worktree', 'add', '--detach', dir, rev], { cwd: ROOT, stdio: 'ignore' });
  worktrees.push(dir);
  const lock = (root: string) => (existsSync(join(root, 'package-lock.json')) ? readFileSync(join(root, 'package-lock.json'), 'utf8') : '');
  if (lock(dir) !== lock(ROOT)) console.warn(`${what}: its package-lock.json differs from this checkout's; built with this checkout's node_modules`);
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  console.log(`building ${what} (${rev.slice(0, 8)}) in ${dir}`);
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: dir, stdio: 'ignore' });
  return join(dir, 'dist');
}

try {
  const dirs = sources.map((s, k) => ('dir' in s ? s.dir : build(positionals[k]!, s.rev)));
  const sites = await Promise.all(dirs.map((d) => serveFolder(d)));
  const ready = values.path.startsWith('embed') ? READY.iframe : READY.app;
  const browser = await launch();
  const context = await browser.newContext({ viewport: values.phone ? { width: 390, height: 844 } : { width: 1280, height: 800 } });
  const phases: Phases[][] = [[], []];
  const cpu: Cpu[][] = [[], []];
  const load = async (k: number): Promise<number> => {
    const page = await context.newPage();
    try {
      return await timeToReady(page, sites[k]!.url + values.path, ready, phases[k]!, cpu[k]!);
    } finally {
      await page.close();
    }
  };
  // One warm-up load each (a returning visitor's HTTP cache), not counted.
  await load(0);
  await load(1);
  for (const k of [0, 1]) {
    phases[k]!.length = 0;
    cpu[k]!.length = 0;
  }
  const times: number[][] = [[], []];
  for (let r = 0; r < rounds; r++) {
    for (const k of r % 2 ? [1, 0] : [0, 1]) times[k]!.push(await load(k));
  }
  await browser.close();
  await Promise.all(sites.map((s) => s.close()));

  const ratios = times[1]!.map((t, r) => t / times[0]![r]!);
  const [a, b] = positionals;
  console.log(`\nnavigation → ready, ${rounds} rounds${values.phone ? ', phone' : ''}${values.path ? `, ${values.path}` : ''}:`);
  console.log(`  A ${a}: median ${middle(times[0]!).toFixed(0)} ms`);
  console.log(`  B ${b}: median ${middle(times[1]!).toFixed(0)} ms`);
  console.log(`  B ÷ A: ratio of rounds ${middle(ratios).toFixed(3)} (spread ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}), of medians ${(middle(times[1]!) / middle(times[0]!)).toFixed(3)}`);
  console.log('phases (median ms each, from navigation):');
  for (const k of [0, 1]) console.log(`  ${phaseLine(k ? 'B' : 'A', phases[k]!)}`);
  console.log('browser CPU per load (median ms): GPU process / the rest');
  for (const k of [0, 1]) console.log(`  ${k ? 'B' : 'A'}  ${middle(cpu[k]!.map((c) => c.gpu)).toFixed(0)} / ${middle(cpu[k]!.map((c) => c.rest)).toFixed(0)}`);
} finally {
  for (const dir of worktrees) {
    try {
      execFileSync('git', ['worktree', 'remove', '--force', dir], { cwd: ROOT, stdio: 'ignore' });
    } catch {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
