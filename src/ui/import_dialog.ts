import type { DataBundle } from '../core/bundle.ts';
import { knownPlacements, type KnownPlacements, type ShippedPlacements } from '../core/shipped_placements.ts';
import { formatCount, formatYi } from '../core/format.ts';
import { columnFactor, IMPORT_FIELDS, type ColumnMapping, type ImportField } from '../core/import/columns.ts';
import { noteText } from './import_notes.ts';
import { CRS_OPTIONS, type Crs } from '../core/import/crs_check.ts';
import type { AxisFeature, ZoneFeature } from '../core/load_geo.ts';
import type { Lang, MappedProject } from '../core/model.ts';
import { anchorsOf, type LedgerImport } from '../import/import_ledger.ts';
import type { AxisPreview, ImportReply, ImportRequest } from '../import/import_worker.ts';
import type { ProgressRow } from '../core/progress.ts';
import { ENCODINGS, type Encoding } from '../import/read_source.ts';
import { progressSection } from './progress_import.ts';
import type { EnumKind, ValueChoices } from '../core/import/import_table.ts';
import { SECTOR_LABELS, SECTORS, STATUS_LABELS, STATUSES } from '../core/model.ts';
import type { Theme } from '../map/theme.ts';
import { renderMiniMap } from './mini_map.ts';

/** What an unknown word was found in, for the value-mapping step. */
const LEDGER_KIND_LABEL: Record<EnumKind, Record<Lang, string>> = {
  status: LEDGER_COLUMNS.status.label,
  sector: LEDGER_COLUMNS.sector.label,
  axis: LEDGER_COLUMNS.axis_declared.label,
};
import { LEDGER_COLUMNS } from '../core/ledger_columns.ts';
import { dataText, el } from './dom.ts';
import { issueText } from './issue_text.ts';
import { t } from './strings.ts';
import { lt } from './lazy_strings.ts';

/** Issues listed in the preview; the rest are counted. */
const MAX_ISSUES = 200;
const CRS_LABEL: Record<Crs, string> = { wgs84: 'WGS84', gcj02: 'GCJ-02', bd09: 'BD-09' };

/**
 * Import a ledger: choose or drop a file → it is parsed in a Worker (progress, cancel) → preview with the
 * column mapping, every problem with its row, a coordinate-system hint and the resulting axis figures →
 * apply on confirmation. Nothing already shown changes until then.
 */
