import type { ImportNote } from '../core/import/columns.ts';
import { isolated } from '../core/format.ts';
import type { Lang } from '../core/model.ts';
import { lt } from './lazy_strings.ts';

const UNIT_NAMES: Record<number, string> = { 1: '亿元', 1e-4: '万元', 1e-8: '元' };

/** How a ledger or progress file was read, in the user's language: a remark, not a problem. */
export function noteText(n: ImportNote, lang: Lang): string {
  switch (n.code) {
    case 'no-id-column':
      return lt('importNoteNoId', lang);
    case 'no-unit':
      return lt('importNoteNoUnit', lang, { column: isolated(n.column) });
    case 'sheet-chosen':
      return lt('importNoteSheetChosen', lang, { sheet: isolated(n.sheet), first: isolated(n.first) });
    case 'header-row':
      return lt('importNoteHeaderRow', lang, { line: n.line, title: isolated(n.title.length > 80 ? `${n.title.slice(0, 80)}…` : n.title) });
    case 'two-row-header':
      return lt('importNoteTwoRowHeader', lang, { line: n.line, next: n.line + 1 });
    case 'projected':
      return lt(n.northingFirst ? 'importNoteProjectedXY' : 'importNoteProjected', lang, { projection: n.projection });
    case 'as-of-from-title':
      return lt('importNoteAsOf', lang, { text: isolated(n.text), date: n.date });
    case 'unit-row':
      return lt('importNoteUnitRow', lang, { text: isolated(n.text), unit: UNIT_NAMES[n.factor] ?? '亿元' });
    case 'period-from-title':
      return n.sheet ? lt('importNotePeriodFromSheet', lang, { period: n.period, sheet: isolated(n.sheet) }) : lt('importNotePeriodFromTitle', lang, { period: n.period });
    case 'sheets':
      return lt(n.skipped.length ? 'importNoteSheetsSkipped' : 'importNoteSheets', lang, { n: n.read.length, read: n.read.map(isolated).join('、'), skipped: n.skipped.map(isolated).join('、') });
    case 'matched-by-name':
      return lt('importNoteByName', lang);
    case 'source-from-file':
      return lt('importNoteSourceFromFile', lang, { source: isolated(n.source) });
  }
}
