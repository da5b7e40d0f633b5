import type { Lang, MappedProject, Site } from '../core/model.ts';
import { dataText, el } from '../ui/dom.ts';
import type { Change } from './changes.ts';
import { et, type EditKey } from './edit_strings.ts';
import type { EditSession } from './session.ts';

const KIND: Record<Change['kind'], EditKey> = { site: 'kindSite', fields: 'kindFields', add: 'kindAdd', delete: 'kindDelete' };

/** A change's before or after, in a line: a site's place and provenance, a project's name, or the fields. */
function brief(v: unknown, lang: Lang): string {
  if (v === null || v === undefined) return et('none', lang);
  if (typeof v === 'object' && 'lon' in v) {
    const s = v as Site;
    return `${s.geometry?.type ?? 'Point'} ${s.lon.toFixed(5)},${s.lat.toFixed(5)} ±${s.accuracy_m} m · ${s.evidence_zh ?? s.evidence ?? ''}`;
  }
  if (typeof v === 'object' && 'name_zh' in v) return (v as MappedProject).name_zh;
  return Object.entries(v as object).map(([k, x]) => `${k}=${x ?? '∅'}`).join(', ');
}

/**
 * The change log, newest first: what changed (before → after) and when, each with Discard; Discard all asks once
 * (`confirming`) before `onDiscardAll` is called again to do it.
 */
export function changeList(session: EditSession, lang: Lang, confirming: boolean, onDiscardAll: () => void): HTMLElement {
  const items = [...session.changes].reverse().map((c) => {
    const discard = el('button', { type: 'button', class: 'link' }, et('discard', lang));
    discard.addEventListener('click', () => c.seq && void session.discard(c.seq));
    return el(
      'li',
      { 'data-change': c.kind },
      el('strong', {}, `${et(KIND[c.kind], lang)} · `, dataText(c.id)),
      el('span', { class: 'muted small' }, ` ${c.at.replace('T', ' ').slice(0, 16)}`),
      el('div', { class: 'small' }, dataText(brief(c.kind === 'add' ? null : c.before, lang)), ' → ', dataText(brief(c.kind === 'delete' ? null : c.after, lang))),
      discard,
    );
  });
  const all = el('button', { type: 'button', class: confirming ? 'danger' : '' }, confirming ? et('discardAllConfirm', lang, { n: session.changes.length }) : et('discardAll', lang));
  all.disabled = session.changes.length === 0;
  all.addEventListener('click', onDiscardAll);
  return el('details', { class: 'edit-changes' }, el('summary', {}, `${et('changes', lang)} (${session.changes.length})`), el('ol', {}, ...items), all);
}