export function openImportDialog(
  bundle: DataBundle,
  corridorM: number,
  lang: Lang,
  onApply: (projects: MappedProject[], file: string, placed?: KnownPlacements) => void,
  onApplyProgress: ((rows: ProgressRow[], file: string) => void) | undefined,
  theme: Theme,
): HTMLDialogElement {
  let worker: Worker | null = null;
  /** What the user said the file's unknown words mean, and every unknown word seen in this file (with its rows). */
  let values: ValueChoices = {};
  let seen: Array<{ kind: EnumKind; text: string; rows: number }> = [];
  let file: { name: string; bytes: Uint8Array } | null = null;
  let encoding: Encoding = 'auto';
  let crs: Crs = 'wgs84';
  let sheet: string | null = null;
  let mapping: ColumnMapping | null = null;
  /** The coordinate system this dialog chose itself for the current file (from → to, with the evidence), once. */
  let autoCrs: { from: Crs; suggestion: NonNullable<LedgerImport['result']['crsSuggestion']> } | null = null;
  let autoCrsTried = false;

  const fileInput = el('input', { type: 'file', id: 'import-file', accept: '.csv,.tsv,.txt,.xlsx,.geojson,.json' });
  const drop = el('div', { class: 'drop-zone' }, el('label', { for: 'import-file' }, lt('importFile', lang)), fileInput, el('span', { class: 'muted' }, lt('importDrop', lang)));
  const encodingSelect = el('select', { id: 'import-encoding' }, ...ENCODINGS.map((e) => el('option', { value: e }, e)));
  const crsSelect = el('select', { id: 'import-crs' }, ...CRS_OPTIONS.map((c) => el('option', { value: c }, CRS_LABEL[c])));
  const sheetSelect = el('select', { id: 'import-sheet', disabled: '' });
  const options = el(
    'div',
    { class: 'import-options' },
    el('label', { for: 'import-encoding' }, lt('importEncoding', lang)),
    encodingSelect,
    el('label', { for: 'import-sheet' }, lt('importSheet', lang)),
    sheetSelect,
    el('label', { for: 'import-crs' }, lt('importCrs', lang)),
    crsSelect,
  );
  const status = el('div', { class: 'import-status', role: 'status', 'aria-live': 'polite' });
  const preview = el('div', { class: 'import-preview' });
  const close = el('button', { type: 'button', class: 'card-close', 'aria-label': t('close', lang) }, '×');
  const dialog = el(
    'dialog',
    { class: 'import-dialog', 'aria-labelledby': 'import-title' },
    el('header', {}, el('h2', { id: 'import-title' }, lt('importTitle', lang)), close),
    el('p', {}, lt('importIntro', lang)),
    drop,
    options,
    status,
    preview,
    onApplyProgress ? progressSection(bundle, lang, (rows, name) => {
      dialog.close();
      onApplyProgress(rows, name);
    }) : null,
  );

  const stop = () => {
    worker?.terminate();
    worker = null;
  };

  const run = () => {
    if (!file) return;
    stop();
    preview.replaceChildren();
    const progress = el('progress', { max: '1', value: '0' });
    const cancel = el('button', { type: 'button' }, lt('cancel', lang));
    cancel.addEventListener('click', () => {
      stop();
      status.replaceChildren();
    });
    status.replaceChildren(el('span', {}, lt('importReading', lang)), progress, cancel);
    worker = new Worker(new URL('../import/import_worker.ts', import.meta.url), { type: 'module' });
    // The worker's script did not load (or threw): say so rather than spin on "Reading…".
    worker.onerror = (e) => {
      stop();
      status.replaceChildren(el('p', { class: 'error', role: 'alert' }, lt('importWorkerFailed', lang, { why: e.message || 'network' })));
    };
    worker.onmessage = (e: MessageEvent<ImportReply>) => {
      const m = e.data;
      if (m.type === 'progress') {
        if (m.phase === 'rows') {
          progress.max = m.total || 1;
          progress.value = m.done;
          status.firstChild!.textContent = lt('importRows', lang, { done: m.done, total: m.total });
        }
      } else if (m.type === 'failed') {
        stop();
        status.replaceChildren(el('p', { class: 'error', role: 'alert' }, `${file!.name}: ${m.message}`));
      } else {
        stop();
        status.replaceChildren();
        showPreview(m.import, m.header, m.projectsJson, m.placementsJson, m.axes, m.points);
      }
    };
    const request: ImportRequest = {
      name: file.name,
      bytes: file.bytes,
      encoding,
      sheet,
      crs,
      mapping,
      axes: bundle.axes.features as AxisFeature[],
      zones: bundle.zones.features as ZoneFeature[],
      reported: bundle.reported,
      corridorM,
      anchors: anchorsOf(bundle),
      ...(Object.keys(values).length ? { values } : {}),
    };
    worker.postMessage(request);
  };

  const showPreview = (imp: LedgerImport, header: string[], projectsJson: Uint8Array, placementsJson: Uint8Array, axisFigures: AxisPreview[], points: Float64Array) => {
    const { result, read } = imp;
    mapping = imp.mapping;
    for (const u of result.unknown ?? []) {
      const known = seen.find((x) => x.kind === u.kind && x.text === u.text);
      if (known) known.rows = u.rows;
      else seen.push({ ...u });
    }
    if (read.sheets.length) {
      sheetSelect.disabled = false;
      sheetSelect.replaceChildren(...read.sheets.map((s) => el('option', { value: s }, s)));
      // The sheet read: the one chosen, else the one the reader took (the first that names projects).
      sheetSelect.value = sheet ?? read.sheet ?? read.sheets[0]!;
    }
    // The first reading of a file that looks like another coordinate system is read again in that system at
    // once: applying it as declared would put every pin ~550 m off. The hint says so and offers the way back.
    if (result.crsSuggestion && !autoCrsTried) {
      autoCrsTried = true;
      autoCrs = { from: crs, suggestion: result.crsSuggestion };
      crs = result.crsSuggestion.crs;
      crsSelect.value = crs;
      run();
      return;
    }
    const errors = result.issues.filter((i) => i.severity === 'error');
    const summary = el(
      'p',
      { class: 'import-summary' },
      lt('importSummary', lang, {
        format: read.format.toUpperCase(),
        encoding: read.encoding ? ` (${read.encoding})` : '',
        rows: result.stats.rows,
        valid: result.stats.valid,
        mapped: result.stats.mapped,
        errors: errors.length,
      }),
    );
    const notes = result.notes.map((n) => el('p', { class: 'muted small', 'data-note': n.code }, noteText(n, lang)));
    const sheetUnit = result.notes.find((n) => n.code === 'unit-row')?.factor ?? null;

    // Column mapping: one select per field, listing the file's columns.
    const columns = el('fieldset', { class: 'import-columns' }, el('legend', {}, lt('importColumns', lang)));
    for (const field of IMPORT_FIELDS) {
      const id = `map-${field}`;
      const select = el('select', { id }, el('option', { value: '' }, lt('importNoColumn', lang)), ...header.map((h, i) => el('option', { value: String(i) }, h || `#${i + 1}`)));
      const current = mapping[field];
      select.value = current ? String(current.column) : '';
      select.addEventListener('change', () => {
        const next: ColumnMapping = { ...mapping };
        if (select.value === '') delete next[field as ImportField];
        // The chosen column's unit: its header's, else the sheet's unit line's (单位：万元), else 亿元.
        else next[field as ImportField] = { column: Number(select.value), factor: columnFactor(header[Number(select.value)] ?? '', field as ImportField, sheetUnit) };
        mapping = next;
        run();
      });
      const label = field === 'lon' ? lt('fieldLon', lang) : field === 'lat' ? lt('fieldLat', lang) : field === 'lonlat' ? lt('fieldLonLat', lang) : field === 'wkt' ? lt('fieldWkt', lang) : LEDGER_COLUMNS[field].label[lang];
      columns.append(el('div', { class: 'map-row' }, el('label', { for: id }, label), select));
    }

    const issueList = el(
      'ul',
      { class: 'import-issues' },
      ...result.issues.slice(0, MAX_ISSUES).map((i) => el('li', { class: i.severity }, dataText(issueText(i, lang)))),
    );
    const more = result.issues.length > MAX_ISSUES ? el('p', { class: 'muted' }, lt('importMore', lang, { n: result.issues.length - MAX_ISSUES })) : null;

    let hint: HTMLElement | null = null;
    const s = result.crsSuggestion;
    if (autoCrs && crs === autoCrs.suggestion.crs) {
      const a = autoCrs;
      const back = el('button', { type: 'button', class: 'crs-undo' }, lt('importCrsUndo', lang, { crs: CRS_LABEL[a.from] }));
      back.addEventListener('click', () => {
        crs = a.from;
        crsSelect.value = crs;
        autoCrs = null;
        run();
      });
      hint = el(
        'div',
        { class: 'crs-hint auto', role: 'status' },
        el('p', {}, lt('importCrsAuto', lang, {
          crs: CRS_LABEL[a.suggestion.crs],
          from: CRS_LABEL[a.from],
          good: Math.round(a.suggestion.suggestedMedianM),
          bad: Math.round(a.suggestion.declaredMedianM),
          basis: lt(a.suggestion.basis === 'axes' ? 'importBasisAxes' : 'importBasisPlaces', lang),
        })),
        back,
      );
    } else if (s) {
      const use = el('button', { type: 'button', class: 'crs-apply' }, lt('importCrsApply', lang, { crs: CRS_LABEL[s.crs] }));
      use.addEventListener('click', () => {
        crs = s.crs;
        crsSelect.value = crs;
        run();
      });
      hint = el(
        'div',
        { class: 'crs-hint', role: 'alert' },
        el('p', {}, lt('importCrsHint', lang, {
          crs: CRS_LABEL[s.crs],
          good: Math.round(s.suggestedMedianM),
          bad: Math.round(s.declaredMedianM),
          basis: lt(s.basis === 'axes' ? 'importBasisAxes' : 'importBasisPlaces', lang),
        })),
        use,
      );
    }

    // What the axes would show (computed in the Worker).
    const axesTable = el(
      'ul',
      { class: 'import-axes' },
      ...axisFigures.map((a) =>
        el('li', { 'data-axis': a.id }, `${lang === 'zh' ? a.name_zh : a.name_en}: ${formatCount(a.projects, lang)} · ${formatYi(a.investment_yi, lang)} (${a.disclosed}/${a.projects})`),
      ),
    );

    // Apply asks once more, in the dialog (no browser confirm()): the current data is replaced (Undo restores it).
    const apply = el('button', { type: 'button', class: 'import-apply' }, lt('importApply', lang));
    apply.disabled = result.stats.valid === 0;
    const confirmBox = el('div', { class: 'import-confirm', role: 'alertdialog', 'aria-labelledby': 'import-confirm-text', hidden: '' });
    const yes = el('button', { type: 'button', class: 'import-confirm-yes' }, lt('importConfirmYes', lang));
    const no = el('button', { type: 'button', class: 'import-confirm-no' }, lt('cancel', lang));
    confirmBox.append(el('p', { id: 'import-confirm-text' }, lt('importConfirm', lang, { n: result.stats.valid, m: bundle.projects.length })), yes, ' ', no);
    apply.addEventListener('click', () => {
      confirmBox.hidden = false;
      yes.focus();
    });
    no.addEventListener('click', () => {
      confirmBox.hidden = true;
      apply.focus();
    });
    yes.addEventListener('click', () => {
      const projects = JSON.parse(new TextDecoder().decode(projectsJson)) as MappedProject[];
      void import('../app/share_when_idle.ts').then((m) => m.shareWhenIdle(projects), () => {});
      // The worker's placements, read and checked as a bundle's are, bound to these projects' sites.
      const placed = knownPlacements({ ...bundle, projects, placements: JSON.parse(new TextDecoder().decode(placementsJson)) as ShippedPlacements });
      onApply(projects, file!.name, 'value' in placed ? placed.value : undefined);
      dialog.close();
    });

    // Problems first: they are what to read before applying; then what the unknown words mean; then where the rows fall.
    preview.replaceChildren(
      summary,
      ...notes,
      ...(hint ? [hint] : []),
      ...(result.issues.length ? [el('h3', {}, lt('importIssues', lang)), issueList] : []),
      ...(more ? [more] : []),
      ...(seen.length ? [valueStep()] : []),
      el('h3', {}, lt('importPreview', lang)),
      el(
        'div',
        { class: 'import-where' },
        axesTable,
        renderMiniMap({ district: bundle.district, axes: bundle.axes, points, theme, label: lt('importMiniMap', lang, { n: points.length / 2 }) }),
      ),
      apply,
      confirmBox,
      columns,
    );
  };

  /**
   * The value-mapping step: each word the lists do not know (新建, 其它…), with its rows, and what it means — a
   * status, sector or axis, or 未公开 as it is read now. A choice reads the file again.
   */
  const valueStep = (): HTMLElement => {
    const options = (kind: EnumKind): Array<[string, string]> =>
      kind === 'status'
        ? STATUSES.map((x) => [x, STATUS_LABELS[x][lang]])
        : kind === 'sector'
          ? SECTORS.map((x) => [x, SECTOR_LABELS[x][lang]])
          : bundle.axes.features.map((f) => [String(f.properties.id), lang === 'zh' ? f.properties.name_zh : f.properties.name_en]);
    return el(
      'fieldset',
      { class: 'import-values' },
      el('legend', {}, lt('importValues', lang)),
      el('p', { class: 'muted small' }, lt('importValuesIntro', lang)),
      ...seen.map((u, i) => {
        const id = `import-value-${i}`;
        const select = el('select', { id, 'data-kind': u.kind, 'data-text': u.text }, el('option', { value: '' }, lt('importValueKeep', lang)), ...options(u.kind).map(([v, label]) => el('option', { value: v }, label)));
        select.value = values[u.kind]?.[u.text] ?? '';
        select.addEventListener('change', () => {
          values = { ...values, [u.kind]: { ...values[u.kind], [u.text]: select.value } };
          run();
        });
        return el('div', { class: 'map-row' }, el('label', { for: id }, lt('importValueRow', lang, { text: u.text, what: LEDGER_KIND_LABEL[u.kind][lang], rows: u.rows })), select);
      }),
    );
  };

  const take = async (f: File) => {
    values = {};
    seen = [];
    file = { name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) };
    autoCrs = null;
    autoCrsTried = false;
    sheet = null;
    mapping = null;
    sheetSelect.disabled = true;
    sheetSelect.replaceChildren();
    run();
  };
  fileInput.addEventListener('change', () => {
    const f = fileInput.files?.[0];
    if (f) void take(f);
  });
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    const f = e.dataTransfer?.files[0];
    if (f) void take(f);
  });
  encodingSelect.addEventListener('change', () => {
    encoding = encodingSelect.value as Encoding;
    mapping = null;
    run();
  });
  crsSelect.addEventListener('change', () => {
    crs = crsSelect.value as Crs;
    autoCrsTried = true; // the user's choice stands
    autoCrs = null;
    run();
  });
  sheetSelect.addEventListener('change', () => {
    sheet = sheetSelect.value;
    mapping = null;
    run();
  });
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    stop();
    dialog.remove();
  });
  document.body.append(dialog);
  dialog.showModal();
  return dialog;
}
