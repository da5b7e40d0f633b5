/**
 * The editor's panel (项目落图): pick a project, draw or type its location with accuracy and evidence, edit its
 * fields through the ledger's own checks, add or delete projects, undo and redo, see and discard changes, export.
 * A control like any other (src/controls/control.ts); drawing uses terra-draw on the app's map.
 */
import { TerraDraw, TerraDrawLineStringMode, TerraDrawPointMode, TerraDrawPolygonMode, TerraDrawSelectMode } from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import type { Control, ControlContext } from '../controls/control.ts';
import type { Notice } from '../controls/notice.ts';
import { parseCsv } from '../core/csv.ts';
import { CRS_OPTIONS, type Crs } from '../core/import/crs_check.ts';
import { LEDGER_COLUMNS, PROJECT_COLUMNS, type LedgerColumn } from '../core/ledger_columns.ts';
import { loadProjects } from '../core/load_projects.ts';
import { SECTOR_LABELS, SECTORS, STATUS_LABELS, STATUSES, type Lang, type MappedProject, type Site } from '../core/model.ts';
import { checkSiteGeometry, representativePoint, type SiteGeometry } from '../core/site_geometry.ts';
import type { UrlState } from '../core/url_state.ts';
import type { MapView } from '../map/map_view.ts';
import { el } from '../ui/dom.ts';
import { issueText, messageText } from '../ui/issue_text.ts';
import { fieldsChange, siteChange, type Change, type Fields } from './changes.ts';
import { et, type EditKey } from './edit_strings.ts';
import { ledgerCsv, parseChangesCsv } from './ledger_files.ts';
import { changeList } from './change_list.ts';
import { crsHint, knownPlaces, placesFor } from './places.ts';
import { typedGeometry } from './typed_coordinates.ts';
import type { EditSession } from './session.ts';

type DrawKind = 'point' | 'linestring' | 'polygon';
const KIND_OF: Record<string, EditKey> = { Point: 'kindPoint', LineString: 'kindLine', Polygon: 'kindArea' };

