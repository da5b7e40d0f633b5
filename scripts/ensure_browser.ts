/**
 * Before `npm test`: the browser tests need Debian's Chromium and the Noto CJK fonts (Chinese labels).
 * Present: says nothing. Missing, as root with apt-get: installs them, with a one-line message. Otherwise:
 * stops at once with the exact command to run. (CHROMIUM_PATH names another Chromium; the fonts are still
 * checked.)
 */
import { execFileSync, spawnSync, type ExecFileSyncOptions } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

const installed = (pkg: string): boolean => spawnSync('dpkg', ['-s', pkg], { stdio: 'ignore' }).status === 0;
const hasCjkFont = (): boolean => {
  const r = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
  return r.status === 0 ? /Noto Sans CJK/i.test(r.stdout) : installed('fonts-noto-cjk');
};

const missing = [
  ...(existsSync(chromium) ? [] : ['chromium']),
  ...(hasCjkFont() ? [] : ['fonts-noto-cjk']),
];
if (missing.length) {
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
  const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  if (!isRoot || !hasApt) {
    console.error(`npm test needs ${missing.join(' and ')} for the browser tests. Run:\n  sudo sh -c '${command}'\nthen npm test again.`);
    process.exit(1);
  }
  console.log(`pretest: installing ${missing.join(' ')} from Debian for the browser tests (about a minute)…`);
  try {
    const quiet: ExecFileSyncOptions = { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
    execFileSync('apt-get', ['update', '-qq'], quiet);
    execFileSync('apt-get', ['install', '-y', '-qq', ...missing], quiet);
  } catch {
    console.error(`pretest: installing failed. Run it yourself:\n  ${command}`);
    process.exit(1);
  }
}
