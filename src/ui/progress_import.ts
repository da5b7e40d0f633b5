import type { DataBundle } from '../core/bundle.ts';
import type { Lang } from '../core/model.ts';
import { periodsOf, type ProgressRow } from '../core/progress.ts';
import { mergeProgress } from '../core/progress_file.ts';
import type { ProgressReply, ProgressRequest } from '../import/import_worker.ts';
import { el } from './dom.ts';
import { issueText } from './issue_text.ts';
import { noteText } from './import_notes.ts';
import { lt } from './lazy_strings.ts';

/**
 * 进度表 / Progress file (a district's 调度表): CSV in UTF-8 or GBK, or Excel, with Chinese headers and 万元, read by the same
 * reader as `npm run data -- --progress`; every bad row is listed with its line and column, and nothing changes
 * until Apply (which keeps the good rows). Over data that has progress already, the file adds its months to it: a row
 * for a project and month already held replaces it (a corrected 调度表), and the dialog says how many.
 */
export function progressSection(bundle: DataBundle, lang: Lang, apply: (rows: ProgressRow[], file: string) => void): HTMLElement {
  const input = el('input', { type: 'file', id: 'import-progress-file', accept: '.csv,.txt,.xlsx' });
  const result = el('div', { class: 'import-progress-result', role: 'status', 'aria-live': 'polite' });
  /** The file being read, off the page's thread (a 50 MB file would freeze it): stopped by another file. */
  let worker: Worker | null = null;
  const stop = () => {
    worker?.terminate();
    worker = null;
  };
  const read = (name: string, bytes: Uint8Array): Promise<ProgressReply> =>
    new Promise((resolve) => {
      stop();
      const w = (worker = new Worker(new URL('../import/import_worker.ts', import.meta.url), { type: 'module' }));
      w.onerror = (e) => resolve({ type: 'failed', message: lt('importWorkerFailed', lang, { why: e.message || 'network' }) });
      w.onmessage = (e: MessageEvent<ProgressReply>) => resolve(e.data);
      const projects = bundle.projects.map((p) => ({ id: p.id, name_zh: p.name_zh, other_names: p.other_names }));
      w.postMessage({ kind: 'progress', name, bytes, projects } satisfies ProgressRequest, [bytes.buffer]);
    });
  input.addEventListener('change', async () => {
    const f = input.files?.[0];
    if (!f) return;
    result.replaceChildren(el('p', {}, lt('importReading', lang)));
    const mine = f;
    const reply = await read(f.name, new Uint8Array(await f.arrayBuffer()));
    // Another file chosen meanwhile: its reading says what it found.
    if (input.files?.[0] !== mine) return;
    stop();
    if (reply.type === 'failed') {
      result.replaceChildren(el('p', { class: 'error', role: 'alert' }, reply.message));
      return;
    }
    const { encoding, loaded } = reply.read;
    // Errors (the row left out) and warnings (a 合计 row skipped) alike, each with its row.
    const problems = loaded.issues;
    const go = el('button', { type: 'button', class: 'import-progress-apply' }, lt('importProgressApply', lang, { n: loaded.value.length }));
    go.disabled = loaded.value.length === 0;
    const held = bundle.progress ?? [];
    const merged = mergeProgress(held, loaded.value);
    go.addEventListener('click', () => apply(merged.rows, f.name));
    result.replaceChildren(
      el('p', {}, lt('importProgressRead', lang, { file: f.name, encoding, n: loaded.value.length, periods: periodsOf(loaded.value).join(', ') || '—' })),
      // How it was read: the header under a title, the unit line, rows left out, the month and source it gave.
      ...loaded.notes.map((n) => el('p', { class: 'muted small', 'data-note': n.code }, noteText(n, lang))),
      ...(held.length && loaded.value.length
        ? [el('p', { class: 'muted small', 'data-note': 'merge' }, lt('importProgressMerge', lang, { held: periodsOf(held).join(', '), added: merged.added, replaced: merged.replaced }))]
        : []),
      ...(problems.length ? [el('ul', { class: 'import-issues' }, ...problems.slice(0, 50).map((i) => el('li', {}, issueText(i, lang))))] : []),
      go,
    );
  });
  return el(
    'section',
    { class: 'import-progress' },
    el('h3', {}, lt('importProgressTitle', lang)),
    el('p', { class: 'muted small' }, lt('importProgressIntro', lang)),
    el('label', { for: 'import-progress-file' }, lt('importFile', lang)),
    input,
    result,
  );
}