export function editPanel(ctx: ControlContext, session: EditSession, getView: () => MapView, notice: Notice, onExit: () => void): Control {
  const { store, model } = ctx;
  const lang = (): Lang => store.get().lang;
  const box = el('section', { class: 'edit-panel', 'aria-labelledby': 'edit-heading' });
  /** The project being edited: follows the selection, except while drawing (a click on the map is then a vertex). */
  let projectId: string | null = store.get().selection.kind === 'project' ? (store.get().selection as { id: string }).id : null;
  let draw: TerraDraw | null = null;
  let drawnMessage = '';
  let confirmAll = false;
  let confirmDelete = false;
  /** Coordinates the CRS hint was given for: saving them unchanged again means the planner confirms them. */
  let hinted = '';
  const places = knownPlaces(ctx.bundle.landmarks, ctx.bundle.projects);
  const CRS_NAME: Record<Crs, string> = { wgs84: 'WGS84', gcj02: 'GCJ-02', bd09: 'BD-09' };
  const status = el('p', { class: 'edit-status', role: 'status', 'aria-live': 'polite' });
  const problems = el('ul', { class: 'edit-problems', role: 'alert' });
  /** Messages sit just above the buttons that caused them (`near`), where the eye is. */
  const messages = el('div', { class: 'edit-messages' }, status, problems);
  const place = (near?: HTMLElement) => {
    if (near?.isConnected) near.before(messages);
    messages.scrollIntoView?.({ block: 'nearest' });
  };
  const say = (text: string, near?: HTMLElement) => {
    problems.replaceChildren();
    status.textContent = text;
    place(near);
  };
  const fail = (lines: string[], near?: HTMLElement) => {
    status.textContent = '';
    problems.replaceChildren(...lines.map((l) => el('li', {}, l)));
    place(near);
  };
  /** Stores a change; an edit that cannot be stored is said and not applied. */
  const commit = (change: Change | null) => {
    if (!change) return say(et('noChange', lang()));
    // The card shows what was saved, and the panel stays on the project (the app is rebuilt on the new data).
    if (change.kind !== 'delete') store.set({ selection: { kind: 'project', id: change.id } });
    session.commit(change).then(
      () => say(et('saved', lang())),
      (e: Error) => notice.notify(et('writeFailed', lang(), { why: e.message })),
    );
  };
  const current = (): MappedProject | null => (projectId ? (model.project(projectId)?.project ?? null) : null);

  // ---------------------------------------------------------------- drawing
  const stopDrawing = () => {
    draw?.stop();
    draw = null;
    getView().map?.getCanvas().classList.remove('drawing');
  };
  const startDrawing = (kind: DrawKind, near?: HTMLElement) => {
    const map = getView().map;
    if (!map) return;
    stopDrawing();
    draw = new TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map }),
      modes: [
        new TerraDrawPointMode(),
        new TerraDrawLineStringMode(),
        new TerraDrawPolygonMode(),
        new TerraDrawSelectMode({
          flags: {
            point: { feature: { draggable: true } },
            linestring: { feature: { draggable: true, coordinates: { draggable: true, deletable: true, midpoints: true } } },
            polygon: { feature: { draggable: true, coordinates: { draggable: true, deletable: true, midpoints: true } } },
          },
        }),
      ],
    });
    draw.start();
    draw.setMode(kind);
    map.getCanvas().classList.add('drawing');
    draw.on('finish', (id, context) => {
      if (context.action !== 'draw' || !draw) return;
      // One geometry per site: a new drawing replaces the one before.
      const others = draw.getSnapshot().filter((f) => f.id !== id).map((f) => f.id!);
      if (others.length) draw.removeFeatures(others);
      draw.setMode('select');
      draw.selectFeature(id);
      const g = draw.getSnapshotFeature(id)?.geometry;
      drawnMessage = g ? et('drawn', lang(), { what: et(KIND_OF[g.type] ?? 'kindPoint', lang()) }) : '';
      say(drawnMessage, near);
    });
    say(et('drawHelp', lang()), near);
  };
  const drawnGeometry = (): unknown => draw?.getSnapshot()[0]?.geometry ?? null;

  // ---------------------------------------------------------------- the parts of the panel
  const header = () => {
    const n = session.changes.length;
    const button = (key: EditKey, run: () => void, disabled = false, attrs: Record<string, string> = {}) => {
      const b = el('button', { type: 'button', ...attrs }, et(key, lang()));
      b.disabled = disabled;
      b.addEventListener('click', run);
      return b;
    };
    const fileInput = el('input', { type: 'file', accept: '.csv,text/csv', class: 'visually-hidden', 'aria-label': et('applyChanges', lang()) });
    fileInput.addEventListener('change', async () => {
      const file = fileInput.files?.[0];
      if (!file) return;
      const { rows } = parseCsv(await file.text());
      const [head, ...body] = rows.map((r) => r.fields);
      const parsed = parseChangesCsv(body.map((r) => Object.fromEntries((head ?? []).map((h, i) => [h, r[i] ?? '']))));
      if ('error' in parsed) return fail([et('changeFileProblem', lang(), { file: file.name, row: parsed.row, message: messageText(parsed.error, lang()) })]);
      session.applyAll(parsed.changes).then(
        () => say(et('applied', lang(), { n: parsed.changes.length })),
        (e: Error) => notice.notify(et('writeFailed', lang(), { why: e.message })),
      );
    });
    const applyLabel = el('label', { class: 'button-like' }, et('applyChanges', lang()), fileInput);
    return el(
      'div',
      { class: 'edit-header' },
      el('h2', { id: 'edit-heading' }, et('panel', lang())),
      el('p', { class: 'edit-pending', 'data-pending': String(n) }, n ? et('pending', lang(), { n }) : et('pendingNone', lang())),
      el('p', { class: 'muted small' }, et('pendingNote', lang())),
      el(
        'div',
        { class: 'edit-actions' },
        button('undo', () => void session.undo(), n === 0, { 'data-key': 'edit-undo' }),
        button('redo', () => void session.redo(), !session.canRedo, { 'data-key': 'edit-redo' }),
        button('exportLedger', () => void session.exportLedger(), false, { 'data-key': 'edit-export' }),
        button('exportChanges', () => session.exportChanges(), n === 0),
        applyLabel,
        button('exit', onExit, false, { 'data-key': 'edit-exit' }),
      ),
      session.stale.length
        ? el('p', { class: 'edit-stale', role: 'alert' }, et('stale', lang(), { n: session.stale.length, ids: [...new Set(session.stale.map((c) => c.id))].join(', ') }))
        : null,
    );
  };

  const picker = () => {
    const select = el('select', { id: 'edit-project', 'data-key': 'edit-project' });
    select.append(el('option', { value: '' }, '—'));
    // Not mapped first: placing those is the job.
    const projects = [...ctx.bundle.projects].sort((a, b) => Number(!!a.site) - Number(!!b.site));
    for (const p of projects) {
      const name = lang() === 'zh' ? p.name_zh : (p.name_en ?? p.name_zh);
      select.append(el('option', { value: p.id }, `${name}${p.site ? '' : et('notMapped', lang())}`));
    }
    select.value = projectId ?? '';
    select.addEventListener('change', () => {
      stopDrawing();
      projectId = select.value || null;
      confirmDelete = false;
      if (projectId) ctx.selectProject(projectId, true);
      draw_();
    });
    return el('div', { class: 'edit-field' }, el('label', { for: 'edit-project' }, et('project', lang())), select);
  };

  const locationForm = (p: MappedProject) => {
    const site = p.site;
    const drawButton = (key: EditKey, kind: DrawKind) => {
      const b = el('button', { type: 'button', 'data-draw': kind }, et(key, lang()));
      b.addEventListener('click', () => startDrawing(kind, b.parentElement ?? undefined));
      return b;
    };
    const coords = el('textarea', { id: 'edit-coords', rows: '3', placeholder: '113.65,34.73' });
    const kind = el('select', { id: 'edit-kind' }, ...(['Point', 'LineString', 'Polygon'] as const).map((k) => el('option', { value: k }, et(KIND_OF[k]!, lang()))));
    const crs = el('select', { id: 'edit-crs' }, ...CRS_OPTIONS.map((c) => el('option', { value: c }, { wgs84: 'WGS84', gcj02: 'GCJ-02（高德/腾讯）', bd09: 'BD-09（百度）' }[c])));
    const accuracy = el('input', { id: 'edit-accuracy', inputmode: 'decimal', value: site?.accuracy_m != null ? String(site.accuracy_m) : '' });
    const evidence = el('input', { id: 'edit-evidence', value: (lang() === 'zh' ? site?.evidence_zh : null) ?? site?.evidence ?? '' });
    const place = el('input', { id: 'edit-place', value: site?.place ?? '' });
    const save = el('button', { type: 'button', class: 'primary', 'data-key': 'edit-save-location' }, et('saveLocation', lang()));
    const hits = placesFor(p, places);
    const suggestions = hits.length
      ? el(
          'div',
          { class: 'edit-suggestions' },
          el('span', { class: 'small' }, et('suggestions', lang())),
          ...hits.map((h) => {
            const kindText = et(h.kind === 'landmark' ? 'suggestLandmark' : 'suggestSite', lang());
            const b = el('button', { type: 'button', class: 'link', 'data-suggest': h.name }, `${h.name}（${kindText}）`);
            b.addEventListener('click', () => {
              stopDrawing();
              coords.value = `${h.lon},${h.lat}`;
              kind.value = 'Point';
              crs.value = 'wgs84';
              place.value = h.name;
              evidence.value = et('suggestEvidence', lang(), { name: h.name, kind: kindText });
              // How near is for the planner to say.
              accuracy.focus();
            });
            return b;
          }),
        )
      : null;
    save.addEventListener('click', () => {
      const wrong: string[] = [];
      let geometry: unknown = drawnGeometry();
      if (!geometry && coords.value.trim()) {
        // Typed coordinates that land on a place the project names only under another system: probably that one.
        const first = coords.value.trim().split(/\r?\n/)[0]!.split(/[,，\s]+/).map(Number);
        const key = `${coords.value}|${crs.value}`;
        const hint = first.length === 2 && first.every(Number.isFinite) && key !== hinted ? crsHint(first[0]!, first[1]!, crs.value as Crs, hits) : null;
        if (hint) {
          const message = et('crsHint', lang(), {
            declared: CRS_NAME[crs.value as Crs],
            crs: CRS_NAME[hint.crs],
            place: hint.place,
            typed: Math.round(hint.typedM),
            suggested: Math.round(hint.suggestedM),
          });
          crs.value = hint.crs;
          hinted = `${coords.value}|${crs.value}`;
          return fail([message], save.parentElement!);
        }
        const typed = typedGeometry(coords.value, kind.value as 'Point' | 'LineString' | 'Polygon', crs.value as Crs, lang());
        if ('error' in typed) wrong.push(typed.error);
        else geometry = typed.geometry;
      }
      if (!geometry && site && !wrong.length) geometry = site.geometry ?? { type: 'Point', coordinates: [site.lon, site.lat] };
      if (!geometry && !wrong.length) wrong.push(et('needGeometry', lang()));
      const checked = geometry ? checkSiteGeometry(geometry) : null;
      if (checked) for (const message of checked.errors) wrong.push(et('geometryProblem', lang(), { message: messageText(message, lang()) }));
      const metres = Number(accuracy.value.trim());
      if (!accuracy.value.trim() || !Number.isFinite(metres) || metres < 0) wrong.push(et('needAccuracy', lang()));
      if (!evidence.value.trim()) wrong.push(et('needEvidence', lang()));
      if (wrong.length || !checked?.geometry) return fail(wrong, save.parentElement!);
      const g: SiteGeometry = checked.geometry;
      const [lon, lat] = g.type === 'Point' ? (g.coordinates as [number, number]) : representativePoint(g);
      const text = evidence.value.trim();
      const hasHan = /[\u3400-\u9fff]/.test(text);
      const next: Site = {
        ...(g.type === 'Point' ? {} : { geometry: g }),
        project_id: p.id,
        feature: -1,
        lon,
        lat,
        accuracy_m: metres,
        place: place.value.trim() || null,
        confidence: null,
        evidence: text,
        ...(hasHan ? { evidence_zh: text } : {}),
      };
      stopDrawing();
      commit(siteChange(p, next));
    });
    const remove = el('button', { type: 'button', 'data-key': 'edit-remove-location' }, et('removeLocation', lang()));
    remove.disabled = !site;
    remove.addEventListener('click', () => commit(siteChange(p, null)));
    const field = (id: string, key: EditKey, input: HTMLElement) => el('div', { class: 'edit-field' }, el('label', { for: id }, et(key, lang())), input);
    return el(
      'fieldset',
      { class: 'edit-location' },
      el('legend', {}, et('location', lang())),
      el('div', { class: 'edit-actions' }, drawButton('drawPoint', 'point'), drawButton('drawLine', 'linestring'), drawButton('drawArea', 'polygon')),
      suggestions,
      field('edit-coords', 'coordinates', coords),
      el('div', { class: 'edit-row' }, field('edit-kind', 'coordinatesKind', kind), field('edit-crs', 'crs', crs)),
      field('edit-accuracy', 'accuracy', accuracy),
      field('edit-evidence', 'evidence', evidence),
      field('edit-place', 'place', place),
      el('div', { class: 'edit-actions' }, save, remove),
    );
  };

  /** The ledger's columns (its table, ledger_columns.ts), checked by the ledger's own loader on save. */
  const fieldsForm = (p: MappedProject) => {
    const inputs = new Map<LedgerColumn, HTMLInputElement | HTMLSelectElement>();
    const options = (values: readonly string[], label: (v: string) => string) => [el('option', { value: '' }, '—'), ...values.map((v) => el('option', { value: v }, label(v)))];
    const rows = PROJECT_COLUMNS.filter((c) => c !== 'id').map((c) => {
      const spec = LEDGER_COLUMNS[c];
      const value = p[c] == null ? '' : String(p[c]);
      const input =
        spec.kind === 'status'
          ? el('select', { id: `edit-${c}` }, ...options(STATUSES, (s) => STATUS_LABELS[s as keyof typeof STATUS_LABELS][lang()]))
          : spec.kind === 'sector'
            ? el('select', { id: `edit-${c}` }, ...options(SECTORS, (s) => SECTOR_LABELS[s as keyof typeof SECTOR_LABELS][lang()]))
            : spec.kind === 'axis'
              ? el('select', { id: `edit-${c}` }, ...options(model.layout.axisIds, (a) => model.axisNames[a]?.[lang()] ?? a))
              : el('input', { id: `edit-${c}`, ...(spec.kind === 'amount' ? { inputmode: 'decimal' } : {}) });
      input.value = value;
      inputs.set(c, input);
      return el('div', { class: 'edit-field' }, el('label', { for: `edit-${c}` }, spec.label[lang()]), input);
    });
    const save = el('button', { type: 'button', class: 'primary', 'data-key': 'edit-save-fields' }, et('saveFields', lang()));
    save.addEventListener('click', () => {
      const row: Record<string, string> = { id: p.id };
      for (const [c, input] of inputs) row[c] = input.value.trim();
      // The same check as `npm run data` and the import: the ledger's loader on a one-row ledger.
      const text = ledgerCsv([{ ...p, ...row, site: null } as unknown as MappedProject]);
      const loaded = loadProjects(et('fields', lang()), text, model.layout.axisIds);
      const errors = loaded.issues.filter((i) => i.severity === 'error');
      if (errors.length || !loaded.value?.[0]) return fail(errors.map((i) => issueText(i, lang())), save.parentElement!);
      const { id: _id, ...next } = loaded.value[0];
      commit(fieldsChange(p, next as Fields));
    });
    const del = el('button', { type: 'button', class: confirmDelete ? 'danger' : '', 'data-key': 'edit-delete' }, confirmDelete ? et('deleteConfirm', lang(), { name: p.name_zh }) : et('deleteProject', lang()));
    del.addEventListener('click', () => {
      if (!confirmDelete) {
        confirmDelete = true;
        return draw_();
      }
      confirmDelete = false;
      store.set({ selection: { kind: 'none' } });
      projectId = null;
      commit({ kind: 'delete', id: p.id, before: p, at: new Date().toISOString() });
    });
    return el('fieldset', { class: 'edit-fields' }, el('legend', {}, et('fields', lang())), ...rows, el('div', { class: 'edit-actions' }, save, del));
  };

  const addForm = () => {
    const id = el('input', { id: 'edit-new-id', placeholder: 'new-project' });
    const name = el('input', { id: 'edit-new-name' });
    const add = el('button', { type: 'button', 'data-key': 'edit-add' }, et('add', lang()));
    add.addEventListener('click', () => {
      const pid = id.value.trim();
      if (model.project(pid)) return fail([et('idTaken', lang(), { id: pid })], add);
      const blank = Object.fromEntries(PROJECT_COLUMNS.map((c) => [c, null])) as unknown as MappedProject;
      const month = new Date().toISOString().slice(0, 7);
      const draft = { ...blank, id: pid, name_zh: name.value.trim(), source: 'editor', as_of: month, site: null };
      const loaded = loadProjects(et('addProject', lang()), ledgerCsv([draft]), model.layout.axisIds);
      const errors = loaded.issues.filter((i) => i.severity === 'error');
      if (errors.length || !loaded.value?.[0]) return fail(errors.map((i) => issueText(i, lang())), add);
      projectId = pid;
      commit({ kind: 'add', id: pid, after: { ...loaded.value[0], site: null }, at: new Date().toISOString() });
    });
    return el(
      'details',
      { class: 'edit-add' },
      el('summary', {}, et('addProject', lang())),
      el('div', { class: 'edit-field' }, el('label', { for: 'edit-new-id' }, et('newId', lang())), id),
      el('div', { class: 'edit-field' }, el('label', { for: 'edit-new-name' }, et('newName', lang())), name),
      add,
    );
  };

  function draw_() {
    const p = current();
    box.replaceChildren(
      header(),
      picker(),
      messages,
      ...(p ? [locationForm(p), fieldsForm(p)] : []),
      addForm(),
      changeList(session, lang(), confirmAll, () => {
        confirmAll = !confirmAll;
        if (confirmAll) draw_();
        else void session.discardAll();
      }),
    );
  }

  return {
    element: box,
    update(s: UrlState, changed) {
      if (changed('selection') && s.selection.kind === 'project' && !draw && s.selection.id !== projectId) {
        projectId = s.selection.id;
        confirmDelete = false;
      }
      if (changed('lang', 'selection')) draw_();
    },
    destroy: stopDrawing,
  };
}
